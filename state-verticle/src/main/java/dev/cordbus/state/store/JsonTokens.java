package dev.cordbus.state.store;

import dev.cordbus.api.dispatch.JsonStrings;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lexical half of {@link JsonCursor}: strings, numbers and literals over {@code a[from, end)}, checked as Jackson's
 * UTF-8 parser checks them (escapes, control characters, UTF-8 start and continuation bytes, number grammar) and
 * decoded as it decodes them; every error an {@link IOException} naming the byte.
 */
abstract class JsonTokens {

  final byte[] a;
  final int from;
  final int end;
  /** The next byte to read. */
  int p;
  /** Set by {@link #scanString}: the string had an escape or a non-ASCII byte. */
  boolean special;
  /** Set by {@link #scanNumber}: the number had a fraction or an exponent. */
  boolean fraction;

  /** Jackson's {@code StreamReadConstraints} default: the digits of a number (integer, fraction and exponent). */
  static final int MAX_NUMBER_DIGITS = 1000;

  /**
   * {@code JsonCursor.kind()} of a value by its first byte, -1 for a byte no value starts with: one load where a switch
   * would make every reader that inlines {@code kind()} carry (and, at the first unseen kind, recompile) its branches.
   */
  static final byte[] KINDS = new byte[256];

  static {
    Arrays.fill(KINDS, (byte) -1);
    KINDS['"'] = JsonCursor.STRING;
    KINDS['{'] = JsonCursor.OBJECT;
    KINDS['['] = JsonCursor.ARRAY;
    KINDS['t'] = JsonCursor.TRUE;
    KINDS['f'] = JsonCursor.FALSE;
    KINDS['n'] = JsonCursor.NULL;
    KINDS['-'] = JsonCursor.NUMBER;
    for (int c = '0'; c <= '9'; c++) {
      KINDS[c] = JsonCursor.NUMBER;
    }
  }

