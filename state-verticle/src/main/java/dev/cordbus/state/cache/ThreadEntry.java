package dev.cordbus.state.cache;

import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * A cached thread: the thread channel as JSON, its parent id (for THREAD_LIST_SYNC), the ids of the thread
 * members we heard of, and the bot's own thread membership.
 */
public final class ThreadEntry {

  /** The thread channel JSON (with {@code member_count}). */
  public byte[] data;
  /** Parent channel. */
  public long parentId;
  /** Known thread member user ids (THREAD_MEMBERS_UPDATE). */
  public long[] memberIds = Ids.EMPTY;
  /** The bot's thread member object, or null when the bot is not a member. */
  public byte[] botMember;

  /** A thread from a thread channel object. */
  public ThreadEntry(JsonObject thread) {
    set(thread);
  }

  /** Replaces the thread data (keeps membership). */
  public void set(JsonObject thread) {
    JsonObject copy = thread.copy();
    copy.remove("newly_created");
    Object member = copy.remove("member");
    if (member instanceof JsonObject m) {
      botMember = Blob.of(m);
    }
    copy.remove("member_ids");
    data = Blob.of(copy);
    parentId = Ids.get(thread, "parent_id");
  }

  /** Adds and removes member ids. */
  public void updateMembers(long[] added, long[] removed) {
    long[] ids = memberIds;
    for (long a : added) {
      if (Arrays.stream(ids).noneMatch(x -> x == a)) {
        ids = Arrays.copyOf(ids, ids.length + 1);
        ids[ids.length - 1] = a;
      }
    }
    if (removed.length > 0) {
      ids = Arrays.stream(ids).filter(x -> Arrays.stream(removed).noneMatch(r -> r == x)).toArray();
    }
    memberIds = ids;
  }

  /** The thread channel, with {@code member} (the bot's membership) when the bot is in it and {@code member_ids}. */
  public JsonObject toJson() {
    JsonObject o = Blob.object(data);
    if (botMember != null) {
      o.put("member", Blob.object(botMember));
    }
    o.put("member_ids", Ids.json(memberIds));
    return o;
  }
}
