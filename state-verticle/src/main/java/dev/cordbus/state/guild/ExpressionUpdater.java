package dev.cordbus.state.guild;

import dev.cordbus.state.cache.Actors;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.LongMap;
import dev.cordbus.state.store.Trees;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Emojis, stickers, soundboard sounds, scheduled events and stage instances: full-list replacements and
 * id-keyed upserts/removals with before/after.
 */
public final class ExpressionUpdater {

  private ExpressionUpdater() {
  }

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("GUILD_EMOJIS_UPDATE", (c, d, o) -> list(c, d, o, "emojis", ResourceType.EMOJI));
    table.put("GUILD_STICKERS_UPDATE", (c, d, o) -> list(c, d, o, "stickers", ResourceType.STICKER));
    table.put("GUILD_SOUNDBOARD_SOUND_CREATE", (c, d, o) -> upsert(c, d, o, g -> g.sounds, "sound_id",
        ResourceType.SOUNDBOARD_SOUND));
    table.put("GUILD_SOUNDBOARD_SOUND_UPDATE", (c, d, o) -> upsert(c, d, o, g -> g.sounds, "sound_id",
        ResourceType.SOUNDBOARD_SOUND));
    table.put("GUILD_SOUNDBOARD_SOUND_DELETE", (c, d, o) -> remove(c, d, o, g -> g.sounds, "sound_id"));
    table.put("GUILD_SOUNDBOARD_SOUNDS_UPDATE", ExpressionUpdater::sounds);
    table.put("SOUNDBOARD_SOUNDS", ExpressionUpdater::sounds);
    table.put("GUILD_SCHEDULED_EVENT_CREATE", (c, d, o) -> upsert(c, d, o, g -> g.scheduledEvents, "id",
        ResourceType.SCHEDULED_EVENT));
    table.put("GUILD_SCHEDULED_EVENT_UPDATE", (c, d, o) -> upsert(c, d, o, g -> g.scheduledEvents, "id",
        ResourceType.SCHEDULED_EVENT));
    table.put("GUILD_SCHEDULED_EVENT_DELETE", (c, d, o) -> remove(c, d, o, g -> g.scheduledEvents, "id"));
    table.put("GUILD_SCHEDULED_EVENT_USER_ADD", (c, d, o) -> userCount(c, d, o, 1));
    table.put("GUILD_SCHEDULED_EVENT_USER_REMOVE", (c, d, o) -> userCount(c, d, o, -1));
    table.put("STAGE_INSTANCE_CREATE", (c, d, o) -> upsert(c, d, o, g -> g.stageInstances, "id",
        ResourceType.STAGE_INSTANCE));
    table.put("STAGE_INSTANCE_UPDATE", (c, d, o) -> upsert(c, d, o, g -> g.stageInstances, "id",
        ResourceType.STAGE_INSTANCE));
    table.put("STAGE_INSTANCE_DELETE", (c, d, o) -> remove(c, d, o, g -> g.stageInstances, "id"));
  }

  static void list(Cache cache, Dispatch dispatch, Emitter out, String key, ResourceType type) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null || !cache.wants(type)) {
      return;
    }
    JsonArray now = d.getJsonArray(key, new JsonArray());
    JsonArray old;
    if ("emojis".equals(key)) {
      old = Blob.array(g.emojis);
      g.emojis = Blob.of(now);
    } else {
      old = Blob.array(g.stickers);
      g.stickers = Blob.of(now);
    }
    out.update(dispatch.event(), g.id, new JsonObject().put(key, old), new JsonObject().put(key, now));
  }

  static void upsert(Cache cache, Dispatch dispatch, Emitter out,
      java.util.function.Function<GuildEntry, LongMap<byte[]>> map, String idKey, ResourceType type) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    long id = Ids.get(d, idKey);
    if (g == null || id == 0 || !cache.wants(type)) {
      return;
    }
    JsonObject before = Blob.object(map.apply(g).put(id, Blob.of(d)));
    out.update(dispatch.event(), g.id, before, d);
  }

  static void remove(Cache cache, Dispatch dispatch, Emitter out,
      java.util.function.Function<GuildEntry, LongMap<byte[]>> map, String idKey) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    long id = Ids.get(d, idKey);
    if (g == null || id == 0) {
      return;
    }
    JsonObject before = Blob.object(map.apply(g).remove(id));
    out.delete(dispatch.event(), g.id, before, new JsonObject().put(idKey, d.getValue(idKey)));
  }

  static void sounds(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null || !cache.wants(ResourceType.SOUNDBOARD_SOUND)) {
      return;
    }
    g.sounds.clear();
    Trees.forEach(d, "soundboard_sounds", s -> {
      long id = Ids.get(s, "sound_id");
      if (id != 0) {
        g.sounds.put(id, Blob.of(s));
      }
    });
    out.raw(dispatch.event(), g.id, d);
  }

  /**
   * GUILD_SCHEDULED_EVENT_USER_ADD/REMOVE: the cached event's {@code user_count} moves by {@code delta}; published
   * whether the event is cached or not as {@code {guild_id, guild_scheduled_event_id, user_id, user?, member?, before,
   * after}} (user and member from the cache; before/after the scheduled event, null when not cached).
   */
  static void userCount(Cache cache, Dispatch dispatch, Emitter out, int delta) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    long id = Ids.get(d, "guild_scheduled_event_id");
    byte[] b = g == null ? null : g.scheduledEvents.get(id);
    JsonObject before = null;
    JsonObject after = null;
    if (b == null) {
      cache.missed();
    } else {
      before = Blob.object(b);
      after = before.copy().put("user_count", Math.max(0, before.getInteger("user_count", 0) + delta));
      g.scheduledEvents.put(id, Blob.of(after));
    }
    if (!out.wanted()) {
      return;
    }
    long userId = Ids.get(d, "user_id");
    JsonObject body = new JsonObject().put("guild_id", d.getValue("guild_id"))
        .put("guild_scheduled_event_id", d.getValue("guild_scheduled_event_id")).put("user_id", d.getValue("user_id"));
    JsonObject member = Actors.member(cache, g, userId, null);
    JsonObject user = Actors.user(cache, userId, member);
    if (user != null) {
      body.put("user", user);
    }
    if (member != null) {
      body.put("member", member);
    }
    out.raw(dispatch.event(), Ids.get(d, "guild_id"), body.put("before", before).put("after", after));
  }
}
