package dev.cordbus.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionReaderTest {

  enum Mode { FAST, SAFE }

  private static OptionReader reader(String json) {
    return new OptionReader(new JsonObject(json));
  }

  @Test
  void absentKeysTakeTheDefaults() {
    OptionReader r = reader("{}");
    assertEquals(7, r.intValue("n", 7, 0, 10));
    assertEquals(7L, r.longValue("n", 7L, 0, 10));
    assertNull(r.optionalInt("n", null, 0, 10));
    assertTrue(r.bool("b", true));
    assertEquals("d", r.string("s", "d"));
    assertEquals(Mode.SAFE, r.oneOf("m", Mode.class, Mode.SAFE));
    assertNull(r.intList("ids", 0, 10));
    assertNull(r.object("o"));
    assertTrue(r.errors().isEmpty());
    r.throwIfInvalid("test", IllegalArgumentException::new);
  }

  @Test
  void wholeNumbersPassAndAFractionIsRejectedNamingTheFieldAndWhatToWrite() {
    OptionReader r = reader("{\"a\": 3, \"b\": 3.0, \"c\": 1.5, \"d\": \"4\"}");
    assertEquals(3, r.intValue("a", 0, 0, 10));
    assertEquals(3, r.intValue("b", 0, 0, 10), "3.0 is a whole number");
    assertEquals(9, r.intValue("c", 9, 0, 10), "1.5 is rejected and the default kept, not truncated to 1");
    assertEquals(9, r.intValue("d", 9, 0, 10), "a quoted number is rejected");
    assertEquals(2, r.errors().size(), r.errors().toString());
    assertEquals("c: must be a whole number, was 1.5; write it without a fraction (e.g. 1 or 2)", r.errors().get(0));
    assertTrue(r.errors().get(1).startsWith("d: must be a whole number, was \"4\"; write a JSON number without quotes"),
        r.errors().get(1));
  }

  @Test
  void rangesAreCheckedAndSaidInTheMessage() {
    OptionReader r = reader("{\"port\": 70000, \"size\": -1, \"count\": 0}");
    r.intValue("port", 0, 0, 65535);
    r.intValue("size", 0, 0, Integer.MAX_VALUE);
    r.intValue("count", 1, 1, Integer.MAX_VALUE);
    assertEquals(List.of(
        "port: must be between 0 and 65535, was 70000; use a value in that range or remove the key for the default",
        "size: must be >= 0, was -1; use a value in that range or remove the key for the default",
        "count: must be at least 1, was 0; use a value in that range or remove the key for the default"),
        r.errors());
  }

  @Test
  void everyBadFieldIsNamedInOneMessage() {
    OptionReader r = reader("{\"a\": 1.5, \"b\": \"yes\", \"c\": \"\", \"ops\": {\"port\": \"x\", \"typo\": 1}}");
    r.intValue("a", 0, 0, 10);
    r.bool("b", false);
    r.string("c", "x");
    OptionReader ops = r.section("ops");
    ops.intValue("port", 0, 0, 65535);
    ops.onlyKeys(Set.of("port"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.throwIfInvalid("test", IllegalArgumentException::new));
    String m = e.getMessage();
    assertTrue(m.startsWith("invalid test configuration: a: must be a whole number"), m);
    for (String field : List.of("a: ", "; b: must be true or false, was \"yes\"", "; c: must be a non-empty string",
        "; ops.port: must be a whole number, was \"x\"", "; ops.typo: unknown key; known keys are [port]")) {
      assertTrue(m.contains(field), field + " missing in: " + m);
    }
    assertEquals(5, r.errors().size(), "the section's errors are collected with its parent's");
  }

  @Test
  void environmentOverridesAreParsedWithTheSameRules() {
    Map<String, String> env = Map.of("N", "12", "BAD", "1.5", "ON", "on", "OFF", "0", "WHAT", "maybe",
        "URL", "http://127.0.0.1:1/api/", "BLANK", "  ");
    OptionReader r = new OptionReader(new JsonObject().put("n", 3).put("b", false), env::get);
    assertEquals(12, r.intValue("n", "N", 0, 0, 100), "the environment wins over the file");
    assertEquals(3, r.intValue("n", "BLANK", 0, 0, 100), "a blank variable is not an override");
    assertEquals(5, r.intValue("m", "BAD", 5, 0, 100));
    assertTrue(r.bool("b", "ON", false));
    assertFalse(r.bool("c", "OFF", true));
    assertTrue(r.bool("d", "WHAT", true));
    assertEquals("http://127.0.0.1:1/api", r.url("u", "URL", null, "http://", "https://"));
    assertEquals(2, r.errors().size(), r.errors().toString());
    assertTrue(r.errors().get(0).startsWith("m: must be a whole number, was \"1.5\" (from BAD); set BAD to digits"),
        r.errors().get(0));
    assertTrue(r.errors().get(1).startsWith("d: must be true or false, was \"maybe\" (from WHAT)"),
        r.errors().get(1));
  }

  @Test
  void enumsListsAndObjects() {
    OptionReader r = reader("{\"m\": \"fast\", \"set\": [\"safe\", \"FAST\"], \"bad\": \"slow\", \"ids\": [0, 2],"
        + " \"dup\": [1, 1], \"frac\": [0.5], \"o\": {\"k\": 1}, \"u\": \"ftp://x\"}");
    assertEquals(Mode.FAST, r.oneOf("m", Mode.class, Mode.SAFE));
    assertEquals(EnumSet.allOf(Mode.class), r.setOf("set", Mode.class, Set.of()));
    assertEquals(Mode.SAFE, r.oneOf("bad", Mode.class, Mode.SAFE));
    assertEquals(List.of(0, 2), r.intList("ids", 0, 3));
    assertNull(r.intList("dup", 0, 3));
    assertNull(r.intList("frac", 0, 3));
    assertEquals(new JsonObject().put("k", 1), r.object("o"));
    assertEquals("http://d", r.url("u", null, "http://d", "http://", "https://"));
    assertEquals(List.of("bad: must be one of [FAST, SAFE], was \"slow\"", "dup: holds 1 twice; list each once",
        "frac: holds 0.5, which is not a whole number; e.g. [0, 1]",
        "u: must be a URL starting with http:// or https://, was \"ftp://x\"; e.g. http://127.0.0.1:8080"),
        r.errors());
  }

  @Test
  void aSectionThatIsNotAnObjectIsNamed() {
    OptionReader r = new OptionReader(new JsonObject().put("ops", new JsonArray()));
    assertEquals(5, r.section("ops").intValue("port", 5, 0, 10));
    assertEquals(1, r.errors().size());
    assertTrue(r.errors().get(0).startsWith("ops: must be a JSON object, was []"), r.errors().get(0));
  }
}
