package dev.cordbus.state;

import dev.cordbus.state.channel.ChannelUpdater;
import dev.cordbus.state.channel.ThreadEntry;
import dev.cordbus.state.guild.GuildEntry;
import dev.cordbus.state.member.MemberEntry;
import dev.cordbus.state.member.MemberFactory;
import dev.cordbus.state.member.PresenceEntry;
import dev.cordbus.state.member.UserEntry;
import dev.cordbus.state.member.UserStore;
import dev.cordbus.state.message.MessageCache;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Interner;
import dev.cordbus.state.store.LongMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole cache: guilds and their children, users (one copy each), messages, the bot's own user and the shard
 * sessions. Plain data plus the operations several updaters share; touched only from the state verticle's event
 * loop, so no locking.
 */
public final class Cache {

  private final StateOptions options;
  private final Interner strings;
  private final UserStore users;
  private final LongMap<GuildEntry> guilds = new LongMap<>(64);
  /** Channel or thread id → its guild. */
  private final LongMap<GuildEntry> channelIndex = new LongMap<>(256);
  /** Channel id → the id of its last message, when newer than the channel's blob (see {@link #lastMessage}). */
  private final LongMap<Long> lastMessageIds = new LongMap<>(256);
  private final MessageCache messages;
  private final Map<Integer, ShardSession> shards = new HashMap<>();
  private UserEntry self;
  private long unknownTargets;

  /** An empty cache with that policy. */
  public Cache(StateOptions options) {
    this.options = options;
    this.strings = new Interner(options.internerSize());
    this.users = new UserStore(strings);
    this.messages = new MessageCache(
        options.wants(ResourceType.MESSAGE) ? options.messageCacheSize() : 0, options.messagesPerChannel());
  }

  public StateOptions options() {
    return options;
  }

  public Interner strings() {
    return strings;
  }

  public UserStore users() {
    return users;
  }

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

