package dev.cordbus.state.message;

import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.store.Ids;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Consumer;

/** Messages, reactions and poll votes on the bounded {@link MessageCache}. */
public final class MessageUpdater {

  private MessageUpdater() {
  }

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("MESSAGE_CREATE", MessageUpdater::create);
    table.put("MESSAGE_UPDATE", MessageUpdater::update);
    table.put("MESSAGE_DELETE", MessageUpdater::delete);
    table.put("MESSAGE_DELETE_BULK", MessageUpdater::deleteBulk);
    table.put("MESSAGE_REACTION_ADD", (c, d, o) -> react(c, d, o,
        m -> Reactions.add(m, d.d().getJsonObject("emoji"), burst(d), c.users().isSelf(Ids.get(d.d(), "user_id")))));
    table.put("MESSAGE_REACTION_REMOVE", (c, d, o) -> react(c, d, o,
        m -> Reactions.remove(m, d.d().getJsonObject("emoji"), burst(d), c.users().isSelf(Ids.get(d.d(), "user_id")))));
    table.put("MESSAGE_REACTION_REMOVE_ALL", (c, d, o) -> react(c, d, o, m -> m.remove("reactions")));
    table.put("MESSAGE_REACTION_REMOVE_EMOJI", (c, d, o) -> react(c, d, o,
        m -> Reactions.removeEmoji(m, d.d().getJsonObject("emoji"))));
    table.put("MESSAGE_POLL_VOTE_ADD", (c, d, o) -> react(c, d, o,
        m -> Reactions.vote(m, d.d().getInteger("answer_id", -1), 1, c.users().isSelf(Ids.get(d.d(), "user_id")))));
    table.put("MESSAGE_POLL_VOTE_REMOVE", (c, d, o) -> react(c, d, o,
        m -> Reactions.vote(m, d.d().getInteger("answer_id", -1), -1, c.users().isSelf(Ids.get(d.d(), "user_id")))));
  }

  private static boolean burst(Dispatch d) {
    return Boolean.TRUE.equals(d.d().getValue("burst"));
  }

  static void create(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    long channelId = Ids.get(d, "channel_id");
    long id = Ids.get(d, "id");
    if (channelId == 0 || id == 0) {
      cache.missed();
      return;
    }
    cache.messages().put(channelId, id, d);
    GuildEntry g = cache.channels().guildOf(channelId);
    if (g != null) {
      cache.channels().lastMessage(g, channelId, id);
      if (d.getValue("member") instanceof JsonObject member && d.getValue("author") instanceof JsonObject author
          && author.getValue("webhook_id") == null) {
        cache.members().put(g, member, author);
      }
    } else if (d.getValue("author") instanceof JsonObject author) {
      cache.users().update(author);
    }
    out.create("MESSAGE_CREATE", Ids.get(d, "guild_id"), d);
  }

  static void update(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    long channelId = Ids.get(d, "channel_id");
    long id = Ids.get(d, "id");
    if (channelId == 0 || id == 0) {
      cache.missed();
      return;
    }
    JsonObject before = cache.messages().get(channelId, id);
    JsonObject after;
    if (before != null) {
      after = before.copy();
      d.forEach(e -> after.put(e.getKey(), e.getValue()));
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

  static void react(Cache cache, Dispatch dispatch, Emitter out, Consumer<JsonObject> change) {
    JsonObject d = dispatch.d();
    long channelId = Ids.get(d, "channel_id");
    long id = Ids.get(d, "message_id");
    JsonObject before = cache.messages().get(channelId, id);
    if (before == null) {
      cache.missed();
      return;
    }
    JsonObject after = before.copy();
    change.accept(after);
    cache.messages().put(channelId, id, after);
    out.update(dispatch.event(), Ids.get(d, "guild_id"), before, after);
  }
}
