package dev.cordbus.state.store;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * The "known fields typed, the rest as a blob" pattern: keys an entry does not model (decorations, collectibles,
 * future fields) are kept as compact JSON bytes, usually null.
 */
public final class Extras {

  private Extras() {
  }

  /** Merges the keys of {@code src} that are not in {@code known} into {@code extras}; returns the new blob. */
  public static byte[] merge(byte[] extras, JsonObject src, Set<String> known) {
    JsonObject e = null;
    for (Map.Entry<String, Object> en : src) {
      if (!known.contains(en.getKey())) {
        if (e == null) {
          e = extras == null ? new JsonObject() : Blob.object(extras);
        }
        if (en.getValue() == null) {
          e.remove(en.getKey());
        } else {
          e.put(en.getKey(), en.getValue());
        }
      }
    }
    if (e == null) {
      return extras;
    }
    return e.isEmpty() ? null : Blob.of(e);
  }

  /** Copies the extra keys into {@code out}. */
  public static void into(byte[] extras, JsonObject out) {
    if (extras != null) {
      Blob.object(extras).forEach(en -> out.put(en.getKey(), en.getValue()));
    }
  }
}
