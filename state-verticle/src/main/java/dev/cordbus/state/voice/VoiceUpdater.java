package dev.cordbus.state.voice;

import dev.cordbus.state.cache.Actors;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.cache.VoiceStateEntry;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.store.Ids;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * VOICE_STATE_UPDATE: {@code channel_id} null removes the state, otherwise upsert; the embedded member too. The event
 * is {@code {guild_id, before, after, member}} ({@code member}: the payload's, else cached, else null).
 */
public final class VoiceUpdater {

  private VoiceUpdater() {
  }

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("VOICE_STATE_UPDATE", VoiceUpdater::update);
  }

  static void update(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    if (d.getValue("guild_id") == null) {
      return; // DM calls are not cached
    }
    GuildEntry g = cache.guildOf(d);
    long uid = Ids.get(d, "user_id");
    if (g == null || uid == 0) {
      return;
    }
    VoiceStateEntry old = g.voiceStates.get(uid);
    JsonObject before = old == null ? null : old.toJson(g.id, uid);
    JsonObject after = null;
    if (Ids.get(d, "channel_id") == 0) {
      g.voiceStates.remove(uid);
    } else if (cache.wants(ResourceType.VOICE_STATE)) {
      VoiceStateEntry now = new VoiceStateEntry(d, cache.strings());
      g.voiceStates.put(uid, now);
      after = now.toJson(g.id, uid);
    }
    if (d.getValue("member") instanceof JsonObject member) {
      cache.members().put(g, member, null);
    }
    if (g.members.containsKey(uid) && !cache.members().keeps(g, uid)) {
      cache.members().remove(g, uid);
    }
    if (after == null && before == null || !out.wanted() || java.util.Objects.equals(before, after)) {
      return;
    }
    // {guild_id, before, after, member}: the member as the payload carried it, else cached, else null
    out.raw("VOICE_STATE_UPDATE", g.id, new JsonObject().put("guild_id", Ids.str(g.id)).put("before", before)
        .put("after", after).put("member", Actors.member(cache, g, uid, d.getValue("member"))));
  }
}
