package dev.cordbus.gateway.compression;

import dev.cordbus.gateway.error.GatewayException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code compress=zlib-stream} (GATEWAY.md §10): ONE {@link Inflater} for the life of a connection; binary messages
 * are buffered until the just-received one ends with {@code 00 00 ff ff}, then the buffer is inflated through the
 * shared context. Create a new decoder for every new socket. Not thread-safe.
 */
public final class ZlibStreamDecoder implements FrameDecoder {

  private static final int SUFFIX = 4;

  private final Inflater inflater = new Inflater();
  private byte[] in = new byte[8192];
  private int inLength;
  private byte[] out = new byte[64 * 1024];

  /**
   * Feeds one binary WebSocket message.
   *
   * @return the inflated payload bytes when this message completed one, else {@code null} (keep buffering)
   * @throws GatewayException kind {@code DECOMPRESSION} when the stream is corrupt (the connection cannot recover)
   */
  @Override
  public byte[] feed(byte[] message, int offset, int length) {
    append(message, offset, length);
    if (!endsWithSyncFlush(message, offset, length)) {
      return null;
    }
    inflater.setInput(in, 0, inLength);
    int produced = 0;
    try {
      while (true) {
        if (produced == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        int n = inflater.inflate(out, produced, out.length - produced);
        produced += n;
        if (inflater.needsDictionary()) {
          throw new GatewayException(GatewayException.Kind.DECOMPRESSION, "zlib-stream needs a preset dictionary");
        }
        if (n == 0) {
          break; // the output buffer had room: nothing more to inflate until the next message
        }
      }
    } catch (DataFormatException e) {
      throw new GatewayException(GatewayException.Kind.DECOMPRESSION, "corrupt zlib-stream: " + e.getMessage(), e);
    } finally {
      inLength = 0;
    }
    return Arrays.copyOf(out, produced);
  }

  /** Bytes buffered waiting for a message that ends with the sync-flush suffix. */
  public int buffered() {
    return inLength;
  }

  private void append(byte[] message, int offset, int length) {
    if (inLength + length > in.length) {
      in = Arrays.copyOf(in, Math.max(in.length * 2, inLength + length));
    }
    System.arraycopy(message, offset, in, inLength, length);
    inLength += length;
  }

  /** Whether {@code message} ends with the Z_SYNC_FLUSH marker {@code 00 00 ff ff}. */
  public static boolean endsWithSyncFlush(byte[] message) {
    return endsWithSyncFlush(message, 0, message.length);
  }

  private static boolean endsWithSyncFlush(byte[] message, int offset, int length) {
    int n = offset + length;
    return length >= SUFFIX && message[n - 4] == 0 && message[n - 3] == 0
        && message[n - 2] == (byte) 0xff && message[n - 1] == (byte) 0xff;
  }

  @Override
  public String name() {
    return "zlib-stream";
  }

  @Override
  public void close() {
    inflater.end();
  }
}
