package dev.cordbus.gateway.cluster;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebalancing decision, pure: whether the verticle {@code owner} should hand its group to an emptier node. Only
 * when its node holds more than {@code floor(groups / members)} groups while some member holds fewer, its node is the
 * fullest of the cluster (the smallest node id among equals: one handoff at a time in the whole cluster), and
 * {@code owner} is the greatest owner string of its node (one handoff per node).
 */
public final class Rebalance {

  private Rebalance() {
  }

  /**
   * @param entries the lease map ({@code group.<name>} -> encoded {@link Lease})
   * @param members the gateway nodes of the cluster
   * @param groups the names of the groups being spread
   */
  public static boolean shouldHandOff(Map<String, String> entries, List<String> members, List<String> groups,
      String nodeId, String owner, long nowMs, long skewMs) {
    Map<String, Integer> perNode = new HashMap<>();
    members.forEach(n -> perNode.put(n, 0));
    String greatestHere = null;
    for (Map.Entry<String, String> e : entries.entrySet()) {
      Lease l = Lease.decode(e.getValue());
      if (l == null || l.claimable(nowMs, skewMs) || !e.getKey().startsWith("group.")
          || !groups.contains(e.getKey().substring(6))) {
        continue;
      }
      perNode.computeIfPresent(l.node(), (k, v) -> v + 1);
      if (l.node().equals(nodeId) && (greatestHere == null || l.owner().compareTo(greatestHere) > 0)) {
        greatestHere = l.owner();
      }
    }
    int share = groups.size() / Math.max(1, members.size());
    boolean someoneShort = perNode.values().stream().anyMatch(c -> c < share);
    String fullest = perNode.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    return perNode.getOrDefault(nodeId, 0) > share && someoneShort && owner.equals(greatestHere)
        && nodeId.equals(fullest);
  }
}
