package dev.cordbus.simulator.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdDecompressCtx;
import dev.cordbus.simulator.support.Sims;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's zstd-stream has the shape of the recorded Discord messages ({@code fixtures/compression/zstd-stream}):
 * the frame header (magic {@code 28 b5 2f fd}) only at the start of the first message, each later message a
 * continuation of the same frame that a fresh context cannot read, and the payloads back exactly through one context.
 */
class ZstdStreamEncoderTest {

  private static final byte[] MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final Path DIR = Sims.fixtures().resolve("compression");

  @Test
  void theSimulatorsStreamHasTheShapeOfTheRecordedOne() throws Exception {
    List<String> payloads = Files.readAllLines(DIR.resolve("expected.jsonl"));
    List<byte[]> recorded = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      recorded.add(Files.readAllBytes(DIR.resolve("zstd-stream/0" + i + ".bin")));
    }
    List<byte[]> ours = new ArrayList<>();
    ZstdStreamEncoder enc = new ZstdStreamEncoder();
    ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer(16);
    try {
      for (int i = 0; i < payloads.size(); i++) {
        byte[] p = payloads.get(i).getBytes(StandardCharsets.UTF_8);
        if (i % 2 == 0) {
          ours.add(enc.encode(p).getBytes());
        } else { // the firehose's path: straight into a (growing) direct frame buffer
          direct.clear();
          enc.encodeInto(direct, p);
          ours.add(ByteBufUtil.getBytes(direct));
        }
      }
    } finally {
      enc.end();
      direct.release();
    }
    for (List<byte[]> stream : List.of(recorded, ours)) {
      assertArrayEquals(MAGIC, Arrays.copyOf(stream.get(0), 4), "a frame header opens the stream");
      for (int i = 1; i < stream.size(); i++) {
        assertTrue(!Arrays.equals(MAGIC, Arrays.copyOf(stream.get(i), 4)), "message " + i + " continues the frame");
      }
      assertEquals(payloads, decodeWithOneContext(stream));
      try (ZstdDecompressCtx fresh = new ZstdDecompressCtx()) {
        assertThrows(RuntimeException.class, () -> decode(fresh, stream.get(1)), "a fresh context cannot start mid-frame");
      }
    }
  }

  private static List<String> decodeWithOneContext(List<byte[]> messages) {
    List<String> out = new ArrayList<>();
    try (ZstdDecompressCtx ctx = new ZstdDecompressCtx()) {
      for (byte[] m : messages) {
        out.add(decode(ctx, m));
      }
    }
    return out;
  }

  private static String decode(ZstdDecompressCtx ctx, byte[] message) {
    ByteBuffer src = ByteBuffer.wrap(message);
    byte[] out = new byte[1 << 20];
    ByteBuffer dst = ByteBuffer.wrap(out);
    ctx.decompressByteBufferStream(dst, src);
    assertEquals(0, src.remaining(), "one call consumes a message that fits");
    return new String(out, 0, dst.position(), StandardCharsets.UTF_8);
  }
}
