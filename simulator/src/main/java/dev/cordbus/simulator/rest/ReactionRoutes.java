package dev.cordbus.simulator.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reactions: add the bot's, remove the bot's or a user's, remove one emoji's, remove all. Unicode emoji or
 * {@code name:id}; anything else is 400 10014 Unknown Emoji. Emits MESSAGE_REACTION_ADD / _REMOVE /
 * _REMOVE_EMOJI / _REMOVE_ALL.
 */
final class ReactionRoutes {

  private static final String BASE = "/channels/{channel_id}/messages/{message_id}/reactions";

  private final RestSim sim;
  private final RestSimStore store;
  private final MessageRoutes messages;

  ReactionRoutes(RestSim sim) {
    this.sim = sim;
    this.store = sim.store();
    this.messages = new MessageRoutes(sim);
  }

  void register(RestSimRoutes r) {
    RestSimRoutes.Auth bot = RestSimRoutes.Auth.BOT;
    r.endpoint(HttpMethod.PUT, BASE + "/{emoji}/@me", "channel_id", bot, ctx -> {
      JsonObject d = change(ctx, store.botUser().getString("id"), true);
      if (d != null) {
        sim.dispatch("MESSAGE_REACTION_ADD", d);
      }
      RestSimRoutes.noContent(ctx);
    });
    r.endpoint(HttpMethod.DELETE, BASE + "/{emoji}/@me", "channel_id", bot, ctx -> {
      JsonObject d = change(ctx, store.botUser().getString("id"), false);
      if (d != null) {
        sim.dispatch("MESSAGE_REACTION_REMOVE", d);
      }
      RestSimRoutes.noContent(ctx);
    });
    r.endpoint(HttpMethod.DELETE, BASE + "/{emoji}/{user_id}", "channel_id", bot, ctx -> {
      JsonObject d = change(ctx, ctx.pathParam("user_id"), false);
      if (d != null) {
        sim.dispatch("MESSAGE_REACTION_REMOVE", d);
      }
      RestSimRoutes.noContent(ctx);
    });
    r.endpoint(HttpMethod.DELETE, BASE + "/{emoji}", "channel_id", bot, ctx -> {
      JsonObject d;
      synchronized (store) {
        JsonObject m = messages.message(ctx);
        JsonObject emoji = emoji(ctx.pathParam("emoji"));
        store.reactions.getOrDefault(m.getString("id"), new LinkedHashMap<>()).remove(key(emoji));
        refresh(m);
        d = event(ctx, m, emoji);
      }
      sim.dispatch("MESSAGE_REACTION_REMOVE_EMOJI", d);
      RestSimRoutes.noContent(ctx);
    });
    r.endpoint(HttpMethod.DELETE, BASE, "channel_id", bot, ctx -> {
      JsonObject d;
      synchronized (store) {
        JsonObject m = messages.message(ctx);
        store.reactions.remove(m.getString("id"));
        refresh(m);
        d = event(ctx, m, null);
      }
      sim.dispatch("MESSAGE_REACTION_REMOVE_ALL", d);
      RestSimRoutes.noContent(ctx);
    });
  }

  /** Adds or removes one user's reaction; the event, or null when nothing changed. */
  private JsonObject change(RoutingContext ctx, String userId, boolean add) {
    synchronized (store) {
      JsonObject m = messages.message(ctx);
      JsonObject emoji = emoji(ctx.pathParam("emoji"));
      Map<String, Set<String>> byEmoji = store.reactions.computeIfAbsent(m.getString("id"),
          id -> new LinkedHashMap<>());
      Set<String> users = byEmoji.computeIfAbsent(key(emoji), k -> new LinkedHashSet<>());
      boolean changed = add ? users.add(userId) : users.remove(userId);
      if (users.isEmpty()) {
        byEmoji.remove(key(emoji));
      }
      refresh(m);
      if (!changed) {
        return null;
      }
      JsonObject d = event(ctx, m, emoji).put("user_id", userId);
      if (add) {
        d.put("burst", false).put("type", 0).put("message_author_id",
            m.getJsonObject("author").getString("id"));
        String guildId = d.getString("guild_id");
        JsonObject member = guildId == null ? null : store.member(guildId, userId);
        if (member != null) {
          d.put("member", member);
        }
      }
      return d;
    }
  }

  private JsonObject event(RoutingContext ctx, JsonObject m, JsonObject emoji) {
    JsonObject d = new JsonObject().put("channel_id", m.getString("channel_id")).put("message_id",
        m.getString("id"));
    MessageRoutes.putGuild(d, messages.channel(ctx));
    if (emoji != null) {
      d.put("emoji", emoji);
    }
    return d;
  }

  /** Rebuilds the message's {@code reactions} array from the reaction sets. */
  private void refresh(JsonObject m) {
    io.vertx.core.json.JsonArray list = new io.vertx.core.json.JsonArray();
    String botId = store.botUser().getString("id");
    store.reactions.getOrDefault(m.getString("id"), Map.of()).forEach((key, users) -> list.add(new JsonObject()
        .put("count", users.size()).put("me", users.contains(botId)).put("emoji", emoji(key))));
    if (list.isEmpty()) {
      m.remove("reactions");
    } else {
      m.put("reactions", list);
    }
  }

  static String key(JsonObject emoji) {
    return emoji.getString("id") == null ? emoji.getString("name")
        : emoji.getString("name") + ":" + emoji.getString("id");
  }

  /** Parses a decoded emoji path segment: {@code name:id} or unicode; else 400 10014. */
  static JsonObject emoji(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new SimError(400, 10014, "Unknown Emoji", null);
    }
    int colon = raw.indexOf(':');
    if (colon > 0) {
      String name = raw.substring(0, colon);
      String id = raw.substring(colon + 1);
      if (!id.isEmpty() && id.chars().allMatch(Character::isDigit)) {
        return new JsonObject().put("id", id).put("name", name);
      }
      throw new SimError(400, 10014, "Unknown Emoji", null);
    }
    boolean unicode = raw.codePoints().anyMatch(cp -> cp > 0x7f) && raw.codePointCount(0, raw.length()) <= 10;
    if (!unicode) {
      throw new SimError(400, 10014, "Unknown Emoji", null);
    }
    return new JsonObject().putNull("id").put("name", raw);
  }
}
