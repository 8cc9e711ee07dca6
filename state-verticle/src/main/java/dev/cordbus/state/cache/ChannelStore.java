package dev.cordbus.state.cache;

import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.LongMap;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Guild channels and threads: the channel JSON blobs and thread entries live in their {@link GuildEntry}; this store
 * keeps the channel → guild index and each channel's last message id (kept beside the blob so a MESSAGE_CREATE
 * never decodes and re-encodes its channel). Updates return the previous value.
 */
public final class ChannelStore {

  /** Channel or thread id → its guild. */
  private final LongMap<GuildEntry> index = new LongMap<>(256);
  /** Channel id → the id of its last message, when newer than the channel's blob. */
  private final LongMap<Long> lastMessageIds = new LongMap<>(256);

  /** The guild of a channel or thread id, or null. */
  public GuildEntry guildOf(long channelId) {
    return index.get(channelId);
  }

  /**
   * Puts a channel of {@code g} (a copy with {@code guild_id} filled: dispatch bodies are shared and never changed
   * here); returns the previous JSON or null. Ignores a channel without id.
   */
  public JsonObject put(GuildEntry g, JsonObject channel) {
    long id = Ids.get(channel, "id");
    JsonObject before = id == 0 ? null : channel(g, id);
    set(g, channel);
    return before;
  }

  /** As {@link #put} without decoding the previous JSON (when no before-state is wanted). */
  public void set(GuildEntry g, JsonObject channel) {
    long id = Ids.get(channel, "id");
    if (id == 0) {
      return;
    }
    JsonObject stored = channel.copy().put("guild_id", Ids.str(g.id));
    index.put(id, g);
    g.channels.put(id, Blob.of(stored));
    lastMessageIds.remove(id);
  }

  /** Whether {@code g} has the channel (not thread) {@code channelId}. */
  public boolean has(GuildEntry g, long channelId) {
    return g.channels.containsKey(channelId);
  }

  /** Records the last message of a channel or thread (a thread's blob is rewritten; they are few). */
  public void lastMessage(GuildEntry g, long channelId, long messageId) {
    if (g.channels.containsKey(channelId)) {
      lastMessageIds.put(channelId, messageId);
    } else if (g.threads.containsKey(channelId)) {
      modify(g, channelId, ch -> ch.put("last_message_id", Ids.str(messageId)));
    }
  }

  /** A channel's JSON from its blob with the recorded last message id merged in; null when {@code b} is null. */
  public JsonObject withLastMessage(long channelId, byte[] b) {
    JsonObject ch = Blob.object(b);
    Long last = ch == null ? null : lastMessageIds.get(channelId);
    return last == null ? ch : ch.put("last_message_id", Ids.str(last));
  }

  /** The JSON of a channel (not a thread) of {@code g}, or null. */
  public JsonObject channel(GuildEntry g, long channelId) {
    return withLastMessage(channelId, g.channels.get(channelId));
  }

  /** The channel or thread JSON of an id in a guild, or null. */
  public JsonObject json(GuildEntry g, long id) {
    byte[] b = g.channels.get(id);
    if (b != null) {
      return withLastMessage(id, b);
    }
    ThreadEntry t = g.threads.get(id);
    return t == null ? null : t.toJson();
  }

  /** Applies {@code change} to a channel or thread of {@code g}; returns the new JSON or null when not cached. */
  public JsonObject modify(GuildEntry g, long channelId, Consumer<JsonObject> change) {
    JsonObject ch = channel(g, channelId);
    if (ch != null) {
      change.accept(ch);
      lastMessageIds.remove(channelId);
      g.channels.put(channelId, Blob.of(ch));
      return ch;
    }
    ThreadEntry t = g.threads.get(channelId);
    if (t != null) {
      JsonObject data = Blob.object(t.data);
      change.accept(data);
      t.data = Blob.of(data);
      return t.toJson();
    }
    return null;
  }

  /** Removes a channel (not its threads); returns its JSON or null. */
  public JsonObject remove(GuildEntry g, long channelId) {
    JsonObject old = withLastMessage(channelId, g.channels.remove(channelId));
    lastMessageIds.remove(channelId);
    index.remove(channelId);
    return old;
  }

  /** Puts a thread (a copy with {@code guild_id}); returns a snapshot of the previous one, or null. */
  public ThreadEntry putThread(GuildEntry g, JsonObject thread) {
    long id = Ids.get(thread, "id");
    if (id == 0) {
      return null;
    }
    thread = thread.copy().put("guild_id", Ids.str(g.id));
    ThreadEntry old = g.threads.get(id);
    if (old != null) {
      JsonObject before = old.toJson();
      old.set(thread);
      ThreadEntry snapshot = new ThreadEntry(before);
      snapshot.memberIds = Ids.array(before.getJsonArray("member_ids"));
      return snapshot;
    }
    g.threads.put(id, new ThreadEntry(thread));
    index.put(id, g);
    return null;
  }

  /** Removes a thread; returns it or null. */
  public ThreadEntry removeThread(GuildEntry g, long threadId) {
    ThreadEntry t = g.threads.remove(threadId);
    index.remove(threadId);
    return t;
  }
}
