package dev.cordbus.gateway.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@code "group": "auto"} splits shards: {@code groups} groups of consecutive shard ids, the first
 * {@code shardCount % groups} groups one shard larger. Pure.
 */
public final class GroupLayout {

  private GroupLayout() {
  }

  /** The shard ids of group {@code index} (0-based) of {@code groups} over {@code shardCount} shards. */
  public static List<Integer> shardsOf(int index, int groups, int shardCount) {
    if (groups < 1 || index < 0 || index >= groups || shardCount < groups) {
      throw new IllegalArgumentException("group " + index + " of " + groups + " over " + shardCount + " shards");
    }
    int base = shardCount / groups;
    int extra = shardCount % groups;
    int from = index * base + Math.min(index, extra);
    int size = base + (index < extra ? 1 : 0);
    List<Integer> ids = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ids.add(from + i);
    }
    return ids;
  }

  /** The name of auto group {@code index}, as it appears in lifecycle messages and lease keys. */
  public static String name(int index, int groups) {
    return "group-" + index + "-of-" + groups;
  }
}
