package dev.cordbus.state.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.JsonRead;
import dev.cordbus.state.store.JsonSlice;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cursor-based readers give what the Jackson-based readers gave (kept as {@link JacksonPatches}), field for field,
 * on every user, member and presence object of the fixtures and on hand-written odd ones, and refuse exactly what
 * Jackson refused on thousands of broken variants (every truncation, bytes replaced by structural characters,
 * control characters and bad UTF-8), without reading past the slice or hanging.
 */
class CursorParityTest {

  private enum Kind { USER, MEMBER, PRESENCE }

  /** Bytes around each slice: reading past its end (or before its start) would change what is read. */
  private static final byte[] PAD = "\"}],1,{\"x\":".getBytes(StandardCharsets.UTF_8);

  private static String jackson(Kind kind, byte[] a, int from, int to) {
    try (JsonParser p = JsonRead.parser(a, from, to - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "not an object";
      }
      return switch (kind) {
        case USER -> JacksonPatches.describe(JacksonPatches.user(p, a, from));
        case MEMBER -> JacksonPatches.describe(JacksonPatches.member(p, a, from));
        case PRESENCE -> JacksonPatches.describe(JacksonPatches.presence(p, a, from));
      };
    } catch (IOException | RuntimeException e) {
      return "refused";
    }
  }

  private static String cursor(Kind kind, byte[] a, int from, int to) {
    try {
      JsonCursor c = new JsonCursor(a, from, to);
      if (c.kind() != JsonCursor.OBJECT) {
        return "not an object";
      }
      return switch (kind) {
        case USER -> JacksonPatches.describe(UserPatch.read(c));
        case MEMBER -> JacksonPatches.describe(MemberPatch.read(c));
        case PRESENCE -> JacksonPatches.describe(PresencePatch.read(c));
      };
    } catch (IOException e) {
      return "refused";
    }
  }

  /** Both readers on {@code json} placed inside padding; returns the (equal) outcome. */
  private static String same(Kind kind, byte[] json) {
    byte[] a = new byte[PAD.length * 2 + json.length];
    System.arraycopy(PAD, 0, a, 0, PAD.length);
    System.arraycopy(json, 0, a, PAD.length, json.length);
    System.arraycopy(PAD, 0, a, PAD.length + json.length, PAD.length);
    String expected = jackson(kind, a, PAD.length, PAD.length + json.length);
    String actual = cursor(kind, a, PAD.length, PAD.length + json.length);
    if (actual.equals("not an object") && expected.equals("refused")) {
      // a body that is not an object is ignored unchecked; Jackson refused some (a root number or '-' followed by junk)
      assertTrue(json.length > 0 && json[0] != '{', new String(json, StandardCharsets.UTF_8));
      return actual;
    }
    if (actual.equals("refused") && !utf8(json)) {
      // Jackson decodes a bad UTF-8 sequence in a key without a word (0xC3 'd' becomes "d"); the cursor refuses it
      return actual;
    }
    assertEquals(expected, actual, kind + " " + new String(json, StandardCharsets.UTF_8));
    return actual;
  }

