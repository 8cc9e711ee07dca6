package dev.cordbus.bench.jmh;

import dev.cordbus.gateway.compression.Utf8;
import dev.cordbus.gateway.compression.ZlibStreamDecoder;
import dev.cordbus.gateway.compression.ZstdStreamDecoder;
import dev.cordbus.gateway.publish.EventPublisher;
import dev.cordbus.gateway.publish.Frame;
import dev.cordbus.gateway.publish.FrameParser;
import io.vertx.core.Vertx;
import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The gateway's per-frame work on a ~1.4 KB MESSAGE_CREATE: zlib-stream inflate, zstd-stream decompression (level 3,
 * one context, flushed per message, as the simulator sends it), strict UTF-8 decode, the parse with
 * the envelope check (op/s/t peek), and the publish on the event bus (no consumer: the publisher's own cost).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrameDecodeBench {

  private static final int FRAMES = 1024;

  private final FrameParser parser = new FrameParser();
  private String text;
  private byte[] bytes;
  private List<byte[]> compressed;
  private ZlibStreamDecoder decoder;
  private List<byte[]> zstdCompressed;
  private ZstdStreamDecoder zstdDecoder;
  private int nextZstd;
  private int next;
  private Vertx vertx;
  private EventPublisher publisher;
  private Frame parsed;

  @Setup(Level.Trial)
  public void setUp() {
    text = Payloads.frame("MESSAGE_CREATE", 42, Payloads.messageCreate(1400000000000000000L, 3));
    bytes = text.getBytes(StandardCharsets.UTF_8);
    compressed = new ArrayList<>(FRAMES);
    Deflater deflater = new Deflater();
    byte[] out = new byte[64 * 1024];
    for (int i = 0; i < FRAMES; i++) {
      byte[] in = Payloads.frame("MESSAGE_CREATE", i + 1, Payloads.messageCreate(1400000000000000000L + i, i % 8))
          .getBytes(StandardCharsets.UTF_8);
      deflater.setInput(in);
      int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
      compressed.add(Arrays.copyOf(out, n));
    }
    deflater.end();
    decoder = new ZlibStreamDecoder();
    zstdCompressed = new ArrayList<>(FRAMES);
    try (ZstdCompressCtx zstd = new ZstdCompressCtx()) {
      zstd.setLevel(3);
      for (int i = 0; i < FRAMES; i++) {
        ByteBuffer src = ByteBuffer.wrap(Payloads.frame("MESSAGE_CREATE", i + 1,
            Payloads.messageCreate(1400000000000000000L + i, i % 8)).getBytes(StandardCharsets.UTF_8));
        ByteBuffer dst = ByteBuffer.wrap(out);
        if (!zstd.compressByteBufferStream(dst, src, EndDirective.FLUSH)) {
          throw new IllegalStateException("a frame did not fit in 64 KB");
        }
        zstdCompressed.add(Arrays.copyOf(out, dst.position()));
      }
    }
    zstdDecoder = new ZstdStreamDecoder();
    vertx = Vertx.vertx();
    publisher = new EventPublisher(vertx, "bench", false);
    parsed = parser.parse(bytes, 0, bytes.length);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    decoder.close();
    zstdDecoder.close();
    vertx.close().await();
  }

  /** Inflating one zlib-stream message through the connection's shared context. */
  @Benchmark
  public byte[] inflate() {
    if (next == FRAMES) {
      decoder.close();
      decoder = new ZlibStreamDecoder();
      next = 0;
    }
    return decoder.feed(compressed.get(next++));
  }

  /** Decompressing one zstd-stream message through the connection's shared context. */
  @Benchmark
  public byte[] unzstd() {
    if (nextZstd == FRAMES) {
      zstdDecoder.close();
      zstdDecoder = new ZstdStreamDecoder();
      nextZstd = 0;
    }
    return zstdDecoder.feed(zstdCompressed.get(nextZstd++));
  }

  /** Strict UTF-8 decoding of the inflated bytes (what the gateway did before it read bytes). */
  @Benchmark
  public String utf8() {
    return Utf8.decodeStrict(bytes);
  }

  /** Strict UTF-8 validation of the inflated bytes, no decoding (what the gateway does now). */
  @Benchmark
  public boolean utf8Validate() {
    return Utf8.isValid(bytes, 0, bytes.length);
  }

  /** Reading the frame's envelope (op, s, t, guild id, where d lies) with the streaming parser. */
  @Benchmark
  public Frame parse() {
    return parser.parse(bytes, 0, bytes.length);
  }

  /** Publishing the parsed dispatch (headers, body, no consumer). */
  @Benchmark
  public void publish() {
    publisher.dispatch(0, parsed, "session", 1L, 2L);
  }

  /** Envelope read (UTF-8 checked) and publish: the gateway's whole per-frame path without compression. */
  @Benchmark
  public void decodeAndPublish() {
    Frame f = parser.parse(bytes, 0, bytes.length);
    publisher.dispatch(0, f, "session", 1L, 2L);
  }
}
