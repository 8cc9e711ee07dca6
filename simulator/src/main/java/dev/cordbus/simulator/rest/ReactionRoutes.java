package dev.cordbus.simulator.rest;

import dev.cordbus.simulator.world.MessageStore;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Reactions: add the bot's, remove the bot's or a user's, remove one emoji's, remove all. Unicode emoji or
 * {@code name:id}; anything else is 400 10014 Unknown Emoji. Emits MESSAGE_REACTION_ADD / _REMOVE /
 * _REMOVE_EMOJI / _REMOVE_ALL; the world applies them to the message (who reacted, its {@code reactions} array),
 * the same way it applies the reactions of the gateway side.
 */
final class ReactionRoutes extends Routes {

  private static final String BASE = "/channels/{channel_id}/messages/{message_id}/reactions";

  private final MessageRoutes messages;

  ReactionRoutes(RestSim sim) {
    super(sim);
    this.messages = new MessageRoutes(sim);
  }

  @Override
  void register(RestSimRoutes r) {
    RestSimRoutes.Auth bot = RestSimRoutes.Auth.BOT;
    r.endpoint(HttpMethod.PUT, BASE + "/{emoji}/@me", "channel_id", bot, RestSimRoutes.mutation(sim,
        "MESSAGE_REACTION_ADD", ctx -> reaction(ctx, store.botUser().getString("id"), true)));
    r.endpoint(HttpMethod.DELETE, BASE + "/{emoji}/@me", "channel_id", bot, RestSimRoutes.mutation(sim,
        "MESSAGE_REACTION_REMOVE", ctx -> reaction(ctx, store.botUser().getString("id"), false)));
    r.endpoint(HttpMethod.DELETE, BASE + "/{emoji}/{user_id}", "channel_id", bot, RestSimRoutes.mutation(sim,
        "MESSAGE_REACTION_REMOVE", ctx -> reaction(ctx, ctx.pathParam("user_id"), false)));
    r.endpoint(HttpMethod.DELETE, BASE + "/{emoji}", "channel_id", bot, RestSimRoutes.mutation(sim,
        "MESSAGE_REACTION_REMOVE_EMOJI", ctx -> event(ctx, messages.message(ctx), emoji(ctx.pathParam("emoji")))));
    r.endpoint(HttpMethod.DELETE, BASE, "channel_id", bot, RestSimRoutes.mutation(sim,
        "MESSAGE_REACTION_REMOVE_ALL", ctx -> event(ctx, messages.message(ctx), null)));
  }

  /** The event that adds or removes one user's reaction, or null when that changes nothing (caller holds the lock). */
  private JsonObject reaction(RoutingContext ctx, String userId, boolean add) {
    JsonObject m = messages.message(ctx);
    JsonObject emoji = emoji(ctx.pathParam("emoji"));
    boolean present = world.messages().reactors(m.getString("id"), key(emoji)).contains(userId);
    if (present == add) {
      return null;
    }
    JsonObject d = event(ctx, m, emoji).put("user_id", userId);
    if (add) {
      d.put("burst", false).put("type", 0).put("message_author_id", m.getJsonObject("author").getString("id"));
      String guildId = d.getString("guild_id");
      JsonObject member = guildId == null ? null : store.member(guildId, userId);
      if (member != null) {
        d.put("member", member);
      }
    }
    return d;
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

  static String key(JsonObject emoji) {
    return MessageStore.emojiKey(emoji);
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
