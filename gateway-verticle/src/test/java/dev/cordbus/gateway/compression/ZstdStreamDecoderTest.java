package dev.cordbus.gateway.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import dev.cordbus.gateway.Fixtures;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.config.Compression;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZstdStreamDecoderTest {

  private static final Path DIR = Fixtures.dir().resolve("compression");

  private static byte[] message(int i) throws Exception {
    return Files.readAllBytes(DIR.resolve("zstd-stream/0" + i + ".bin"));
  }

  @Test
  void oneContextPerConnectionYieldsExactlyTheExpectedPayloads() throws Exception {
    List<String> expected = Files.readAllLines(DIR.resolve("expected.jsonl"));
    List<String> decoded = new ArrayList<>();
    try (FrameDecoder d = FrameDecoder.create(Compression.ZSTD_STREAM)) {
      assertEquals("zstd-stream", d.name());
      for (int i = 0; i <= 3; i++) {
        byte[] out = d.feed(message(i));
        assertNotNull(out, "every zstd-stream message is one whole payload (" + i + ".bin)");
        decoded.add(Utf8.decodeStrict(out));
      }
    }
    assertEquals(expected, decoded);
  }

  @Test
  void aFreshContextPerMessageFails() throws Exception {
    try (ZstdStreamDecoder fresh = new ZstdStreamDecoder()) {
      GatewayException e = assertThrows(GatewayException.class, () -> fresh.feed(message(1)));
      assertEquals(GatewayException.Kind.DECOMPRESSION, e.kind());
    }
  }

  @Test
  void aCorruptBlockIsADecompressionErrorNotACrash() throws Exception {
    try (ZstdStreamDecoder d = new ZstdStreamDecoder()) {
      d.feed(message(0));
      byte[] corrupt = message(1);
      corrupt[0] |= 0x06; // block type 3 is reserved: the block header of 01.bin becomes invalid
      GatewayException e = assertThrows(GatewayException.class, () -> d.feed(corrupt));
      assertEquals(GatewayException.Kind.DECOMPRESSION, e.kind());
      assertTrue(e.getMessage().contains("zstd-stream"), e.getMessage());
    }
    try (ZstdStreamDecoder d = new ZstdStreamDecoder()) {
      GatewayException e = assertThrows(GatewayException.class,
          () -> d.feed("{\"op\":11}".getBytes(StandardCharsets.UTF_8)));
      assertEquals(GatewayException.Kind.DECOMPRESSION, e.kind(), "plain JSON is not a zstd frame");
    }
  }

  /**
   * Payloads from 10 bytes to 3 MB through one context (the output buffer grows past its 64 KB start and is reused):
   * each message gives exactly its payload, nothing of the one before.
   */
  @Test
  void payloadsOfEverySizeThroughOneContext() {
    SplittableRandom random = new SplittableRandom(15);
    try (ZstdCompressCtx enc = new ZstdCompressCtx(); ZstdStreamDecoder d = new ZstdStreamDecoder()) {
      for (int size : new int[] {10, 70_000, 200, 3_000_000, 65_536, 1, 131_072, 500}) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
          payload[i] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 3 : 26));
        }
        byte[] out = d.feed(compressFlushed(enc, payload));
        assertArrayEquals(payload, out, "payload of " + size + " bytes");
      }
    }
  }

  /** One payload compressed with {@code ZSTD_e_flush}, as the simulator and Discord send it. */
  static byte[] compressFlushed(ZstdCompressCtx enc, byte[] payload) {
    ByteBuffer src = ByteBuffer.wrap(payload);
    byte[] out = new byte[payload.length + 1024];
    ByteBuffer dst = ByteBuffer.wrap(out);
    while (!enc.compressByteBufferStream(dst, src, EndDirective.FLUSH)) {
      out = Arrays.copyOf(out, out.length * 2);
      dst = ByteBuffer.wrap(out, dst.position(), out.length - dst.position());
    }
    return Arrays.copyOf(out, dst.position());
  }
}
