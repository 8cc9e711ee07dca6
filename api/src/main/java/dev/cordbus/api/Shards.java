package dev.cordbus.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Shard maths from the Discord docs (<a href="https://discord.com/developers/docs/events/gateway#sharding">Sharding</a>).
 * Pure functions, no Vert.x.
 */
public final class Shards {

  private Shards() {
  }

  /** {@code shard_id = (guild_id >> 22) % num_shards}. */
  public static int shardOf(long guildId, int shardCount) {
    if (shardCount <= 0) {
      throw new IllegalArgumentException("shardCount must be positive, was " + shardCount);
    }
    return (int) Long.remainderUnsigned(guildId >>> 22, shardCount);
  }

  /** Shard of a guild given as a snowflake string; events without a guild go to shard 0. */
  public static int shardOf(String guildId, int shardCount) {
    if (guildId == null) {
      return 0;
    }
    return shardOf(Snowflakes.parse(guildId), shardCount);
  }

  /** The identify rate-limit key of a shard: {@code shard_id % max_concurrency}. */
  public static int identifyBucket(int shardId, int maxConcurrency) {
    if (maxConcurrency <= 0) {
      throw new IllegalArgumentException("maxConcurrency must be positive, was " + maxConcurrency);
    }
    return shardId % maxConcurrency;
  }

  /**
   * Splits {@code shardCount} shards into {@code groups} contiguous groups as evenly as possible; group {@code g}
   * gets the returned list.
   */
  public static List<Integer> group(int group, int groups, int shardCount) {
    if (groups <= 0 || group < 0 || group >= groups) {
      throw new IllegalArgumentException("group " + group + " is not in [0," + groups + ")");
    }
    int base = shardCount / groups;
    int extra = shardCount % groups;
    int start = group * base + Math.min(group, extra);
    int size = base + (group < extra ? 1 : 0);
    List<Integer> ids = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ids.add(start + i);
    }
    return ids;
  }
}
