package dev.cordbus.api.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The state groups announced in {@link dev.cordbus.api.state.StateAddresses#LAYOUT_MAP}: which shard ids each
 * partitioned state verticle owns, and the shard count. Pure value.
 *
 * @param shardCount the total number of shards (0 when no group is announced)
 * @param groups the shard ids of each group
 */
public record StateLayout(int shardCount, List<List<Integer>> groups) {

  /** No partitioned state verticle: queries use the plain addresses. */
  public static final StateLayout NONE = new StateLayout(0, List.of());

  /** The layout of the announced entries {@code {group, shards:[...], shardCount}}; malformed entries are skipped. */
  public static StateLayout of(Collection<?> entries) {
    int count = 0;
    List<List<Integer>> groups = new ArrayList<>();
    for (Object o : entries) {
      if (!(o instanceof JsonObject e) || !(e.getValue("shards") instanceof JsonArray a)
          || !(e.getValue("shardCount") instanceof Number n) || n.intValue() <= 0) {
        continue;
      }
      List<Integer> ids = new ArrayList<>();
      for (Object id : a) {
        if (id instanceof Number in && in.intValue() >= 0 && in.intValue() < n.intValue()) {
          ids.add(in.intValue());
        }
      }
      if (!ids.isEmpty()) {
        count = Math.max(count, n.intValue());
        groups.add(List.copyOf(new TreeSet<>(ids)));
      }
    }
    return groups.isEmpty() ? NONE : new StateLayout(count, List.copyOf(groups));
  }

  /** Whether partitioned state verticles are announced. */
  public boolean partitioned() {
    return !groups.isEmpty();
  }

  /** Shard ids below the shard count that no announced group owns. */
  public List<Integer> uncovered() {
    TreeSet<Integer> missing = new TreeSet<>();
    for (int i = 0; i < shardCount; i++) {
      missing.add(i);
    }
    groups.forEach(missing::removeAll);
    return List.copyOf(missing);
  }

  /** The lowest shard id of each group (a scatter sends one request per group there). */
  public List<Integer> onePerGroup() {
    return groups.stream().map(g -> g.get(0)).distinct().toList();
  }
}
