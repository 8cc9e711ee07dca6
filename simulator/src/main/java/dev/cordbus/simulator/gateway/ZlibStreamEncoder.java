package dev.cordbus.simulator.gateway;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * {@code compress=zlib-stream}: one {@link Deflater} (zlib header) per connection, each payload deflated with
 * {@code SYNC_FLUSH}, so every payload's output ends with {@code 00 00 ff ff} (GATEWAY.md §10).
 */
public final class ZlibStreamEncoder {

  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
  private final byte[] chunk = new byte[64 * 1024];
  /** Whether the deflater may refer back to bytes it compressed (true until the first {@link #writeHistoryReset}). */
  private boolean hasHistory = true;

  /** Deflates one payload through the shared context. */
  public Buffer encode(byte[] payload) {
    hasHistory = true;
    deflater.setInput(payload);
    Buffer out = Buffer.buffer(payload.length / 4 + 64);
    int n;
    do {
      n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
      out.appendBytes(chunk, 0, n);
    } while (n == chunk.length || !deflater.needsInput());
    return out;
  }

  /**
   * Before {@link ZlibSplice} bytes go out on this stream: writes a {@code FULL_FLUSH} (an empty stored block, or the
   * zlib header plus one on a fresh stream) so that the deflater forgets what it compressed and never refers back
   * across the spliced bytes; writes nothing when it has compressed nothing since the last reset. The bytes belong to
   * the same WebSocket message as the splice that follows (only a message's end must carry the marker).
   */
  public void writeHistoryReset(ByteBuf out) {
    if (!hasHistory) {
      return;
    }
    hasHistory = false;
    deflater.setInput(new byte[0]);
    int n;
    do {
      n = deflater.deflate(chunk, 0, chunk.length, Deflater.FULL_FLUSH);
      out.writeBytes(chunk, 0, n);
    } while (n == chunk.length);
  }

  /** A firehose frame spliced into this stream: the history reset, then the frame's pre-deflated bytes. */
  public void writeSpliced(ByteBuf out, RenderedDispatch d, long seq, boolean blank) {
    writeHistoryReset(out);
    d.writeZlib(out, seq, blank);
  }

  /** Payload compression (IDENTIFY {@code compress: true}): one independent zlib blob per payload, no shared context. */
  public static Buffer blob(byte[] payload) {
    Deflater d = new Deflater();
    try {
      d.setInput(payload);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 4 + 64);
      byte[] chunk = new byte[16 * 1024];
      while (!d.finished()) {
        int n = d.deflate(chunk);
        out.write(chunk, 0, n);
      }
      return Buffer.buffer(out.toByteArray());
    } finally {
      d.end();
    }
  }

  /** Releases the native context. */
  public void end() {
    deflater.end();
  }

  /**
   * Where to split an encoded payload over two WebSocket messages so that only the second ends with the flush marker
   * (the first must not end with {@code 00 00 ff ff}); -1 when too short to split.
   */
  public static int splitPoint(Buffer encoded) {
    int len = encoded.length();
    if (len < 8) {
      return -1;
    }
    int at = len / 2;
    while (at > 4 && endsWithMarker(encoded, at)) {
      at--;
    }
    return at > 4 ? at : -1;
  }

  private static boolean endsWithMarker(Buffer b, int end) {
    return end >= 4 && b.getByte(end - 4) == 0 && b.getByte(end - 3) == 0 && b.getByte(end - 2) == (byte) 0xff
        && b.getByte(end - 1) == (byte) 0xff;
  }
}
