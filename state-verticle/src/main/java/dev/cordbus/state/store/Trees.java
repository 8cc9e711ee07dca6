package dev.cordbus.state.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/** Small helpers for the events that are still read as JSON trees. */
public final class Trees {

  private Trees() {
  }

  /** Calls {@code action} for each object of the array under {@code key}. */
  public static void forEach(JsonObject d, String key, Consumer<JsonObject> action) {
    if (d.getValue(key) instanceof JsonArray a) {
      for (Object o : a) {
        if (o instanceof JsonObject j) {
          action.accept(j);
        }
      }
    }
  }
}
