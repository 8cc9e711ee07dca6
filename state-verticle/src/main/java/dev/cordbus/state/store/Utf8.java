package dev.cordbus.state.store;

/** Comparing UTF-8 bytes with a {@link String} without decoding them (no allocation on the update path). */
public final class Utf8 {

  private Utf8() {
  }

  /** Whether {@code len} bytes of {@code b} from {@code off} are the UTF-8 encoding of {@code s}. */
  public static boolean equals(byte[] b, int off, int len, String s) {
    int i = off;
    int end = off + len;
    int n = s.length();
    for (int k = 0; k < n; k++) {
      int c = s.charAt(k);
      if (Character.isHighSurrogate((char) c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
        c = Character.toCodePoint((char) c, s.charAt(++k));
      } else if (Character.isSurrogate((char) c)) {
        c = '?'; // String.getBytes(UTF_8) writes a lone surrogate as '?'
      }
      if (c < 0x80) {
        if (i >= end || b[i++] != c) {
          return false;
        }
      } else if (c < 0x800) {
        if (i + 2 > end || b[i++] != (byte) (0xC0 | c >> 6) || b[i++] != (byte) (0x80 | c & 0x3F)) {
          return false;
        }
      } else if (c < 0x10000) {
        if (i + 3 > end || b[i++] != (byte) (0xE0 | c >> 12) || b[i++] != (byte) (0x80 | c >> 6 & 0x3F)
            || b[i++] != (byte) (0x80 | c & 0x3F)) {
          return false;
        }
      } else if (i + 4 > end || b[i++] != (byte) (0xF0 | c >> 18) || b[i++] != (byte) (0x80 | c >> 12 & 0x3F)
          || b[i++] != (byte) (0x80 | c >> 6 & 0x3F) || b[i++] != (byte) (0x80 | c & 0x3F)) {
        return false;
      }
    }
    return i == end;
  }
}
