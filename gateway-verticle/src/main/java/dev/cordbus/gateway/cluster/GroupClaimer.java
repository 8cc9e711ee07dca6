package dev.cordbus.gateway.cluster;

import dev.cordbus.gateway.config.ClusterOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.LocalMap;
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
 * <p>Spreading: nothing is claimed before the cluster has {@code minNodes} members. A node holding fewer than
 * {@code floor(groups / members)} groups claims a free group at once; a node already at or above that share waits
 * until the group has been seen free for {@code 2 × leaseRenewMs × (1 + groups it holds above the share)}, which lets
 * emptier nodes go first. Runs on the verticle's context.
 */
public final class GroupClaimer {

  private static final Logger LOG = LoggerFactory.getLogger(GroupClaimer.class);
  /** The cluster map of group leases. */
  public static final String MAP = "cordbus.gateway.leases";
  /** Per-node local map counting the groups this node's verticles hold or are claiming. */
  static final String LOCAL = "cordbus.gateway.held";

  /** What the verticle does when a group is gained or lost. */
  public interface Listener {
    /** The lease of {@code group} is held: start its shards. */
    Future<Void> gained(String group);

    /** The lease of {@code group} is lost (or can no longer be proven): stop its shards now. */
    Future<Void> lost(String group, String why);
  }

  private final Vertx vertx;
  private final ClusterOptions options;
  private final List<String> groups;
  private final ClusterNodes nodes;
  private final String owner;
  private final Listener listener;
  private final LeaseGuard guard = new LeaseGuard();
  private final Map<String, Long> freeSince = new HashMap<>();
  private final LocalMap<String, Integer> local;
  private Future<AsyncMap<String, String>> map;
  private String group;
  private Lease lease;
  private boolean busy;
  private boolean stopped;
  private long timer = -1;

  /**
   * @param groups the group names this verticle may claim (one for a fixed group)
   * @param owner this verticle's unique owner string
   */
  public GroupClaimer(Vertx vertx, ClusterOptions options, List<String> groups, ClusterNodes nodes, String owner,
      Listener listener) {
    this.vertx = vertx;
    this.options = options;
    this.groups = List.copyOf(groups);
    this.nodes = nodes;
    this.owner = owner;
    this.listener = listener;
    this.local = vertx.sharedData().getLocalMap(LOCAL);
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
    tick();
    timer = vertx.setPeriodic(options.leaseRenewMs(), t -> tick());
  }

  private void tick() {
    if (stopped) {
      return;
    }
    if (group != null && !guard.valid()) {
      lose("the lease could not be renewed within " + options.leaseTtlMs() + " ms");
      return;
    }
    if (busy) {
      return;
    }
    busy = true;
    Future<?> step = group != null ? renew() : claim();
    step.onComplete(ar -> {
          busy = false;
          if (ar.failed()) {
            LOG.debug("lease step failed: {}", ar.cause().toString());
          }
        });
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
    });
  }

  private Future<Void> claim() {
    int members = nodes.size();
    if (members < options.minNodes()) {
      return Future.succeededFuture();
    }
    int share = Math.max(1, groups.size() / members);
    int heldHere = reserveLocal();
    if (heldHere < 0) {
      return Future.succeededFuture();
    }
    long extraWaitMs = heldHere < share ? 0 : 2 * options.leaseRenewMs() * (1 + heldHere - share);
    return map.compose(m -> tryGroups(m, 0, extraWaitMs)).onComplete(ar -> {
      if (ar.failed() || !ar.result()) {
        releaseLocal();
      }
    }).mapEmpty();
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
      boolean free = current == null || current.claimable(now, options.clockSkewMs());
      if (!free) {
        freeSince.remove(g);
        return tryGroups(m, i + 1, extraWaitMs);
      }
      long seen = freeSince.computeIfAbsent(g, k -> System.nanoTime());
      if ((System.nanoTime() - seen) / 1_000_000 < extraWaitMs) {
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
        if (stopped) {
          return m.removeIfPresent(key(g), next.encode()).map(false);
        }
        group = g;
        lease = next;
        guard.renewed(sent, options.leaseTtlMs());
        freeSince.clear();
        LOG.info("claimed shard group '{}' (lease epoch {}, previous holder {})", g, next.epoch(),
            current == null ? "none" : current.owner());
        listener.gained(g).onFailure(e -> LOG.warn("group '{}' failed to start: {}", g, e.toString()));
        return Future.succeededFuture(true);
      });
    });
  }

  private void lose(String why) {
    String g = group;
    group = null;
    lease = null;
    guard.release();
    releaseLocal();
    LOG.warn("lost shard group '{}': {}; stopping its shards", g, why);
    listener.lost(g, why);
  }

  /**
   * Gives the group back after the verticle stopped its shards (graceful stop): deletes the lease so another node
   * may take it at once.
   */
  public Future<Void> stop() {
    stopped = true;
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
    releaseLocal();
    return map.compose(m -> m.removeIfPresent(key(g), held.encode())).timeout(5, TimeUnit.SECONDS)
        .onSuccess(ok -> LOG.info("released shard group '{}'", g)).<Void>mapEmpty().otherwiseEmpty();
  }

  /** Counts this verticle in its node's held groups; returns the count before, or -1 if it changed meanwhile. */
  private int reserveLocal() {
    String node = nodes.nodeId();
    Integer before = local.putIfAbsent(node, 1);
    if (before == null) {
      return 0;
    }
    return local.replaceIfPresent(node, before, before + 1) ? before : -1;
  }

  private void releaseLocal() {
    local.computeIfPresent(nodes.nodeId(), (k, v) -> Math.max(0, v - 1));
  }

  private static String key(String group) {
    return "group." + group;
  }
}
