package dev.cordbus.state.member;

import dev.cordbus.state.cache.Actors;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.MemberEntry;
import dev.cordbus.state.cache.MemberPatch;
import dev.cordbus.state.cache.MemberStore;
import dev.cordbus.state.cache.PresenceEntry;
import dev.cordbus.state.cache.PresencePatch;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.cache.Streams;
import dev.cordbus.state.cache.UserEntry;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.JsonSlice;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * Members, users and presences: GUILD_MEMBER_ADD/UPDATE/REMOVE, GUILD_MEMBERS_CHUNK, PRESENCE_UPDATE, USER_UPDATE
 * and TYPING_START (member upsert).
 */
public final class MemberUpdater {

  private MemberUpdater() {
  }

  private static final Set<String> ARRAYS = Set.of("members", "presences");
  private static final Set<String> GUILD_ID = Set.of("guild_id");

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("GUILD_MEMBER_ADD", MemberUpdater::add);
    table.put("GUILD_MEMBER_UPDATE", MemberUpdater::update);
    table.put("GUILD_MEMBER_REMOVE", MemberUpdater::remove);
    table.put("GUILD_MEMBERS_CHUNK", MemberUpdater::chunk);
    table.put("PRESENCE_UPDATE", MemberUpdater::presence);
    table.put("USER_UPDATE", MemberUpdater::userUpdate);
    table.put("TYPING_START", MemberUpdater::typing);
  }

  private static JsonObject json(MemberEntry m) {
    return m == null ? null : m.toJson();
  }

  static void add(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    long uid = Ids.get(d.getJsonObject("user"), "id");
    boolean existed = g.members.containsKey(uid);
    MemberEntry m = cache.members().put(g, d, null);
    if (!existed) {
      g.memberCount++;
    }
    JsonObject after = m != null ? m.toJson() : d.copy();
    after.remove("guild_id");
    out.create("GUILD_MEMBER_ADD", g.id, after);
  }

  /**
   * Read from the bytes into a {@link MemberPatch}. With events published, the member and user are snapshotted before
   * the change and compared field by field after it: nothing changed (a member re-sent) costs no JSON; a change is
   * published with before/after rendered only when a consumer reads them.
   */
  static void update(Cache cache, Dispatch dispatch, Emitter out) {
    JsonSlice body = JsonSlice.of(dispatch.d());
    MemberPatch patch = Streams.member(body);
    GuildEntry g = cache.loadedGuild(patch.guildId);
    if (g == null) {
      return;
    }
    long uid = patch.user == null ? 0 : patch.user.id;
    boolean memberEvent = out.wanted("GUILD_MEMBER_UPDATE");
    boolean userEvent = out.wanted("USER_UPDATE");
    MemberEntry before = memberEvent ? snapshot(g.members.get(uid)) : null;
    UserEntry userBefore = userEvent ? snapshot(cache.users().get(uid)) : null;
    MemberEntry m = cache.members().put(g, patch, null);
    if (memberEvent) {
      out.update("GUILD_MEMBER_UPDATE", g.id, before, snapshot(m), MemberEntry::sameJson, MemberEntry::toJson);
    }
    if (userEvent) {
      userChanged(cache, uid, userBefore, out);
    }
  }

  private static MemberEntry snapshot(MemberEntry m) {
    return m == null ? null : m.snapshot();
  }

  private static UserEntry snapshot(UserEntry u) {
    return u == null ? null : u.snapshot();
  }

  /** Emits USER_UPDATE when a cached user's fields changed since {@code userBefore} (a snapshot). */
  static void userChanged(Cache cache, long uid, UserEntry userBefore, Emitter out) {
    UserEntry now = cache.users().get(uid);
    if (userBefore != null && now != null) {
      out.update("USER_UPDATE", 0, userBefore, now.snapshot(), UserEntry::sameJson, UserEntry::toJson);
    }
  }

  static void remove(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    long uid = Ids.get(d.getJsonObject("user"), "id");
    MemberEntry m = cache.members().remove(g, uid);
    g.presences.remove(uid);
    if (g.memberCount > 0) {
      g.memberCount--;
    }
    out.delete("GUILD_MEMBER_REMOVE", g.id, json(m), new JsonObject().put("user", d.getValue("user")));
  }

  /** Streamed: presences first (the member policy reads them), then members; the tree is never built here. */
  static void chunk(Cache cache, Dispatch dispatch, Emitter out) {
    JsonSlice body = JsonSlice.of(dispatch.d());
    Streams.Split parts = Streams.split(body, ARRAYS, GUILD_ID);
    GuildEntry g = cache.loadedGuild(Ids.get(parts.fields(), "guild_id"));
    if (g == null) {
      return;
    }
    if (cache.wants(ResourceType.PRESENCE)) {
      Streams.presences(body, parts.range("presences"), p -> putPresence(g, p));
    }
    Streams.members(body, parts.range("members"), m -> cache.members().put(g, m, null));
    out.raw("GUILD_MEMBERS_CHUNK", g.id, dispatch.d());
  }

  private static void putPresence(GuildEntry g, PresencePatch p) {
    long uid = p.user == null ? 0 : p.user.id;
    if (uid == 0) {
      return;
    }
    PresenceEntry e = PresenceEntry.of(p);
    if (e.status() == PresenceEntry.Status.OFFLINE) {
      g.presences.remove(uid);
    } else {
      g.presences.put(uid, e);
    }
  }

  /**
   * Read from the bytes into a {@link PresencePatch}; with events published, the presence (immutable) and the user
   * (a snapshot) before the change are compared with after it, and JSON is rendered only when a consumer reads it.
   */
  static void presence(Cache cache, Dispatch dispatch, Emitter out) {
    PresencePatch patch = Streams.presence(JsonSlice.of(dispatch.d()));
    GuildEntry g = cache.loadedGuild(patch.guildId);
    if (g == null) {
      return;
    }
    long uid = patch.user == null ? 0 : patch.user.id;
    if (uid == 0) {
      cache.missed();
      return;
    }
    boolean presenceEvent = out.wanted("PRESENCE_UPDATE");
    boolean userEvent = out.wanted("USER_UPDATE");
    PresenceEntry before = presenceEvent ? MemberStore.presence(g, uid) : null;
    UserEntry userBefore = userEvent ? snapshot(cache.users().get(uid)) : null;
    if (cache.wants(ResourceType.PRESENCE)) {
      putPresence(g, patch);
    }
    if (patch.user.size > 1) {
      cache.users().update(patch.user);
    }
    if (!cache.members().keeps(g, uid)) {
      cache.members().remove(g, uid);
    }
    if (presenceEvent) {
      long guildId = g.id;
      out.update("PRESENCE_UPDATE", guildId, before, PresenceEntry.of(patch), PresenceEntry::sameJson,
          p -> p.toJson(uid, guildId));
    }
    if (userEvent) {
      userChanged(cache, uid, userBefore, out);
    }
  }

  static void userUpdate(Cache cache, Dispatch dispatch, Emitter out) {
    UserEntry self = cache.users().self();
    JsonObject before = self == null ? null : self.toJson();
    cache.users().self(dispatch.d());
    out.update("USER_UPDATE", 0, before, cache.users().self() == null ? null : cache.users().self().toJson());
  }

  /**
   * TYPING_START: upserts the payload member, then publishes {@code {guild_id?, channel_id, user_id, timestamp,
   * member?, user?}} (the member as received, else cached; the user from the cache, else the member's), like disnake's
   * {@code on_typing(channel, user, when)}. See
   * <a href="https://discord.com/developers/docs/events/gateway-events#typing-start">Typing Start</a>.
   */
  static void typing(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = d.getValue("guild_id") == null ? null : cache.guildOf(d); // a DM has no guild: not a miss
    JsonObject payloadMember = d.getValue("member") instanceof JsonObject m && m.getValue("user") instanceof JsonObject
        ? m : null;
    if (g != null && payloadMember != null) {
      cache.members().put(g, payloadMember, null);
    }
    if (!out.wanted()) {
      return;
    }
    long userId = Ids.get(d, "user_id");
    JsonObject body = new JsonObject();
    long guildId = Ids.get(d, "guild_id");
    if (guildId != 0) {
      body.put("guild_id", d.getValue("guild_id"));
    }
    body.put("channel_id", d.getValue("channel_id")).put("user_id", d.getValue("user_id"))
        .put("timestamp", d.getValue("timestamp"));
    JsonObject member = Actors.member(cache, g, userId, payloadMember);
    JsonObject user = Actors.user(cache, userId, member);
    if (member != null) {
      body.put("member", member);
    }
    if (user != null) {
      body.put("user", user);
    }
    out.raw("TYPING_START", guildId, body);
  }
}
