package dev.cordbus.simulator.gateway;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Pieces that can be spliced into any connection's {@code zlib-stream} (RFC 1950/1951) without deflating per
 * connection, for the firehose. A zlib stream is a sequence of deflate blocks; after a flush (the {@code 00 00 ff ff}
 * ending every payload, GATEWAY.md §10) the next block starts on a byte boundary. Two kinds of blocks need no shared
 * compressor state:
 * <ul>
 *   <li>a stored block (BTYPE 00): {@code 00 LEN NLEN bytes}, used for the few bytes that change per frame (the
 *       {@code s}, a message id);</li>
 *   <li>the output of a fresh raw deflater ({@link #deflateIndependent}): compressed blocks whose back-references
 *       stay inside the piece itself, ended by {@code SYNC_FLUSH}. They can be compressed once and shared by every
 *       connection.</li>
 * </ul>
 * The inflater on the other side keeps one context per connection and sees one valid stream. The connection's own
 * deflater must then not refer back across the spliced bytes: {@link ZlibStreamEncoder#writeHistoryReset} empties
 * its history ({@code FULL_FLUSH}) before a splice. What differs from a compressor with a long shared history is only
 * the ratio (each piece is compressed on its own), not the framing.
 */
public final class ZlibSplice {

  /** An empty stored block: {@code 00 | LEN 0000 | NLEN ffff}. Ends a payload with the flush marker. */
  static final byte[] EMPTY_STORED = {0, 0, 0, (byte) 0xff, (byte) 0xff};
  static final int MAX_STORED = 65_535;

  private ZlibSplice() {
  }

  /**
   * {@code text} deflated by a fresh raw deflater (no zlib header, no history) and ended with {@code SYNC_FLUSH}:
   * bytes that can follow any flush point of any zlib stream.
   */
  public static byte[] deflateIndependent(byte[] text) {
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      d.setInput(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 2 + 64);
      byte[] chunk = new byte[16 * 1024];
      int n;
      do {
        n = d.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
        out.write(chunk, 0, n);
      } while (n == chunk.length || !d.needsInput());
      return out.toByteArray();
    } finally {
      d.end();
    }
  }
}