  /** The guild named by {@code d.guild_id} when it has data, else null (and the miss is counted). */
  public GuildEntry guildOf(JsonObject d) {
    GuildEntry g = guilds.get(Ids.get(d, "guild_id"));
    if (g == null || g.meta == null) {
      unknownTargets++;
      return null;
    }
    return g;
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

  /** The bot's user, or null before READY. */
  public UserEntry self() {
    return self;
  }

  /** Replaces the bot user from READY / USER_UPDATE. */
  public void self(JsonObject user) {
    UserEntry u = users.acquire(user);
    if (self != null) {
      users.release(self);
    }
    self = u;
  }

  /** Whether {@code userId} is the bot. */
  public boolean isSelf(long userId) {
    return self != null && self.id == userId;
  }

  // ----- channels -----

  /** The guild of a channel or thread id, or null. */
  public GuildEntry guildOfChannel(long channelId) {
    return channelIndex.get(channelId);
  }

  /**
   * Puts a channel (a copy with {@code guild_id} filled: dispatch bodies are shared with other consumers and never
   * changed here); returns the previous JSON or null.
   */
  public JsonObject putChannel(GuildEntry g, JsonObject channel) {
    long id = Ids.get(channel, "id");
    if (id == 0 || !options.wants(ResourceType.CHANNEL)) {
      return null;
    }
    JsonObject stored = channel.copy().put("guild_id", Ids.str(g.id));
    channelIndex.put(id, g);
    lastMessageIds.remove(id);
    return withLastMessage(id, g.channels.put(id, Blob.of(stored)));
  }

  /**
   * Records the last message of a channel or thread (MESSAGE_CREATE). For a channel it is kept beside the channel's
   * blob and merged in when the channel is read, so a message does not decode and re-encode its channel.
   */
  public void lastMessage(GuildEntry g, long channelId, long messageId) {
    if (g.channels.containsKey(channelId)) {
      lastMessageIds.put(channelId, messageId);
    } else if (g.threads.containsKey(channelId)) {
      ChannelUpdater.modify(this, g, channelId, ch -> ch.put("last_message_id", Ids.str(messageId)));
    }
  }

  /** A channel's JSON from its blob with the recorded last message id merged in; null when {@code b} is null. */
  public JsonObject withLastMessage(long channelId, byte[] b) {
    JsonObject ch = Blob.object(b);
    Long last = ch == null ? null : lastMessageIds.get(channelId);
    return last == null ? ch : ch.put("last_message_id", Ids.str(last));
  }

  /** The JSON of a channel (not a thread) of {@code g}, or null. */
  public JsonObject channelOnlyJson(GuildEntry g, long channelId) {
    return withLastMessage(channelId, g.channels.get(channelId));
  }

  /**
   * Stores a changed channel JSON (from {@link #channelOnlyJson}); the last message id it carries is now in the
   * blob.
   */
  public void replaceChannel(GuildEntry g, long channelId, JsonObject channel) {
    lastMessageIds.remove(channelId);
    g.channels.put(channelId, Blob.of(channel));
  }

  /** Removes a channel, its threads and its messages; returns its JSON or null. */
  public JsonObject removeChannel(GuildEntry g, long channelId) {
    JsonObject old = withLastMessage(channelId, g.channels.remove(channelId));
    lastMessageIds.remove(channelId);
    channelIndex.remove(channelId);
    messages.removeChannel(channelId);
    for (long tid : g.threads.sortedKeys()) {
      if (g.threads.get(tid).parentId == channelId) {
        removeThread(g, tid);
      }
    }
    return old;
  }

  /** Puts a thread; returns the previous one or null. */
  public ThreadEntry putThread(GuildEntry g, JsonObject thread) {
    long id = Ids.get(thread, "id");
    if (id == 0 || !options.wants(ResourceType.THREAD)) {
      return null;
    }
    thread = thread.copy().put("guild_id", Ids.str(g.id));
    ThreadEntry old = g.threads.get(id);
    if (old != null) {
      JsonObject before = old.toJson();
      old.set(thread);
      ThreadEntry snapshot = new ThreadEntry(before);
      snapshot.memberIds = Ids.array(before.getJsonArray("member_ids"));
      return snapshot;
    }
    g.threads.put(id, new ThreadEntry(thread));
    channelIndex.put(id, g);
    return null;
  }

  /** Removes a thread and its messages; returns it or null. */
  public ThreadEntry removeThread(GuildEntry g, long threadId) {
    ThreadEntry t = g.threads.remove(threadId);
    channelIndex.remove(threadId);
    messages.removeChannel(threadId);
    return t;
  }

  /** The channel or thread JSON of an id in a guild, or null. */
  public JsonObject channelJson(GuildEntry g, long id) {
    byte[] b = g.channels.get(id);
    if (b != null) {
      return withLastMessage(id, b);
    }
    ThreadEntry t = g.threads.get(id);
    return t == null ? null : t.toJson();
  }

  // ----- members -----

  /** Whether the policy keeps this user's member object in this guild. */
  public boolean keepsMember(GuildEntry g, long userId) {
    if (!options.wants(ResourceType.MEMBER)) {
      return isSelf(userId);
    }
    PresenceEntry p = g.presences.get(userId);
    boolean online = p != null && p.status() != PresenceEntry.Status.OFFLINE;
    return options.memberPolicy().keep(isSelf(userId), online, g.voiceStates.containsKey(userId));
  }

  /**
   * Upserts a member from a member object ({@code user} inside or given separately); merges present keys into an
   * existing member. Returns the member, or null when the policy drops it or the user has no id.
   */
  public MemberEntry putMember(GuildEntry g, JsonObject member, JsonObject user) {
    JsonObject u = user != null ? user : member.getJsonObject("user");
    long userId = Ids.get(u, "id");
    if (userId == 0) {
      return null;
    }
    MemberEntry m = g.members.get(userId);
    if (m == null) {
      if (!keepsMember(g, userId)) {
        users.update(u);
        return null;
      }
      m = MemberFactory.create(users, u);
      g.members.put(userId, m);
    } else {
      users.update(u);
    }
    m.merge(member, strings);
    return m;
  }

  /** Removes a member (and releases its user); returns it or null. */
  public MemberEntry removeMember(GuildEntry g, long userId) {
    MemberEntry m = g.members.remove(userId);
    if (m != null) {
      users.release(m.user);
    }
    return m;
  }

  // ----- guilds -----

  /** Drops every child of a guild (keeps the entry). */
  public void clearChildren(GuildEntry g) {
    g.members.forEachValue(m -> users.release(m.user));
    g.members.clear();
    g.presences.clear();
    g.voiceStates.clear();
    for (long id : g.channels.sortedKeys()) {
      channelIndex.remove(id);
      lastMessageIds.remove(id);
      messages.removeChannel(id);
    }
    for (long id : g.threads.sortedKeys()) {
      channelIndex.remove(id);
      messages.removeChannel(id);
    }
    g.channels.clear();
    g.threads.clear();
    g.roles.clear();
    g.scheduledEvents.clear();
    g.stageInstances.clear();
    g.sounds.clear();
    g.emojis = null;
    g.stickers = null;
  }

  /** Removes a guild and everything under it; returns it or null. */
  public GuildEntry removeGuild(long id) {
    GuildEntry g = guilds.remove(id);
    if (g != null) {
      clearChildren(g);
    }
    return g;
  }

  /** Adds or returns a guild entry. */
  public GuildEntry guildEntry(long id, int shard) {
    GuildEntry g = guilds.get(id);
    if (g == null) {
      g = new GuildEntry(id, shard);
      guilds.put(id, g);
    }
    g.shard = shard;
    return g;
  }

  // ----- views -----

  /** Counts of cached objects, overall or for one guild. */
  public JsonObject counts(GuildEntry only) {
    int[] c = new int[10];
    (only == null ? guilds.values() : java.util.List.of(only)).forEach(g -> {
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
      o.put("users", users.size()).put("messages", messages.size()).put("unknown_targets", unknownTargets)
          .put("interned_strings", strings.size());
    } else {
      o.put("member_count", only.memberCount);
    }
    return o;
  }

  /**
   * The full cache as JSON, deterministic (sorted by id): for tests comparing cache states and for debugging.
   */
  public JsonObject dump() {
    JsonObject out = new JsonObject();
    for (long gid : guilds.sortedKeys()) {
      GuildEntry g = guilds.get(gid);
      JsonObject j = g.toJson().put("status", g.status.name());
      JsonArray ch = new JsonArray();
      for (long id : g.channels.sortedKeys()) {
        ch.add(withLastMessage(id, g.channels.get(id)));
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
    return new JsonObject().put("guilds", out).put("self", self == null ? null : self.toJson())
        .put("users", users.size()).put("messages", new JsonArray(new java.util.ArrayList<>(messages.all())));
  }

  private static JsonArray blobs(LongMap<byte[]> map) {
    JsonArray a = new JsonArray();
    for (long id : map.sortedKeys()) {
      a.add(Blob.object(map.get(id)));
    }
    return a;
  }
}
