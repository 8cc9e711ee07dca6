package dev.cordbus.state.cache;

import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.LongMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Read-only views over the whole {@link Cache}: the counts query and a deterministic dump. */
final class CacheViews {

  private CacheViews() {
  }

  static JsonObject counts(Cache cache, GuildEntry only) {
    int[] c = new int[10];
    (only == null ? cache.guilds().values() : List.of(only)).forEach(g -> {
      c[0]++;
      c[1] += g.status == GuildEntry.Status.UNAVAILABLE ? 1 : 0;
      c[2] += g.channels.size();
      c[3] += g.threads.size();
      c[4] += g.roles.size();
      c[5] += g.members.size();
      c[6] += g.presences.size();
      c[7] += g.voiceStates.size();
      c[8] += g.scheduledEvents.size() + g.stageInstances.size();
      c[9] += g.sounds.size();
    });
    JsonObject o = new JsonObject()
        .put("guilds", c[0]).put("unavailable_guilds", c[1]).put("channels", c[2]).put("threads", c[3])
        .put("roles", c[4]).put("members", c[5]).put("presences", c[6]).put("voice_states", c[7])
        .put("scheduled_events_and_stages", c[8]).put("sounds", c[9]);
    if (only == null) {
      o.put("users", cache.users().size()).put("messages", cache.messages().size())
          .put("unknown_targets", cache.unknownTargets()).put("interned_strings", cache.strings().size());
    } else {
      o.put("member_count", only.memberCount);
    }
    return o;
  }

  static JsonObject dump(Cache cache) {
    JsonObject out = new JsonObject();
    for (long gid : cache.guilds().sortedKeys()) {
      GuildEntry g = cache.guild(gid);
      JsonObject j = g.toJson().put("status", g.status.name());
      JsonArray ch = new JsonArray();
      for (long id : g.channels.sortedKeys()) {
        ch.add(cache.channels().channel(g, id));
      }
      JsonArray th = new JsonArray();
      for (long id : g.threads.sortedKeys()) {
        th.add(g.threads.get(id).toJson());
      }
      JsonArray mem = new JsonArray();
      for (long id : g.members.sortedKeys()) {
        mem.add(g.members.get(id).toJson());
      }
      JsonArray pr = new JsonArray();
      for (long id : g.presences.sortedKeys()) {
        pr.add(g.presences.get(id).toJson(id, gid));
      }
      JsonArray vs = new JsonArray();
      for (long id : g.voiceStates.sortedKeys()) {
        vs.add(g.voiceStates.get(id).toJson(gid, id));
      }
      j.put("channels", ch).put("threads", th).put("members", mem).put("presences", pr).put("voice_states", vs)
          .put("guild_scheduled_events", blobs(g.scheduledEvents)).put("stage_instances", blobs(g.stageInstances))
          .put("soundboard_sounds", blobs(g.sounds));
      out.put(Ids.str(gid), j);
    }
    UserEntry self = cache.users().self();
    return new JsonObject().put("guilds", out).put("self", self == null ? null : self.toJson())
        .put("users", cache.users().size()).put("messages", new JsonArray(new ArrayList<>(cache.messages().all())));
  }

  private static JsonArray blobs(LongMap<byte[]> map) {
    JsonArray a = new JsonArray();
    for (long id : map.sortedKeys()) {
      a.add(Blob.object(map.get(id)));
    }
    return a;
  }
}
