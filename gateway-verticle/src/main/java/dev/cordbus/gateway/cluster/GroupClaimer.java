package dev.cordbus.gateway.cluster;

import dev.cordbus.gateway.config.ClusterOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims one shard group for a gateway verticle through a lease in a Vert.x cluster map, renews it, and reports
 * gain and loss. Each tick ({@code leaseRenewMs}) a holder renews by compare-and-set; a standby verticle looks for
 * a free or expired group. A group is never run by two verticles: the holder's {@link LeaseGuard} (local monotonic
 * clock, from the time the renewal was SENT) runs out no later than the stored expiry, and a claimant waits until
 * the stored expiry plus {@code clockSkewMs}.
 *
 * <p>Failover: the lease is the record of ownership, and a lease whose holder's node is no longer a cluster member
 * may be taken at once ({@link ClusterWatch} notices the removal within {@value ClusterWatch#POLL_MS} ms and triggers
 * a claim), so a crashed node's groups move about a second after it died instead of after the TTL. The TTL path stays
 * for a holder that is still a member but stopped renewing. A holder gives its groups up by itself when it was
 * stalled longer than {@code stallLimitMs} (it may have been removed meanwhile) or when fewer than {@code minNodes}
 * gateway nodes are left in its view of the cluster (it is on the minority side of a partition).
 *
 * <p>Spreading: nothing is claimed before the cluster has {@code minNodes} members. A node holding fewer than
 * {@code ceil(groups / members)} groups (one, in its first {@value #SETTLE_MS} ms, while others may still be joining)
 * claims a free group at once, unless another gateway node holds fewer groups than it does; otherwise it waits until
 * the group has been seen free for {@code leaseRenewMs / 2 × (1 + groups it holds above the share, or above the
 * emptiest node)}, which lets emptier nodes go first; the holder side rebalances down to {@code floor(groups /
 * members)}, one handoff at a time.
 * Runs on the verticle's context.
 */
public final class GroupClaimer {

  private static final Logger LOG = LoggerFactory.getLogger(GroupClaimer.class);
  /** The cluster map of group leases. */
  public static final String MAP = "cordbus.gateway.leases";
  /** The cluster map of nodes that run gateway verticles (entries expire a lease TTL after the last tick). */
  public static final String NODES = "cordbus.gateway.nodes";

  private final Vertx vertx;
  private final ClusterOptions options;
  private final List<String> groups;
  private final ClusterNodes nodes;
  private final String owner;
  private final GroupListener listener;
  private final LeaseGuard guard;
  private final ClusterWatch watch;
  private final GatewayNodeList gateways;
  private final Map<String, Long> freeSince = new HashMap<>();
  private final NodeHolds holds;
  private Future<AsyncMap<String, String>> map;
  private String group;
  private volatile Lease lease;
  private boolean busy;
  private io.vertx.core.eventbus.MessageConsumer<String> freed;
  /** A member left since this verticle started: failover claims take a full share at once. */
  private boolean memberLeft;
  /** A membership change arrived while a step was under way: run another step right after. */
  private boolean again;
  private boolean stopped;
  private long timer = -1;
  /** After a start, how long a node takes one group at a time (the other nodes may still be joining). */
  static final long SETTLE_MS = 10_000;
  /** How long a node that woke up from a stall stays out of claiming. */
  static final long QUARANTINE_MS = 10_000;
  private long quarantineUntilNanos = System.nanoTime();
  private final long startedNanos = System.nanoTime();
  /**
   * No group is handed off within this long of a change of the cluster's members (see {@link #rebalance(List)}); a
   * node's start counts as one.
   */
  static final long REBALANCE_QUIET_MS = 3_000;
  private long membersChangedNanos = startedNanos;

  /**
   * @param groups the group names this verticle may claim (one for a fixed group)
   * @param owner this verticle's unique owner string
   */
  public GroupClaimer(Vertx vertx, ClusterOptions options, List<String> groups, ClusterNodes nodes, String owner,
      GroupListener listener) {
    this.vertx = vertx;
    this.options = options;
    this.groups = List.copyOf(groups);
    this.nodes = nodes;
    this.owner = owner;
    this.listener = listener;
    this.holds = new NodeHolds(vertx, nodes.nodeId(), 3 * options.leaseRenewMs());
    this.gateways = new GatewayNodeList(vertx, nodes, options.leaseTtlMs());
    this.guard = new LeaseGuard(options.stallLimitMs());
    this.watch = new ClusterWatch(vertx, nodes, guard, options.stallLimitMs(), this::onStall, this::onMembersChanged);
  }

  /** The epoch of the held lease (0 when none is held); read from any thread for metrics. */
  public long epoch() {
    Lease held = lease;
    return held == null ? 0 : held.epoch();
  }

  /** The guard the shards check before sending. */
  public LeaseGuard guard() {
    return guard;
  }

  /** The held group, or null. */
  public String group() {
    return group;
  }

  /** Starts ticking; the first claim attempt happens at once. */
  public void start() {
    map = vertx.sharedData().getAsyncMap(MAP);
    gateways.start();
    watch.start();
    freed = vertx.eventBus().<String>consumer(dev.cordbus.api.Addresses.GATEWAY_LEASE_FREED, m -> {
      if (group == null && !stopped) {
        step();
      }
    });
    tick();
    timer = vertx.setPeriodic(options.leaseRenewMs(), t -> tick());
  }

  private void tick() {
    if (stopped) {
      return;
    }
    if (group != null && !guard.valid()) {
      lose("the lease could not be proven (not renewed within " + options.leaseTtlMs() + " ms, or this node stalled)");
      return;
    }
    gateways.announce();
    step();
  }

  /** Renews the held lease or tries to claim one; one step at a time. */
  private void step() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    Future<?> step = group != null ? renew() : claim();
    step.onComplete(ar -> {
      busy = false;
      if (ar.failed()) {
        LOG.debug("lease step failed: {}", ar.cause().toString());
      }
      if (again && !stopped) {
        step();
      }
    });
  }

  /** This node was frozen: it may have been removed from the cluster and its groups taken. */
  private void onStall(long gapMs) {
    long now = System.nanoTime();
    // its view of the membership may be stale: let the cluster settle before this node claims again
    quarantineUntilNanos = now + QUARANTINE_MS * 1_000_000L;
    LOG.warn("this node was stalled for {} ms (stallLimitMs {}); not claiming groups for {} ms", gapMs,
        options.stallLimitMs(), QUARANTINE_MS);
    if (group != null) {
      String g = group;
      Lease held = lease;
      lose("this node was stalled for " + gapMs + " ms and may have been removed from the cluster meanwhile");
      // if nobody took it, free it at once so another node (or this one, later) resumes the shards
      map.compose(m -> m.removeIfPresent(key(g), held.encode())).timeout(5, TimeUnit.SECONDS)
          .onSuccess(ok -> announceFreed(g))
          .onFailure(e -> LOG.debug("could not release the lease of '{}' after the stall: {}", g, e.toString()));
    }
  }

  /** Members left or joined: give groups up on the minority side, or claim a removed holder's groups now. */
  private void onMembersChanged(java.util.Set<String> removed, List<String> members) {
    membersChangedNanos = System.nanoTime();
    if (stopped) {
      return;
    }
    long gatewayCount = gateways.countAmong(members);
    if (!removed.isEmpty()) {
      memberLeft = true;
      LOG.info("cluster members left: {}; {} gateway node(s) remain", removed, gatewayCount);
    }
    if (group != null && gatewayCount < options.minNodes()) {
      lose("only " + gatewayCount + " gateway node(s) left in this node's view of the cluster, below minNodes "
          + options.minNodes() + " (this node is cut off from the majority)");
      return;
    }
    step();
  }

  private Future<Void> renew() {
    String g = group;
    Lease held = lease;
    long sent = System.nanoTime();
    Lease next = held.renewed(System.currentTimeMillis() + options.leaseTtlMs());
    return map.compose(m -> m.replaceIfPresent(key(g), held.encode(), next.encode())).map(ok -> {
      if (!g.equals(group) || held != lease) {
        return null;
      }
      if (ok) {
        lease = next;
        guard.renewed(sent, options.leaseTtlMs());
      } else {
        lose("another node took the lease");
      }
      return null;
    }).compose(v -> group == null ? Future.succeededFuture() : rebalance());
  }

  /**
   * Spreads groups when nodes join: if this node holds more than {@code floor(groups / members)} groups while some
   * member holds fewer, the holder with the greatest owner string on this node hands its group over (sessions kept
   * and written, lease deleted) so the emptier node claims it at once and RESUMEs. Only once the members have not
   * changed for {@value #REBALANCE_QUIET_MS} ms: while a node joins or leaves, Hazelcast migrates partitions and the
   * lease map's operations can wait for seconds, and a group handed off then stays silent that long (in a rolling
   * restart, a handoff 40 ms after a node left, just as its replacement joined, left two shards silent for 2.2 s).
   * Spreading can wait; shards should not.
   */
  private Future<Void> rebalance() {
    // a fresh list: a node that is shutting down has left the nodes map and must not be handed a group
    return gateways.refresh().map(v -> gateways.cached()).compose(this::rebalance);
  }

  /**
   * This node is shutting down this verticle: it stops claiming and leaves the nodes map (so nobody hands it a group)
   * before its group is dropped.
   */
  public Future<Void> leaving() {
    stopped = true;
    return gateways.leave();
  }

  private Future<Void> rebalance(List<String> members) {
    if (members.size() < options.minNodes() || groups.size() < 2
        || System.nanoTime() - membersChangedNanos < REBALANCE_QUIET_MS * 1_000_000L) {
      return Future.succeededFuture();
    }
    return map.compose(AsyncMap::entries).compose(entries -> {
      holds.leases(entries);
      if (group != null && Rebalance.shouldHandOff(entries, members, groups, nodes.nodeId(), owner,
          System.currentTimeMillis(), options.clockSkewMs()) && listener.canHandOff(group)) {
        return handoff();
      }
      return Future.succeededFuture();
    });
  }

  private Future<Void> handoff() {
    String g = group;
    Lease held = lease;
    group = null;
    lease = null;
    LOG.info("handing shard group '{}' to a node with fewer groups", g);
    // this node's verticles leave it to the others for a few renew periods (no handoff ping-pong)
    holds.handedOff(g);
    return listener.handoff(g).eventually(() -> map.compose(m -> m.removeIfPresent(key(g), held.encode()))
        .onSuccess(ok -> announceFreed(g)))
        .eventually(() -> {
          guard.release();
          holds.release();
          freeSince.clear();
          return Future.succeededFuture();
        }).mapEmpty();
  }

  private Future<Void> claim() {
    if (System.nanoTime() - quarantineUntilNanos < 0) {
      return Future.succeededFuture();
    }
    return gateways.current().compose(members -> {
      if (members.size() < options.minNodes()) {
        return Future.succeededFuture();
      }
      // during the first seconds other nodes may still be joining: take one group at once, extras only after
      // waiting; afterwards (a node left) up to an even share at once: ceil(groups / members)
      boolean settling = !memberLeft && (System.nanoTime() - startedNanos) / 1_000_000 < SETTLE_MS;
      int share = settling ? 1 : Math.max(1, (groups.size() + members.size() - 1) / members.size());
      int heldHere = holds.reserve();
      if (heldHere < 0) {
        again = true; // another verticle of this node claimed meanwhile: look again right after this step
        return Future.succeededFuture();
      }
      // the lease map this node's holders read on their last renewal: no cluster-wide read during a failover
      long extraWaitMs = Rebalance.claimWaitMs(holds.recentLeases(2 * options.leaseRenewMs()), members, groups,
          heldHere, share, options.leaseRenewMs(), System.currentTimeMillis(), options.clockSkewMs());
      return map.compose(m -> tryGroups(m, 0, extraWaitMs)).onComplete(ar -> {
        if (ar.failed() || !ar.result()) {
          holds.release();
        }
      }).mapEmpty();
    });
  }

  /** Tries each group in order; completes with whether one was claimed. */
  private Future<Boolean> tryGroups(AsyncMap<String, String> m, int i, long extraWaitMs) {
    if (i >= groups.size() || stopped) {
      return Future.succeededFuture(false);
    }
    String g = groups.get(i);
    return m.get(key(g)).compose(old -> {
      long now = System.currentTimeMillis();
      Lease current = Lease.decode(old);
      if (!Lease.freeFor(current, owner, now, options.clockSkewMs(), nodes.members())) {
        freeSince.remove(g);
        return tryGroups(m, i + 1, extraWaitMs);
      }
      long seen = freeSince.computeIfAbsent(g, k -> System.nanoTime());
      boolean handedHere = holds.recentlyHandedOff(g);
      long waitLeftMs = extraWaitMs - (System.nanoTime() - seen) / 1_000_000;
      if (waitLeftMs > 0 && !handedHere && !stopped) {
        // look again as soon as the emptier nodes had their head start, not a whole tick later
        vertx.setTimer(waitLeftMs + 5, t -> step());
      }
      if (waitLeftMs > 0 || handedHere || mustNotClaim()) {
        return tryGroups(m, i + 1, extraWaitMs);
      }
      long sent = System.nanoTime();
      long expires = System.currentTimeMillis() + options.leaseTtlMs();
      Lease next = current == null ? new Lease(owner, 1, expires) : current.takenBy(owner, expires);
      Future<Boolean> cas = old == null ? m.putIfAbsent(key(g), next.encode()).map(p -> p == null)
          : m.replaceIfPresent(key(g), old, next.encode());
      return cas.compose(ok -> {
        if (!ok) {
          return tryGroups(m, i + 1, extraWaitMs);
        }
        if (stopped || mustNotClaim()) {
          // stopped, or this node stalled while the claim was under way (its view of the cluster may be stale)
          return m.removeIfPresent(key(g), next.encode()).map(false);
        }
        group = g;
        lease = next;
        guard.renewed(sent, options.leaseTtlMs());
        freeSince.clear();
        LOG.info("claimed shard group '{}' (lease epoch {}, previous holder {})", g, next.epoch(),
            Lease.describe(current, now, options.clockSkewMs(), nodes.members()));
        listener.gained(g).onFailure(e -> LOG.warn("group '{}' failed to start: {}", g, e.toString()));
        return Future.succeededFuture(true);
      });
    });
  }

  private void announceFreed(String g) {
    vertx.eventBus().publish(dev.cordbus.api.Addresses.GATEWAY_LEASE_FREED, g);
  }

  /** Whether this node is in its post-stall quarantine (or stalled right now): no claim may complete. */
  private boolean mustNotClaim() {
    return System.nanoTime() - quarantineUntilNanos < 0 || !guard.live();
  }

  private void lose(String why) {
    String g = group;
    group = null;
    lease = null;
    guard.release();
    holds.release();
    LOG.warn("lost shard group '{}': {}; stopping its shards", g, why);
    listener.lost(g, why);
  }

  /**
   * Gives the group back after the verticle stopped its shards (graceful stop): deletes the lease so another node
   * may take it at once.
   */
  public Future<Void> stop() {
    stopped = true;
    watch.stop();
    if (freed != null) {
      freed.unregister();
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    String g = group;
    Lease held = lease;
    group = null;
    lease = null;
    guard.release();
    if (g == null || map == null) {
      return Future.succeededFuture();
    }
    holds.release();
    return map.compose(m -> m.removeIfPresent(key(g), held.encode())).timeout(5, TimeUnit.SECONDS)
        .onSuccess(ok -> {
          LOG.info("released shard group '{}'", g);
          announceFreed(g);
        }).<Void>mapEmpty().otherwiseEmpty();
  }

  private static String key(String group) {
    return "group." + group;
  }
}
