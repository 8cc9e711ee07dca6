package dev.cordbus.gateway.identify;

import dev.cordbus.gateway.cluster.ClusterIdentifyQueue;
import io.vertx.core.Vertx;

/**
 * Runs the identify queue contract against {@link ClusterIdentifyQueue} on a plain Vert.x (its shared data is then
 * local; the cross-JVM behaviour is covered by the cluster-tests module).
 */
class ClusterIdentifyQueueTest extends IdentifyQueueContract {

  @Override
  protected IdentifyQueue create(Vertx vertx, long intervalMs, SessionStartLimit limit) {
    return new ClusterIdentifyQueue(vertx, intervalMs, limit);
  }
}
