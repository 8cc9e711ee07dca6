package dev.cordbus.simulator.world;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent messages of the world (bounded, oldest evicted first), by message id, so REST can edit, delete and
 * react to them and answer 10008 for unknown ones.
 */
public final class MessageStore {

  /** Messages kept in total. */
  public static final int DEFAULT_CAPACITY = 5000;

  private final Map<String, JsonObject> byId;

  public MessageStore(int capacity) {
    this.byId = new LinkedHashMap<>(256, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Stores (or replaces) a message; the object is kept as given. */
  public void put(JsonObject message) {
    String id = message.getString("id");
    if (id != null) {
      byId.put(id, message);
    }
  }

  /** The live message object, or {@code null}. */
  public JsonObject get(String id) {
    return byId.get(id);
  }

  /** Removes a message; returns it or {@code null}. */
  public JsonObject remove(String id) {
    return byId.remove(id);
  }

  /** Number of messages kept. */
  public int size() {
    return byId.size();
  }
}
