package dev.cordbus.state.cache;

import io.vertx.core.json.JsonObject;

/**
 * Who did something, for the state events that name a user (typing, voice, scheduled-event and thread members;
 * reactions make the same choice in {@code message.ReactionEvent}, rendered only when the event is read): the cached
 * user and the member from the payload, else from the cache. Read-only; call it on the state verticle's thread and
 * only when events are published (it builds JSON).
 */
public final class Actors {

  private Actors() {
  }

  /** The cached user {@code userId} as Discord's user object, or null when not cached. */
  public static JsonObject user(Cache cache, long userId) {
    UserEntry u = userId == 0 ? null : cache.users().get(userId);
    return u == null ? null : u.toJson();
  }

  /**
   * The member: {@code payloadMember} when the dispatch carried one (a guild member object), else the cached member of
   * guild {@code g}, else null.
   */
  public static JsonObject member(Cache cache, GuildEntry g, long userId, Object payloadMember) {
    if (payloadMember instanceof JsonObject m) {
      return m;
    }
    MemberEntry cached = g == null || userId == 0 ? null : g.members.get(userId);
    return cached == null ? null : cached.toJson();
  }

  /**
   * The user: the cached one, else the {@code user} of the member ({@code member.user}), else null; the member's user
   * is what a bot would see on an uncached user in a guild.
   */
  public static JsonObject user(Cache cache, long userId, JsonObject member) {
    JsonObject cached = user(cache, userId);
    if (cached != null || member == null) {
      return cached;
    }
    return member.getValue("user") instanceof JsonObject u ? u : null;
  }
}
