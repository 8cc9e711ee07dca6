package dev.cordbus.state;

import dev.cordbus.api.config.OptionReader;
import dev.cordbus.state.cache.CachePolicy;
import dev.cordbus.state.cache.MemberPolicy;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.partition.PartitionConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Options of the {@link StateVerticle}, parsed once from its JSON config with the shared
 * {@link OptionReader} rules (whole numbers only, every bad field named in one {@link StateException} of kind
 * BAD_CONFIG); options built with the setters are checked by {@link #validate()}.
 *
 * <table>
 * <caption>config keys</caption>
 * <tr><td>resources</td><td>array of {@link ResourceType} names to cache (default all)</td></tr>
 * <tr><td>memberPolicy</td><td>ALL, ONLINE, VOICE or NONE (default ALL)</td></tr>
 * <tr><td>messageCacheSize</td><td>total cached messages, LRU out (default 1000; 0 = none)</td></tr>
 * <tr><td>messagesPerChannel</td><td>cached messages per channel (default 100)</td></tr>
 * <tr><td>shards</td><td>shard ids whose dispatches this verticle applies (default: all)</td></tr>
 * <tr><td>shardCount</td><td>total shard count; set it to run partitioned: queries on per-shard addresses, the
 *     group announced in the cluster, REBUILDING until each shard's cache is whole (default 0: all-shards mode)</td></tr>
 * <tr><td>group</td><td>name of the group in the layout map (default {@code shards-<first>-<last>})</td></tr>
 * <tr><td>rebuildCheckMs</td><td>how often a partitioned verticle checks for shards it has no READY of and asks
 *     their gateway to re-identify (default 2000)</td></tr>
 * <tr><td>rebuildGraceMs</td><td>no re-identify request in the first ms after start: a READY published while the
 *     cluster was learning our consumers may still arrive (default 3000)</td></tr>
 * <tr><td>rebuildStallMs</td><td>re-identify a shard whose READY guilds stopped arriving for this long; also the
 *     least time between two re-identify requests for one shard (default 30000)</td></tr>
 * <tr><td>requestMembersTimeoutMs</td><td>how long a member request waits for all chunks (default 30000)</td></tr>
 * <tr><td>publishEvents</td><td>publish {@code discord.state.*} events (default true)</td></tr>
 * <tr><td>chunkGuilds</td><td>ask the gateway for every member of a guild whose GUILD_CREATE brought fewer members
 *     than its {@code member_count} (a "large" guild), as JDA's {@code ChunkingFilter.ALL} does; needs the
 *     GUILD_MEMBERS intent and memberPolicy ALL (default false)</td></tr>
 * </table>
 */
public final class StateOptions implements CachePolicy, PartitionConfig {

  public static final int DEFAULT_MESSAGE_CACHE_SIZE = 1000;
  public static final int DEFAULT_MESSAGES_PER_CHANNEL = 100;
  public static final long DEFAULT_REQUEST_MEMBERS_TIMEOUT_MS = 30_000;
  public static final MemberPolicy DEFAULT_MEMBER_POLICY = MemberPolicy.ALL;
  public static final int DEFAULT_INTERNER_SIZE = 200_000;
  public static final long DEFAULT_REBUILD_CHECK_MS = 2_000;
  public static final long DEFAULT_REBUILD_GRACE_MS = 3_000;
  public static final long DEFAULT_REBUILD_STALL_MS = 30_000;

  private Set<ResourceType> resources = EnumSet.allOf(ResourceType.class);
  private MemberPolicy memberPolicy = DEFAULT_MEMBER_POLICY;
  private int messageCacheSize = DEFAULT_MESSAGE_CACHE_SIZE;
  private int messagesPerChannel = DEFAULT_MESSAGES_PER_CHANNEL;
  private List<Integer> shards = null;
  private int shardCount = 0;
  private String group = null;
  private long rebuildCheckMs = DEFAULT_REBUILD_CHECK_MS;
  private long rebuildGraceMs = DEFAULT_REBUILD_GRACE_MS;
  private long rebuildStallMs = DEFAULT_REBUILD_STALL_MS;
  private long requestMembersTimeoutMs = DEFAULT_REQUEST_MEMBERS_TIMEOUT_MS;
  private boolean publishEvents = true;
  private boolean chunkGuilds;
  private int internerSize = DEFAULT_INTERNER_SIZE;

  /** Defaults. */
  public StateOptions() {
  }

  /** Parses a config object; one {@link StateException} (BAD_CONFIG) names every bad field. */
  public StateOptions(JsonObject json) {
    OptionReader r = new OptionReader(json);
    resources = r.setOf("resources", ResourceType.class, resources);
    memberPolicy = r.oneOf("memberPolicy", MemberPolicy.class, memberPolicy);
    messageCacheSize = r.intValue("messageCacheSize", messageCacheSize, 0, Integer.MAX_VALUE);
    messagesPerChannel = r.intValue("messagesPerChannel", messagesPerChannel, 0, Integer.MAX_VALUE);
    internerSize = r.intValue("internerSize", internerSize, 0, Integer.MAX_VALUE);
    requestMembersTimeoutMs = r.longValue("requestMembersTimeoutMs", requestMembersTimeoutMs, 1, Long.MAX_VALUE);
    publishEvents = r.bool("publishEvents", publishEvents);
    chunkGuilds = r.bool("chunkGuilds", chunkGuilds);
    shardCount = r.intValue("shardCount", shardCount, 0, Integer.MAX_VALUE);
    shards = r.intList("shards", 0, shardCount > 0 ? shardCount - 1 : Integer.MAX_VALUE);
    rebuildCheckMs = r.longValue("rebuildCheckMs", rebuildCheckMs, 1, Long.MAX_VALUE);
    rebuildGraceMs = r.longValue("rebuildGraceMs", rebuildGraceMs, 0, Long.MAX_VALUE);
    rebuildStallMs = r.longValue("rebuildStallMs", rebuildStallMs, 1, Long.MAX_VALUE);
    group = r.string("group", null);
    r.throwIfInvalid("state", message -> new StateException(StateException.Kind.BAD_CONFIG, message, null));
  }

  private static StateException bad(String field, String what, Throwable cause) {
    return new StateException(StateException.Kind.BAD_CONFIG, "state config field '" + field + "' " + what, cause);
  }

  /** Checks ranges; throws naming the field. */
  public StateOptions validate() {
    if (messageCacheSize < 0) {
      throw bad("messageCacheSize", "must be >= 0", null);
    }
    if (messagesPerChannel < 0) {
      throw bad("messagesPerChannel", "must be >= 0", null);
    }
    if (requestMembersTimeoutMs <= 0) {
      throw bad("requestMembersTimeoutMs", "must be > 0", null);
    }
    if (shardCount < 0) {
      throw bad("shardCount", "must be >= 0", null);
    }
    if (shardCount > 0 && shards != null) {
      for (int id : shards) {
        if (id < 0 || id >= shardCount) {
          throw bad("shards", "holds shard " + id + " outside [0," + shardCount + ")", null);
        }
      }
    }
    if (rebuildCheckMs <= 0) {
      throw bad("rebuildCheckMs", "must be > 0", null);
    }
    if (rebuildGraceMs < 0) {
      throw bad("rebuildGraceMs", "must be >= 0", null);
    }
    if (rebuildStallMs <= 0) {
      throw bad("rebuildStallMs", "must be > 0", null);
    }
    if (internerSize < 0) {
      throw bad("internerSize", "must be >= 0", null);
    }
    return this;
  }

  /** Whether a resource type is cached. */
  @Override
  public boolean wants(ResourceType type) {
    return resources.contains(type);
  }

  public Set<ResourceType> resources() {
    return resources;
  }

  public StateOptions resources(Set<ResourceType> r) {
    this.resources = r.isEmpty() ? EnumSet.noneOf(ResourceType.class) : EnumSet.copyOf(r);
    return this;
  }

  @Override
  public MemberPolicy memberPolicy() {
    return memberPolicy;
  }

  public StateOptions memberPolicy(MemberPolicy p) {
    this.memberPolicy = p;
    return this;
  }

  @Override
  public int messageCacheSize() {
    return messageCacheSize;
  }

  public StateOptions messageCacheSize(int n) {
    this.messageCacheSize = n;
    return this;
  }

  @Override
  public int messagesPerChannel() {
    return messagesPerChannel;
  }

  public StateOptions messagesPerChannel(int n) {
    this.messagesPerChannel = n;
    return this;
  }

  /** The shard ids applied, or null for all. */
  public List<Integer> shards() {
    return shards;
  }

  public StateOptions shards(List<Integer> s) {
    this.shards = s == null ? null : List.copyOf(s);
    return this;
  }

  /** The total shard count of a partitioned verticle, 0 in all-shards mode. */
  @Override
  public int shardCount() {
    return shardCount;
  }

  public StateOptions shardCount(int n) {
    this.shardCount = n;
    return this;
  }

  /** Whether this verticle runs partitioned (a {@code shardCount} is configured). */
  public boolean partitioned() {
    return shardCount > 0;
  }

  /** The shard ids a partitioned verticle owns: {@code shards}, or all of {@code shardCount}. */
  @Override
  public List<Integer> ownedShards() {
    if (shards != null) {
      return shards;
    }
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < shardCount; i++) {
      all.add(i);
    }
    return all;
  }

  /** The group name announced in the layout map. */
  @Override
  public String group() {
    if (group != null) {
      return group;
    }
    List<Integer> owned = ownedShards();
    return owned.isEmpty() ? "shards-none" : "shards-" + owned.get(0) + "-" + owned.get(owned.size() - 1);
  }

  @Override
  public long rebuildCheckMs() {
    return rebuildCheckMs;
  }

  @Override
  public long rebuildGraceMs() {
    return rebuildGraceMs;
  }

  @Override
  public long rebuildStallMs() {
    return rebuildStallMs;
  }

  public long requestMembersTimeoutMs() {
    return requestMembersTimeoutMs;
  }

  public StateOptions requestMembersTimeoutMs(long ms) {
    this.requestMembersTimeoutMs = ms;
    return this;
  }

  public boolean publishEvents() {
    return publishEvents;
  }

  public StateOptions publishEvents(boolean p) {
    this.publishEvents = p;
    return this;
  }

  /** Whether every member of a large guild is requested when it becomes available. */
  public boolean chunkGuilds() {
    return chunkGuilds;
  }

  public StateOptions chunkGuilds(boolean c) {
    this.chunkGuilds = c;
    return this;
  }

  @Override
  public int internerSize() {
    return internerSize;
  }

  /** The options as config JSON. */
  public JsonObject toJson() {
    JsonArray r = new JsonArray();
    resources.forEach(t -> r.add(t.name()));
    JsonObject o = new JsonObject()
        .put("resources", r)
        .put("memberPolicy", memberPolicy.name())
        .put("messageCacheSize", messageCacheSize)
        .put("messagesPerChannel", messagesPerChannel)
        .put("requestMembersTimeoutMs", requestMembersTimeoutMs)
        .put("publishEvents", publishEvents)
        .put("internerSize", internerSize);
    if (shards != null) {
      o.put("shards", new JsonArray(new ArrayList<>(shards)));
    }
    if (shardCount > 0) {
      o.put("shardCount", shardCount).put("group", group()).put("rebuildCheckMs", rebuildCheckMs)
          .put("rebuildGraceMs", rebuildGraceMs).put("rebuildStallMs", rebuildStallMs);
    }
    return o;
  }
}
