package dev.cordbus.gateway.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which cluster members run gateway verticles: each gateway verticle announces its node in the cluster map
 * {@value GroupClaimer#NODES} on every tick (the entry expires a lease TTL after the last one) and removes it when it
 * leaves; the list read from that map is cached, so a claim right after a member left does not wait for a
 * cluster-wide key listing while Hazelcast migrates the dead member's partitions. Runs on the verticle's context.
 */
final class GatewayNodeList {

  private final Vertx vertx;
  private final ClusterNodes nodes;
  private final long ttlMs;
  /** Gateway nodes seen in the nodes map (kept for the minNodes check when the map cannot be read). */
  private final Set<String> known = new HashSet<>();
  private Future<AsyncMap<String, String>> map;

  GatewayNodeList(Vertx vertx, ClusterNodes nodes, long ttlMs) {
    this.vertx = vertx;
    this.nodes = nodes;
    this.ttlMs = ttlMs;
  }

  void start() {
    map = vertx.sharedData().getAsyncMap(GroupClaimer.NODES);
  }

  /** Announces this node (again) and refreshes the cached list. */
  Future<Void> announce() {
    return map.compose(m -> m.put(nodes.nodeId(), "gateway", ttlMs)).compose(v -> refresh());
  }

  /** Removes this node from the map (it is shutting down: nobody must hand it a group); at most 2 s. */
  Future<Void> leave() {
    return map == null ? Future.succeededFuture()
        : map.compose(m -> m.remove(nodes.nodeId())).<Void>mapEmpty().timeout(2, TimeUnit.SECONDS).otherwiseEmpty();
  }

  /** Reads the map again. */
  Future<Void> refresh() {
    return map.compose(AsyncMap::keys).map(keys -> {
      known.clear();
      known.addAll(keys);
      return null;
    });
  }

  /** The gateway nodes among the cluster members, this one included: cached, or read once when nothing is cached. */
  Future<List<String>> current() {
    return known.isEmpty() ? refresh().map(v -> cached()) : Future.succeededFuture(cached());
  }

  /** The gateway nodes among the cluster members now, from the cached list, this one included. */
  List<String> cached() {
    List<String> out = new ArrayList<>();
    for (String m : nodes.members()) {
      if (isGateway(m)) {
        out.add(m);
      }
    }
    return out;
  }

  /** How many of {@code members} run gateway verticles, by the cached list (this node counts). */
  long countAmong(List<String> members) {
    return members.stream().filter(this::isGateway).count();
  }

  private boolean isGateway(String member) {
    return member.equals(nodes.nodeId()) || known.contains(member);
  }
}
