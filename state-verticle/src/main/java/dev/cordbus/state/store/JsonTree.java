package dev.cordbus.state.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link JsonCursor#value()}: a value built straight from the cursor's bytes the way Vert.x's {@code Json.decodeValue}
 * builds it from Jackson's tokens, without copying the bytes or starting a parser. The top level is a
 * {@code JsonObject} or {@code JsonArray}; what is nested inside stays the {@code LinkedHashMap} and {@code ArrayList}
 * Vert.x leaves there (wrapped on access); keys keep their first place and their last value, as Vert.x's map does.
 */
final class JsonTree {

  private JsonTree() {
  }

  /**
   * The cursor's next value (see {@link JsonCursor#value()}). Objects and arrays are built in one loop over an explicit
   * stack of the containers open, not by recursion: a recursive build was inlined into each reader that keeps
   * unmodelled keys, one level of recursion deep, and crowded the reader's own code out of the JIT's budget. A nested
   * container is put in its parent when it opens (same places, same values once filled). The method is over the JIT's
   * size for inlining a hot method (325 bytes of bytecode), so it is compiled once and called.
   */
  @SuppressWarnings("unchecked")
  static Object value(JsonCursor c) throws IOException {
    Object[] open = null; // the containers around top, innermost last
    int n = 0;
    Object top = null; // the Map or List being filled, null before the first value
    Object root = null;
    String key = null;
    int k = c.need();
    while (true) {
      Object v;
      boolean nested = k == JsonCursor.OBJECT || k == JsonCursor.ARRAY;
      if (nested) {
        c.enter();
        v = k == JsonCursor.OBJECT ? new LinkedHashMap<String, Object>() : new ArrayList<>();
      } else if (k == JsonCursor.STRING) {
        v = c.text();
      } else if (k == JsonCursor.NUMBER) {
        v = c.number();
      } else {
        c.skip(); // true, false or null, checked
        v = k == JsonCursor.TRUE ? Boolean.TRUE : k == JsonCursor.FALSE ? Boolean.FALSE : null;
      }
      if (top == null) {
        if (!nested) {
          return v;
        }
        root = v;
      } else if (top instanceof Map) {
        ((Map<String, Object>) top).put(key, v);
      } else {
        ((List<Object>) top).add(v);
      }
      if (nested) {
        if (top != null) {
          if (open == null) {
            open = new Object[8];
          } else if (n == open.length) {
            open = Arrays.copyOf(open, n * 2);
          }
          open[n++] = top;
        }
        top = v;
      }
      // the next entry of top, or of the containers around it as they close
      while (!(top instanceof Map ? c.nextKey() : c.nextElement())) {
        if (n == 0) {
          return root instanceof Map ? new JsonObject((Map<String, Object>) root) : new JsonArray((List<Object>) root);
        }
        top = open[--n];
        open[n] = null;
      }
      key = top instanceof Map ? c.key() : null;
      k = c.need();
    }
  }
}
