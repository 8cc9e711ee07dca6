package dev.cordbus.state.message;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.JsonSlice;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Messages, reactions and poll votes on the bounded {@link MessageCache}. */
public final class MessageUpdater {

  private MessageUpdater() {
  }

  /** The fields reactions and poll votes read (their {@code member}, the bulk of the body, is skipped unparsed). */
  static final Set<String> REACTION_KEYS = Set.of("channel_id", "message_id", "user_id", "guild_id", "emoji", "burst",
      "answer_id");

  /** Events that change only a message's {@code reactions} (spliced into its bytes; poll votes decode it). */
  static final Set<String> REACTIONS = Set.of("MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE",
      "MESSAGE_REACTION_REMOVE_ALL", "MESSAGE_REACTION_REMOVE_EMOJI");

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("MESSAGE_CREATE", MessageUpdater::create);
    table.put("MESSAGE_UPDATE", MessageUpdater::update);
    table.put("MESSAGE_DELETE", MessageUpdater::delete);
    table.put("MESSAGE_DELETE_BULK", MessageUpdater::deleteBulk);
    table.put("MESSAGE_REACTION_ADD", (c, d, o) -> {
      if (!ReactionAdd.apply(c, d, o)) {
        add(c, d, o);
      }
    });
    table.put("MESSAGE_REACTION_REMOVE", (c, d, o) -> react(c, d, o,
        (m, f) -> Reactions.remove(m, f.getJsonObject("emoji"), burst(f), c.users().isSelf(Ids.get(f, "user_id")))));
    table.put("MESSAGE_REACTION_REMOVE_ALL", (c, d, o) -> react(c, d, o, (m, f) -> m.remove("reactions")));
    table.put("MESSAGE_REACTION_REMOVE_EMOJI", (c, d, o) -> react(c, d, o,
        (m, f) -> Reactions.removeEmoji(m, f.getJsonObject("emoji"))));
    table.put("MESSAGE_POLL_VOTE_ADD", (c, d, o) -> react(c, d, o,
        (m, f) -> Reactions.vote(m, f.getInteger("answer_id", -1), 1, c.users().isSelf(Ids.get(f, "user_id")))));
    table.put("MESSAGE_POLL_VOTE_REMOVE", (c, d, o) -> react(c, d, o,
        (m, f) -> Reactions.vote(m, f.getInteger("answer_id", -1), -1, c.users().isSelf(Ids.get(f, "user_id")))));
  }

  /** MESSAGE_REACTION_ADD the general way (on the tree of the message's reactions). */
  static void add(Cache cache, Dispatch dispatch, Emitter out) {
    react(cache, dispatch, out, (m, f) -> Reactions.add(m, f.getJsonObject("emoji"), burst(f),
        cache.users().isSelf(Ids.get(f, "user_id"))));
  }

  private static boolean burst(JsonObject fields) {
    return Boolean.TRUE.equals(fields.getValue("burst"));
  }

  /**
   * Read from the bytes, no tree: the ids, author and member are streamed into the stores, the message is kept as the
   * bytes received (a copy of the slice), and the event's {@code after} is the received body itself (shared).
   */
  static void create(Cache cache, Dispatch dispatch, Emitter out) {
    JsonSlice body = JsonSlice.of(dispatch.d());
    DispatchBody received = DispatchBody.of(dispatch.d());
    MessageFields f = MessageFields.read(body, received == null ? null : received.members());
    if (f.channelId == 0 || f.id == 0) {
      cache.missed();
      return;
    }
    if (cache.messages().enabled()) {
      cache.messages().put(f.channelId, f.id, body.copy());
    }
    GuildEntry g = cache.channels().guildOf(f.channelId);
    if (g != null) {
      cache.channels().lastMessage(g, f.channelId, f.id);
      if (f.member != null && f.author != null && f.author.extra("webhook_id") == null) {
        cache.members().put(g, f.member, f.author);
      }
    } else if (f.author != null) {
      cache.users().update(f.author);
    }
    out.create("MESSAGE_CREATE", f.guildId, dispatch.d());
  }

  /**
   * MESSAGE_UPDATE from the bytes, no tree ({@link MessageMerge}): the update's members are merged into the cached
   * message's bytes, and before/after are decoded only when the event is wanted and a byte changed. An uncached
   * message is cached from a body with an author as the bytes received. What {@link MessageMerge} cannot read (an
   * escaped name, an odd id) is merged on trees as before ({@link #updateTree}).
   */
  static void update(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    DispatchBody received = DispatchBody.of(d);
    MessageMerge.Update u = MessageMerge.read(JsonSlice.of(d), received == null ? null : received.members());
    if (u == null) {
      updateTree(cache, d, out);
      return;
    }
    if (u.channelId() == 0 || u.id() == 0) {
      cache.missed();
      return;
    }
    byte[] before = cache.messages().bytes(u.channelId(), u.id());
    if (before == null) {
      if (!u.author()) {
        cache.missed();
      } else if (cache.messages().enabled()) {
        cache.messages().put(u.channelId(), u.id(), u.body().copy());
      }
      out.update("MESSAGE_UPDATE", u.guildId(), null, d);
      return;
    }
    byte[] after = MessageMerge.apply(before, u.members());
    if (after == null) {
      updateTree(cache, d, out);
      return;
    }
    if (after != before) {
      cache.messages().put(u.channelId(), u.id(), after);
    }
    if (out.wanted("MESSAGE_UPDATE") && after != before) { // asked first: an unheard edit counts, as on trees
      out.update("MESSAGE_UPDATE", u.guildId(), Blob.object(before), Blob.object(after));
    }
  }

  /** MESSAGE_UPDATE on trees: the cached message decoded, merged with the body's tree and encoded again. */
  static void updateTree(Cache cache, JsonObject d, Emitter out) {
    long channelId = Ids.get(d, "channel_id");
    long id = Ids.get(d, "id");
    if (channelId == 0 || id == 0) {
      cache.missed();
      return;
    }
    JsonObject before = cache.messages().get(channelId, id);
    JsonObject after;
    if (before != null) {
      after = MessageMerge.tree(before, d);
    } else if (d.containsKey("author")) {
      after = d;
    } else {
      cache.missed();
      out.update("MESSAGE_UPDATE", Ids.get(d, "guild_id"), null, d);
      return;
    }
    cache.messages().put(channelId, id, after);
    out.update("MESSAGE_UPDATE", Ids.get(d, "guild_id"), before, after);
  }

  static void delete(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    long channelId = Ids.get(d, "channel_id");
    long id = Ids.get(d, "id");
    JsonObject before = cache.messages().remove(channelId, id);
    if (before == null) {
      cache.missed();
    }
    out.delete("MESSAGE_DELETE", Ids.get(d, "guild_id"), before,
        new JsonObject().put("id", d.getValue("id")).put("channel_id", d.getValue("channel_id")));
  }

  static void deleteBulk(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    long channelId = Ids.get(d, "channel_id");
    JsonArray before = new JsonArray();
    for (long id : Ids.array(d.getJsonArray("ids"))) {
      JsonObject m = cache.messages().remove(channelId, id);
      if (m != null) {
        before.add(m);
      }
    }
    out.delete("MESSAGE_DELETE_BULK", Ids.get(d, "guild_id"), before,
        new JsonObject().put("ids", d.getValue("ids")).put("channel_id", d.getValue("channel_id")));
  }

  /**
   * A reaction or poll vote: only {@link #REACTION_KEYS} are read from the body (plus the bytes of {@code member} when
   * the event would reach a consumer, decoded only when a consumer reads the event). A reaction changes the cached message's
   * bytes through {@link ReactionSplice} (only its reactions array is decoded); a poll vote decodes the message. A
   * reaction event fires for uncached messages too, with what the dispatch says ({@link ReactionEvent}); a poll vote
   * only updates a cached message.
   */
  static void react(Cache cache, Dispatch dispatch, Emitter out, BiConsumer<JsonObject, JsonObject> change) {
    boolean reaction = REACTIONS.contains(dispatch.event());
    ReactionEvent.Read read = ReactionEvent.read(dispatch.d(), REACTION_KEYS,
        reaction && out.wanted(dispatch.event()));
    JsonObject f = read.fields();
    long channelId = Ids.get(f, "channel_id");
    long id = Ids.get(f, "message_id");
    byte[] before = cache.messages().bytes(channelId, id);
    byte[] after = null;
    if (before == null) {
      cache.missed();
    } else {
      if (reaction) {
        after = ReactionSplice.apply(before, holder -> change.accept(holder, f));
      } else {
        JsonObject message = Blob.object(before);
        change.accept(message, f);
        after = Blob.of(message);
      }
      cache.messages().put(channelId, id, after);
    }
    if (reaction) {
      ReactionEvent.emit(cache, dispatch.event(), read, before, after, out);
    } else if (before != null) {
      out.updateBytes(dispatch.event(), Ids.get(f, "guild_id"), before, after);
    }
  }
}
