package dev.cordbus.state.store;

import java.nio.charset.StandardCharsets;

/**
 * Per-user strings (usernames, display names, nicknames) kept as their Latin-1 bytes when they fit: no
 * {@link String} object around the bytes, 24 bytes less each, which adds up over hundreds of thousands of members.
 * Anything with a character above U+00FF stays a {@code String}. Null stays null.
 */
public final class Text {

  private Text() {
  }

  /** The compact form of {@code s}: {@code byte[]} (Latin-1) or the string itself. */
  public static Object pack(String s) {
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return s;
      }
    }
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The string of a packed value. */
  public static String unpack(Object packed) {
    return packed instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : (String) packed;
  }

  /** Whether {@code packed} holds {@code s} (so an update can keep the stored value and allocate nothing). */
  public static boolean same(Object packed, String s) {
    if (packed == null || s == null) {
      return packed == null && s == null;
    }
    if (!(packed instanceof byte[] b)) {
      return packed.equals(s);
    }
    if (b.length != s.length()) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      if ((b[i] & 0xFF) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code packed} when it already holds {@code s}, else the packed form of {@code s}. */
  public static Object update(Object packed, String s) {
    return same(packed, s) ? packed : pack(s);
  }
}
