package dev.cordbus.state.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pull reader: what it reads from valid JSON, and that broken or cut JSON is refused with a position. */
class JsonCursorTest {

  private static JsonCursor over(String json) {
    byte[] a = json.getBytes(StandardCharsets.UTF_8);
    return new JsonCursor(a, 0, a.length);
  }

  /** The value of the only key of {@code {"k": value}}, read by {@code reader}. */
  private interface Reader<T> {
    T read(JsonCursor c) throws IOException;
  }

  private static <T> T field(String value, Reader<T> reader) throws IOException {
    JsonCursor c = over("{\"k\": " + value + " }");
    c.enter();
    assertTrue(c.nextKey());
    assertTrue(c.key("k"));
    T v = reader.read(c);
    assertFalse(c.nextKey(), "the value was consumed to its end");
    return v;
  }

  @Test
  void stringsDecodeEscapesAndUnicodeAsJacksonDoes() throws IOException {
    assertEquals("plain", field("\"plain\"", JsonCursor::text));
    assertEquals("q\"b\\s/\b\f\n\r\t", field("\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t\"", JsonCursor::text));
    assertEquals("é€😀", field("\"é€😀\"", JsonCursor::text), "raw UTF-8 of 2, 3 and 4 bytes");
    assertEquals("é\uD83D\uDE00", field("\"\\u00E9\\ud83d\\ude00\"", JsonCursor::text), "a surrogate pair escaped");
    assertEquals("\uD83D", field("\"\\ud83d\"", JsonCursor::text), "a lone surrogate passes as Jackson passes it");
    assertEquals("", field("\"\"", JsonCursor::text));
    assertNull(field("{\"a\":[1]}", JsonCursor::text), "not a string: skipped, null");
  }

  @Test
  void idsAreReadFromStringsAndNumbersAndNullsAreZero() throws IOException {
    assertEquals(41771983423143937L, field("\"41771983423143937\"", JsonCursor::id));
    assertEquals(41771983423143937L, field("41771983423143937", JsonCursor::id), "an id sent as a number");
    assertEquals(Long.parseUnsignedLong("18446744073709551615"), field("\"18446744073709551615\"", JsonCursor::id));
    assertEquals(1900, field("1.9e3", JsonCursor::id));
    assertEquals(new BigInteger("123456789012345678901").longValue(), field("123456789012345678901", JsonCursor::id));
    assertEquals(0, field("null", JsonCursor::id));
    assertEquals(0, field("\"abc\"", JsonCursor::id));
    assertEquals(0, field("{\"id\":\"1\"}", JsonCursor::id));
    assertEquals(0, field("\"\"", JsonCursor::id));
    assertArrayEquals(new long[] {5, 7, 9}, field("[\"5\", 7, null, \"x\", 9, {}]", JsonCursor::ids));
    assertArrayEquals(Ids.EMPTY, field("[ ]", JsonCursor::ids));
    assertNull(field("null", JsonCursor::ids));
  }

  @Test
  void booleansNumbersAndUnknownValues() throws IOException {
    assertTrue(field("true", JsonCursor::bool));
    assertFalse(field("false", JsonCursor::bool));
    assertFalse(field("\"true\"", JsonCursor::bool));
    assertFalse(field("null", JsonCursor::bool));
    assertEquals(64, field("64", JsonCursor::intValue));
    assertEquals(-7, field("-7", JsonCursor::intValue));
    assertEquals(Integer.MAX_VALUE, field("1e40", JsonCursor::intValue), "a float saturates, as Double.intValue");
    assertEquals((int) 4294967297L, field("4294967297", JsonCursor::intValue), "a long keeps its low bits");
    assertNull(field("null", JsonCursor::value));
    assertEquals("s", field("\"s\"", JsonCursor::value));
    assertEquals(Boolean.TRUE, field("true", JsonCursor::value));
    assertEquals(12, field("12", JsonCursor::value));
    assertEquals(new JsonObject().put("a", new JsonArray().add(1).add(new JsonObject().put("b", (Object) null)))
        .put("c", "d"), field("{\"a\":[1,{\"b\":null}], \"c\":\"d\"}", JsonCursor::value), "nested, as Vert.x");
    assertEquals(new JsonArray(), field("[]", JsonCursor::value));
  }

  @Test
  void keysAreComparedAsBytesAndEscapedKeysAsWhatTheySpell() throws IOException {
    JsonCursor c = over("{\"id\":1,\"\\u0069d\":2,\"ünï\":3}");
    c.enter();
    assertTrue(c.nextKey());
    assertTrue(c.key("id"));
    assertFalse(c.key("i"));
    c.skip();
    assertTrue(c.nextKey());
    assertTrue(c.key("id"), "an escaped key is the key it spells");
    assertEquals("id", c.key());
    c.skip();
    assertTrue(c.nextKey());
    assertEquals("ünï", c.key());
    c.skip();
    assertFalse(c.nextKey());
    assertEquals(JsonCursor.END, c.kind());
  }

  @Test
  void skipPassesOverNestedValuesAndStopsAtTheSlice() throws IOException {
    String object = "{\"a\":[1,{\"b\":[[]]},\"}\"],\"c\":true}";
    byte[] a = ("xx" + object + "{\"d\":1}").getBytes(StandardCharsets.UTF_8);
    int end = 2 + object.length();
    JsonCursor c = new JsonCursor(a, 2, end);
    assertEquals(JsonCursor.OBJECT, c.kind());
    c.skip();
    assertEquals(end, c.position());
    assertEquals(JsonCursor.END, c.kind(), "nothing is read past the slice");
  }

