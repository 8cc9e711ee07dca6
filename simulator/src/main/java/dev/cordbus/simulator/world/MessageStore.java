package dev.cordbus.simulator.world;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The most recent messages of the world (bounded, oldest evicted first), by message id, with who reacted with what,
 * so REST can get, edit, delete and react to them (10008 for unknown ones) and a message's {@code reactions} array
 * agrees with the reactions the gateway side and REST made. Callers hold the world's lock.
 */
public final class MessageStore {

  /** Messages kept in total. */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** message id -> emoji key ({@link #emojiKey}) -> user ids, in reaction order. */
  private final Map<String, Map<String, Set<String>>> reactors = new HashMap<>();
  private final Map<String, JsonObject> byId;

  public MessageStore(int capacity) {
    this.byId = new LinkedHashMap<>(256, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
        if (size() > capacity) {
          reactors.remove(eldest.getKey());
          return true;
        }
        return false;
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

  /** Removes a message and its reactions; returns it or {@code null}. */
  public JsonObject remove(String id) {
    reactors.remove(id);
    return byId.remove(id);
  }

  /** Number of messages kept. */
  public int size() {
    return byId.size();
  }

  /** Number of messages kept in a channel. */
  public int countIn(String channelId) {
    int n = 0;
    for (JsonObject m : byId.values()) {
      if (channelId.equals(m.getString("channel_id"))) {
        n++;
      }
    }
    return n;
  }

  /** {@code name} for a unicode emoji, {@code name:id} for a custom one. */
  public static String emojiKey(JsonObject emoji) {
    return emoji.getString("id") == null ? emoji.getString("name")
        : emoji.getString("name") + ":" + emoji.getString("id");
  }

  /** The users who reacted with {@code emojiKey} on a message (a copy, in reaction order). */
  public Set<String> reactors(String messageId, String emojiKey) {
    return new LinkedHashSet<>(reactors.getOrDefault(messageId, Map.of()).getOrDefault(emojiKey, Set.of()));
  }

  /**
   * Adds or removes {@code userId}'s {@code emoji} reaction on a known message and updates its {@code reactions}
   * array ({@code me} when {@code userId} is the bot's); returns whether anything changed.
   */
  public boolean react(String messageId, JsonObject emoji, String userId, boolean add, boolean me) {
    JsonObject m = byId.get(messageId);
    if (m == null) {
      return false;
    }
    String key = emojiKey(emoji);
    if (key == null) {
      return false;
    }
    Map<String, Set<String>> byEmoji = reactors.computeIfAbsent(messageId, id -> new LinkedHashMap<>());
    Set<String> users = byEmoji.computeIfAbsent(key, k -> new LinkedHashSet<>());
    boolean changed = add ? users.add(userId) : users.remove(userId);
    if (users.isEmpty()) {
      byEmoji.remove(key);
    }
    if (!changed) {
      return false;
    }
    JsonArray list = m.getJsonArray("reactions");
    if (list == null) {
      list = new JsonArray();
      m.put("reactions", list);
    }
    JsonObject entry = entry(list, key);
    if (entry == null && add) {
      list.add(new JsonObject().put("count", 1).put("me", me).put("emoji", emoji.copy()));
    } else if (entry != null) {
      entry.put("count", entry.getInteger("count", 0) + (add ? 1 : -1));
      if (me) {
        entry.put("me", add);
      }
      if (entry.getInteger("count") <= 0) {
        list.remove(entry);
      }
    }
    if (list.isEmpty()) {
      m.remove("reactions");
    }
    return true;
  }

  /** Removes every reaction with {@code emoji} from a message, or every reaction when {@code emoji} is null. */
  public void clearReactions(String messageId, JsonObject emoji) {
    JsonObject m = byId.get(messageId);
    if (emoji == null) {
      reactors.remove(messageId);
      if (m != null) {
        m.remove("reactions");
      }
      return;
    }
    String key = emojiKey(emoji);
    if (key == null) {
      return;
    }
    reactors.getOrDefault(messageId, new HashMap<>()).remove(key);
    JsonArray list = m == null ? null : m.getJsonArray("reactions");
    if (list != null) {
      list.remove(entry(list, key));
      if (list.isEmpty()) {
        m.remove("reactions");
      }
    }
  }

  private static JsonObject entry(JsonArray list, String key) {
    for (Object o : list) {
      JsonObject r = (JsonObject) o;
      if (key.equals(emojiKey(r.getJsonObject("emoji", new JsonObject())))) {
        return r;
      }
    }
    return null;
  }
}
