package dev.cordbus.state.channel;

import dev.cordbus.api.state.StateEvents;
import dev.cordbus.state.cache.Actors;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.PresenceEntry;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.cache.ThreadEntry;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Trees;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Threads: THREAD_CREATE/UPDATE/DELETE, THREAD_LIST_SYNC, THREAD_MEMBER_UPDATE, THREAD_MEMBERS_UPDATE. */
public final class ThreadUpdater {

  private ThreadUpdater() {
  }

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("THREAD_CREATE", ThreadUpdater::upsert);
    table.put("THREAD_UPDATE", ThreadUpdater::upsert);
    table.put("THREAD_DELETE", ThreadUpdater::delete);
    table.put("THREAD_LIST_SYNC", ThreadUpdater::sync);
    table.put("THREAD_MEMBER_UPDATE", ThreadUpdater::memberUpdate);
    table.put("THREAD_MEMBERS_UPDATE", ThreadUpdater::membersUpdate);
  }

  static void upsert(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    long id = Ids.get(d, "id");
    ThreadEntry before = cache.wants(ResourceType.THREAD) ? cache.channels().putThread(g, d) : null;
    ThreadEntry now = g.threads.get(id);
    if (now == null) {
      return;
    }
    if (before == null) {
      out.create("THREAD_CREATE", g.id, now.toJson());
    } else {
      out.update("THREAD_UPDATE", g.id, before.toJson(), now.toJson());
    }
  }

  static void delete(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    long id = Ids.get(d, "id");
    ThreadEntry t = cache.removeThread(g, id);
    out.delete("THREAD_DELETE", g.id, t == null ? null : t.toJson(),
        new JsonObject().put("id", Ids.str(id)).put("parent_id", d.getValue("parent_id")));
  }

  static void sync(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    Set<Long> parents = null;
    if (d.getValue("channel_ids") instanceof JsonArray a) {
      parents = new HashSet<>();
      for (long id : Ids.array(a)) {
        parents.add(id);
      }
    }
    for (long tid : g.threads.sortedKeys()) {
      if (parents == null || parents.contains(g.threads.get(tid).parentId)) {
        cache.removeThread(g, tid);
      }
    }
    if (cache.wants(ResourceType.THREAD)) {
      Trees.forEach(d, "threads", t -> cache.channels().putThread(g, t));
    }
    Trees.forEach(d, "members", m -> {
      ThreadEntry t = g.threads.get(Ids.get(m, "id"));
      if (t != null) {
        t.botMember = Blob.of(m);
      }
    });
    out.raw("THREAD_LIST_SYNC", g.id, d);
  }

  static void memberUpdate(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    ThreadEntry t = g.threads.get(Ids.get(d, "id"));
    if (t == null) {
      cache.missed();
      return;
    }
    JsonObject before = t.toJson();
    JsonObject member = d.copy();
    member.remove("guild_id");
    t.botMember = Blob.of(member);
    t.updateMembers(new long[] {Ids.get(d, "user_id")}, Ids.EMPTY);
    out.update("THREAD_MEMBER_UPDATE", g.id, before, t.toJson());
  }

  /**
   * THREAD_MEMBERS_UPDATE: the thread's member ids and count (and the bot's membership); the payload members are
   * upserted. Publishes THREAD_MEMBERS_UPDATE {@code {before, after}} (cached threads only), then one derived
   * {@link StateEvents#THREAD_MEMBER_JOIN} / {@link StateEvents#THREAD_MEMBER_LEAVE} per added / removed member,
   * cached thread or not: {@code {guild_id, thread_id, user_id, member?, user?}}.
   */
  static void membersUpdate(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    if (g == null) {
      return;
    }
    long[] removed = Ids.array(d.getJsonArray("removed_member_ids"));
    JsonArray addedJson = d.getJsonArray("added_members", new JsonArray());
    long[] added = new long[addedJson.size()];
    for (int i = 0; i < addedJson.size(); i++) {
      JsonObject am = addedJson.getJsonObject(i);
      added[i] = Ids.get(am, "user_id");
      if (am.getValue("member") instanceof JsonObject member) {
        cache.members().put(g, member, null);
      }
      if (am.getValue("presence") instanceof JsonObject p && cache.wants(ResourceType.PRESENCE)
          && added[i] != 0) {
        g.presences.put(added[i], PresenceEntry.of(p));
      }
    }
    ThreadEntry t = g.threads.get(Ids.get(d, "id"));
    if (t == null) {
      cache.missed();
    } else {
      JsonObject before = t.toJson();
      JsonObject data = Blob.object(t.data);
      if (d.getValue("member_count") instanceof Number n) {
        data.put("member_count", n);
      }
      t.data = Blob.of(data);
      for (int i = 0; i < added.length; i++) {
        if (cache.users().isSelf(added[i])) {
          JsonObject tm = addedJson.getJsonObject(i).copy();
          tm.remove("member");
          tm.remove("presence");
          t.botMember = Blob.of(tm);
        }
      }
      for (long r : removed) {
        if (cache.users().isSelf(r)) {
          t.botMember = null;
        }
      }
      t.updateMembers(added, removed);
      out.update("THREAD_MEMBERS_UPDATE", g.id, before, t.toJson());
    }
    if (out.wanted()) {
      for (int i = 0; i < added.length; i++) {
        threadMember(cache, g, d, StateEvents.THREAD_MEMBER_JOIN, added[i],
            addedJson.getJsonObject(i).getValue("member"), out);
      }
      for (long r : removed) {
        threadMember(cache, g, d, StateEvents.THREAD_MEMBER_LEAVE, r, null, out);
      }
    }
  }

  private static void threadMember(Cache cache, GuildEntry g, JsonObject d, String name, long userId,
      Object payloadMember, Emitter out) {
    if (userId == 0) {
      return;
    }
    JsonObject body = new JsonObject().put("guild_id", Ids.str(g.id)).put("thread_id", d.getValue("id"))
        .put("user_id", Ids.str(userId));
    JsonObject member = Actors.member(cache, g, userId, payloadMember);
    JsonObject user = Actors.user(cache, userId, member);
    if (member != null) {
      body.put("member", member);
    }
    if (user != null) {
      body.put("user", user);
    }
    out.raw(name, g.id, body);
  }
}
