package dev.cordbus.state.cache;

import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Interner;
import dev.cordbus.state.store.LongMap;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole cache: one store per resource (guilds with their children, channels, members, users, messages, shard
 * sessions) and the rules that span several of them (removing a guild or a channel removes what hangs under it).
 * Imports nothing but the byte-level {@code store} helpers; the updaters above change it, the queries read it.
 * Touched only from the state verticle's event loop, so no locking.
 */
public final class Cache {

  private final CachePolicy policy;
  private final Interner strings;
  private final UserStore users;
  private final LongMap<GuildEntry> guilds = new LongMap<>(64);
  private final ChannelStore channels = new ChannelStore();
  private final MemberStore members;
  private final MessageCache messages;
  private final Map<Integer, ShardSession> shards = new HashMap<>();
  private long unknownTargets;

  /** An empty cache with that policy. */
  public Cache(CachePolicy policy) {
    this.policy = policy;
    this.strings = new Interner(policy.internerSize());
    this.users = new UserStore();
    this.members = new MemberStore(policy, users, strings);
    this.messages = new MessageCache(
        policy.wants(ResourceType.MESSAGE) ? policy.messageCacheSize() : 0, policy.messagesPerChannel());
  }

  /** What is cached. */
  public CachePolicy policy() {
    return policy;
  }

  /** Whether resources of that type are cached. */
  public boolean wants(ResourceType type) {
    return policy.wants(type);
  }

  /** The shared strings. */
  public Interner strings() {
    return strings;
  }

  /** Users (and the bot's own). */
  public UserStore users() {
    return users;
  }

  /** Channels and threads. */
  public ChannelStore channels() {
    return channels;
  }

  /** Members. */
  public MemberStore members() {
    return members;
  }

  /** Messages. */
  public MessageCache messages() {
    return messages;
  }

  /** Every guild (any status). */
  public LongMap<GuildEntry> guilds() {
    return guilds;
  }

  /** The guild, or null. */
  public GuildEntry guild(long id) {
    return guilds.get(id);
  }

  /** The guild {@code id} when it has data, else null (and the miss is counted). */
  public GuildEntry loadedGuild(long id) {
    GuildEntry g = guilds.get(id);
    if (g == null || g.meta == null) {
      unknownTargets++;
      return null;
    }
    return g;
  }

  /** The guild named by {@code d.guild_id} when it has data, else null (and the miss is counted). */
  public GuildEntry guildOf(JsonObject d) {
    return loadedGuild(Ids.get(d, "guild_id"));
  }

  /** Adds or returns a guild entry (now on {@code shard}). */
  public GuildEntry guildEntry(long id, int shard) {
    GuildEntry g = guilds.get(id);
    if (g == null) {
      g = new GuildEntry(id, shard);
      guilds.put(id, g);
    }
    g.shard = shard;
    return g;
  }

  /** Removes a guild and everything under it; returns it or null. */
  public GuildEntry removeGuild(long id) {
    GuildEntry g = guilds.remove(id);
    if (g != null) {
      clearChildren(g);
    }
    return g;
  }

  /** Drops every child of a guild (keeps the entry). */
  public void clearChildren(GuildEntry g) {
    members.clear(g);
    g.presences.clear();
    g.voiceStates.clear();
    for (long id : g.channels.sortedKeys()) {
      channels.remove(g, id);
      messages.removeChannel(id);
    }
    for (long id : g.threads.sortedKeys()) {
      channels.removeThread(g, id);
      messages.removeChannel(id);
    }
    g.roles.clear();
    g.scheduledEvents.clear();
    g.stageInstances.clear();
    g.sounds.clear();
    g.emojis = null;
    g.stickers = null;
  }

  /** Removes a channel, its threads and its messages; returns its JSON or null. */
  public JsonObject removeChannel(GuildEntry g, long channelId) {
    JsonObject old = channels.remove(g, channelId);
    messages.removeChannel(channelId);
    for (long tid : g.threads.sortedKeys()) {
      if (g.threads.get(tid).parentId == channelId) {
        removeThread(g, tid);
      }
    }
    return old;
  }

  /** Removes a thread and its messages; returns it or null. */
  public ThreadEntry removeThread(GuildEntry g, long threadId) {
    messages.removeChannel(threadId);
    return channels.removeThread(g, threadId);
  }

  /** Counts a dispatch that named something not cached. */
  public void missed() {
    unknownTargets++;
  }

  /** Dispatches that named an unknown guild, channel, member or message (and were dropped or partly applied). */
  public long unknownTargets() {
    return unknownTargets;
  }

  /** The session of a shard (created on first use). */
  public ShardSession shard(int shard) {
    return shards.computeIfAbsent(shard, ShardSession::new);
  }

  /** Every known shard session. */
  public Map<Integer, ShardSession> shards() {
    return shards;
  }

  /** Counts of cached objects, overall or for one guild. */
  public JsonObject counts(GuildEntry only) {
    return CacheViews.counts(this, only);
  }

  /** The full cache as JSON, deterministic (sorted by id): for tests comparing cache states and for debugging. */
  public JsonObject dump() {
    return CacheViews.dump(this);
  }
}