  private static boolean utf8(byte[] json) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(json));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** Every object of the fixtures that is a user, a member or a presence, as {kind, bytes}. */
  private static List<Object[]> fixtureObjects() throws IOException {
    List<Object[]> out = new ArrayList<>();
    List<Object> roots = new ArrayList<>();
    for (Frames.Frame f : Frames.session()) {
      roots.add(f.d());
    }
    try (Stream<Path> files = Files.walk(Frames.dir().resolve("gateway"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        roots.add(new JsonObject(Files.readString(p)));
      }
    }
    for (Object r : roots) {
      collect(r, out);
    }
    return out;
  }

  private static void collect(Object v, List<Object[]> out) {
    if (v instanceof JsonObject o) {
      if (o.containsKey("username")) {
        out.add(new Object[] {Kind.USER, JsonBytes.encode(o)});
      }
      if (o.containsKey("roles") && (o.containsKey("joined_at") || o.containsKey("user"))) {
        out.add(new Object[] {Kind.MEMBER, JsonBytes.encode(o)});
      }
      if (o.containsKey("status") && o.containsKey("user")) {
        out.add(new Object[] {Kind.PRESENCE, JsonBytes.encode(o)});
      }
      o.forEach(e -> collect(e.getValue(), out));
    } else if (v instanceof JsonArray a) {
      a.forEach(e -> collect(e, out));
    }
  }

  @Test
  void everyFixtureUserMemberAndPresenceReadsTheSame() throws IOException {
    List<Object[]> objects = fixtureObjects();
    int[] kinds = new int[3];
    for (Object[] o : objects) {
      String r = same((Kind) o[0], (byte[]) o[1]);
      assertTrue(!r.equals("refused") && !r.equals("not an object"), r);
      kinds[((Kind) o[0]).ordinal()]++;
    }
    assertTrue(kinds[0] > 20 && kinds[1] > 5 && kinds[2] > 2, "fixture coverage: " + kinds[0] + " users, "
        + kinds[1] + " members, " + kinds[2] + " presences");
  }

  private static final String MEMBER = "{\"user\":{\"id\":\"80351110224678912\",\"username\":\"nelly\","
      + "\"global_name\":\"N\\u00e9lly \\ud83d\\udd25 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\",\"avatar\":null,"
      + "\"public_flags\":64,\"bot\":true,\"system\":false,\"discriminator\":\"0\","
      + "\"avatar_decoration_data\":{\"asset\":\"x\",\"n\":[1,2.5,-3e2,{\"deep\":[[],{}]}],\"sku_id\":null},"
      + "\"clan\":null,\"big\":12345678901234567890,\"f\":1.0E3,\"t\":true,\"s\":\"ü€😀\"},"
      + "\"nick\":\"Nell ✨\",\"avatar\":null,\"banner\":\"b\",\"roles\":[\"41771983423143936\",12,\"x\",null,"
      + "\"0\",4.7,{\"a\":1},[]],\"joined_at\":\"2015-04-26T06:26:56.936000+00:00\",\"premium_since\":null,"
      + "\"deaf\":false,\"mute\":true,\"pending\":\"yes\",\"flags\":2,\"permissions\":\"8\","
      + "\"communication_disabled_until\":7,\"guild_id\":41771983423143937,\"unusual_dm_activity_until\":\"x\","
      + "\"\\u0069d\":\"5\",\"nick\":\"again\" , \"extra\" : [ true , false , null ] }";

  private static final String PRESENCE = "{ \"user\" : {\"id\":\"53908099506183680\",\"username\":\"mason\"},"
      + "\"guild_id\":\"41771983423143937\",\"status\":\"idle\",\"client_status\":{\"desktop\":\"online\","
      + "\"mobile\":null,\"web\":5,\"vr\":\"dnd\",\"watch\":\"idle\"},\"activities\":[{\"name\":\"Rust\","
      + "\"type\":0,\"emoji\":{\"name\":\"\\ud83e\\udd80\"},\"created_at\":1654632150113}] ,\"since\":null,"
      + "\"broadcast\":{\"x\":[1,{\"y\":\"z\"}]}}";

  @Test
  void escapesUnicodeNumbersAndUnknownValuesReadTheSame() {
    String member = same(Kind.MEMBER, MEMBER.getBytes(StandardCharsets.UTF_8));
    assertTrue(member.contains("globalName=Nélly \uD83D\uDD25 \"q\" \\ / \b\f\n\r\t"), member);
    assertTrue(member.contains("roles=[41771983423143936, 12, 4]"), member);
    assertTrue(member.contains("big=BigInteger:12345678901234567890"), member);
    assertTrue(member.contains("guildId=41771983423143937"), member);
    assertTrue(member.contains("id=String:5;"), "an escaped key is the key it spells: " + member);
    String presence = same(Kind.PRESENCE, PRESENCE.getBytes(StandardCharsets.UTF_8));
    assertTrue(presence.contains("status=2"), presence);
    same(Kind.PRESENCE, "{\"activities\":[ \n ],\"client_status\":[],\"user\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    same(Kind.USER, "{\"public_flags\":-2147483649,\"id\":1.9e3,\"bot\":\"true\"}".getBytes(StandardCharsets.UTF_8));
    same(Kind.USER, "{\"public_flags\":1e40,\"id\":-12345678901234567890123}".getBytes(StandardCharsets.UTF_8));
    same(Kind.USER, "{}".getBytes(StandardCharsets.UTF_8));
    same(Kind.MEMBER, "[1]".getBytes(StandardCharsets.UTF_8));
  }

  private static final byte[] REPLACEMENTS = {'"', '\\', ',', ':', '{', '}', '[', ']', '0', '-', '.', 'e', 'x', 'u',
      ' ', 0x01, 0x7F, (byte) 0xC3, (byte) 0xA9, (byte) 0xF8, (byte) 0xFF};

  @Test
  void brokenAndTruncatedBytesAreRefusedExactlyWhenJacksonRefusedThem() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      int refused = 0;
      int variants = 0;
      for (Object[] sample : new Object[][] {{Kind.MEMBER, MEMBER}, {Kind.PRESENCE, PRESENCE}}) {
        Kind kind = (Kind) sample[0];
        byte[] json = ((String) sample[1]).getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < json.length; n++) {
          byte[] cut = java.util.Arrays.copyOf(json, n);
          refused += same(kind, cut).equals("refused") ? 1 : 0;
          variants++;
          for (byte r : REPLACEMENTS) {
            byte[] changed = json.clone();
            changed[n] = r;
            refused += same(kind, changed).equals("refused") ? 1 : 0;
            variants++;
          }
        }
      }
      assertTrue(refused > variants / 3, refused + " of " + variants + " variants refused");
    });
  }

  /** The top-level pick and split as the Jackson parser made them before the cursor. */
  private static String jacksonSplit(JsonSlice body, Set<String> arrays, Set<String> picked) throws IOException {
    JsonObject fields = new JsonObject();
    Map<String, int[]> ranges = new TreeMap<>();
    try (JsonParser p = JsonRead.parser(body.array(), body.offset(), body.length())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "not an object";
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (arrays.contains(key)) {
          if (t == JsonToken.START_ARRAY) {
            int from = JsonRead.start(p, body.offset());
            ranges.put(key, new int[] {from, JsonRead.skip(p, body.offset())});
          } else {
            p.skipChildren();
            ranges.remove(key);
          }
        } else if (picked == null || picked.contains(key)) {
          fields.put(key, JsonRead.value(p, body.array(), body.offset()));
        } else {
          p.skipChildren();
        }
      }
    }
    return fields.encode() + " " + typedTree(fields) + " " + ranges(ranges);
  }

  private static String ranges(Map<String, int[]> ranges) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(ranges).forEach((k, v) -> b.append(k).append(java.util.Arrays.toString(v)));
    return b.toString();
  }

  /** The Java types of a tree's values, depth first, so that Integer and Long differ. */
  private static String typedTree(Object v) {
    if (v instanceof JsonObject o) {
      StringBuilder b = new StringBuilder("{");
      o.forEach(e -> b.append(e.getKey()).append(':').append(typedTree(e.getValue())).append(','));
      return b.append('}').toString();
    }
    if (v instanceof JsonArray a) {
      StringBuilder b = new StringBuilder("[");
      a.forEach(e -> b.append(typedTree(e)).append(','));
      return b.append(']').toString();
    }
    return v == null ? "null" : v.getClass().getSimpleName();
  }

  @Test
  void everyFixtureBodyIsPickedAndSplitTheSame() throws IOException {
    Set<String> arrays = Set.of("members", "presences");
    int n = 0;
    for (Frames.Frame f : Frames.session()) {
      JsonSlice body = JsonSlice.of(f.d());
      Set<String> some = new java.util.HashSet<>(f.d().fieldNames());
      some.removeIf(k -> k.hashCode() % 2 == 0);
      for (Set<String> picked : java.util.Arrays.asList(null, some, Set.of("guild_id"))) {
        Streams.Split split = Streams.split(body, arrays, picked);
        assertEquals(jacksonSplit(body, arrays, picked), split.fields().encode() + " " + typedTree(split.fields())
            + " " + ranges(split.ranges()), f.event() + " split " + picked);
        if (picked != null) {
          JsonObject pick = body.pick(picked);
          assertEquals(jacksonSplit(body, Set.of(), picked), pick.encode() + " " + typedTree(pick) + " ",
              f.event() + " pick " + picked);
        }
      }
      n++;
    }
    assertTrue(n > 50, n + " bodies");
  }
}
