package dev.cordbus.api.dispatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The inside of JSON strings as bytes, shared by the gateway's frame scanner and the readers of the state cache:
 * message contents are long runs of bytes that need no look, skipped eight at a time, and snowflakes are digits, read
 * eight at a time.
 */
public final class JsonStrings {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * Skips the bytes from {@code p} that need no look (printable ASCII other than quote and backslash), eight at a
   * time while it can: message contents are long runs of them. Returns the index of the first other byte, or e.
   */
  public static int plainRun(byte[] b, int p, int e) {
    while (p + 8 <= e) {
      long x = (long) LONGS.get(b, p);
      long quote = x ^ (ONES * '"');
      long slash = x ^ (ONES * '\\');
      // a byte >= 0x80, < 0x20, '"' or '\\' in x sets its high bit here: never missed. A borrow may flag a clean
      // byte after such a byte, never one before it (borrows run towards the higher bytes, the later ones in this
      // little-endian read), so the lowest high bit set is the first byte that needs a look
      long special = (x | (x - ONES * 0x20) | ((quote - ONES) & ~quote) | ((slash - ONES) & ~slash)) & HIGHS;
      if (special != 0) {
        return p + (Long.numberOfTrailingZeros(special) >>> 3);
      }
      p += 8;
    }
    while (p < e) {
      int c = b[p];
      // c < 0x20 (negative bytes, non-ASCII, too), c == '"' or c == '\\', as one test: a test per case would let the
      // JIT compile the case a warm-up never met (an escape, a non-ASCII byte) as a trap, and every method this one is
      // inlined into would be compiled again when the first message with one arrives
      if (((c - 0x20) | ((c ^ '"') - 1) | ((c ^ '\\') - 1)) < 0) {
        return p;
      }
      p++;
    }
    return p;
  }

  /**
   * The value of the eight ASCII digits at {@code b[p, p + 8)} (a snowflake's digits inside its string), or -1 when
   * one of them is not a digit: one load, a test and three multiplications instead of eight of each.
   */
  public static long eightDigits(byte[] b, int p) {
    long x = (long) LONGS.get(b, p); // little-endian: the first digit in the lowest byte
    // every byte 0x30..0x39: its high nibble is 3, and adding 6 does not carry into it
    if (((x & 0xF0F0F0F0F0F0F0F0L) | ((x + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4)
        != 0x3333333333333333L) {
      return -1;
    }
    x -= 0x3030303030303030L;
    x = (x * 10 + (x >>> 8)) & 0x00FF00FF00FF00FFL; // pairs of digits
    x = (x * 100 + (x >>> 16)) & 0x0000FFFF0000FFFFL; // fours
    return (x * 10000 + (x >>> 32)) & 0xFFFFFFFFL; // the eight
  }

  private JsonStrings() {
  }
}
