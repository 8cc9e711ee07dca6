package dev.cordbus.gateway.cluster;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebalancing decision, pure: whether the verticle {@code owner} should hand its group to an emptier node. Only
 * when every group is held (a free group goes to an emptier node before anything else moves), its node holds more
 * than {@code floor(groups / members)} groups while some member holds fewer, its node is the fullest of the cluster
 * (the smallest node id among equals: one handoff at a time in the whole cluster), and {@code owner} is the greatest
 * owner string of its node (one handoff per node).
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
    Map<String, Integer> perNode = heldPerNode(entries, members, groups, nowMs, skewMs);
    List<String> live = live(entries, groups, nowMs, skewMs);
    if (live.size() < groups.size()) {
      return false; // a group is free (handed off a moment ago, or its holder died): it goes to an emptier node first
    }
    String greatestHere = null;
    for (String encoded : live) {
      Lease l = Lease.decode(encoded);
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

  /**
   * The fewest groups any of {@code members} holds by live lease: a node holding more than that leaves a free group
   * to the emptier node for a moment (a handed-off group goes to the node it was handed to, not back to a neighbour).
   */
  public static int fewestHeld(Map<String, String> entries, List<String> members, List<String> groups, long nowMs,
      long skewMs) {
    return heldPerNode(entries, members, groups, nowMs, skewMs).values().stream().mapToInt(Integer::intValue).min()
        .orElse(0);
  }

  /**
   * How long a group must have been free before a node holding {@code heldHere} groups takes it: nothing below the
   * {@code share}, else half a renew period per group above it; and longer while another gateway node holds fewer
   * groups than this one, so the group a fuller node handed off goes to the node it was meant for (a new or emptier
   * one), not to a neighbour that would only have to hand it on again. {@code entries} is the lease map as this
   * node's holders last read it (null: not known, no yielding); a claim makes no cluster-wide read, which would wait
   * while Hazelcast migrates a dead member's partitions, just when failover must be fast.
   */
  public static long claimWaitMs(Map<String, String> entries, List<String> members, List<String> groups,
      int heldHere, int share, long renewMs, long nowMs, long skewMs) {
    long waitMs = heldHere < share ? 0 : renewMs / 2 * (1 + heldHere - share);
    if (heldHere == 0 || members.size() < 2 || entries == null) {
      return waitMs;
    }
    int fewest = fewestHeld(entries, members, groups, nowMs, skewMs);
    return heldHere > fewest ? Math.max(waitMs, renewMs / 2 * (1 + heldHere - fewest)) : waitMs;
  }

  private static Map<String, Integer> heldPerNode(Map<String, String> entries, List<String> members,
      List<String> groups, long nowMs, long skewMs) {
    Map<String, Integer> perNode = new HashMap<>();
    members.forEach(n -> perNode.put(n, 0));
    for (String encoded : live(entries, groups, nowMs, skewMs)) {
      perNode.computeIfPresent(Lease.decode(encoded).node(), (k, v) -> v + 1);
    }
    return perNode;
  }

  /** The encoded leases of {@code groups} that are held and not expired. */
  private static List<String> live(Map<String, String> entries, List<String> groups, long nowMs, long skewMs) {
    List<String> out = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      Lease l = Lease.decode(e.getValue());
      if (l != null && !l.claimable(nowMs, skewMs) && e.getKey().startsWith("group.")
          && groups.contains(e.getKey().substring(6))) {
        out.add(e.getValue());
      }
    }
    return out;
  }
}
