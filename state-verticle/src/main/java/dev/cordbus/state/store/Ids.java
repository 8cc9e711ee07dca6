package dev.cordbus.state.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reading snowflakes defensively: ids arrive as strings, sometimes as JSON numbers (ids a client sent as numbers),
 * and malformed ones must not crash an updater. {@code 0} means "absent or malformed".
 */
public final class Ids {

  private Ids() {
  }

  /** The id under {@code key}, or 0. */
  public static long get(JsonObject o, String key) {
    if (o == null) {
      return 0;
    }
    return parse(o.getValue(key));
  }

  /** An id from a string or number, or 0. */
  public static long parse(Object v) {
    if (v instanceof String s) {
      try {
        return Long.parseUnsignedLong(s);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    return 0;
  }

  /** Formats an id as Discord does, null for 0. */
  public static String str(long id) {
    return id == 0 ? null : Long.toUnsignedString(id);
  }

  /** Parses an array of ids, skipping malformed ones. */
  public static long[] array(JsonArray a) {
    if (a == null || a.isEmpty()) {
      return EMPTY;
    }
    long[] out = new long[a.size()];
    int n = 0;
    for (Object v : a) {
      long id = parse(v);
      if (id != 0) {
        out[n++] = id;
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** Formats ids as a JSON array of strings. */
  public static JsonArray json(long[] ids) {
    JsonArray a = new JsonArray();
    for (long id : ids) {
      a.add(Long.toUnsignedString(id));
    }
    return a;
  }

  /** The shared empty id array. */
  public static final long[] EMPTY = new long[0];
}
