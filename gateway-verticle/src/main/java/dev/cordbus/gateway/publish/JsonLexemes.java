package dev.cordbus.gateway.publish;

import dev.cordbus.api.dispatch.JsonStrings;
import dev.cordbus.gateway.compression.Utf8;

/**
 * The tokens of JSON (RFC 8259) as {@link EnvelopeScanner} checks them: strings with their escapes and UTF-8,
 * numbers, literals and whitespace. Each method takes the bytes, the position where the token starts and the end of
 * the input, and returns the position after the token, or -1 when the bytes there are not one.
 */
final class JsonLexemes {

  static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private JsonLexemes() {
  }

  /** Whether {@code a[from, to)} holds a backslash (a name with an escape might spell any other name). */
  static boolean hasEscape(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == '\\') {
        return true;
      }
    }
    return false;
  }

  /** The string whose opening quote is at {@code p}: the position after its closing quote, or -1. */
  static int string(byte[] b, int p, int e) {
    p++;
    while (true) {
      p = JsonStrings.plainRun(b, p, e);
      if (p >= e) {
        return -1;
      }
      int c = b[p];
      if (c == '"') {
        return p + 1;
      }
      if (c == '\\') {
        p = escape(b, p + 1, e);
        if (p < 0) {
          return -1;
        }
      } else if (c >= 0) {
        return -1; // a control character
      } else {
        int n = Utf8.sequence(b, p, e);
        if (n < 0) {
          return -1;
        }
        p += n;
      }
    }
  }

  /** Like {@link #string}, and -1 as well when the string has an escape or a non-ASCII byte. */
  static int plainString(byte[] a, int p, int end) {
    int after = string(a, p, end);
    for (int i = p + 1; i < after - 1; i++) {
      if (a[i] == '\\' || a[i] < 0) {
        return -1;
      }
    }
    return after;
  }

  /** Any JSON number. */
  static int number(byte[] a, int p, int end) {
    if (a[p] == '-') {
      p++;
    }
    int first = p;
    p = digits(a, p, end);
    if (p < 0 || (p - first > 1 && a[first] == '0')) {
      return -1;
    }
    if (p < end && a[p] == '.') {
      p = digits(a, p + 1, end);
      if (p < 0) {
        return -1;
      }
    }
    if (p < end && (a[p] == 'e' || a[p] == 'E')) {
      p++;
      if (p < end && (a[p] == '+' || a[p] == '-')) {
        p++;
      }
      p = digits(a, p, end);
    }
    return p;
  }

  static int digits(byte[] a, int p, int end) {
    int start = p;
    while (p < end && a[p] >= '0' && a[p] <= '9') {
      p++;
    }
    return p == start ? -1 : p;
  }

  static int literal(byte[] a, int p, int end, byte[] word) {
    if (p + word.length > end) {
      return -1;
    }
    for (int i = 0; i < word.length; i++) {
      if (a[p + i] != word[i]) {
        return -1;
      }
    }
    return p + word.length;
  }

  static int ws(byte[] a, int p, int end) {
    while (p < end) {
      byte c = a[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return p;
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
}
