package dev.cordbus.state.store;

import dev.cordbus.api.dispatch.DispatchBody;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * The JSON bytes of a dispatch body without building its tree: the received bytes of a {@link DispatchBody} (shared
 * with other consumers, possibly a slice of a larger batch array: never written, copied when kept), or a plain
 * {@code JsonObject} encoded once (a body published by a test or a non-cordbus publisher).
 *
 * @param array  the bytes (read only)
 * @param offset where the JSON starts
 * @param length its length
 */
public record JsonSlice(byte[] array, int offset, int length) {

  /** The bytes of {@code body}. */
  public static JsonSlice of(JsonObject body) {
    DispatchBody b = DispatchBody.of(body);
    if (b != null) {
      return new JsonSlice(b.array(), b.offset(), b.length());
    }
    byte[] encoded = JsonBytes.encode(body);
    return new JsonSlice(encoded, 0, encoded.length);
  }

  /**
   * The top-level fields {@code keys} of a body: picked from the bytes of a {@link DispatchBody} (the rest skipped
   * unparsed), or the body itself when it is a plain tree already.
   */
  public static JsonObject pick(JsonObject body, Set<String> keys) {
    DispatchBody b = DispatchBody.of(body);
    return b == null ? body : new JsonSlice(b.array(), b.offset(), b.length()).pick(keys);
  }

  /** The slice's own copy (does not pin a larger array; the bytes are never shared with the dispatch). */
  public byte[] copy() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  /** The bytes of a part, {@code [from, to)} in {@link #array}, as a copy. */
  public byte[] copy(int from, int to) {
    return Arrays.copyOfRange(array, from, to);
  }

  /**
   * The top-level fields named in {@code keys} as a small tree (what a rare or small event needs), every other field
   * skipped unparsed. A body that is not an object gives an empty one.
   */
  public JsonObject pick(Set<String> keys) {
    JsonObject out = new JsonObject();
    try {
      JsonCursor c = new JsonCursor(array, offset, offset + length);
      if (c.kind() != JsonCursor.OBJECT) {
        return out;
      }
      c.enter();
      while (c.nextKey()) {
        String key = c.keyIn(keys);
        if (key != null) {
          out.put(key, c.value());
        } else {
          c.skip();
        }
      }
    } catch (IOException e) {
      throw new io.vertx.core.json.DecodeException("dispatch body: " + e.getMessage(), e);
    }
    return out;
  }
}
