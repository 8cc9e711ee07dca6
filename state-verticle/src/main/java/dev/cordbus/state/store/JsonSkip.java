package dev.cordbus.state.store;

import dev.cordbus.api.dispatch.JsonStrings;

/**
 * Walks JSON bytes that are already known to be valid (the gateway checked every frame) without tokenising what it
 * passes over: a string is a run to its closing quote, an object or array a run to its matching bracket. About three
 * times cheaper than a parser's skip on a ~1.4 KB message. Every method returns -1 instead of a position when the
 * bytes are not what it expects, and the caller then reads with Jackson.
 */
public final class JsonSkip {

  private JsonSkip() {
  }

  /**
   * The first position at or after {@code p} that is not JSON whitespace. The test for none (the wire's compact JSON)
   * is all that the readers inline at each of their calls; the loop is {@link #wsRun}'s.
   */
  public static int ws(byte[] a, int p, int end) {
    return p >= end || a[p] > ' ' ? p : wsRun(a, p, end);
  }

  private static int wsRun(byte[] a, int p, int end) {
    while (p < end) {
      byte c = a[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return p;
      }
      p++;
    }
    return p;
  }

  /** The position after the string starting at {@code p} (its opening quote), or -1. */
  public static int string(byte[] a, int p, int end) {
    if (p >= end || a[p] != '"') {
      return -1;
    }
    int i = p + 1;
    while (true) {
      i = JsonStrings.plainRun(a, i, end);
      if (i >= end) {
        return -1;
      }
      byte c = a[i];
      if (c == '"') {
        return i + 1;
      }
      i += c == '\\' ? 2 : 1;
    }
  }

  /** The position after the value starting at {@code p}, or -1. */
  public static int value(byte[] a, int p, int end) {
    if (p >= end) {
      return -1;
    }
    byte c = a[p];
    if (c == '"') {
      return string(a, p, end);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int i = p; i < end; i++) {
        byte b = a[i];
        if (b == '"') {
          i = string(a, i, end) - 1;
          if (i < 0) {
            return -1;
          }
        } else if (b == '{' || b == '[') {
          depth++;
        } else if ((b == '}' || b == ']') && --depth == 0) {
          return i + 1;
        }
      }
      return -1;
    }
    int i = p;
    while (i < end) {
      byte b = a[i];
      if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        break;
      }
      i++;
    }
    return i == p ? -1 : i;
  }

  /** {@link #firstMember} / {@link #nextMember}: the object has no (more) members; {@link #member}: none of that name. */
  public static final int ABSENT = -2;

  /*
   * Walking an object's top level: firstMember, then per member plainName (the name's end), valueStart, the caller's
   * own passing over the value, and nextMember from where the value ended. Each returns -1 when the bytes are not as
   * expected, and the caller then reads the long way.
   */

  /** Where the first member's name starts (its quote) in the object at {@code p}, {@link #ABSENT} if it is empty. */
  public static int firstMember(byte[] a, int p, int end) {
    p = ws(a, p, end);
    if (p >= end || a[p] != '{') {
      return -1;
    }
    p = ws(a, p + 1, end);
    return p < end && a[p] == '}' ? ABSENT : p;
  }

  /** The end (after the quote) of the member name at {@code p}, or -1 also when it has an escape (it might be any name). */
  public static int plainName(byte[] a, int p, int end) {
    int nameEnd = string(a, p, end);
    if (nameEnd < 0) {
      return -1;
    }
    for (int i = p + 1; i < nameEnd - 1; i++) {
      if (a[i] == '\\') {
        return -1;
      }
    }
    return nameEnd;
  }

  /** Where the value starts after the name ending at {@code nameEnd} (past the colon). */
  public static int valueStart(byte[] a, int nameEnd, int end) {
    if (nameEnd < 0) {
      return -1;
    }
    int colon = ws(a, nameEnd, end);
    return colon >= end || a[colon] != ':' ? -1 : ws(a, colon + 1, end);
  }

  /** Where the next member's name starts after a value ending at {@code valueEnd}, {@link #ABSENT} at the end. */
  public static int nextMember(byte[] a, int valueEnd, int end) {
    int p = ws(a, valueEnd, end);
    if (p >= end) {
      return -1;
    }
    if (a[p] == '}') {
      return ABSENT;
    }
    return a[p] == ',' ? ws(a, p + 1, end) : -1;
  }

  /**
   * Where the member {@code key} of the object at {@code a[from, end)} starts (the opening quote of its name, at the
   * top level), {@link #ABSENT} when the object has none, or -1 when the bytes are not an object as expected or a name
   * is escaped (it might spell {@code key}): the caller then reads the long way.
   */
  public static int member(byte[] a, int from, int end, String key) {
    int p = firstMember(a, from, end);
    while (p >= 0) {
      int nameEnd = plainName(a, p, end);
      if (nameEnd < 0) {
        return -1;
      }
      if (is(a, p + 1, nameEnd - 1, key)) {
        return p;
      }
      int vs = valueStart(a, nameEnd, end);
      int ve = vs < 0 ? -1 : value(a, vs, end);
      if (ve < 0) {
        return -1;
      }
      p = nextMember(a, ve, end);
    }
    return p;
  }

  /** Whether {@code a[from, to)} spells the ASCII {@code key} exactly. */
  public static boolean is(byte[] a, int from, int to, String key) {
    if (to - from != key.length()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (a[from + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The id in {@code a[from, to)}: a quoted or bare run of at most 19 digits that fits a long (Discord's snowflakes
   * have had 19 digits since 2022); -1 for anything else (the caller then reads it the long way), 0 for null.
   */
  public static long id(byte[] a, int from, int to) {
    if (to - from == 4 && a[from] == 'n') {
      return 0;
    }
    if (to - from >= 2 && a[from] == '"' && a[to - 1] == '"') {
      from++;
      to--;
    }
    int n = to - from;
    if (n == 0 || n > 19) {
      return -1;
    }
    long v = 0;
    int last = n == 19 ? to - 1 : to; // up to 18 digits cannot overflow: no division per digit
    int i = from;
    for (; i + 8 <= last; i += 8) { // a snowflake's first 16 digits, eight at a time
      long eight = JsonStrings.eightDigits(a, i);
      if (eight < 0) {
        return -1;
      }
      v = v * 100_000_000L + eight;
    }
    for (; i < last; i++) {
      int d = a[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    if (last < to) {
      int d = a[last] - '0';
      if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
