package dev.cordbus.gateway.publish;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The inside of JSON strings, for {@link EnvelopeScanner}: runs of bytes that need no look, and escapes. */
final class JsonStrings {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * Skips the bytes from {@code p} that need no look (printable ASCII other than quote and backslash), eight at a
   * time while it can: message contents are long runs of them. Returns the index of the first other byte, or e.
   */
  static int plainRun(byte[] b, int p, int e) {
    while (p + 8 <= e) {
      long x = (long) LONGS.get(b, p);
      long quote = x ^ (ONES * '"');
      long slash = x ^ (ONES * '\\');
      // a byte >= 0x80, < 0x20, '"' or '\\' in x sets a high bit here: never missed; a borrow may flag a clean
      // byte after one below 0x20, and the byte loop below decides anyway
      long special = (x | (x - ONES * 0x20) | ((quote - ONES) & ~quote) | ((slash - ONES) & ~slash)) & HIGHS;
      if (special != 0) {
        break;
      }
      p += 8;
    }
    while (p < e) {
      int c = b[p];
      if (c < 0x20 || c == '"' || c == '\\') {
        return p; // negative bytes (non-ASCII) are below 0x20 too
      }
      p++;
    }
    return p;
  }

  /** The escape after a backslash at {@code p - 1}: the index after it, or -1 when it is not a JSON escape. */
  static int escape(byte[] b, int p, int e) {
    if (p >= e) {
      return -1;
    }
    switch (b[p]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return p + 1;
      }
      case 'u' -> {
        if (p + 5 > e) {
          return -1;
        }
        for (int k = 1; k <= 4; k++) {
          int h = b[p + k];
          if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) {
            return -1;
          }
        }
        return p + 5;
      }
      default -> {
        return -1;
      }
    }
  }

  private JsonStrings() {
  }
}
