package dev.cordbus.state.message;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.MemberEntry;
import dev.cordbus.state.cache.UserEntry;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.LazyObject;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code discord.state.MESSAGE_REACTION_ADD / _REMOVE / _REMOVE_EMOJI / _REMOVE_ALL}, published whether
 * the message is cached or not (disnake's raw reaction events always fire): {@code {guild_id?, channel_id, message_id,
 * user_id, emoji, burst, user, member, before, after}} for ADD and REMOVE ({@code user} the cached user, else the
 * payload member's user; {@code member} the payload member, else the cached one; null when unknown), {@code {guild_id?,
 * channel_id, message_id, emoji, before, after}} for REMOVE_EMOJI and without {@code emoji} for REMOVE_ALL.
 * {@code user}, {@code member}, {@code before} and {@code after} are rendered only when a consumer reads the body: from
 * the payload member's bytes, snapshots of the cached user and member, and the cached message's bytes (null when it is
 * not cached). See <a href="https://discord.com/developers/docs/events/gateway-events#message-reaction-add">Message
 * Reaction Add</a>.
 */
final class ReactionEvent {

  private ReactionEvent() {
  }

  /**
   * What a reaction dispatch says: {@code fields} (the {@code keys} read as a small tree) and {@code member}, the
   * payload member as its JSON bytes (not built; null when absent or not an object), or the payload member of a body
   * that was a tree already (a {@code JsonObject}, or whatever value it held).
   */
  record Read(JsonObject fields, Object member) {
  }

  /** Reads {@code keys} and, when {@code member}, the payload member (its bytes, unparsed) from a dispatch body. */
  static Read read(JsonObject d, Set<String> keys, boolean member) {
    DispatchBody b = DispatchBody.of(d);
    if (b == null) {
      return new Read(d, member ? d.getValue("member") : null);
    }
    JsonObject fields = new JsonObject();
    byte[] memberBytes = null;
    try {
      JsonCursor c = new JsonCursor(b.array(), b.offset(), b.offset() + b.length());
      if (c.kind() != JsonCursor.OBJECT) {
        return new Read(fields, null);
      }
      c.enter();
      while (c.nextKey()) {
        String key = c.keyIn(keys);
        if (key != null) {
          fields.put(key, c.value());
        } else if (member && c.key("member")) {
          boolean object = c.kind() == JsonCursor.OBJECT;
          int from = c.start();
          c.skip();
          memberBytes = object ? Arrays.copyOfRange(b.array(), from, c.position()) : null;
        } else {
          c.skip();
        }
      }
    } catch (IOException e) {
      throw new DecodeException("dispatch body: " + e.getMessage(), e);
    }
    return new Read(fields, memberBytes);
  }

  static void emit(Cache cache, String event, Read read, byte[] before, byte[] after, Emitter out) {
    if (!out.wanted(event)) {
      return;
    }
    JsonObject f = read.fields();
    long guildId = Ids.get(f, "guild_id");
    boolean byUser = event.equals("MESSAGE_REACTION_ADD") || event.equals("MESSAGE_REACTION_REMOVE");
    Map<String, Object> fields = new LinkedHashMap<>();
    if (guildId != 0) {
      fields.put("guild_id", Ids.str(guildId));
    }
    fields.put("channel_id", f.getValue("channel_id"));
    fields.put("message_id", f.getValue("message_id"));
    Object payloadMember = read.member();
    UserEntry cachedUser = null;
    MemberEntry cachedMember = null;
    if (byUser) {
      long userId = Ids.get(f, "user_id");
      UserEntry u = userId == 0 ? null : cache.users().get(userId);
      cachedUser = u == null ? null : u.snapshot();
      if (!(payloadMember instanceof byte[]) && !(payloadMember instanceof JsonObject)) {
        GuildEntry g = guildId == 0 || userId == 0 ? null : cache.guild(guildId);
        MemberEntry m = g == null ? null : g.members.get(userId);
        cachedMember = m == null ? null : m.snapshot();
      }
      fields.put("user_id", f.getValue("user_id"));
      fields.put("emoji", f.getValue("emoji"));
      fields.put("burst", Boolean.TRUE.equals(f.getValue("burst")));
    } else if (event.equals("MESSAGE_REACTION_REMOVE_EMOJI")) {
      fields.put("emoji", f.getValue("emoji"));
    }
    UserEntry user = cachedUser;
    MemberEntry member = cachedMember;
    out.raw(event, guildId, LazyObject.of(() -> {
      Map<String, Object> body = new LinkedHashMap<>(fields);
      if (byUser) {
        JsonObject m = member(payloadMember, member);
        body.put("user", user != null ? user.toJson() : m != null && m.getValue("user") instanceof JsonObject u
            ? u : null);
        body.put("member", m);
      }
      body.put("before", before == null ? null : Blob.object(before));
      body.put("after", after == null ? null : Blob.object(after));
      return body;
    }));
  }

  /** The payload member (decoded from its bytes), else the cached one's snapshot rendered, else null. */
  private static JsonObject member(Object payload, MemberEntry cached) {
    if (payload instanceof byte[] bytes) {
      try {
        return (JsonObject) new JsonCursor(bytes, 0, bytes.length).value();
      } catch (IOException e) {
        throw new DecodeException("payload member: " + e.getMessage(), e); // checked when read: cannot happen
      }
    }
    if (payload instanceof JsonObject m) {
      return m;
    }
    return cached == null ? null : cached.toJson();
  }
}
