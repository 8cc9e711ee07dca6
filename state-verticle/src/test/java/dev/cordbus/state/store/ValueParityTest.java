package dev.cordbus.state.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.state.fixture.Frames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonCursor#value()}, which builds objects and arrays itself, gives what Vert.x's {@code Json.decodeValue}
 * gives for the same bytes (the Vert.x 5.0.10 / Jackson 2.18 on the classpath), value for value and Java type for Java
 * type (Integer, Long, BigInteger, Double; LinkedHashMap and ArrayList inside a JsonObject or JsonArray), or both
 * refuse: on every object and array of the fixtures read in place from the files' own bytes, on the hostile frames of
 * {@code fixtures/bad}, on edge numbers, and on thousands of broken variants.
 */
class ValueParityTest {

  /** Bytes around each slice: reading past its end (or before its start) would change what is read. */
  private static final byte[] PAD = "\"}],1,{\"x\":".getBytes(StandardCharsets.UTF_8);

  /** Value and Java type of every node, depth first, containers by their raw class. */
  static String typed(Object v) {
    if (v instanceof JsonObject o) {
      return "JsonObject" + typed(o.getMap());
    }
    if (v instanceof JsonArray a) {
      return "JsonArray" + typed(a.getList());
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder(m.getClass().getSimpleName()).append('{');
      m.forEach((k, x) -> b.append(k).append('=').append(typed(x)).append(','));
      return b.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder(l.getClass().getSimpleName()).append('[');
      l.forEach(x -> b.append(typed(x)).append(','));
      return b.append(']').toString();
    }
    return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
  }

  private static String vertx(byte[] json) {
    try {
      return typed(Json.decodeValue(Buffer.buffer(json)));
    } catch (DecodeException e) {
      return "refused";
    }
  }

  /** The cursor's value() of {@code json} placed inside padding; a whole document, so trailing input is refused. */
  private static String cursor(byte[] json) {
    byte[] a = new byte[PAD.length * 2 + json.length];
    System.arraycopy(PAD, 0, a, 0, PAD.length);
    System.arraycopy(json, 0, a, PAD.length, json.length);
    System.arraycopy(PAD, 0, a, PAD.length + json.length, PAD.length);
    JsonCursor c = new JsonCursor(a, PAD.length, PAD.length + json.length);
    try {
      Object v = c.value();
      return c.kind() == JsonCursor.END ? typed(v) : "refused";
    } catch (IOException e) {
      assertNotNull(e.getMessage());
      assertTrue(e.getMessage().contains(" at byte "), e.getMessage());
      return "refused";
    }
  }

