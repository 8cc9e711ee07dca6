package dev.cordbus.state.channel;

import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Trees;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Guild channels: CHANNEL_CREATE/UPDATE/DELETE, CHANNEL_PINS_UPDATE and the ephemeral voice channel fields
 * (CHANNEL_INFO, VOICE_CHANNEL_STATUS_UPDATE, VOICE_CHANNEL_START_TIME_UPDATE).
 */
public final class ChannelUpdater {

  private ChannelUpdater() {
  }

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("CHANNEL_CREATE", ChannelUpdater::upsert);
    table.put("CHANNEL_UPDATE", ChannelUpdater::upsert);
    table.put("CHANNEL_DELETE", ChannelUpdater::delete);
    table.put("CHANNEL_PINS_UPDATE", (c, d, o) -> modify(c, d.d(), Ids.get(d.d(), "channel_id"),
        ch -> ch.put("last_pin_timestamp", d.d().getValue("last_pin_timestamp")), "CHANNEL_PINS_UPDATE", o));
    table.put("VOICE_CHANNEL_STATUS_UPDATE", (c, d, o) -> modify(c, d.d(), Ids.get(d.d(), "id"),
        ch -> ch.put("status", d.d().getValue("status")), "VOICE_CHANNEL_STATUS_UPDATE", o));
    table.put("VOICE_CHANNEL_START_TIME_UPDATE", (c, d, o) -> modify(c, d.d(), Ids.get(d.d(), "id"),
        ch -> ch.put("voice_start_time", d.d().getValue("voice_start_time")), "VOICE_CHANNEL_START_TIME_UPDATE", o));
    table.put("CHANNEL_INFO", ChannelUpdater::info);
  }

  /**
   * CHANNEL_CREATE and CHANNEL_UPDATE of a guild channel: stored, and the previous and new JSON decoded only when the
   * event (CHANNEL_UPDATE when the channel was cached, else CHANNEL_CREATE) is wanted.
   */
  static void upsert(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    if (d.getValue("guild_id") == null) {
      return; // DM / group DM channels are not cached
    }
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    long id = Ids.get(d, "id");
    if (id == 0 || !cache.wants(ResourceType.CHANNEL)) {
      return;
    }
    if (!out.wanted(cache.channels().has(g, id) ? "CHANNEL_UPDATE" : "CHANNEL_CREATE")) {
      cache.channels().set(g, d); // nobody hears the event: before and after are not decoded
      return;
    }
    JsonObject before = cache.channels().put(g, d);
    JsonObject after = cache.channels().channel(g, id);
    if (before == null) {
      out.create("CHANNEL_CREATE", g.id, after);
    } else {
      out.update("CHANNEL_UPDATE", g.id, before, after);
    }
  }

  static void delete(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    long id = Ids.get(d, "id");
    JsonObject before = cache.removeChannel(g, id);
    out.delete("CHANNEL_DELETE", g.id, before, new JsonObject().put("id", Ids.str(id)));
  }

  /** Changes one cached channel or thread in place and emits before/after under {@code event}. */
  static void modify(Cache cache, JsonObject d, long channelId, Consumer<JsonObject> change, String event,
      Emitter out) {
    GuildEntry g = cache.channels().guildOf(channelId);
    if (g == null) {
      cache.missed();
      return;
    }
    JsonObject before = cache.channels().json(g, channelId);
    JsonObject after = cache.channels().modify(g, channelId, change);
    if (after != null) {
      out.update(event, g.id, before, after);
    }
  }

  static void info(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    Trees.forEach(d, "channels", info -> cache.channels().modify(g, Ids.get(info, "id"), ch -> {
      for (String key : new String[] {"status", "voice_start_time"}) {
        if (info.containsKey(key)) {
          ch.put(key, info.getValue(key));
        }
      }
    }));
  }
}
