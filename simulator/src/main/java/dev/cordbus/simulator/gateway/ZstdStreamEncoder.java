package dev.cordbus.simulator.gateway;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * {@code compress=zstd-stream} (GATEWAY.md §10): one zstd compression context per connection; each payload is
 * compressed with {@code ZSTD_e_flush}, so one WebSocket message carries exactly one whole payload while the zstd
 * frame is never ended (the context's window keeps referring back to earlier payloads, as Discord's does).
 * Event loop only.
 */
public final class ZstdStreamEncoder {

  /** zstd's default level (what a Discord-like server would use for a live stream). */
  public static final int LEVEL = 3;

  private final ZstdCompressCtx ctx = new ZstdCompressCtx();
  private byte[] out = new byte[64 * 1024];

  /** A fresh context (a new connection). */
  public ZstdStreamEncoder() {
    ctx.setLevel(LEVEL);
  }

  /** Compresses one payload through the shared context and flushes it: one message's bytes. */
  public Buffer encode(byte[] payload) {
    ByteBuffer src = ByteBuffer.wrap(payload);
    if (out.length < bound(payload.length)) {
      out = new byte[bound(payload.length)];
    }
    ByteBuffer dst = ByteBuffer.wrap(out);
    while (!ctx.compressByteBufferStream(dst, src, EndDirective.FLUSH)) {
      int at = dst.position();
      out = Arrays.copyOf(out, out.length * 2);
      dst = ByteBuffer.wrap(out, at, out.length - at);
    }
    return Buffer.buffer(Arrays.copyOf(out, dst.position()));
  }

  /** Compresses one payload through the shared context straight into {@code buf} (the firehose's frame buffer). */
  public void encodeInto(ByteBuf buf, byte[] payload) {
    ByteBuffer src = ByteBuffer.wrap(payload);
    buf.ensureWritable(bound(payload.length));
    while (true) {
      int start = buf.writerIndex();
      ByteBuffer dst = buf.nioBuffer(start, buf.writableBytes());
      boolean flushed = ctx.compressByteBufferStream(dst, src, EndDirective.FLUSH);
      buf.writerIndex(start + dst.position());
      if (flushed) {
        return;
      }
      buf.ensureWritable(Math.max(1024, buf.capacity()));
    }
  }

  /** Room enough for one payload of {@code length} bytes and its flush (zstd's bound plus block headers). */
  public static int bound(int length) {
    return (int) Zstd.compressBound(length) + 64;
  }

  /** Releases the native context. */
  public void end() {
    ctx.close();
  }
}
