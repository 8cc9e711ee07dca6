package dev.cordbus.api.dispatch;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.internal.VertxInternal;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells when this node's consumers have taken what was published to them so far: a no-op task goes to the end of
 * every event loop of the Vert.x instance, and once all have run, every message queued on an event loop before them
 * has been handed to its handler (consumers on worker threads are not waited for). This is how a publisher learns how
 * far behind this node's consumers are without their help ({@link RelayAcks} for another node's gateways, the
 * gateway's own flow control for its node).
 */
public final class LoopMarkers {

  private LoopMarkers() {
  }

  /** Runs {@code done} on {@code back} once a marker has passed through every event loop of {@code vertx}. */
  public static void afterQueued(VertxInternal vertx, Context back, Runnable done) {
    int loops = 0;
    for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
      loops++;
    }
    AtomicInteger left = new AtomicInteger(loops);
    Runnable marker = () -> {
      if (left.decrementAndGet() == 0) {
        back.runOnContext(v -> done.run());
      }
    };
    for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
      loop.execute(marker);
    }
  }
}
