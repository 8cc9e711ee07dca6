package dev.cordbus.gateway.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.gateway.Fixtures;
import dev.cordbus.gateway.error.GatewayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZlibStreamDecoderTest {

  private static final Path DIR = Fixtures.dir().resolve("compression");

  private static byte[] message(int i) throws Exception {
    return Files.readAllBytes(DIR.resolve("zlib-stream/0" + i + ".bin"));
  }

  @Test
  void oneInflaterPerConnectionYieldsExactlyTheExpectedPayloads() throws Exception {
    List<String> expected = Files.readAllLines(DIR.resolve("expected.jsonl"));
    List<String> decoded = new ArrayList<>();
    try (ZlibStreamDecoder d = new ZlibStreamDecoder()) {
      for (int i = 0; i <= 4; i++) {
        byte[] out = d.feed(message(i));
        if (i == 2) {
          assertNull(out, "02.bin has no sync-flush suffix: keep buffering");
          assertTrue(d.buffered() > 0);
        } else {
          decoded.add(Utf8.decodeStrict(out));
        }
      }
    }
    assertEquals(expected, decoded);
  }

  @Test
  void aFreshInflaterPerMessageFails() throws Exception {
    try (ZlibStreamDecoder first = new ZlibStreamDecoder()) {
      first.feed(message(0));
    }
    try (ZlibStreamDecoder fresh = new ZlibStreamDecoder()) {
      GatewayException e = assertThrows(GatewayException.class, () -> fresh.feed(message(1)));
      assertEquals(GatewayException.Kind.DECOMPRESSION, e.kind());
    }
  }

  @Test
  void strictUtf8RejectsMalformedBytes() throws Exception {
    byte[] bad = Files.readAllBytes(Fixtures.dir().resolve("bad/non_utf8.bin"));
    GatewayException e = assertThrows(GatewayException.class, () -> Utf8.decodeStrict(bad));
    assertEquals(GatewayException.Kind.BAD_FRAME, e.kind());
    assertEquals("{\"op\":11}", Utf8.decodeStrict("{\"op\":11}".getBytes()));
  }

  @Test
  void suffixDetection() {
    assertTrue(ZlibStreamDecoder.endsWithSyncFlush(new byte[] {1, 0, 0, (byte) 0xff, (byte) 0xff}));
    assertTrue(!ZlibStreamDecoder.endsWithSyncFlush(new byte[] {0, (byte) 0xff, (byte) 0xff}));
  }
}