  /** Both on {@code json}; returns the (equal) outcome. */
  private static String same(byte[] json) {
    String expected = vertx(json);
    String actual = cursor(json);
    if (actual.equals("refused") && !expected.equals("refused") && !utf8(json)) {
      // Jackson decodes a bad UTF-8 sequence in a key without a word (0xC3 'd' becomes "d"); the cursor refuses it
      return actual;
    }
    assertEquals(expected, actual, () -> new String(json, StandardCharsets.UTF_8));
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

  private static String same(String json) {
    return same(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Every object and array in {@code a[from, to)}, as [start, end) ranges in {@code a}, found with a cursor walk. */
  private static void containers(byte[] a, int from, int to, List<int[]> out) throws IOException {
    JsonCursor c = new JsonCursor(a, from, to);
    walk(c, out);
  }

  private static void walk(JsonCursor c, List<int[]> out) throws IOException {
    int k = c.kind();
    if (k != JsonCursor.OBJECT && k != JsonCursor.ARRAY) {
      c.skip();
      return;
    }
    int start = c.start();
    c.enter();
    while (k == JsonCursor.OBJECT ? c.nextKey() : c.nextElement()) {
      walk(c, out);
    }
    out.add(new int[] {start, c.position()});
  }

  @Test
  void everyObjectAndArrayOfTheFixturesReadsAsVertxDecodesIt() throws IOException {
    List<byte[]> documents = new ArrayList<>();
    for (String line : Files.readAllLines(Frames.dir().resolve("session.jsonl"))) {
      if (!line.isBlank()) {
        documents.add(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    try (Stream<Path> files = Files.walk(Frames.dir().resolve("gateway"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        documents.add(Files.readAllBytes(p));
      }
    }
    int checked = 0;
    int numbers = 0;
    for (byte[] doc : documents) {
      List<int[]> ranges = new ArrayList<>();
      containers(doc, 0, doc.length, ranges);
      for (int[] r : ranges) {
        String out = same(Arrays.copyOfRange(doc, r[0], r[1]));
        assertTrue(!out.equals("refused"), out);
        numbers += out.split("Integer:|Long:|Double:|BigInteger:", -1).length - 1;
        checked++;
      }
    }
    assertTrue(documents.size() > 150 && checked > 1000 && numbers > 2000,
        documents.size() + " documents, " + checked + " objects and arrays, " + numbers + " numbers");
  }

  @Test
  void theHostileFramesAreReadOrRefusedAsVertxDoes() throws IOException {
    int refused = 0;
    int files = 0;
    try (Stream<Path> all = Files.list(Frames.dir().resolve("bad"))) {
      for (Path p : all.sorted().toList()) {
        byte[] b = Files.readAllBytes(p);
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
          // a byte order mark starts a document, never a value inside one: Jackson skips it there, the cursor
          // reads values inside a body and refuses it
          b = Arrays.copyOfRange(b, 3, b.length);
        }
        refused += same(b).equals("refused") ? 1 : 0;
        files++;
      }
    }
    assertTrue(files > 40 && refused > 5 && refused < files, refused + " of " + files + " refused");
  }

  @Test
  void numbersHaveVertxsValuesAndTypes() {
    String ones = "1".repeat(998);
    String[] numbers = {"0", "-0", "0.0", "-0.0", "1e2", "1E2", "1e+2", "1e-2", "-1.5E-3", "2147483647", "2147483648",
        "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "99999999999999999", "999999999999999999", "-999999999999999999",
        "12345678901234567890123", "1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623157e308",
        "0.1000000000000000055511151231257827", "123456789.123456789e-3", ones + "11", "-" + ones + "11",
        ones + "111", ones + ".1e1", ones + ".11", ones + ".1e11", "1e" + ones + "11", "1e" + ones + "111",
        "01", "-", "1.", ".5", "+1", "1e", "1e+", "--1", "0x1", "1.5.2", "NaN", "-Infinity", "1_000"};
    int refused = 0;
    for (String n : numbers) {
      for (String json : new String[] {n, "[" + n + "]", "{\"n\":" + n + ",\"m\":[" + n + ", " + n + "]}"}) {
        refused += same(json).equals("refused") ? 1 : 0;
      }
    }
    assertEquals("Integer:0", same("-0"));
    assertEquals("Double:-0.0", same("-0.0"));
    assertEquals("Double:100.0", same("1e2"));
    assertEquals("Long:2147483648", same("2147483648"));
    assertEquals("BigInteger:9223372036854775808", same("9223372036854775808"));
    assertTrue(same(ones + "111").equals("refused"), "1001 digits");
    assertTrue(refused >= 3 * 14 && refused < 3 * numbers.length / 2, refused + " refused");
  }

  /** Whether Jackson's streaming parser passes over {@code json} with skipChildren (no value built). */
  private static boolean jacksonSkips(byte[] json) {
    try (com.fasterxml.jackson.core.JsonParser p = JsonRead.parser(json, 0, json.length)) {
      p.nextToken();
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean cursorSkips(byte[] json) {
    JsonCursor c = new JsonCursor(json, 0, json.length);
    try {
      c.skip();
      return c.kind() == JsonCursor.END;
    } catch (IOException e) {
      assertTrue(e.getMessage().contains("digits") && e.getMessage().contains(" at byte "), e.getMessage());
      return false;
    }
  }

  @Test
  void numbersOfOver1000DigitsAreRefusedEvenWhenSkippedAsJacksonRefusesThem() {
    String ones = "1".repeat(998);
    int refused = 0;
    for (String n : new String[] {ones + "11", "-" + ones + "11", ones + "111", ones + ".1e1", ones + ".11",
        ones + ".1e11", "0." + ones + "11", "1e" + ones + "1", "1e-" + ones + "11", "1.5e-" + ones + "1"}) {
      byte[] json = ("{\"a\":[" + n + "],\"b\":{\"c\":" + n + "}}").getBytes(StandardCharsets.UTF_8);
      boolean skips = jacksonSkips(json);
      assertEquals(skips, cursorSkips(json), n.length() + " characters: " + n.substring(n.length() - 8));
      refused += skips ? 0 : 1;
    }
    assertTrue(refused >= 4 && refused <= 6, refused + " refused");
  }

  @Test
  void blobsDecodeAsVertxDecodesThem() {
    byte[] message = SAMPLE.getBytes(StandardCharsets.UTF_8);
    assertEquals(typed(new JsonObject(Buffer.buffer(message))), typed(Blob.object(message)));
    // what the cursor refuses goes to Vert.x's decoder: decoded as it was, or refused with Vert.x's DecodeException
    byte[] broken = "{\"a\":1,\"k\u00c3x\":[2]}".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("refused", cursor(broken));
    assertEquals("refused", vertx(broken));
    org.junit.jupiter.api.Assertions.assertThrows(DecodeException.class, () -> Blob.object(broken));
    byte[] array = "[1,{\"b\":[true,null]},-0.0]".getBytes(StandardCharsets.UTF_8);
    assertEquals(typed(new JsonArray(Buffer.buffer(array))), typed(Blob.array(array)));
  }

  @Test
  void nestingDuplicateKeysEscapesAndUnicodeReadTheSame() {
    assertEquals("ok", depth(1000));
    assertEquals("refused", depth(1001));
    String dup = same("{\"a\":1,\"b\":{\"c\":2,\"c\":[3]},\"a\":\"x\"}");
    assertEquals("JsonObject" + "LinkedHashMap{a=String:x,b=LinkedHashMap{c=ArrayList[Integer:3,],},}", dup);
    same("{\"\\u0069d\":\"N\\u00e9lly \\ud83d\\udd25 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\",\"s\":\"ü€😀\","
        + "\"lone\":\"\\ud800x\",\"k\\u00e9y\":[true,false,null,{},[],\"\"]}");
    same(" \t\n\r[ 1 , { } , [ ] ] \r\n");
  }

  private static String depth(int n) {
    String json = "[".repeat(n) + "]".repeat(n);
    String out = same(json);
    return out.equals("refused") ? out : "ok";
  }

  private static final String SAMPLE = "{\"user\":{\"id\":\"80351110224678912\",\"username\":\"nelly\","
      + "\"global_name\":\"N\\u00e9lly \\ud83d\\udd25 \\\"q\\\" \\\\\",\"avatar\":null,\"public_flags\":64,"
      + "\"bot\":true,\"system\":false,\"n\":[1,2.5,-3e2,{\"deep\":[[],{}]}],\"big\":12345678901234567890,"
      + "\"f\":1.0E3,\"s\":\"ü€😀\"},\"roles\":[\"41771983423143936\",12,null,-0,4.7,{\"a\":1},[]],"
      + "\"emoji\":{\"id\":null,\"name\":\"\\ud83d\\udd25\",\"animated\":false} , \"burst\" : true }";

  private static final byte[] REPLACEMENTS = {'"', '\\', ',', ':', '{', '}', '[', ']', '0', '-', '.', 'e', 'x', 'u',
      ' ', 'n', 't', 0x01, 0x7F, (byte) 0xC3, (byte) 0xA9, (byte) 0xF8, (byte) 0xFF};

  @Test
  void brokenAndTruncatedBytesAreRefusedExactlyWhenVertxRefusesThem() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      byte[] json = SAMPLE.getBytes(StandardCharsets.UTF_8);
      assertTrue(!same(json).equals("refused"));
      int refused = 0;
      int variants = 0;
      for (int n = 0; n < json.length; n++) {
        refused += same(Arrays.copyOf(json, n)).equals("refused") ? 1 : 0;
        variants++;
        for (byte r : REPLACEMENTS) {
          byte[] changed = json.clone();
          changed[n] = r;
          refused += same(changed).equals("refused") ? 1 : 0;
          variants++;
        }
      }
      assertTrue(refused > variants / 3 && refused < variants, refused + " of " + variants + " variants refused");
    });
  }
}
