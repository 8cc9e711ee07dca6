package dev.cordbus.state.store;

import java.io.IOException;
import java.util.Arrays;

/**
 * A pull reader over the JSON bytes {@code array[from, to)} that makes no token objects and no key strings: the
 * readers of users, members and presences walk an object key by key, compare each key's bytes with the names they
 * know (as {@link JsonSkip#is}) and read only the values they keep. What it reads equals what Jackson's streaming
 * parser gives for the same bytes (strings decoded the same way, escapes and surrogate pairs included, numbers as
 * {@code getNumberValue()}, objects and arrays as Vert.x's {@code Json.decodeValue} builds them, by {@link JsonTree}),
 * and it refuses what that parser refuses: bad structure, escapes, literals and number grammar, control characters in
 * strings, bad UTF-8 start or continuation bytes, nesting over 1000, numbers of over 1000 digits (read as values) and
 * input that ends early, each with an {@link IOException} naming the byte. It never reads
 * outside the slice. One difference: a bad UTF-8 sequence in a key, which Jackson decodes without a word, is refused.
 *
 * <p>Use: {@link #kind()} says what the next value is; {@link #enter()} opens an object or array, then
 * {@link #nextKey()} (objects) or {@link #nextElement()} (arrays) until false; every value is consumed by exactly one
 * of the readers ({@link #text()}, {@link #id()}, {@link #ids()}, {@link #bool()}, {@link #intValue()}, {@link
 * #number()}, {@link #value()}, {@link #skip()}, or a nested {@code enter}).
 */
public final class JsonCursor extends JsonKeys {

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

  /** The container just entered has no entry read yet (no comma before the next one). */
  private boolean open;
  private int depth;
  /** {@link #skip}'s stack beyond 64 levels (made at the first such depth): bit i set for an object. */
  private long[] shapes;

  /** A cursor before the value at {@code array[from]} that never reads at or past {@code to}. */
  public JsonCursor(byte[] array, int from, int to) {
    super(array, from, to);
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
    int k = KINDS[a[p] & 0xFF];
    if (k < 0) {
      throw notAValue();
    }
    return k;
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
    if (!more((byte) '}')) {
      return false;
    }
    readKey();
    return true;
  }

  /** Moves to the next element of the array entered; false (the closing bracket consumed) when there is none. */
  public boolean nextElement() throws IOException {
    return more((byte) ']');
  }

  /**
   * Past the comma before the next member or element of the container entered ({@code close} its closing byte);
   * false (the closing byte consumed) when there is none.
   */
  private boolean more(byte close) throws IOException {
    boolean first = open;
    open = false;
    byte c = peek();
    if (c == close) {
      p++;
      depth--;
      return false;
    }
    if (!first) {
      if (c != ',') {
        throw error("expected ',' or '" + (char) close + "' but found " + show(c));
      }
      p++;
    }
    return true;
  }

  /** The next value when it is a string; any other value is skipped and gives null. */
  public String text() throws IOException {
    if (need() != STRING) {
      skip();
      return null;
    }
    int s = p + 1;
    p = scanString(p);
    return special ? decode(s, p - 1) : latin1(s, p - 1);
  }

  /**
   * The next value when it is a string, as a {@link TextSpan} over {@link #array()} (no string made); any other value
   * is skipped and gives {@link TextSpan#NONE}.
   */
  public long textSpan() throws IOException {
    if (need() != STRING) {
      skip();
      return TextSpan.NONE;
    }
    int s = p + 1;
    p = scanString(p);
    return TextSpan.of(s, p - 1, special);
  }

  /**
   * The next value as an ISO-8601 timestamp in epoch micros, as {@code Timestamps.parse(text())} gives it, without
   * making a string for Discord's usual form; {@link Timestamps#NONE} for null, anything else or a bad time.
   */
  public long timestamp() throws IOException {
    long span = textSpan();
    if (span == TextSpan.NONE) {
      return Timestamps.NONE;
    }
    long fast = TextSpan.plain(span) ? Timestamps.fast(a, TextSpan.start(span), TextSpan.end(span)) : Timestamps.NONE;
    return fast != Timestamps.NONE ? fast : Timestamps.parse(TextSpan.text(a, span));
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
    return Ids.parse(special ? decode(s, p - 1) : latin1(s, p - 1));
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
    return fraction ? Double.valueOf(latin1(s, p)).intValue() : (int) integer(s, p);
  }

