package dev.cordbus.state.store;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

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

  /** Decodes an object (null stays null). */
  public static JsonObject object(byte[] b) {
    return b == null ? null : new JsonObject(Buffer.buffer(b));
  }

  /** Decodes an array (null gives an empty array). */
  public static JsonArray array(byte[] b) {
    return b == null ? new JsonArray() : new JsonArray(Buffer.buffer(b));
  }
}
