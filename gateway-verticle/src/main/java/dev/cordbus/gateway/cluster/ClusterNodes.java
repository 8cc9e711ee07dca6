package dev.cordbus.gateway.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.UUID;

/**
 * This node's id and the cluster's size, from Vert.x's cluster manager (Hazelcast membership); a non-clustered
 * Vert.x is a cluster of one with a random id. The only place that touches Vert.x internals for membership.
 */
public final class ClusterNodes {

  private final ClusterManager manager;
  private final String nodeId;

  public ClusterNodes(Vertx vertx) {
    this.manager = vertx instanceof VertxInternal vi && vertx.isClustered() ? vi.clusterManager() : null;
    // a plain Vert.x is one node: every verticle of it shares one id
    this.nodeId = manager != null ? manager.getNodeId() : vertx.sharedData().<String, String>getLocalMap(
        "cordbus.gateway.node").computeIfAbsent("id", k -> "local-" + UUID.randomUUID());
  }

  /** This node's id. */
  public String nodeId() {
    return nodeId;
  }

  /** The ids of the members currently in the cluster (this node alone when not clustered). */
  public java.util.List<String> members() {
    return manager == null ? java.util.List.of(nodeId) : manager.getNodes();
  }

  /** Members currently in the cluster (1 when not clustered). */
  public int size() {
    return manager == null ? 1 : Math.max(1, manager.getNodes().size());
  }
}
