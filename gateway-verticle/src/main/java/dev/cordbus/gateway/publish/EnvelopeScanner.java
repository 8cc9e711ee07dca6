package dev.cordbus.gateway.publish;

import dev.cordbus.api.dispatch.JsonStrings;
import dev.cordbus.gateway.compression.Utf8;

/**
 * The gateway's fast path for dispatch frames: one pass over the bytes that checks the whole frame is valid JSON
 * (RFC 8259: structure, string escapes, control characters, number grammar, literals, depth) and valid UTF-8
 * (RFC 3629, inside strings; outside them only ASCII may appear), and notes what the gateway needs: {@code op},
 * {@code s}, {@code t}, where {@code d} lies and the guild id {@code d} names at its top level. No token becomes an
 * object and no field name a string.
 *
 * <p>It answers only the common case: a frame with an integer {@code op}, a plain event name, and an object {@code
 * d}, with no key of the envelope repeated. Anything else (invalid JSON, other opcodes, odd types, escapes where the
 * gateway reads names) returns false and {@link FrameParser} decides with Jackson, which words the error. It is at
 * least as strict as that parser, so nothing it accepts would have been refused.
 */
final class EnvelopeScanner {

  /** What a successful scan found. */
  long op;
  long s;
  boolean sNull;
  int tStart;
  int tEnd;
  int dStart;
  int dEnd;
  int guildStart;
  int guildEnd;
  int idStart;
  int idEnd;
  /** Where d's top-level members lie. */
  private final MemberIndex members = new MemberIndex();

  private static final int PLAIN = 0;
  private static final int TOP_OF_D = 1;
  private static final int ENVELOPE = 2;

  /** Envelope keys seen so far: 1 op, 2 s, 4 t, 8 d. */
  private int seen;
  private byte[] a;
  private int end;
  private int pos;
  private int depth;
  private final int maxDepth;

