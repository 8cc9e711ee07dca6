package dev.cordbus.gateway.cluster;

import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches, every {@value #POLL_MS} ms on the claimer's event loop, two things a lease holder must react to at once
 * rather than after a lease TTL:
 * <ul>
 *   <li>membership: Hazelcast removes a member whose process died about a second after its sockets closed (and a
 *       silent one after {@code max-no-heartbeat}); a removed holder's groups may then be claimed, and a node left
 *       with fewer than {@code minNodes} gateway members gives its own groups up;</li>
 *   <li>stalls: a gap of more than {@code stallLimitMs} between two ticks means this node was frozen and may have
 *       been removed meanwhile. The {@link LeaseGuard} is refreshed by each normal tick, so it is invalid from the
 *       first instant after a stall, before this watch has run.</li>
 * </ul>
 * Reads the member list through {@link ClusterNodes} (Vert.x's cluster manager, a local read).
 */
public final class ClusterWatch {

  /** How often membership and liveness are checked. */
  public static final long POLL_MS = 100;


  private final Vertx vertx;
  private final ClusterNodes nodes;
  private final LeaseGuard guard;
  private final long stallLimitNanos;
  private final java.util.function.LongConsumer stalled;
  private final java.util.function.BiConsumer<Set<String>, List<String>> membersChanged;
  private Set<String> members;
  private long lastNanos;
  private long timer = -1;

  /**
   * @param stalled what the claimer does when this node's event loop did not run for the given milliseconds
   * @param membersChanged what it does when members left (the first argument) or joined; the second is the list now
   */
  public ClusterWatch(Vertx vertx, ClusterNodes nodes, LeaseGuard guard, long stallLimitMs,
      java.util.function.LongConsumer stalled,
      java.util.function.BiConsumer<Set<String>, List<String>> membersChanged) {
    this.vertx = vertx;
    this.nodes = nodes;
    this.guard = guard;
    this.stallLimitNanos = stallLimitMs * 1_000_000L;
    this.stalled = stalled;
    this.membersChanged = membersChanged;
  }

  /** Starts polling on the caller's context. */
  public void start() {
    members = new HashSet<>(nodes.members());
    lastNanos = System.nanoTime();
    guard.alive(lastNanos);
    timer = vertx.setPeriodic(POLL_MS, t -> poll());
  }

  /** Stops polling. */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void poll() {
    long now = System.nanoTime();
    long gap = now - lastNanos;
    lastNanos = now;
    if (gap > stallLimitNanos) {
      // the guard stays stale (invalid) until the claimer has given the groups up
      stalled.accept(gap / 1_000_000);
    }
    guard.alive(now);
    List<String> current = nodes.members();
    if (current.size() != members.size() || !members.containsAll(current)) {
      Set<String> removed = new HashSet<>(members);
      removed.removeAll(current);
      members = new HashSet<>(current);
      membersChanged.accept(removed, current);
    }
  }
}
