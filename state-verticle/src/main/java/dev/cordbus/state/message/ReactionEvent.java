package dev.cordbus.state.message;

import dev.cordbus.state.cache.Actors;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.LazyObject;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code discord.state.MESSAGE_REACTION_ADD / _REMOVE / _REMOVE_EMOJI / _REMOVE_ALL}, published whether
 * the message is cached or not (disnake's raw reaction events always fire): {@code {guild_id?, channel_id, message_id,
 * user_id, emoji, burst, user, member, before, after}} for ADD and REMOVE ({@code user} the cached user, else the
 * payload member's user; {@code member} the payload member, else the cached one; null when unknown), {@code {guild_id?,
 * channel_id, message_id, emoji, before, after}} for REMOVE_EMOJI and without {@code emoji} for REMOVE_ALL.
 * {@code before}/{@code after} are the cached message (null when it is not cached), decoded only when a consumer reads
 * the body. See <a href="https://discord.com/developers/docs/events/gateway-events#message-reaction-add">Message
 * Reaction Add</a>.
 */
final class ReactionEvent {

  /** The fields read when the event is published (the reaction keys and the payload member). */
  static final Set<String> KEYS = Set.of("channel_id", "message_id", "user_id", "guild_id", "emoji", "burst",
      "member");

  private ReactionEvent() {
  }

  static void emit(Cache cache, String event, JsonObject f, byte[] before, byte[] after, Emitter out) {
    if (!out.wanted()) {
      return;
    }
    long guildId = Ids.get(f, "guild_id");
    boolean byUser = event.equals("MESSAGE_REACTION_ADD") || event.equals("MESSAGE_REACTION_REMOVE");
    Map<String, Object> fields = new LinkedHashMap<>();
    if (guildId != 0) {
      fields.put("guild_id", Ids.str(guildId));
    }
    fields.put("channel_id", f.getValue("channel_id"));
    fields.put("message_id", f.getValue("message_id"));
    if (byUser) {
      long userId = Ids.get(f, "user_id");
      JsonObject member = Actors.member(cache, guildId == 0 ? null : cache.guild(guildId), userId,
          f.getValue("member"));
      fields.put("user_id", f.getValue("user_id"));
      fields.put("emoji", f.getValue("emoji"));
      fields.put("burst", Boolean.TRUE.equals(f.getValue("burst")));
      fields.put("user", Actors.user(cache, userId, member));
      fields.put("member", member);
    } else if (event.equals("MESSAGE_REACTION_REMOVE_EMOJI")) {
      fields.put("emoji", f.getValue("emoji"));
    }
    out.raw(event, guildId, LazyObject.of(() -> {
      Map<String, Object> body = new LinkedHashMap<>(fields);
      body.put("before", before == null ? null : Blob.object(before));
      body.put("after", after == null ? null : Blob.object(after));
      return body;
    }));
  }
}