  EnvelopeScanner(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /** Scans {@code a[offset, offset + length)}; true when it is a well-formed dispatch-shaped frame. */
  boolean scan(byte[] bytes, int offset, int length) {
    a = bytes;
    pos = offset;
    end = offset + length;
    depth = 0;
    tStart = dStart = guildStart = idStart = -1;
    seen = 0;
    members.clear();
    try {
      ws();
      if (peek() != '{') {
        return false;
      }
      container(true, ENVELOPE); // the envelope counts as depth 1, as Jackson counts nesting
      ws();
      return pos == end && seen == 15; // op, s, t and d, each once
    } catch (Bad e) {
      return false;
    }
  }

  /** One member of the envelope, its value at pos. */
  private void envelopeMember(int key) {
    if ((seen & key) != 0) {
      throw Bad.INSTANCE;
    }
    seen |= key;
    switch (key) {
      case 1 -> op = integer();
      case 2 -> {
        sNull = peek() == 'n';
        if (sNull) {
          literal("null");
        } else {
          s = integer();
        }
      }
      case 4 -> {
        tStart = pos + 1;
        if (peek() != '"' || !plainString()) {
          throw Bad.INSTANCE;
        }
        tEnd = pos - 1;
      }
      case 8 -> {
        if (peek() != '{') {
          throw Bad.INSTANCE;
        }
        dStart = pos;
        container(true, TOP_OF_D);
        dEnd = pos;
      }
      default -> value();
    }
  }

  /** 1 op, 2 s, 4 t, 8 d, 0 other (names with escapes count as other: the fallback sorts them out). */
  private int key(int from, int to) {
    int n = to - from;
    if (n == 1) {
      return a[from] == 's' ? 2 : a[from] == 't' ? 4 : a[from] == 'd' ? 8 : 0;
    }
    if (n == 2 && a[from] == 'o' && a[from + 1] == 'p') {
      return 1;
    }
    noEscape(from, to); // an escaped name might spell op/s/t/d
    return 0;
  }

  /** 1 for guild_id, 2 for id, else 0. */
  private int named(int from, int to) {
    int n = to - from;
    noEscape(from, to); // an escaped name might spell guild_id
    if (n == 2 && a[from] == 'i' && a[from + 1] == 'd') {
      return 2;
    }
    if (n == 8 && a[from] == 'g' && a[from + 1] == 'u' && a[from + 2] == 'i' && a[from + 3] == 'l'
        && a[from + 4] == 'd' && a[from + 5] == '_' && a[from + 6] == 'i' && a[from + 7] == 'd') {
      return 1;
    }
    return 0;
  }

  private void value() {
    int c = peek();
    switch (c) {
      case '{' -> container(true, PLAIN);
      case '[' -> container(false, PLAIN);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  /**
   * An object ({@code isObject}) or an array at pos, to its closing bracket; each member's value is read as {@code
   * mode} says: {@link #PLAIN} any value, {@link #TOP_OF_D} noting guild_id/id, {@link #ENVELOPE} op/s/t/d.
   */
  private void container(boolean isObject, int mode) {
    next();
    enter();
    ws();
    byte close = (byte) (isObject ? '}' : ']');
    if (peek() == close) {
      pos++;
      depth--;
      return;
    }
    while (true) {
      ws();
      if (isObject) {
        int nameStart = pos + 1;
        string();
        int nameEnd = pos - 1;
        ws();
        if (next() != ':') {
          throw Bad.INSTANCE;
        }
        ws();
        switch (mode) {
          case ENVELOPE -> envelopeMember(key(nameStart, nameEnd));
          case TOP_OF_D -> {
            int valueStart = pos;
            idValue(named(nameStart, nameEnd));
            members.add(nameStart, nameEnd, valueStart, pos);
          }
          default -> value();
        }
      } else {
        value();
      }
      ws();
      int c = next();
      if (c == close) {
        depth--;
        return;
      }
      if (c != ',') {
        throw Bad.INSTANCE;
      }
    }
  }

  /** A value of d's top level; {@code which} 1 (guild_id) or 2 (id) records a string or integer value. */
  private void idValue(int which) {
    int c = peek();
    if (which == 0 || !(c == '"' || c == '-' || (c >= '0' && c <= '9'))) {
      value();
      return;
    }
    int vs = pos;
    if (c == '"') {
      if (!plainString()) {
        throw Bad.INSTANCE; // an escaped or non-ASCII id: let Jackson read it
      }
    } else {
      number();
      for (int i = vs; i < pos; i++) {
        if (a[i] == '.' || a[i] == 'e' || a[i] == 'E') {
          return; // a fraction is not an id (as the Jackson path reads it)
        }
      }
    }
    int from = c == '"' ? vs + 1 : vs;
    int to = c == '"' ? pos - 1 : pos;
    if (which == 1) {
      guildStart = from;
      guildEnd = to;
    } else {
      idStart = from;
      idEnd = to;
    }
  }

  /** Where the members of the last scan's {@code d} lie ({@link MemberIndex}), from its start, in a new array. */
  int[] dMembers() {
    return members.copy(dStart);
  }

  /** Not for the fast path if {@code a[from, to)} holds an escape: Jackson reads such names. */
  private void noEscape(int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == '\\') {
        throw Bad.INSTANCE;
      }
    }
  }

  private void enter() {
    if (++depth > maxDepth) {
      throw Bad.INSTANCE;
    }
  }

  /** A string at pos (the opening quote); leaves pos after the closing quote. */
  private void string() {
    if (next() != '"') {
      throw Bad.INSTANCE;
    }
    byte[] b = a;
    int p = pos;
    int e = end;
    while (true) {
      p = JsonStrings.plainRun(b, p, e);
      if (p >= e) {
        throw Bad.INSTANCE;
      }
      int c = b[p];
      if (c == '"') {
        pos = p + 1;
        return;
      }
      if (c == '\\') {
        p = JsonEscapes.escape(b, p + 1, e);
        if (p < 0) {
          throw Bad.INSTANCE;
        }
      } else if (c >= 0) {
        throw Bad.INSTANCE; // a control character
      } else {
        int n = Utf8.sequence(b, p, e);
        if (n < 0) {
          throw Bad.INSTANCE;
        }
        p += n;
      }
    }
  }

  /** Like {@link #string()}, and true when the string had no escape and no non-ASCII byte. */
  private boolean plainString() {
    int start = pos;
    string();
    for (int i = start + 1; i < pos - 1; i++) {
      if (a[i] == '\\' || a[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** An integer (no fraction or exponent) that fits a long; a number of any other shape is not for this path. */
  private long integer() {
    int start = pos;
    boolean negative = peek() == '-';
    if (negative) {
      pos++;
    }
    int first = pos;
    long v = 0;
    while (pos < end && a[pos] >= '0' && a[pos] <= '9') {
      if (pos - first >= 18) {
        throw Bad.INSTANCE; // may not fit a long: the fallback says so
      }
      v = v * 10 + (a[pos] - '0');
      pos++;
    }
    int digits = pos - first;
    if (digits == 0 || (digits > 1 && a[first] == '0')) {
      throw Bad.INSTANCE;
    }
    if (pos < end && (a[pos] == '.' || a[pos] == 'e' || a[pos] == 'E')) {
      throw Bad.INSTANCE;
    }
    if (start == pos) {
      throw Bad.INSTANCE;
    }
    return negative ? -v : v;
  }

  /** Any JSON number. */
  private void number() {
    if (peek() == '-') {
      pos++;
    }
    int first = pos;
    digits();
    if (pos - first > 1 && a[first] == '0') {
      throw Bad.INSTANCE;
    }
    if (pos < end && a[pos] == '.') {
      pos++;
      digits();
    }
    if (pos < end && (a[pos] == 'e' || a[pos] == 'E')) {
      pos++;
      if (pos < end && (a[pos] == '+' || a[pos] == '-')) {
        pos++;
      }
      digits();
    }
  }

  private void digits() {
    int start = pos;
    while (pos < end && a[pos] >= '0' && a[pos] <= '9') {
      pos++;
    }
    if (pos == start) {
      throw Bad.INSTANCE;
    }
  }

  private void literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (next() != word.charAt(i)) {
        throw Bad.INSTANCE;
      }
    }
  }

  private void ws() {
    while (pos < end) {
      byte c = a[pos];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        pos++;
      } else {
        return;
      }
    }
  }

  private int peek() {
    if (pos >= end) {
      throw Bad.INSTANCE;
    }
    return a[pos];
  }

  private int next() {
    if (pos >= end) {
      throw Bad.INSTANCE;
    }
    return a[pos++];
  }

  /** Not for the fast path (no stack trace: it is control flow). */
  private static final class Bad extends RuntimeException {
    static final Bad INSTANCE = new Bad();

    private Bad() {
      super(null, null, false, false);
    }
  }
}
