package dev.cordbus.state.cache;

import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.LongMap;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bounded message cache: at most {@code perChannel} messages per channel and {@code total} overall, least
 * recently used out (a read or an edit counts as a use). Messages are kept as JSON bytes: a MESSAGE_CREATE's own
 * bytes as received (a copy of the slice), an edit's members spliced into them (MessageMerge, no re-encoding).
 *
 * <p>One object per message, on two intrusive lists (all messages and its channel's, each oldest use first) and in a
 * {@link LongMap} by id: a message costs no boxed ids and no map entries. Every MESSAGE_CREATE passes through here,
 * and two access-ordered {@code LinkedHashMap}s cost 5 objects per message (3 boxed ids, 2 entries).
 */
public final class MessageCache {

  private final int total;
  private final int perChannel;
  /** message id → message. */
  private final LongMap<Msg> byId = new LongMap<>();
  /** channel id → its messages. */
  private final LongMap<Channel> channels = new LongMap<>();
  /** All messages, oldest use first. */
  private final Channel all = new Channel();
  private long evicted;

  /** One cached message, on the list of all messages ({@code prev/next}) and of its channel. */
  private static final class Msg {
    final long id;
    final long channel;
    byte[] json;
    Msg prev;
    Msg next;
    Msg chPrev;
    Msg chNext;

    Msg(long id, long channel, byte[] json) {
      this.id = id;
      this.channel = channel;
      this.json = json;
    }
  }

  /** A list of messages, oldest use first: the whole cache's (global links) or a channel's (channel links). */
  private static final class Channel {
    Msg head;
    Msg tail;
    int size;
  }

  /** A cache with these limits (0 = cache nothing). */
  public MessageCache(int total, int perChannel) {
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
    if (total == 0 || perChannel == 0 || channelId == 0 || messageId == 0) {
      return null; // 0: a message without a channel id (or id) is not cached
    }
    Msg m = byId.get(messageId);
    if (m != null && m.channel == channelId) {
      byte[] old = m.json;
      m.json = json;
      use(m);
      return old;
    }
    if (m != null) {
      unlink(m); // the same id in another channel: that one goes
    }
    Channel ch = channels.get(channelId);
    if (ch == null) {
      ch = new Channel();
      channels.put(channelId, ch);
    }
    m = new Msg(messageId, channelId, json);
    byId.put(messageId, m);
    linkLast(all, m);
    linkLastInChannel(ch, m);
    if (ch.size > perChannel) {
      unlink(ch.head);
      evicted++;
    }
    while (all.size > total) {
      unlink(all.head);
      evicted++;
    }
    return null;
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
    Msg m = find(channelId, messageId);
    if (m == null) {
      return null;
    }
    use(m);
    return m.json;
  }

  /** Removes a message; returns it or null. */
  public JsonObject remove(long channelId, long messageId) {
    Msg m = find(channelId, messageId);
    if (m == null) {
      return null;
    }
    unlink(m);
    return Blob.object(m.json);
  }

  /** Drops every message of a channel. */
  public void removeChannel(long channelId) {
    Channel ch = channels.get(channelId);
    while (ch != null && ch.head != null) {
      unlink(ch.head);
    }
  }

  /** The messages of a channel, oldest use first. */
  public List<JsonObject> channel(long channelId) {
    List<JsonObject> out = new ArrayList<>();
    Channel ch = channels.get(channelId);
    for (Msg m = ch == null ? null : ch.head; m != null; m = m.chNext) {
      out.add(Blob.object(m.json));
    }
    return out;
  }

  /** Every cached message, sorted by id (for dumps and tests; does not count as a use). */
  public List<JsonObject> all() {
    List<Msg> msgs = new ArrayList<>(all.size);
    for (Msg m = all.head; m != null; m = m.next) {
      msgs.add(m);
    }
    msgs.sort(Comparator.comparingLong(m -> m.id));
    List<JsonObject> out = new ArrayList<>(msgs.size());
    for (Msg m : msgs) {
      out.add(Blob.object(m.json));
    }
    return out;
  }

  /** Cached message count. */
  public int size() {
    return all.size;
  }

  /** Messages dropped by the limits so far. */
  public long evicted() {
    return evicted;
  }

  /** Drops everything. */
  public void clear() {
    byId.clear();
    channels.clear();
    all.head = all.tail = null;
    all.size = 0;
  }

  private Msg find(long channelId, long messageId) {
    Msg m = messageId == 0 ? null : byId.get(messageId);
    return m != null && m.channel == channelId ? m : null;
  }

  /** Moves a message to the young end of both its lists. */
  private void use(Msg m) {
    if (all.tail != m) {
      unlinkFrom(all, m);
      linkLast(all, m);
    }
    Channel ch = channels.get(m.channel);
    if (ch.tail != m) {
      unlinkFromChannel(ch, m);
      linkLastInChannel(ch, m);
    }
  }

  /** Takes a message out of the cache: both lists, the id map, and its channel when that becomes empty. */
  private void unlink(Msg m) {
    byId.remove(m.id);
    unlinkFrom(all, m);
    Channel ch = channels.get(m.channel);
    unlinkFromChannel(ch, m);
    if (ch.size == 0) {
      channels.remove(m.channel);
    }
  }

  private static void linkLast(Channel list, Msg m) {
    m.prev = list.tail;
    m.next = null;
    if (list.tail == null) {
      list.head = m;
    } else {
      list.tail.next = m;
    }
    list.tail = m;
    list.size++;
  }

  private static void unlinkFrom(Channel list, Msg m) {
    if (m.prev == null) {
      list.head = m.next;
    } else {
      m.prev.next = m.next;
    }
    if (m.next == null) {
      list.tail = m.prev;
    } else {
      m.next.prev = m.prev;
    }
    m.prev = m.next = null;
    list.size--;
  }

  private static void linkLastInChannel(Channel ch, Msg m) {
    m.chPrev = ch.tail;
    m.chNext = null;
    if (ch.tail == null) {
      ch.head = m;
    } else {
      ch.tail.chNext = m;
    }
    ch.tail = m;
    ch.size++;
  }

  private static void unlinkFromChannel(Channel ch, Msg m) {
    if (m.chPrev == null) {
      ch.head = m.chNext;
    } else {
      m.chPrev.chNext = m.chNext;
    }
    if (m.chNext == null) {
      ch.tail = m.chPrev;
    } else {
      m.chNext.chPrev = m.chPrev;
    }
    m.chPrev = m.chNext = null;
    ch.size--;
  }
}
