package dev.cordbus.api.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the publishers of one Vert.x instance learned of other nodes' streams, shared by them all, so a publisher
 * made later (a group claimed or handed over while a node is split off) reaches what the others reach.
 */
final class StreamPeers implements Shareable {

  /** The stream endpoint of each node a publisher here connected to (a node id is unique to one start). */
  final ConcurrentHashMap<String, JsonObject> endpoints = new ConcurrentHashMap<>();
  /** The nodes that left the member list while a stream of this node to them was up: endpoint by node. */
  final ConcurrentHashMap<String, JsonObject> absent = new ConcurrentHashMap<>();
  /** Changes with {@link #absent}. */
  final AtomicInteger version = new AtomicInteger();

  void listAbsent(String node, JsonObject endpoint) {
    if (endpoint != null && absent.put(node, endpoint) == null) {
      version.incrementAndGet();
    }
  }

  void unlistAbsent(String node) {
    if (absent.remove(node) != null) {
      version.incrementAndGet();
    }
  }

  void learned(String node, JsonObject endpoint) {
    if (endpoints.size() > 4096) {
      endpoints.clear(); // nodes come and go: forget them all rather than grow
    }
    endpoints.put(node, endpoint);
  }

  void forget(String node) {
    endpoints.remove(node);
    unlistAbsent(node);
  }

  private static final String KEY = "cordbus.dispatch-streams.known";

  /** The one instance of {@code vertx} (made by the first publisher that asks). */
  static StreamPeers of(Vertx vertx) {
    LocalMap<String, StreamPeers> shared = vertx.sharedData().getLocalMap(KEY);
    StreamPeers mine = new StreamPeers();
    StreamPeers existing = shared.putIfAbsent(KEY, mine);
    return existing == null ? mine : existing;
  }
}
