package dev.cordbus.state.store;

/**
 * Image hashes (avatars, banners: 32 hex digits, {@code a_} prefix when animated) kept as 17 bytes instead of a
 * 72-byte string. Anything that is not such a hash is kept as the string itself.
 */
public final class Hashes {

  private Hashes() {
  }

  /** A compact form of a hash: {@code byte[17]} (flag + 16 bytes) or the string unchanged; null stays null. */
  public static Object compact(String s) {
    if (s == null) {
      return null;
    }
    boolean animated = s.startsWith("a_");
    String hex = animated ? s.substring(2) : s;
    if (hex.length() != 32) {
      return s;
    }
    byte[] out = new byte[17];
    out[0] = (byte) (animated ? 1 : 0);
    for (int i = 0; i < 16; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0 || Character.isUpperCase(hex.charAt(2 * i)) || Character.isUpperCase(hex.charAt(2 * i + 1))) {
        return s;
      }
      out[i + 1] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /**
   * Whether the ASCII bytes {@code a[s, e)} are a hash whose {@link #compact} form is the 17 bytes of {@code p} from
   * {@code at} (nothing made).
   */
  static boolean sameCompact(byte[] a, int s, int e, byte[] p, int at) {
    boolean animated = e - s == 34 && a[s] == 'a' && a[s + 1] == '_';
    int h = animated ? s + 2 : s;
    if (e - h != 32 || p[at] != (animated ? 1 : 0)) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      int hi = lowerHex(a[h + 2 * i]);
      int lo = lowerHex(a[h + 2 * i + 1]);
      if (hi < 0 || lo < 0 || p[at + 1 + i] != (byte) ((hi << 4) | lo)) {
        return false;
      }
    }
    return true;
  }

  /** The value of a lower-case hex digit ({@link #compact} keeps no other), else -1. */
  private static int lowerHex(byte c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  /** {@code current} when it already holds {@code s} (nothing new is stored), else the compact form of {@code s}. */
  public static Object update(Object current, String s) {
    Object c = compact(s);
    if (current instanceof byte[] a && c instanceof byte[] b ? java.util.Arrays.equals(a, b)
        : java.util.Objects.equals(current, c)) {
      return current;
    }
    return c;
  }

  /** The string form of a compacted hash. */
  public static String expand(Object o) {
    if (!(o instanceof byte[] b)) {
      return (String) o;
    }
    StringBuilder sb = new StringBuilder(34);
    if (b[0] == 1) {
      sb.append("a_");
    }
    for (int i = 1; i < 17; i++) {
      sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
    }
    return sb.toString();
  }
}
