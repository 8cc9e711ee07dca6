package dev.cordbus.gateway.compression;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.cordbus.gateway.error.GatewayException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * {@code compress=zstd-stream} (GATEWAY.md §10): ONE zstd decompression context for the life of a connection. Each
 * binary message holds exactly one whole payload and never ends the zstd frame, so there is no suffix to look for:
 * the message is decompressed at once, calling {@code ZSTD_decompressStream} until its input is consumed and
 * everything it flushed has been written, into an output buffer reused from message to message (grown as needed);
 * the payload is then copied out once, at its exact length, because the parser keeps the bytes. No stream objects,
 * nothing blocks. Create a new decoder for every new socket. Not thread-safe.
 */
public final class ZstdStreamDecoder implements FrameDecoder {

  /** Largest payload one message may decompress to (a decompression bomb is a corrupt stream, not an OOM). */
  public static final int MAX_PAYLOAD = 64 * 1024 * 1024;

  private final ZstdDecompressCtx ctx;
  private byte[] out = new byte[64 * 1024];

  /**
   * A decoder with a fresh context.
   *
   * @throws GatewayException kind {@code CONFIG} naming the platform when zstd's native library cannot be loaded
   */
  public ZstdStreamDecoder() {
    ZstdNative.require();
    ctx = new ZstdDecompressCtx();
  }

  @Override
  public byte[] feed(byte[] message, int offset, int length) {
    ByteBuffer src = ByteBuffer.wrap(message, offset, length);
    int produced = 0;
    try {
      while (true) {
        if (produced == out.length) {
          if (out.length >= MAX_PAYLOAD) {
            throw new GatewayException(GatewayException.Kind.DECOMPRESSION,
                "zstd-stream payload larger than " + MAX_PAYLOAD + " bytes");
          }
          out = Arrays.copyOf(out, Math.min(MAX_PAYLOAD, out.length * 2));
        }
        ByteBuffer dst = ByteBuffer.wrap(out, produced, out.length - produced);
        int consumedBefore = src.position();
        ctx.decompressByteBufferStream(dst, src);
        boolean progress = dst.position() > produced || src.position() > consumedBefore;
        produced = dst.position();
        if (!src.hasRemaining() && produced < out.length) {
          break; // input consumed and the output had room: everything decoded so far has been flushed
        }
        if (!progress) {
          throw new GatewayException(GatewayException.Kind.DECOMPRESSION,
              "zstd-stream made no progress on a " + length + "-byte message");
        }
      }
    } catch (ZstdException e) {
      throw new GatewayException(GatewayException.Kind.DECOMPRESSION, "corrupt zstd-stream: " + e.getMessage(), e);
    }
    return produced == 0 ? null : Arrays.copyOf(out, produced);
  }

  @Override
  public String name() {
    return "zstd-stream";
  }

  @Override
  public void close() {
    ctx.close();
  }
}
