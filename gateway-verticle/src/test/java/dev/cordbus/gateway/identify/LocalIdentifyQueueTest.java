package dev.cordbus.gateway.identify;

import io.vertx.core.Vertx;

/** Runs the identify queue contract against {@link LocalIdentifyQueue}. */
class LocalIdentifyQueueTest extends IdentifyQueueContract {

  @Override
  protected IdentifyQueue create(Vertx vertx, long intervalMs, SessionStartLimit limit) {
    return new LocalIdentifyQueue(vertx, intervalMs, limit);
  }
}