  JsonTokens(byte[] array, int from, int to) {
    if (from < 0 || to > array.length || from > to) {
      throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + array.length + " bytes");
    }
    this.a = array;
    this.from = from;
    this.end = to;
    this.p = from;
  }

  /** {@code a[s, e)} as a string of ASCII bytes. */
  String latin1(int s, int e) {
    return new String(a, s, e - s, StandardCharsets.ISO_8859_1);
  }

  /** The literals of {@code JsonCursor.TRUE}, {@code FALSE} and {@code NULL}, at their kind minus {@code TRUE}. */
  private static final String[] WORDS = {"true", "false", "null"};
  /** Their last three bytes, big-endian in an int. */
  private static final int[] TAILS = {'r' << 16 | 'u' << 8 | 'e', 'l' << 16 | 's' << 8 | 'e', 'u' << 16 | 'l' << 8 | 'l'};

  /** Passes over the literal of kind {@code kind} ({@code JsonCursor.TRUE}, {@code FALSE} or {@code NULL}) at p. */
  void literal(int kind) throws IOException {
    int w = kind - JsonCursor.TRUE;
    int n = w == 1 ? 5 : 4;
    // the first byte made the kind; false's second byte is checked on its own
    if (end - p < n || (w == 1 && a[p + 1] != 'a')
        || ((a[p + n - 3] & 0xFF) << 16 | (a[p + n - 2] & 0xFF) << 8 | (a[p + n - 1] & 0xFF)) != TAILS[w]) {
      throw error("unrecognized token, expected '" + WORDS[w] + "'");
    }
    p += n;
  }

  /**
   * The end of the string at {@code q} (its opening quote), checked; sets {@link #special}. Only the common case, a
   * run of plain bytes to the closing quote, is here, small enough to inline at every reader's call;
   * {@link #scanSpecial} does the rest.
   */
  int scanString(int q) throws IOException {
    int i = JsonStrings.plainRun(a, q + 1, end);
    if (i < end && a[i] == '"') {
      special = false;
      return i + 1;
    }
    return scanSpecial(i);
  }

  /**
   * {@link #scanString} from {@code i}, the first byte of the string that is not plain: escapes, UTF-8 sequences,
   * control bytes and the end of the input checked as Jackson checks them. One method, compiled once and called (its
   * bytecode is over the JIT's limit for inlining): the readers' strings rarely have any.
   */
  private int scanSpecial(int i) throws IOException {
    special = true;
    while (true) {
      if (i >= end) {
        p = end;
        throw error("unexpected end of input inside a string");
      }
      int c = a[i];
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        // an escape, checked
        if (i + 1 >= end) {
          p = end;
          throw error("unexpected end of input in an escape");
        }
        switch (a[i + 1]) {
          case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
            i += 2;
            break;
          case 'u':
            if (i + 6 > end) {
              p = end;
              throw error("unexpected end of input in a \\u escape");
            }
            for (int j = i + 2; j < i + 6; j++) {
              if (Character.digit(a[j], 16) < 0) {
                p = j;
                throw error("expected a hex digit in a \\u escape, found " + show(a[j]));
              }
            }
            i += 6;
            break;
          default:
            p = i + 1;
            throw error("unrecognized escape \\" + (char) (a[i + 1] & 0xFF));
        }
      } else if (c >= 0) {
        p = i;
        throw error("control character " + show(a[i]) + " in a string: it has to be escaped");
      } else {
        // a UTF-8 sequence, checked as Jackson's UTF-8 parser checks it
        int b = c & 0xFF;
        int n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0) {
          p = i;
          throw error("invalid UTF-8 start byte 0x" + Integer.toHexString(b));
        }
        if (i + n > end) {
          p = end;
          throw error("unexpected end of input inside a UTF-8 sequence");
        }
        for (int j = i + 1; j < i + n; j++) {
          if ((a[j] & 0xC0) != 0x80) {
            p = j;
            throw error("invalid UTF-8 middle byte 0x" + Integer.toHexString(a[j] & 0xFF));
          }
        }
        i += n;
      }
      i = JsonStrings.plainRun(a, i, end);
    }
  }

  /** The text of the checked string content {@code a[s, e)}: escapes and UTF-8 decoded as Jackson does. */
  String decode(int s, int e) {
    return decode(a, s, e);
  }

  /** The text of the string content {@code a[s, e)}, checked by {@link #scanString}, decoded as Jackson does. */
  static String decode(byte[] a, int s, int e) {
    char[] out = new char[e - s];
    int n = 0;
    int i = s;
    while (i < e) {
      int c = a[i];
      if (c == '\\') {
        byte x = a[i + 1];
        switch (x) {
          case 'b' -> out[n++] = '\b';
          case 'f' -> out[n++] = '\f';
          case 'n' -> out[n++] = '\n';
          case 'r' -> out[n++] = '\r';
          case 't' -> out[n++] = '\t';
          case 'u' -> {
            out[n++] = (char) (Character.digit(a[i + 2], 16) << 12 | Character.digit(a[i + 3], 16) << 8
                | Character.digit(a[i + 4], 16) << 4 | Character.digit(a[i + 5], 16));
            i += 4;
          }
          default -> out[n++] = (char) x;
        }
        i += 2;
      } else if (c >= 0) {
        out[n++] = (char) c;
        i++;
      } else {
        int b = c & 0xFF;
        if ((b & 0xE0) == 0xC0) {
          out[n++] = (char) ((b & 0x1F) << 6 | (a[i + 1] & 0x3F));
          i += 2;
        } else if ((b & 0xF0) == 0xE0) {
          out[n++] = (char) ((b & 0x0F) << 12 | (a[i + 1] & 0x3F) << 6 | (a[i + 2] & 0x3F));
          i += 3;
        } else {
          int cp = ((b & 0x07) << 18 | (a[i + 1] & 0x3F) << 12 | (a[i + 2] & 0x3F) << 6 | (a[i + 3] & 0x3F))
              - 0x10000;
          out[n++] = (char) (0xD800 | (cp >> 10));
          out[n++] = (char) (0xDC00 | (cp & 0x3FF));
          i += 4;
        }
      }
    }
    return new String(out, 0, n);
  }

  /**
   * The end of the number at {@code q}, checked against JSON's grammar and Jackson's length limit (over 1000 digits,
   * counting fraction and exponent digits, is refused even when skipped, as Jackson does); sets {@link #fraction}.
   */
  int scanNumber(int q) throws IOException {
    int i = q;
    if (a[i] == '-') {
      i++;
    }
    int digits = digits(i);
    if (digits == 0) {
      throw error("expected a digit after '-'");
    }
    if (a[i] == '0' && digits > 1) {
      p = i;
      throw error("leading zeroes are not allowed");
    }
    i += digits;
    int length = digits;
    fraction = false;
    if (i < end && a[i] == '.') {
      fraction = true;
      int f = digits(i + 1);
      if (f == 0) {
        p = i;
        throw error("decimal point not followed by a digit");
      }
      i += 1 + f;
      length += f;
    }
    if (i < end && (a[i] == 'e' || a[i] == 'E')) {
      fraction = true;
      i++;
      if (i < end && (a[i] == '+' || a[i] == '-')) {
        i++;
      }
      int x = digits(i);
      if (x == 0) {
        p = i;
        throw error("exponent without digits");
      }
      i += x;
      length += x;
    }
    if (length > MAX_NUMBER_DIGITS) {
      p = q;
      throw error("number of " + length + " digits, more than the " + MAX_NUMBER_DIGITS + " a JSON reader accepts");
    }
    return i;
  }

  int digits(int i) {
    int j = i;
    while (j < end && a[j] >= '0' && a[j] <= '9') {
      j++;
    }
    return j - i;
  }

  /** The checked integer {@code a[s, e)} as a long; beyond 64 bits its low 64 bits, as BigInteger.longValue(). */
  long integer(int s, int e) {
    boolean negative = a[s] == '-';
    int d = negative ? s + 1 : s;
    if (e - d <= 18) {
      long v = 0;
      for (int i = d; i < e; i++) {
        v = v * 10 + (a[i] - '0');
      }
      return negative ? -v : v;
    }
    return new BigInteger(new String(a, s, e - s, StandardCharsets.ISO_8859_1)).longValue();
  }

  /**
   * The checked number {@code a[s, e)} ({@link #fraction} set by {@link #scanNumber}) as Jackson's
   * {@code getNumberValue()}: Integer, Long or BigInteger (the smallest that holds it) or Double.
   */
  Number numberValue(int s, int e) throws IOException {
    int d = a[s] == '-' ? s + 1 : s;
    int digits = e - d;
    if (fraction) {
      return Double.valueOf(latin1(s, e));
    }
    if (digits <= 18) {
      long v = integer(s, e);
      if ((int) v == v) {
        return Integer.valueOf((int) v);
      }
      return Long.valueOf(v);
    }
    BigInteger big = new BigInteger(latin1(s, e));
    if (big.bitLength() < 64) {
      return Long.valueOf(big.longValue());
    }
    return big;
  }

  IOException error(String what) {
    return new IOException(what + " at byte " + (Math.min(p, end) - from) + " of " + (end - from));
  }

  static String show(byte c) {
    return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : "byte 0x" + Integer.toHexString(c & 0xFF);
  }

  /** The next byte that is not whitespace, refusing the end of the input. */
  final byte peek() throws IOException {
    p = JsonSkip.ws(a, p, end);
    if (p >= end) {
      throw error("unexpected end of input inside an object or array");
    }
    return a[p];
  }
}