  private static final String[] MALFORMED = {
      "", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "{\"a\":1,}", "{,\"a\":1}", "{\"a\" 1}", "{\"a\":1 \"b\":2}",
      "{\"a\":[1,2}", "{\"a\":[1,,2]}", "{\"a\":[1 2]}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":fals}",
      "{\"a\":truex}", "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":.5}",
      "{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\",
      "{\"a\":\"tab\there\"}", "{\"a\":\"\u0001\"}", "{a:1}", "{'a':1}", "{\"a\":1}}", "{\"a\":[}", "{\"a\":{]}",
      "{\"a\":NaN}", "{\"a\":undefined}", "{\"a\":1}x",
  };

  @Test
  void malformedAndTruncatedInputIsRefusedNeverLoopsOrOverreads() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (String json : MALFORMED) {
        if (json.equals("{\"a\":1}}") || json.equals("{\"a\":1}x")) {
          JsonCursor c = over(json);
          c.skip();
          assertEquals(7, c.position(), "trailing bytes are the caller's business: " + json);
          continue;
        }
        IOException e = assertThrows(IOException.class, () -> over(json).skip(), json);
        assertTrue(e.getMessage().contains(" at byte "), e.getMessage());
      }
      byte[] badUtf8 = {'"', (byte) 0xC3, 'd', '"'};
      assertThrows(IOException.class, () -> new JsonCursor(badUtf8, 0, 4).text(), "bad continuation byte");
      byte[] badStart = {'"', (byte) 0xFF, '"'};
      assertThrows(IOException.class, () -> new JsonCursor(badStart, 0, 3).text(), "bad start byte");
      byte[] cutUtf8 = {'"', (byte) 0xE2, (byte) 0x82, '"'};
      assertThrows(IOException.class, () -> new JsonCursor(cutUtf8, 0, 4).text(), "sequence cut by the quote");
      String deep = "[".repeat(JsonCursor.MAX_DEPTH + 1) + "]".repeat(JsonCursor.MAX_DEPTH + 1);
      assertThrows(IOException.class, () -> over(deep).skip(), "nesting over 1000, as Jackson");
      String ok = "[".repeat(JsonCursor.MAX_DEPTH) + "]".repeat(JsonCursor.MAX_DEPTH);
      over(ok).skip();
      // every cut of a valid object is refused (the slice ends early), whatever the reader
      String full = "{\"id\":\"1\",\"s\":\"a\\u00e9\\n😀\",\"n\":-1.5e3,\"b\":[true,false,null,{\"x\":{}}]}";
      byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
      for (int n = 0; n < bytes.length; n++) {
        JsonCursor c = new JsonCursor(bytes, 0, n);
        int cut = n;
        assertThrows(IOException.class, () -> {
          c.enter();
          while (c.nextKey()) {
            c.value();
          }
        }, () -> "cut at " + cut);
      }
    });
  }
  /** {@code levels} containers, objects and arrays in turn ({"k":[1,{"k":[1,...null...]}]}), closed. */
  private static String mixed(int levels) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      b.append(i % 2 == 0 ? "{\"k\":" : "[1,");
    }
    b.append("null");
    for (int i = levels - 1; i >= 0; i--) {
      b.append(i % 2 == 0 ? '}' : ']');
    }
    return b.toString();
  }

  /** Input, then the error skip() and value() give for it, word for word (or "" when both read it whole). */
  private static final String[][] REFUSALS = {
      {mixed(1000), ""},
      {mixed(1001), "nesting deeper than 1000 at byte 4000 of 5010"},
      // a wrong closing bracket 70 levels down, where an object is open
      {mixed(70).replaceFirst("]}]", "]]]"), "expected ',' or '}' but found ']' at byte 285 of 354"},
      {"[1,2}", "expected ',' or ']' but found '}' at byte 4 of 5"},
      {"[1 2]", "expected ',' or ']' but found '2' at byte 3 of 5"},
      {"{\"a\":1,}", "expected a key but found '}' at byte 7 of 8"},
      {"{\"a\" 1}", "expected ':' after key but found '1' at byte 5 of 7"},
      {"{\"a\":[1,{\"b\":tru}]}", "unrecognized token, expected 'true' at byte 13 of 19"},
      {"[{\"a\":\"\\x\"}]", "unrecognized escape \\x at byte 8 of 12"},
      {"{\"a\":{\"b\":[]}", "unexpected end of input inside an object or array at byte 13 of 13"},
  };

  @Test
  void deepAndMixedNestingIsSkippedAndReadToTheLimitAndRefusedPastItWithTheSameWords() throws IOException {
    for (String[] r : REFUSALS) {
      if (r[1].isEmpty()) {
        JsonCursor c = over(r[0]);
        c.skip();
        assertEquals(r[0].length(), c.position(), r[0]);
        JsonCursor v = over(r[0]);
        assertEquals(new JsonObject(r[0]), v.value(), "1000 levels, as Vert.x reads them");
        continue;
      }
      assertEquals(r[1], assertThrows(IOException.class, () -> over(r[0]).skip()).getMessage());
      assertEquals(r[1], assertThrows(IOException.class, () -> over(r[0]).value()).getMessage());
    }
  }
}