  /** The next value, which must be a number, as Jackson's {@code getNumberValue().longValue()}. */
  public long longValue() throws IOException {
    if (need() != NUMBER) {
      throw error("expected a number");
    }
    int s = p;
    p = scanNumber(p);
    return fraction ? Double.valueOf(latin1(s, p)).longValue() : integer(s, p);
  }

  /**
   * The next value as Vert.x's {@code Json.decodeValue} gives it, built straight from the bytes (no copy, no Jackson):
   * a {@code JsonObject} or {@code JsonArray} holding {@code LinkedHashMap}s and {@code ArrayList}s inside (Vert.x
   * wraps them on access), a String, a Boolean, null, or a number as {@link #number()} gives it. Duplicate keys keep
   * the first key's place and the last value, as Vert.x's map does. Refuses what Jackson refuses (nesting counted
   * from where the cursor started), with an {@link IOException} naming the byte.
   */
  public Object value() throws IOException {
    return JsonTree.value(this);
  }

  /**
   * The next value, which must be a number, as Jackson's {@code getNumberValue()}: an Integer when it fits an int, a
   * Long when it fits a long, a BigInteger beyond, a Double when it has a fraction or an exponent ({@code -0} is
   * Integer 0, {@code 1e2} Double 100.0, {@code 1e400} infinity). Refuses a number of more than 1000 digits, as
   * Jackson's {@code StreamReadConstraints} do.
   */
  public Number number() throws IOException {
    if (need() != NUMBER) {
      throw error("expected a number");
    }
    int s = p;
    p = scanNumber(p);
    return numberValue(s, p);
  }

  /**
   * Passes over the next value, checking it as {@link #enter}, {@link #nextKey}, {@link #nextElement} and the readers
   * would (the same errors at the same bytes). Objects and arrays are walked in one loop over an explicit stack of the
   * containers open, not by recursion: a recursive skip was inlined into every reader that calls it, one level of
   * recursion deep, making each of them several kilobytes of machine code. The method is over the JIT's size for
   * inlining a hot method (325 bytes of bytecode), so it is compiled once and called, also for the nulls and booleans
   * the readers pass over.
   */
  public void skip() throws IOException {
    int base = depth;
    long shape = 0; // bit i: the container i levels below the first one is an object (the first 64 levels)
    long[] shapes = this.shapes;
    boolean object = false;
    int k = need();
    while (true) {
      boolean first = false;
      switch (k) {
        case STRING -> p = scanString(p);
        case NUMBER -> p = scanNumber(p);
        case TRUE, FALSE, NULL -> literal(k);
        default -> {
          // an object or array: entered as enter() does
          if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
          }
          p++;
          object = k == OBJECT;
          int level = depth - base - 1;
          long bit = 1L << level; // the shift is taken mod 64
          if (level < 64) {
            shape = object ? shape | bit : shape & ~bit;
          } else {
            shapes = shapes != null ? shapes : (this.shapes = new long[MAX_DEPTH / 64 + 1]);
            shapes[level >>> 6] = object ? shapes[level >>> 6] | bit : shapes[level >>> 6] & ~bit;
          }
          first = true;
        }
      }
      if (depth == base) {
        return; // a string, number or literal, not in a container
      }
      // the closing bytes that follow, then the comma (and key) before the next value, as more() and nextKey() do
      byte c;
      while ((c = peek()) == (object ? '}' : ']')) {
        p++;
        if (--depth == base) {
          open = false;
          return;
        }
        int level = depth - base - 1;
        object = ((level < 64 ? shape : shapes[level >>> 6]) & 1L << level) != 0;
        first = false;
      }
      if (!first) {
        if (c != ',') {
          throw error("expected ',' or '" + (object ? '}' : ']') + "' but found " + show(c));
        }
        p++;
      }
      if (object) {
        readKey();
      }
      k = need();
    }
  }

  /** {@link #kind()}, refusing the end of the input. */
  int need() throws IOException {
    p = JsonSkip.ws(a, p, end);
    int k = p < end ? KINDS[a[p] & 0xFF] : -1;
    if (k < 0) {
      throw notAValue();
    }
    return k;
  }

  /** The error for what is at p, the end or a byte no value starts with (a method of its own: kind() is inlined). */
  private IOException notAValue() {
    return p >= end ? error("unexpected end of input where a value should be")
        : error("unexpected character " + show(a[p]) + " where a value should start");
  }

}
