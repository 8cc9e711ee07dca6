package dev.cordbus.gateway.config;

import dev.cordbus.api.config.OptionReader;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The cluster part of a gateway's configuration: group claiming by lease, the session store and the cluster-wide
 * identify queue. Parsed by {@link GatewayOptions}; the keys sit at the top level of the gateway JSON.
 *
 * <p>The lease rule (README, "Running a cluster in production"): a node stops sending on a group's sockets once
 * {@code leaseTtlMs} passed since its last successful renewal was SENT, and another node may take the group only
 * after the stored expiry plus {@code clockSkewMs}. So that the old node's socket is closed by Discord before the new
 * one connects, {@code leaseTtlMs - leaseRenewMs} must exceed the time Discord waits for a missed heartbeat
 * (about 1.5 × heartbeat_interval, 41.25 s × 1.5 ≈ 62 s on Discord).
 *
 * @param enabled null = on when Vert.x is clustered; true/false forces it
 * @param autoGroups number of groups to claim from when {@code group} is {@code "auto"}, else 0 (fixed group)
 * @param leaseTtlMs how long a lease is valid after its renewal was sent
 * @param leaseRenewMs how often the holder renews (and standby verticles try to claim)
 * @param clockSkewMs extra wait before a claimant treats an expired lease as free (wall clocks of two hosts)
 * @param minNodes no group is claimed before the cluster has this many members (spreads groups on a cold start)
 * @param sessionFlushMs how often changed sessions (session id, seq, resume URL) are written to the cluster
 * @param stallLimitMs a node whose event loop did not run for this long (GC pause, SIGSTOP, VM migration) may have
 *     been removed from the cluster meanwhile: it publishes nothing more and gives its groups up. Must stay below
 *     Hazelcast's {@code max-no-heartbeat} minus its heartbeat interval (10 s - 1 s in {@code conf/cluster.xml})
 */
public record ClusterOptions(Boolean enabled, int autoGroups, long leaseTtlMs, long leaseRenewMs, long clockSkewMs,
    int minNodes, long sessionFlushMs, long stallLimitMs) {

  public static final long DEFAULT_LEASE_TTL_MS = 75_000;
  public static final long DEFAULT_LEASE_RENEW_MS = 1_000;
  public static final long DEFAULT_STALL_LIMIT_MS = 3_000;
  public static final long DEFAULT_CLOCK_SKEW_MS = 1_000;
  public static final int DEFAULT_MIN_NODES = 1;
  public static final long DEFAULT_SESSION_FLUSH_MS = 200;
  /** The {@code group} value that makes a verticle claim a free group. */
  public static final String AUTO_GROUP = "auto";

  static ClusterOptions parse(OptionReader p, JsonObject j, String group, Integer shardCount, List<Integer> shards,
      List<String> errors) {
    Object raw = j.getValue("cluster");
    Boolean enabled = null;
    if (raw instanceof Boolean b) {
      enabled = b;
    } else if (raw != null && !"auto".equals(raw)) {
      errors.add("cluster: must be true, false or \"auto\", was " + raw);
    }
    int groups = p.intValue("groups", 0, 0, 100_000);
    boolean auto = AUTO_GROUP.equals(group);
    if (auto) {
      if (groups < 1) {
        errors.add("groups: \"group\": \"auto\" needs the number of groups (an integer >= 1)");
      } else if (shardCount == null) {
        errors.add("shardCount: \"group\": \"auto\" needs a fixed shardCount (every node must split alike)");
      } else if (groups > shardCount) {
        errors.add("groups: " + groups + " groups for " + shardCount + " shards leaves empty groups");
      }
      if (shards != null) {
        errors.add("shards: not allowed with \"group\": \"auto\" (the claimed group decides the shards)");
      }
      if (Boolean.FALSE.equals(enabled)) {
        errors.add("cluster: \"group\": \"auto\" claims groups through the cluster; it cannot be false");
      }
    } else if (groups != 0) {
      errors.add("groups: only meaningful with \"group\": \"auto\"");
    }
    long ttl = p.longValue("leaseTtlMs", DEFAULT_LEASE_TTL_MS, 100, 3_600_000);
    long renew = p.longValue("leaseRenewMs", DEFAULT_LEASE_RENEW_MS, 10, 3_600_000);
    if (renew * 2 > ttl) {
      errors.add("leaseRenewMs: must be at most half of leaseTtlMs (" + ttl + "), was " + renew);
    }
    long skew = p.longValue("clockSkewMs", DEFAULT_CLOCK_SKEW_MS, 0, 600_000);
    int minNodes = p.intValue("minNodes", DEFAULT_MIN_NODES, 1, 10_000);
    long flush = p.longValue("sessionFlushMs", DEFAULT_SESSION_FLUSH_MS, 10, 600_000);
    long stall = p.longValue("stallLimitMs", DEFAULT_STALL_LIMIT_MS, 500, 600_000);
    if (stall >= ttl) {
      errors.add("stallLimitMs: must be below leaseTtlMs (" + ttl + "), was " + stall);
    }
    return new ClusterOptions(enabled, auto ? groups : 0, ttl, renew, skew, minNodes, flush, stall);
  }

  /** Whether the group is claimed from the cluster ({@code "group": "auto"}). */
  public boolean autoGroup() {
    return autoGroups > 0;
  }

  /** Whether leases, the session store and the cluster identify queue are used, given Vert.x's clustering. */
  public boolean active(boolean vertxClustered) {
    return enabled != null ? enabled : vertxClustered || autoGroup();
  }

  JsonObject toJson() {
    return new JsonObject().put("cluster", enabled == null ? "auto" : enabled).put("leaseTtlMs", leaseTtlMs)
        .put("leaseRenewMs", leaseRenewMs).put("clockSkewMs", clockSkewMs).put("minNodes", minNodes)
        .put("sessionFlushMs", sessionFlushMs).put("stallLimitMs", stallLimitMs);
  }
}
