package dev.cordbus.state.store;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;

/**
 * Opaque structures (guild settings, channels, roles, emojis, messages) kept as compact UTF-8 JSON bytes: a channel
 * takes ~400 bytes this way versus ~2 KB as a {@link JsonObject} tree. Decoded on demand for queries and events.
 */
public final class Blob {

  private Blob() {
  }

  /** Encodes an object, or returns null for null. */
  public static byte[] of(JsonObject o) {
    return o == null ? null : JsonBytes.encode(o);
  }

  /** Encodes an array, or returns null for null or empty. */
  public static byte[] of(JsonArray a) {
    return a == null || a.isEmpty() ? null : JsonBytes.encode(a);
  }

  /** Decodes an object (null stays null), as {@code new JsonObject(Buffer)} would, with {@link JsonCursor#value()}. */
  public static JsonObject object(byte[] b) {
    return b == null ? null : (JsonObject) decode(b, JsonCursor.OBJECT);
  }

  /** Decodes an array (null gives an empty array), as {@code new JsonArray(Buffer)} would. */
  public static JsonArray array(byte[] b) {
    return b == null ? new JsonArray() : (JsonArray) decode(b, JsonCursor.ARRAY);
  }

  private static Object decode(byte[] b, int kind) {
    try {
      JsonCursor c = new JsonCursor(b, 0, b.length);
      if (c.kind() != kind) {
        throw new DecodeException("blob is not a JSON " + (kind == JsonCursor.OBJECT ? "object" : "array"));
      }
      Object v = c.value();
      if (c.kind() != JsonCursor.END) {
        throw new DecodeException("blob has bytes after its JSON value");
      }
      return v;
    } catch (IOException e) {
      throw new DecodeException("blob: " + e.getMessage(), e);
    }
  }
}
