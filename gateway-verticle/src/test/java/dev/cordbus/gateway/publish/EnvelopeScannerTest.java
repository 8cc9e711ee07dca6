package dev.cordbus.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cordbus.gateway.Fixtures;
import dev.cordbus.gateway.error.GatewayException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass scanner against the Jackson path: whatever the fast path accepts, the Jackson path accepts with the
 * same envelope, and the index of d's members it keeps lists what Jackson reads there; never the other way round for
 * a bad frame. Checked on every recorded frame, every malformed one, and 30,000 seeded mutations of them.
 */
class EnvelopeScannerTest {

  private final FrameParser parser = new FrameParser();

  private static List<byte[]> corpus() throws Exception {
    List<byte[]> frames = new ArrayList<>();
    for (String dir : List.of("gateway", "bad")) {
      try (var files = Files.list(Fixtures.dir().resolve(dir))) {
        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
          frames.add(Files.readAllBytes(p));
        }
      }
    }
    for (String line : Files.readAllLines(Fixtures.dir().resolve("session.jsonl"))) {
      JsonObject frame = new JsonObject(line).getJsonObject("frame");
      if (frame != null) {
        frames.add(frame.encode().getBytes(StandardCharsets.UTF_8));
      }
    }
    frames.add(("{\"t\":\"GUILD_CREATE\",\"s\":5,\"op\":0,\"d\":{\"x\":[1,-2.5e+3,true,false,null,{\"a\":\"\\u00e9\\n\"}],"
        + "\"id\":123,\"name\":\"caf\u00e9 \uD83D\uDD25\"}}").getBytes(StandardCharsets.UTF_8));
    return frames;
  }

  private void agree(byte[] b, String what) {
    Frame fast = parser.fast(b, 0, b.length);
    Frame slow;
    try {
      slow = parser.slow(b, 0, b.length);
    } catch (GatewayException e) {
      if (fast != null) {
        fail("the fast path accepted a frame the Jackson path refuses (" + e.getMessage() + "): " + what + " "
            + new String(b, StandardCharsets.UTF_8));
      }
      return;
    }
    if (fast == null) {
      return; // the fast path may decline anything
    }
    assertEquals(List.of(slow.op(), slow.s(), String.valueOf(slow.t()), String.valueOf(slow.guild()),
        slow.dOffset(), slow.dLength()), List.of(fast.op(), fast.s(), String.valueOf(fast.t()),
        String.valueOf(fast.guild()), fast.dOffset(), fast.dLength()), what);
    assertEquals(members(b, slow.dOffset(), slow.dLength()), indexed(b, fast.dOffset(), fast.dMembers()),
        what);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** d's members as Jackson streams them: name, then the value as a tree, in order (repeated names kept). */
  private static List<Object> members(byte[] b, int offset, int length) {
    List<Object> out = new ArrayList<>();
    try (var p = JACKSON.getFactory().createParser(b, offset, length)) {
      p.nextToken();
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        out.add(p.currentName());
        p.nextToken();
        out.add(JACKSON.readTree(p));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** The same from the scanner's index: each name's bytes, and its value's bytes read by Jackson. */
  private static List<Object> indexed(byte[] b, int d, int[] m) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < m.length; i += 4) {
      out.add(new String(b, d + m[i], m[i + 1] - m[i], StandardCharsets.UTF_8));
      try {
        out.add(JACKSON.readTree(new String(b, d + m[i + 2], m[i + 3] - m[i + 2], StandardCharsets.UTF_8)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out;
  }

  @Test
  void aDispatchKeepsWhereItsMembersLieOnlyWhenSomeoneHereMayReadThem() {
    String frame = "{\"op\":0,\"s\":4,\"t\":\"MESSAGE_CREATE\",\"d\":{\"id\":\"1\",\"guild_id\":\"2\"}}";
    FrameParser onlyTyping = new FrameParser(t -> t.equals("TYPING_START"));
    Frame mc = onlyTyping.parse(frame);
    assertEquals("2", mc.guild());
    assertEquals(null, mc.dMembers(), "no consumer of discord.MESSAGE_CREATE here: no index kept");
    Frame typing = onlyTyping.parse(frame.replace("MESSAGE_CREATE", "TYPING_START"));
    assertEquals(8, typing.dMembers().length, "two members, four offsets each");
    assertEquals(8, parser.parse(frame).dMembers().length, "the default keeps every index");
  }

  @Test
  void recordedAndMalformedFramesGetTheSameVerdict() throws Exception {
    int taken = 0;
    for (byte[] b : corpus()) {
      agree(b, "corpus");
      if (parser.fast(b, 0, b.length) != null) {
        taken++;
      }
    }
    assertTrue(taken > 40, "the recorded dispatches take the fast path: " + taken);
    byte[] deep = ("{\"op\":0,\"s\":1,\"t\":\"X\",\"d\":" + "[".repeat(2000) + "]".repeat(2000) + "}")
        .getBytes(StandardCharsets.UTF_8);
    agree(deep, "deep");
  }

  @Test
  void mutatedFramesNeverSlipThroughTheFastPath() throws Exception {
    List<byte[]> corpus = corpus();
    byte[] alphabet = "\"\\{}[],:0-9e.+ nutlfrsE\t/".getBytes(StandardCharsets.US_ASCII);
    byte[] high = {(byte) 0x80, (byte) 0xC3, (byte) 0xA9, (byte) 0xED, (byte) 0xA0, (byte) 0xF0, (byte) 0xF4,
        (byte) 0xFF, (byte) 0xC0, 0x01, 0x1F, 0x7F};
    Random random = new Random(Long.getLong("cordbus.scanner.seed", 42L));
    for (int i = 0; i < 30_000; i++) {
      byte[] b = corpus.get(random.nextInt(corpus.size())).clone();
      int edits = 1 + random.nextInt(3);
      for (int k = 0; k < edits && b.length > 0; k++) {
        int at = random.nextInt(b.length);
        byte v = random.nextInt(4) == 0 ? high[random.nextInt(high.length)] : alphabet[random.nextInt(alphabet.length)];
        switch (random.nextInt(3)) {
          case 0 -> b[at] = v;
          case 1 -> {
            byte[] longer = new byte[b.length + 1];
            System.arraycopy(b, 0, longer, 0, at);
            longer[at] = v;
            System.arraycopy(b, at, longer, at + 1, b.length - at);
            b = longer;
          }
          default -> {
            byte[] shorter = new byte[b.length - 1];
            System.arraycopy(b, 0, shorter, 0, at);
            System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
            b = shorter;
          }
        }
      }
      agree(b, "mutation " + i);
    }
  }

  @Test
  void everyKindOfByteAtEveryPlaceOfAStringGetsTheSameVerdict() {
    // strings are skipped eight bytes at a time: put each byte that needs a look at each offset of a word
    String[] specials = {"\\\"", "\\n", "\\u00e9", "\\u00g9", "\\x", "\"", "\u0001", "\u001f", "\u007f", "\u00e9",
        "\uD83D\uDD25", "\\"};
    byte[][] raw = {{(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}};
    int fast = 0;
    for (int len = 0; len < 20; len++) {
      for (int at = 0; at <= len; at++) {
        String before = "a".repeat(at);
        String after = "b".repeat(len - at);
        for (String special : specials) {
          byte[] b = frame(before + special + after);
          agree(b, "string with " + special + " at " + at);
          fast += parser.fast(b, 0, b.length) != null ? 1 : 0;
        }
        for (byte[] r : raw) {
          byte[] head = frame(before);
          byte[] b = new byte[head.length + r.length];
          int q = head.length - 3; // before the closing quote and the two braces
          System.arraycopy(head, 0, b, 0, q);
          System.arraycopy(r, 0, b, q, r.length);
          System.arraycopy(head, q, b, q + r.length, 3);
          agree(b, "string with raw bytes at " + at);
        }
      }
    }
    assertTrue(fast > 1000, "valid strings take the fast path: " + fast);
  }

  private static byte[] frame(String content) {
    return ("{\"op\":0,\"s\":1,\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"" + content + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theFastPathReadsWhatTheGatewayNeeds() {
    byte[] b = "{\"op\":0,\"s\":9,\"t\":\"MESSAGE_CREATE\",\"d\":{\"id\":\"1\",\"guild_id\":\"77\",\"x\":{\"guild_id\":\"5\"}}}"
        .getBytes(StandardCharsets.UTF_8);
    Frame f = parser.fast(b, 0, b.length);
    assertNotNull(f);
    assertEquals("77", f.guild());
    assertEquals(9, f.s());
  }
}
