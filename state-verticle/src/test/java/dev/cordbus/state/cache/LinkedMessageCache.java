package dev.cordbus.state.cache;

import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.LongMap;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The message cache as it was before its intrusive lists (two access-ordered LinkedHashMaps), kept as the reference
 * {@code MessageCacheParityTest} compares {@link MessageCache} with. The bounded message cache: at most {@code perChannel} messages per channel and {@code total} overall, least
 * recently used out (a read or an edit counts as a use). Messages are kept as JSON bytes: a MESSAGE_CREATE's own
 * bytes as received (a copy of the slice), an edited message re-encoded.
 */
final class LinkedMessageCache {

  private final int total;
  private final int perChannel;
  /** message id → channel id, in LRU order. */
  private final LinkedHashMap<Long, Long> lru = new LinkedHashMap<>(256, 0.75f, true);
  /**
   * channel id → (message id → JSON), in LRU order per channel. A {@link LongMap}: it mixes the key's bits, where a
   * {@code HashMap<Long, ...>} puts snowflakes made in the same second in one bucket.
   */
  private final LongMap<LinkedHashMap<Long, byte[]>> channels = new LongMap<>();
  private long evicted;

  /** A cache with these limits (0 = cache nothing). */
  LinkedMessageCache(int total, int perChannel) {
    this.total = total;
    this.perChannel = perChannel;
  }

  /** Inserts or replaces a message (encoded); returns the previous bytes or null. */
  public byte[] put(long channelId, long messageId, JsonObject message) {
    return put(channelId, messageId, Blob.of(message));
  }

  /**
   * Inserts or replaces a message as JSON bytes (kept as they are: never change them afterwards); returns the
   * previous bytes or null.
   */
  public byte[] put(long channelId, long messageId, byte[] json) {
    if (total == 0 || perChannel == 0 || channelId == 0) {
      return null; // 0: a message without a channel id is not cached
    }
    LinkedHashMap<Long, byte[]> ch = channels.get(channelId);
    if (ch == null) {
      ch = new LinkedHashMap<>(16, 0.75f, true);
      channels.put(channelId, ch);
    }
    byte[] old = ch.put(messageId, json);
    lru.put(messageId, channelId);
    if (ch.size() > perChannel) {
      Iterator<Long> it = ch.keySet().iterator();
      Long eldest = it.next();
      it.remove();
      lru.remove(eldest);
      evicted++;
    }
    while (lru.size() > total) {
      Iterator<Map.Entry<Long, Long>> it = lru.entrySet().iterator();
      Map.Entry<Long, Long> eldest = it.next();
      it.remove();
      removeFromChannel(eldest.getValue(), eldest.getKey());
      evicted++;
    }
    return old;
  }

  /** Whether messages are kept at all. */
  public boolean enabled() {
    return total > 0 && perChannel > 0;
  }

  /** The message, or null; counts as a use. */
  public JsonObject get(long channelId, long messageId) {
    return Blob.object(bytes(channelId, messageId));
  }

  /** The message's JSON bytes (never change them), or null; counts as a use. */
  public byte[] bytes(long channelId, long messageId) {
    LinkedHashMap<Long, byte[]> ch = channels.get(channelId);
    byte[] b = ch == null ? null : ch.get(messageId);
    if (b != null) {
      lru.get(messageId);
    }
    return b;
  }

  /** Removes a message; returns it or null. */
  public JsonObject remove(long channelId, long messageId) {
    byte[] b = removeFromChannel(channelId, messageId);
    if (b != null) {
      lru.remove(messageId);
    }
    return Blob.object(b);
  }

  private byte[] removeFromChannel(long channelId, long messageId) {
    LinkedHashMap<Long, byte[]> ch = channels.get(channelId);
    if (ch == null) {
      return null;
    }
    byte[] b = ch.remove(messageId);
    if (ch.isEmpty()) {
      channels.remove(channelId);
    }
    return b;
  }

  /** Drops every message of a channel. */
  public void removeChannel(long channelId) {
    LinkedHashMap<Long, byte[]> ch = channels.remove(channelId);
    if (ch != null) {
      ch.keySet().forEach(lru::remove);
    }
  }

  /** The messages of a channel, oldest use first. */
  public List<JsonObject> channel(long channelId) {
    List<JsonObject> out = new ArrayList<>();
    LinkedHashMap<Long, byte[]> ch = channels.get(channelId);
    if (ch != null) {
      ch.values().forEach(b -> out.add(Blob.object(b)));
    }
    return out;
  }

  /**
   * Every cached message, sorted by id (does not count as a use). The original read each one with {@code get}, which
   * moved it to the young end of its channel's access order, contrary to this Javadoc; the reference reads without
   * moving, as {@link MessageCache} does ({@code MessageCacheParityTest} found it).
   */
  public List<JsonObject> all() {
    java.util.TreeMap<Long, byte[]> byId = new java.util.TreeMap<>();
    channels.forEachValue(ch -> byId.putAll(ch));
    List<JsonObject> out = new ArrayList<>(byId.size());
    byId.values().forEach(b -> out.add(Blob.object(b)));
    return out;
  }

  /** Cached message count. */
  public int size() {
    return lru.size();
  }

  /** Messages dropped by the limits so far. */
  public long evicted() {
    return evicted;
  }

  /** Drops everything. */
  public void clear() {
    lru.clear();
    channels.clear();
  }
}
