package dev.cordbus.state.store;

import java.nio.charset.StandardCharsets;

/**
 * Where a checked JSON string lies in the bytes it was read from, as one {@code long}, so a reader can keep a text
 * value without making a {@code String}: the cache compares most values it reads with what it holds and drops them, and
 * only a value that changed is ever decoded. The content (between the quotes) starts at {@link #start} and ends at
 * {@link #end}; {@link #plain} says it has no escape and no non-ASCII byte, so its bytes are its UTF-8 form. {@link
 * #NONE} ({@code 0}) stands for no string: a content starts after its opening quote, never at 0.
 */
public final class TextSpan {

  /** No string (the value was null or not a string). */
  public static final long NONE = 0;

  private static final long SPECIAL = Long.MIN_VALUE;

  private TextSpan() {
  }

  static long of(int start, int end, boolean special) {
    return (special ? SPECIAL : 0) | (long) start << 32 | end;
  }

  /** Where the content starts. */
  public static int start(long span) {
    return (int) (span >>> 32) & Integer.MAX_VALUE;
  }

  /** Where the content ends (the closing quote). */
  public static int end(long span) {
    return (int) span;
  }

  /** Whether the content has no escape and no non-ASCII byte: its bytes are the text's UTF-8 (and Latin-1) form. */
  public static boolean plain(long span) {
    return span >= 0;
  }

  /** The text of {@code span} over {@code a}, or {@code orElse} when the span is {@link #NONE}. */
  public static String text(byte[] a, long span, String orElse) {
    return span == NONE ? orElse : text(a, span);
  }

  /** The text of a span over {@code a} (decoded as Jackson decodes it), or null for {@link #NONE}. */
  public static String text(byte[] a, long span) {
    if (span == NONE) {
      return null;
    }
    int s = start(span);
    int e = end(span);
    return plain(span) ? new String(a, s, e - s, StandardCharsets.ISO_8859_1) : JsonTokens.decode(a, s, e);
  }
}
