package dev.cordbus.gateway.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * What the gateway verticles of one node (one Vert.x instance) share about their groups, in node-local maps: how
 * many groups they hold or are claiming (so the node claims its share, not one group per verticle), and when the node
 * last handed each group off (so it does not take a group back right after giving it away).
 */
final class NodeHolds {

  /** Per-node local map counting the groups this node's verticles hold or are claiming. */
  static final String LOCAL = "cordbus.gateway.held";
  /** Node-local map: when this node last handed each group off (monotonic nanos). */
  static final String HANDED_OFF = "cordbus.gateway.handed-off";
  /** Node-local map: the lease map as this node's holders last read it. */
  static final String LEASES = "cordbus.gateway.leases-seen";

  private final String nodeId;
  private final long cooldownNanos;
  private final LocalMap<String, Integer> held;
  private final LocalMap<String, Long> handedOff;
  private final LocalMap<String, Snapshot> leases;

  /** @param cooldownMs how long after a handoff this node leaves the group to the others */
  NodeHolds(Vertx vertx, String nodeId, long cooldownMs) {
    this.nodeId = nodeId;
    this.cooldownNanos = cooldownMs * 1_000_000L;
    this.held = vertx.sharedData().getLocalMap(LOCAL);
    this.handedOff = vertx.sharedData().getLocalMap(HANDED_OFF);
    this.leases = vertx.sharedData().getLocalMap(LEASES);
  }

  /** Keeps {@code entries}, the lease map as read now, for the node's claims. */
  void leases(java.util.Map<String, String> entries) {
    leases.put(LEASES, new Snapshot(java.util.Map.copyOf(entries), System.nanoTime()));
  }

  /** The lease map as this node last read it, if that was at most {@code maxAgeMs} ago; else null. */
  java.util.Map<String, String> recentLeases(long maxAgeMs) {
    Snapshot s = leases.get(LEASES);
    return s == null || System.nanoTime() - s.atNanos() > maxAgeMs * 1_000_000L ? null : s.entries();
  }

  /** Counts one more group for this node; returns the count before, or -1 if another verticle changed it meanwhile. */
  int reserve() {
    Integer before = held.putIfAbsent(nodeId, 1);
    if (before == null) {
      return 0;
    }
    return held.replaceIfPresent(nodeId, before, before + 1) ? before : -1;
  }

  /** Counts one group less (a claim failed, or a held group was lost, handed off or released). */
  void release() {
    held.computeIfPresent(nodeId, (k, v) -> Math.max(0, v - 1));
  }

  /** Notes that this node handed {@code group} off now. */
  void handedOff(String group) {
    handedOff.put(group, System.nanoTime());
  }

  /** Whether this node handed {@code group} off within the cooldown. */
  boolean recentlyHandedOff(String group) {
    Long at = handedOff.get(group);
    return at != null && System.nanoTime() - at < cooldownNanos;
  }

  /** An immutable reading of the lease map, shared by the node's verticles. */
  private record Snapshot(java.util.Map<String, String> entries, long atNanos)
      implements io.vertx.core.shareddata.Shareable {
  }
}
