package dev.cordbus.state.store;

import dev.cordbus.api.dispatch.JsonStrings;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pull reader over the JSON bytes {@code array[from, to)} that makes no token objects and no key strings: the
 * readers of users, members and presences walk an object key by key, compare each key's bytes with the names they
 * know (as {@link JsonSkip#is}) and read only the values they keep. What it reads equals what Jackson's streaming
 * parser gives for the same bytes (strings decoded the same way, escapes and {@code \\uXXXX} included, numbers as
 * {@code getNumberValue()}, unknown values as Vert.x decodes them), and it refuses what that parser refuses: bad
 * structure, escapes, literals and number grammar, control characters in strings, bad UTF-8 start or continuation
 * bytes, nesting over 1000 and input that ends early, each with an {@link IOException} naming the byte. It never reads
 * outside the slice.
 *
 * <p>Use: {@link #kind()} says what the next value is; {@link #enter()} opens an object or array, then
 * {@link #nextKey()} (objects) or {@link #nextElement()} (arrays) until false; every value is consumed by exactly one
 * of the readers ({@link #text()}, {@link #id()}, {@link #ids()}, {@link #bool()}, {@link #intValue()}, {@link
 * #value()}, {@link #skip()}, or a nested {@code enter}).
 */
public final class JsonCursor {

  /** {@link #kind()}: no more input. */
  public static final int END = -1;
  /** {@link #kind()}: a string. */
  public static final int STRING = 0;
  /** {@link #kind()}: a number. */
  public static final int NUMBER = 1;
  /** {@link #kind()}: an object. */
  public static final int OBJECT = 2;
  /** {@link #kind()}: an array. */
  public static final int ARRAY = 3;
  /** {@link #kind()}: {@code true}. */
  public static final int TRUE = 4;
  /** {@link #kind()}: {@code false}. */
  public static final int FALSE = 5;
  /** {@link #kind()}: {@code null}. */
  public static final int NULL = 6;

  /** Jackson's default maximum nesting depth (StreamReadConstraints). */
  static final int MAX_DEPTH = 1000;

  private final byte[] a;
  private final int from;
  private final int end;
  private int p;
  /** The container just entered has no entry read yet (no comma before the next one). */
  private boolean open;
  private int depth;
  /** The current key: {@code a[ks, ke)} between its quotes; plain when it has no escape and no non-ASCII byte. */
  private int ks;
  private int ke;
  private boolean keyPlain;
  private String keyText;
  /** Set by {@link #scanString}: the string had an escape or a non-ASCII byte. */
  private boolean special;
  /** Set by {@link #scanNumber}: the number had a fraction or an exponent. */
  private boolean fraction;

  /** A cursor before the value at {@code array[from]} that never reads at or past {@code to}. */
  public JsonCursor(byte[] array, int from, int to) {
    if (from < 0 || to > array.length || from > to) {
      throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + array.length + " bytes");
    }
    this.a = array;
    this.from = from;
    this.end = to;
    this.p = from;
  }

  /** A cursor over a whole slice. */
  public static JsonCursor of(JsonSlice slice) {
    return new JsonCursor(slice.array(), slice.offset(), slice.offset() + slice.length());
  }

  /** The array the cursor reads. */
  public byte[] array() {
    return a;
  }

  /** Where the next value starts (whitespace passed over), as an index in {@link #array()}. */
  public int start() {
    p = JsonSkip.ws(a, p, end);
    return p;
  }

  /** Where the cursor is: right after the last value, key or bracket read, as an index in {@link #array()}. */
  public int position() {
    return p;
  }

  /** The kind of the next value ({@link #STRING} ... {@link #NULL}), or {@link #END} when the input is used up. */
  public int kind() throws IOException {
    p = JsonSkip.ws(a, p, end);
    if (p >= end) {
      return END;
    }
    byte c = a[p];
    return switch (c) {
      case '"' -> STRING;
      case '{' -> OBJECT;
      case '[' -> ARRAY;
      case 't' -> TRUE;
      case 'f' -> FALSE;
      case 'n' -> NULL;
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield NUMBER;
        }
        throw error("unexpected character " + show(c) + " where a value should start");
      }
    };
  }

  /** Opens the object or array that is the next value. */
  public void enter() throws IOException {
    int k = need();
    if (k != OBJECT && k != ARRAY) {
      throw error("expected an object or an array");
    }
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    p++;
    open = true;
  }

  /**
   * Moves to the next key of the object entered and past its colon, so that its value is next; false (the closing
   * brace consumed) when the object has no more keys.
   */
  public boolean nextKey() throws IOException {
    boolean first = open;
    open = false;
    byte c = peek();
    if (c == '}') {
      p++;
      depth--;
      return false;
    }
    if (!first) {
      if (c != ',') {
        throw error("expected ',' or '}' but found " + show(c));
      }
      p++;
      c = peek();
    }
    if (c != '"') {
      throw error("expected a key but found " + show(c));
    }
    ks = p + 1;
    p = scanString(p);
    ke = p - 1;
    keyPlain = !special;
    keyText = null;
    if (peek() != ':') {
      throw error("expected ':' after key but found " + show(a[p]));
    }
    p++;
    return true;
  }

  /** Moves to the next element of the array entered; false (the closing bracket consumed) when there is none. */
  public boolean nextElement() throws IOException {
    boolean first = open;
    open = false;
    byte c = peek();
    if (c == ']') {
      p++;
      depth--;
      return false;
    }
    if (!first) {
      if (c != ',') {
        throw error("expected ',' or ']' but found " + show(c));
      }
      p++;
    }
    return true;
  }

  /** Whether the current key is {@code name} (plain keys are compared as bytes, no string made). */
  public boolean key(String name) throws IOException {
    if (!keyPlain) {
      return key().equals(name);
    }
    int n = name.length();
    if (ke - ks != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a[ks + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The current key as a string. */
  public String key() throws IOException {
    if (keyText == null) {
      keyText = keyPlain ? new String(a, ks, ke - ks, StandardCharsets.ISO_8859_1) : decode(ks, ke);
    }
    return keyText;
  }

  /** The next value when it is a string; any other value is skipped and gives null (as {@code JsonRead.string}). */
  public String text() throws IOException {
    if (need() != STRING) {
      skip();
      return null;
    }
    int s = p + 1;
    p = scanString(p);
    return special ? decode(s, p - 1) : new String(a, s, p - 1 - s, StandardCharsets.ISO_8859_1);
  }

  /**
   * The next value as a snowflake: a string as {@link Ids#parse} reads it, a number as its {@code longValue()}; 0 for
   * anything else (skipped).
   */
  public long id() throws IOException {
    int k = need();
    if (k == NUMBER) {
      return longValue();
    }
    if (k != STRING) {
      skip();
      return 0;
    }
    int s = p + 1;
    p = scanString(p);
    if (!special) {
      long v = JsonSkip.id(a, s, p - 1);
      if (v > 0) {
        return v;
      }
    }
    return Ids.parse(special ? decode(s, p - 1) : new String(a, s, p - 1 - s, StandardCharsets.ISO_8859_1));
  }

  /** The next value as an id array, ids that read as 0 left out (as {@link Ids#array}); null when not an array. */
  public long[] ids() throws IOException {
    if (need() != ARRAY) {
      skip();
      return null;
    }
    enter();
    long[] out = new long[8];
    int n = 0;
    while (nextElement()) {
      long id = id();
      if (id != 0) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = id;
      }
    }
    return n == 0 ? Ids.EMPTY : Arrays.copyOf(out, n);
  }

  /** Whether the next value is {@code true}; any other value is skipped and gives false. */
  public boolean bool() throws IOException {
    boolean t = need() == TRUE;
    skip();
    return t;
  }

  /** The next value, which must be a number, as Jackson's {@code getNumberValue().intValue()}. */
  public int intValue() throws IOException {
    if (need() != NUMBER) {
      throw error("expected a number");
    }
    int s = p;
    p = scanNumber(p);
    return fraction ? Double.valueOf(new String(a, s, p - s, StandardCharsets.ISO_8859_1)).intValue()
        : (int) integer(s, p);
  }

  /** The next value, which must be a number, as Jackson's {@code getNumberValue().longValue()}. */
  public long longValue() throws IOException {
    if (need() != NUMBER) {
      throw error("expected a number");
    }
    int s = p;
    p = scanNumber(p);
    return fraction ? Double.valueOf(new String(a, s, p - s, StandardCharsets.ISO_8859_1)).longValue()
        : integer(s, p);
  }

  /**
   * The next value as a {@code JsonObject} would hold it (as {@code JsonRead.value}): a string, a Boolean, null, or
   * for numbers, objects and arrays Vert.x's decoding of their bytes.
   */
  public Object value() throws IOException {
    int k = need();
    switch (k) {
      case STRING:
        return text();
      case NULL:
        skip();
        return null;
      case TRUE:
      case FALSE:
        skip();
        return k == TRUE;
      default:
        int s = p;
        skip();
        try {
          return Json.decodeValue(Buffer.buffer(Arrays.copyOfRange(a, s, p)));
        } catch (DecodeException e) {
          throw new IOException(e.getMessage(), e);
        }
    }
  }

  /** Passes over the next value, checking it as the parser would. */
  public void skip() throws IOException {
    switch (need()) {
      case STRING -> p = scanString(p);
      case NUMBER -> p = scanNumber(p);
      case TRUE -> literal("true");
      case FALSE -> literal("false");
      case NULL -> literal("null");
      case OBJECT -> {
        enter();
        while (nextKey()) {
          skip();
        }
      }
      default -> {
        enter();
        while (nextElement()) {
          skip();
        }
      }
    }
  }

  private int need() throws IOException {
    int k = kind();
    if (k == END) {
      throw error("unexpected end of input where a value should be");
    }
    return k;
  }

  private byte peek() throws IOException {
    p = JsonSkip.ws(a, p, end);
    if (p >= end) {
      throw error("unexpected end of input inside an object or array");
    }
    return a[p];
  }

  private void literal(String word) throws IOException {
    int n = word.length();
    if (end - p < n || !JsonSkip.is(a, p, p + n, word)) {
      throw error("unrecognized token, expected '" + word + "'");
    }
    p += n;
  }

  /** The end of the string at {@code q} (its opening quote), checked; sets {@link #special}. */
  private int scanString(int q) throws IOException {
    special = false;
    int i = q + 1;
    while (true) {
      i = JsonStrings.plainRun(a, i, end);
      if (i >= end) {
        p = end;
        throw error("unexpected end of input inside a string");
      }
      int c = a[i];
      if (c == '"') {
        return i + 1;
      }
      special = true;
      if (c == '\\') {
        i = escapeEnd(i);
      } else if (c >= 0) {
        p = i;
        throw error("control character " + show(a[i]) + " in a string: it has to be escaped");
      } else {
        i += utf8Length(i);
      }
    }
  }

  /** The end of the escape at {@code i} (its backslash), checked. */
  private int escapeEnd(int i) throws IOException {
    if (i + 1 >= end) {
      p = end;
      throw error("unexpected end of input in an escape");
    }
    switch (a[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
        return i + 2;
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
        return i + 6;
      default:
        p = i + 1;
        throw error("unrecognized escape \\" + (char) (a[i + 1] & 0xFF));
    }
  }

  /** The length of the UTF-8 sequence at {@code i}, checked as Jackson's UTF-8 parser checks it. */
  private int utf8Length(int i) throws IOException {
    int b = a[i] & 0xFF;
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
    return n;
  }

  /** The text of the checked string content {@code a[s, e)}: escapes and UTF-8 decoded as Jackson does. */
  private String decode(int s, int e) {
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

  /** The end of the number at {@code q}, checked against JSON's grammar; sets {@link #fraction}. */
  private int scanNumber(int q) throws IOException {
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
    fraction = false;
    if (i < end && a[i] == '.') {
      fraction = true;
      int f = digits(i + 1);
      if (f == 0) {
        p = i;
        throw error("decimal point not followed by a digit");
      }
      i += 1 + f;
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
    }
    return i;
  }

  private int digits(int i) {
    int j = i;
    while (j < end && a[j] >= '0' && a[j] <= '9') {
      j++;
    }
    return j - i;
  }

  /** The checked integer {@code a[s, e)} as a long; beyond 64 bits its low 64 bits, as BigInteger.longValue(). */
  private long integer(int s, int e) {
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

  private IOException error(String what) {
    return new IOException(what + " at byte " + (Math.min(p, end) - from) + " of " + (end - from));
  }

  private static String show(byte c) {
    return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : "byte 0x" + Integer.toHexString(c & 0xFF);
  }
}
