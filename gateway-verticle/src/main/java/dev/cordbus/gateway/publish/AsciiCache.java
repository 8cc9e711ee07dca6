package dev.cordbus.gateway.publish;

import java.nio.charset.StandardCharsets;

/**
 * The strings of short byte runs that repeat from frame to frame (event names, guild ids), so reading them allocates
 * nothing once seen: a direct-mapped table of strings found by the hash of their bytes, a new string replacing the
 * one in its slot. One per thread: not thread-safe.
 */
final class AsciiCache {

  private final String[] slots;
  private final int mask;

  /** A cache of {@code size} slots (a power of two). */
  AsciiCache(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + size);
    }
    slots = new String[size];
    mask = size - 1;
  }

  /** The cached string of {@code bytes[from, to)} read as ISO-8859-1, or null when it is not cached. */
  String find(byte[] bytes, int from, int to) {
    String s = slots[slot(bytes, from, to)];
    return s != null && same(s, bytes, from, to) ? s : null;
  }

  /** Caches {@code s}, the string of {@code bytes[from, to)} read as ISO-8859-1. */
  void put(String s, byte[] bytes, int from, int to) {
    slots[slot(bytes, from, to)] = s;
  }

  /** The string of {@code bytes[from, to)} read as ISO-8859-1: the cached one, or a new one that is then cached. */
  String get(byte[] bytes, int from, int to) {
    int i = slot(bytes, from, to);
    String s = slots[i];
    if (s == null || !same(s, bytes, from, to)) {
      s = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
      slots[i] = s;
    }
    return s;
  }

  private int slot(byte[] bytes, int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    return (h ^ (h >>> 16)) & mask;
  }

  private static boolean same(String s, byte[] bytes, int from, int to) {
    if (s.length() != to - from) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != (bytes[from + i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
