package dev.cordbus.state.guild;

import dev.cordbus.api.state.StateEvents;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.MemberEntry;
import dev.cordbus.state.cache.PresenceEntry;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.cache.ShardSession;
import dev.cordbus.state.cache.Streams;
import dev.cordbus.state.cache.VoiceStateEntry;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.JsonSlice;
import dev.cordbus.state.store.Trees;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * READY and the guild lifecycle: GUILD_CREATE (join vs available), GUILD_UPDATE, GUILD_DELETE (unavailable vs
 * removed) and GUILD_BAN_ADD (ban with the cached member).
 */
public final class GuildUpdater {

  private GuildUpdater() {
  }

  /** GUILD_CREATE arrays streamed from the bytes. */
  private static final Set<String> STREAMED = Set.of("members", "presences");

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("READY", GuildUpdater::ready);
    table.put("GUILD_CREATE", GuildUpdater::create);
    table.put("GUILD_UPDATE", GuildUpdater::update);
    table.put("GUILD_DELETE", GuildUpdater::delete);
    table.put("GUILD_BAN_ADD", GuildUpdater::ban);
  }

  /** READY: a new session. Guilds of the shard not listed are gone; listed ones become stale or unavailable. */
  static void ready(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    ShardSession s = cache.shard(dispatch.shard());
    s.sessionId = d.getString("session_id");
    if (d.getValue("shard") instanceof JsonArray a && a.size() == 2 && a.getValue(1) instanceof Number n) {
      s.shardCount = n.intValue();
    }
    if (d.getValue("user") instanceof JsonObject u) {
      cache.users().self(u);
    }
    Set<Long> listed = new HashSet<>();
    if (d.getValue("guilds") instanceof JsonArray guilds) {
      for (Object o : guilds) {
        long id = o instanceof JsonObject g ? Ids.get(g, "id") : 0;
        if (id != 0) {
          listed.add(id);
        }
      }
    }
    for (GuildEntry g : cache.guilds().values()) {
      if (g.shard == dispatch.shard() && !listed.contains(g.id)) {
        JsonObject before = g.toJson();
        cache.removeGuild(g.id);
        out.delete(StateEvents.GUILD_REMOVE, g.id, before, null);
      }
    }
    for (long id : listed) {
      GuildEntry g = cache.guildEntry(id, dispatch.shard());
      if (g.status == GuildEntry.Status.AVAILABLE) {
        g.status = GuildEntry.Status.STALE;
      }
    }
    s.readyGuilds.clear();
    s.readyGuilds.addAll(listed);
    s.pending.clear();
    s.pending.addAll(listed);
    if (listed.isEmpty()) {
      cacheReady(s, out);
    }
  }

  /**
   * GUILD_CREATE: the members and presences arrays, the bulk of the body, are streamed from the bytes into the
   * stores; the other fields (channels, roles, ...) are read as small trees.
   */
  static void create(Cache cache, Dispatch dispatch, Emitter out) {
    JsonSlice body = JsonSlice.of(dispatch.d());
    Streams.Split split = Streams.split(body, STREAMED, null);
    JsonObject d = split.fields();
    long id = Ids.get(d, "id");
    if (id == 0) {
      cache.missed();
      return;
    }
    ShardSession s = cache.shard(dispatch.shard());
    GuildEntry existing = cache.guild(id);
    if (Boolean.TRUE.equals(d.getValue("unavailable"))) {
      GuildEntry g = cache.guildEntry(id, dispatch.shard());
      if (g.status != GuildEntry.Status.UNAVAILABLE) {
        JsonObject before = g.toJson();
        g.status = GuildEntry.Status.UNAVAILABLE;
        out.delete(StateEvents.GUILD_UNAVAILABLE, id, before, new JsonObject().put("id", Ids.str(id)));
      }
      arrived(s, id, out);
      return;
    }
    String derived;
    if (existing == null && !s.readyGuilds.contains(id)) {
      derived = StateEvents.GUILD_JOIN;
    } else if (existing == null || existing.status != GuildEntry.Status.AVAILABLE) {
      derived = StateEvents.GUILD_AVAILABLE;
    } else {
      derived = null;
    }
    GuildEntry g = cache.guildEntry(id, dispatch.shard());
    load(cache, g, d, body, split);
    if (derived != null && out.wanted()) {
      out.create(derived, id, g.toJson());
    }
    arrived(s, id, out);
  }

  /** Replaces everything of a guild from a full GUILD_CREATE payload (members and presences still as bytes). */
  static void load(Cache cache, GuildEntry g, JsonObject d, JsonSlice body, Streams.Split split) {
    cache.clearChildren(g);
    JsonObject meta = new JsonObject();
    for (Map.Entry<String, Object> e : d) {
      if (!GuildEntry.CHILD_KEYS.contains(e.getKey())) {
        meta.put(e.getKey(), e.getValue());
      }
    }
    g.meta = Blob.of(meta);
    g.memberCount = d.getValue("member_count") instanceof Number n ? n.intValue() : 0;
    putRoles(cache, g, d.getJsonArray("roles"));
    if (cache.wants(ResourceType.EMOJI)) {
      g.emojis = Blob.of(d.getJsonArray("emojis"));
    }
    if (cache.wants(ResourceType.STICKER)) {
      g.stickers = Blob.of(d.getJsonArray("stickers"));
    }
    if (cache.wants(ResourceType.CHANNEL)) {
      Trees.forEach(d, "channels", c -> cache.channels().set(g, c));
    }
    if (cache.wants(ResourceType.THREAD)) {
      Trees.forEach(d, "threads", t -> cache.channels().putThread(g, t));
    }
    if (cache.wants(ResourceType.PRESENCE)) {
      Streams.presences(body, split.range("presences"), p -> {
        long uid = p.user == null ? 0 : p.user.id;
        if (uid != 0) {
          g.presences.put(uid, PresenceEntry.of(p));
        }
      });
    }
    if (cache.wants(ResourceType.VOICE_STATE)) {
      Trees.forEach(d, "voice_states", v -> {
        long uid = Ids.get(v, "user_id");
        if (uid != 0 && Ids.get(v, "channel_id") != 0) {
          g.voiceStates.put(uid, new VoiceStateEntry(v, cache.strings()));
        }
      });
    }
    Streams.members(body, split.range("members"), m -> cache.members().put(g, m, null));
    if (cache.wants(ResourceType.STAGE_INSTANCE)) {
      Trees.forEach(d, "stage_instances", si -> putBlob(g.stageInstances, Ids.get(si, "id"), si));
    }
    if (cache.wants(ResourceType.SCHEDULED_EVENT)) {
      Trees.forEach(d, "guild_scheduled_events", se -> putBlob(g.scheduledEvents, Ids.get(se, "id"), se));
    }
    if (cache.wants(ResourceType.SOUNDBOARD_SOUND)) {
      Trees.forEach(d, "soundboard_sounds", so -> putBlob(g.sounds, Ids.get(so, "sound_id"), so));
    }
    g.status = GuildEntry.Status.AVAILABLE;
  }

  static void putRoles(Cache cache, GuildEntry g, JsonArray roles) {
    if (roles == null || !cache.wants(ResourceType.ROLE)) {
      return;
    }
    g.roles.clear();
    for (Object o : roles) {
      if (o instanceof JsonObject r && Ids.get(r, "id") != 0) {
        g.roles.put(Ids.get(r, "id"), Blob.of(r));
      }
    }
  }

  private static void putBlob(dev.cordbus.state.store.LongMap<byte[]> map, long id, JsonObject o) {
    if (id != 0) {
      map.put(id, Blob.of(o));
    }
  }

  private static void arrived(ShardSession s, long id, Emitter out) {
    if (s.pending.remove(id) && s.pending.isEmpty()) {
      cacheReady(s, out);
    }
  }

  private static void cacheReady(ShardSession s, Emitter out) {
    out.raw(StateEvents.SHARD_CACHE_READY, 0,
        new JsonObject().put("shard", s.shard).put("session_id", s.sessionId).put("guilds", s.readyGuilds.size()));
  }

  static void update(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guild(Ids.get(d, "id"));
    if (g == null || g.meta == null) {
      cache.missed();
      return;
    }
    JsonObject before = g.toJson();
    JsonObject meta = Blob.object(g.meta);
    for (Map.Entry<String, Object> e : d) {
      if (!GuildEntry.CHILD_KEYS.contains(e.getKey())) {
        meta.put(e.getKey(), e.getValue());
      }
    }
    g.meta = Blob.of(meta);
    putRoles(cache, g, d.getJsonArray("roles"));
    if (d.getValue("emojis") instanceof JsonArray e && cache.wants(ResourceType.EMOJI)) {
      g.emojis = Blob.of(e);
    }
    if (d.getValue("stickers") instanceof JsonArray st && cache.wants(ResourceType.STICKER)) {
      g.stickers = Blob.of(st);
    }
    out.update("GUILD_UPDATE", g.id, before, g.toJson());
  }

  static void delete(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    long id = Ids.get(d, "id");
    GuildEntry g = cache.guild(id);
    ShardSession s = cache.shard(dispatch.shard());
    JsonObject ids = new JsonObject().put("id", Ids.str(id));
    if (Boolean.TRUE.equals(d.getValue("unavailable"))) {
      if (g == null) {
        g = cache.guildEntry(id, dispatch.shard());
      }
      JsonObject before = g.toJson();
      boolean wasUp = g.status != GuildEntry.Status.UNAVAILABLE;
      g.status = GuildEntry.Status.UNAVAILABLE;
      if (wasUp) {
        out.delete(StateEvents.GUILD_UNAVAILABLE, id, before, ids);
      }
      arrived(s, id, out);
      return;
    }
    if (g == null) {
      cache.missed();
      return;
    }
    JsonObject before = g.toJson();
    cache.removeGuild(id);
    s.readyGuilds.remove(id);
    out.delete(StateEvents.GUILD_REMOVE, id, before, ids);
    arrived(s, id, out);
  }

  static void ban(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    JsonObject user = d.getJsonObject("user");
    MemberEntry m = g.members.get(Ids.get(user, "id"));
    out.delete(StateEvents.GUILD_MEMBER_BAN, g.id, m == null ? null : m.toJson(), new JsonObject().put("user", user));
  }
}
