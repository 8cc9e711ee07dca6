package dev.cordbus.gateway.publish;

import static dev.cordbus.gateway.publish.JsonLexemes.FALSE;
import static dev.cordbus.gateway.publish.JsonLexemes.NULL;
import static dev.cordbus.gateway.publish.JsonLexemes.TRUE;
import static dev.cordbus.gateway.publish.JsonLexemes.hasEscape;
import static dev.cordbus.gateway.publish.JsonLexemes.literal;
import static dev.cordbus.gateway.publish.JsonLexemes.number;
import static dev.cordbus.gateway.publish.JsonLexemes.plainString;
import static dev.cordbus.gateway.publish.JsonLexemes.string;
import static dev.cordbus.gateway.publish.JsonLexemes.ws;

import dev.cordbus.api.dispatch.JsonStrings;

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
 *
 * <p>Values the gateway does not read are passed over by {@link #skip}, one loop with the open containers on an
 * explicit stack, not a recursive descent: each part of the grammar then exists once in the compiled code. A
 * recursive scanner had the JIT inline the string, number and container code again at each call site and one level
 * down the recursion, and compiling those copies cost the C2 compiler about 0.7 s of CPU in the first seconds of a
 * firehose. Helpers return the position after what they read, or -1 when the bytes are not what they should be.
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

  /** The envelope's keys: 1 op, 2 s, 4 t, 8 d. */
  private static final int OP = 1;
  private static final int S = 2;
  private static final int T = 4;
  private static final int D = 8;

  /** {@code objects[k]}: the container open at depth {@code k} is an object (else an array). */
  private final boolean[] objects;
  private final int maxDepth;
  /** The value of the last {@link #integer}. */
  private long parsed;
  /** Whether the last {@link #name} had an escape. */
  private boolean escaped;

  EnvelopeScanner(int maxDepth) {
    this.maxDepth = maxDepth;
    this.objects = new boolean[Math.max(maxDepth, 2) + 1];
  }

  /** Scans {@code a[offset, offset + length)}; true when it is a well-formed dispatch-shaped frame. */
  boolean scan(byte[] a, int offset, int length) {
    tStart = dStart = guildStart = idStart = -1;
    members.clear();
    int end = offset + length;
    int p = ws(a, offset, end);
    if (p >= end || a[p] != '{' || maxDepth < 1) { // the envelope counts as depth 1, as Jackson counts nesting
      return false;
    }
    int seen = 0;
    p = ws(a, p + 1, end);
    while (true) { // one member of the envelope per turn
      if (p >= end || a[p] != '"') {
        return false;
      }
      int from = p + 1;
      p = name(a, p, end);
      if (p < 0) {
        return false;
      }
      int key = escaped ? -1 : key(a, from, p - 1); // an escaped name might spell op/s/t/d: the fallback reads it
      p = colon(a, p, end);
      if (p < 0 || key < 0 || (seen & key) != 0) {
        return false;
      }
      seen |= key;
      p = switch (key) {
        case OP -> {
          int after = integer(a, p, end);
          op = parsed;
          yield after;
        }
        case S -> {
          sNull = a[p] == 'n';
          if (sNull) {
            yield literal(a, p, end, NULL);
          }
          int after = integer(a, p, end);
          s = parsed;
          yield after;
        }
        case T -> {
          tStart = p + 1;
          int after = a[p] == '"' ? plainString(a, p, end) : -1;
          tEnd = after - 1;
          yield after;
        }
        case D -> d(a, p, end);
        default -> skip(a, p, end, 1);
      };
      if (p < 0) {
        return false;
      }
      p = ws(a, p, end);
      if (p >= end) {
        return false;
      }
      byte c = a[p++];
      if (c == '}') {
        return seen == (OP | S | T | D) && ws(a, p, end) == end;
      }
      if (c != ',') {
        return false;
      }
      p = ws(a, p, end);
    }
  }

  /** d, an object at {@code p}, noting where its members lie and the ids it names: the position after it, or -1. */
  private int d(byte[] a, int p, int end) {
    if (a[p] != '{' || maxDepth < 2) {
      return -1;
    }
    dStart = p;
    p = ws(a, p + 1, end);
    if (p < end && a[p] == '}') {
      dEnd = p + 1;
      return dEnd;
    }
    while (true) { // one member per turn
      if (p >= end || a[p] != '"') {
        return -1;
      }
      int from = p + 1;
      p = name(a, p, end);
      if (p < 0) {
        return -1;
      }
      int to = p - 1;
      int which = escaped ? -1 : named(a, from, to); // an escaped name might spell guild_id: the fallback reads it
      p = colon(a, p, end);
      if (p < 0 || which < 0) {
        return -1;
      }
      int valueStart = p;
      byte c = a[p];
      p = which != 0 && (c == '"' || c == '-' || (c >= '0' && c <= '9')) ? idValue(a, p, end, which)
          : skip(a, p, end, 2);
      if (p < 0) {
        return -1;
      }
      members.add(from, to, valueStart, p);
      p = ws(a, p, end);
      if (p >= end) {
        return -1;
      }
      c = a[p++];
      if (c == '}') {
        dEnd = p;
        return p;
      }
      if (c != ',') {
        return -1;
      }
      p = ws(a, p, end);
    }
  }

  /**
   * Any value at {@code p} (not whitespace), inside {@code base} open containers: the position after it, or -1. One
   * loop with the open containers in {@link #objects}, reading member names and string values at the same place:
   * each part of the grammar is compiled once.
   */
  private int skip(byte[] a, int p, int end, int base) {
    int depth = base;
    boolean key = false; // the next string is a member name
    while (true) {
      byte c = a[p];
      if (c == '"') {
        p = string(a, p, end);
        if (key) {
          p = p < 0 ? -1 : colon(a, p, end);
          if (p < 0) {
            return -1;
          }
          key = false;
          continue;
        }
      } else if (key) {
        return -1;
      } else if (c == '{' || c == '[') {
        if (++depth > maxDepth) {
          return -1;
        }
        key = c == '{';
        objects[depth] = key;
        p = ws(a, p + 1, end);
        if (p >= end) {
          return -1;
        }
        if (a[p] != (key ? '}' : ']')) {
          continue;
        }
        key = false;
        p++;
        depth--;
      } else {
        p = c == 't' ? literal(a, p, end, TRUE) : c == 'f' ? literal(a, p, end, FALSE)
            : c == 'n' ? literal(a, p, end, NULL) : number(a, p, end);
      }
      if (p < 0) {
        return -1;
      }
      while (true) { // a value ended at p: a comma, or the closing brackets of the containers it ends
        if (depth == base) {
          return p;
        }
        p = ws(a, p, end);
        if (p >= end) {
          return -1;
        }
        c = a[p++];
        key = objects[depth];
        if (c == ',') {
          p = ws(a, p, end);
          if (p >= end) {
            return -1;
          }
          break;
        }
        if (c != (key ? '}' : ']')) {
          return -1;
        }
        depth--;
      }
    }
  }

  /** Whitespace, a colon and whitespace from {@code p}: where the value after them starts, or -1. */
  private static int colon(byte[] a, int p, int end) {
    p = ws(a, p, end);
    if (p >= end || a[p] != ':') {
      return -1;
    }
    p = ws(a, p + 1, end);
    return p < end ? p : -1;
  }

  /**
   * The member name whose opening quote is at {@code p}: the position after its closing quote, or -1; {@link #escaped}
   * says whether it had an escape. A name is nearly always plain ASCII, read in one pass.
   */
  private int name(byte[] a, int p, int end) {
    int q = JsonStrings.plainRun(a, p + 1, end);
    if (q < end && a[q] == '"') {
      escaped = false;
      return q + 1;
    }
    int after = string(a, p, end);
    escaped = after >= 0 && hasEscape(a, p + 1, after - 1);
    return after;
  }

  /** 1 op, 2 s, 4 t, 8 d, 0 other, for a name without an escape. */
  private static int key(byte[] a, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return a[from] == 's' ? S : a[from] == 't' ? T : a[from] == 'd' ? D : 0;
    }
    if (n == 2 && a[from] == 'o' && a[from + 1] == 'p') {
      return OP;
    }
    return 0;
  }

  /** 1 for guild_id, 2 for id, else 0, for a name without an escape. */
  private static int named(byte[] a, int from, int to) {
    int n = to - from;
    if (n == 2 && a[from] == 'i' && a[from + 1] == 'd') {
      return 2;
    }
    if (n == 8 && a[from] == 'g' && a[from + 1] == 'u' && a[from + 2] == 'i' && a[from + 3] == 'l'
        && a[from + 4] == 'd' && a[from + 5] == '_' && a[from + 6] == 'i' && a[from + 7] == 'd') {
      return 1;
    }
    return 0;
  }

  /**
   * A string or number of d's top level at {@code p}, for {@code which} 1 (guild_id) or 2 (id): noted when it can be
   * an id. The position after it, or -1 (also for an escaped or non-ASCII string: Jackson reads such an id).
   */
  private int idValue(byte[] a, int p, int end, int which) {
    int from;
    int to;
    if (a[p] == '"') {
      to = plainString(a, p, end);
      if (to < 0) {
        return -1;
      }
      from = p + 1;
      p = to--;
    } else {
      to = number(a, p, end);
      if (to < 0) {
        return -1;
      }
      from = p;
      p = to;
      for (int i = from; i < to; i++) {
        if (a[i] == '.' || a[i] == 'e' || a[i] == 'E') {
          return p; // a fraction is not an id (as the Jackson path reads it)
        }
      }
    }
    if (which == 1) {
      guildStart = from;
      guildEnd = to;
    } else {
      idStart = from;
      idEnd = to;
    }
    return p;
  }

  /** Where the members of the last scan's {@code d} lie ({@link MemberIndex}), from its start, in a new array. */
  int[] dMembers() {
    return members.copy(dStart);
  }

  /**
   * An integer (no fraction or exponent) that fits a long, into {@link #parsed}; -1 for a number of any other shape,
   * which is not for this path.
   */
  private int integer(byte[] a, int p, int end) {
    boolean negative = a[p] == '-';
    if (negative) {
      p++;
    }
    int first = p;
    long v = 0;
    while (p < end && a[p] >= '0' && a[p] <= '9') {
      if (p - first >= 18) {
        return -1; // may not fit a long: the fallback says so
      }
      v = v * 10 + (a[p] - '0');
      p++;
    }
    int digits = p - first;
    if (digits == 0 || (digits > 1 && a[first] == '0')) {
      return -1;
    }
    if (p < end && (a[p] == '.' || a[p] == 'e' || a[p] == 'E')) {
      return -1;
    }
    parsed = negative ? -v : v;
    return p;
  }
}
