package dev.cordbus.state.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
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

  /** The cursor's next value (see {@link JsonCursor#value()}). */
  static Object value(JsonCursor c) throws IOException {
    return switch (c.need()) {
      case JsonCursor.OBJECT -> new JsonObject(object(c));
      case JsonCursor.ARRAY -> new JsonArray(array(c));
      default -> scalar(c);
    };
  }

  private static Object nested(JsonCursor c) throws IOException {
    return switch (c.need()) {
      case JsonCursor.OBJECT -> object(c);
      case JsonCursor.ARRAY -> array(c);
      default -> scalar(c);
    };
  }

  private static Map<String, Object> object(JsonCursor c) throws IOException {
    c.enter();
    Map<String, Object> out = new LinkedHashMap<>();
    while (c.nextKey()) {
      String key = c.key();
      out.put(key, nested(c));
    }
    return out;
  }

  private static List<Object> array(JsonCursor c) throws IOException {
    c.enter();
    List<Object> out = new ArrayList<>();
    while (c.nextElement()) {
      out.add(nested(c));
    }
    return out;
  }

  private static Object scalar(JsonCursor c) throws IOException {
    switch (c.kind()) {
      case JsonCursor.STRING:
        return c.text();
      case JsonCursor.NUMBER:
        return c.number();
      case JsonCursor.TRUE:
        c.skip();
        return Boolean.TRUE;
      case JsonCursor.FALSE:
        c.skip();
        return Boolean.FALSE;
      default:
        c.skip();
        return null;
    }
  }
}
