package dev.cordbus.gateway.publish;

import dev.cordbus.api.dispatch.LoopMarkers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

/**
 * How far the consumers in the gateway's own JVM are behind what one group handed them: the local half of the flow
 * control ({@link FlowGate}), as {@code RelayAcks} is the half of another node. A gateway hands its node's consumers
 * each batch directly, on their event loops' queues; a consumer slower than the shards (a state verticle under a
 * firehose) would otherwise queue every dispatch it cannot handle yet, hundreds of MB that every young GC copies.
 *
 * <p>Every {@value #EVERY} dispatches handed out (a quarter of a smaller window), one round at a time, a marker passes
 * through every event loop ({@link LoopMarkers}); when it is back, the consumers on event loops have taken all that was
 * handed out before it. So a paused group always has a round under way that can resume it. Runs on the group's
 * context.
 */
final class LocalAcks {

  /** Dispatches handed out between two rounds, at most. */
  static final long EVERY = 1024;

  private final VertxInternal vertx;
  private final Context context;
  private final Runnable acknowledged;
  private final long every;
  private long handed;
  private long acked;
  private boolean round;
  private boolean skipped;

  /**
   * Tracks the consumers of {@code vertx} for a group on {@code context} whose gate pauses beyond {@code window}
   * dispatches; {@code acknowledged} runs after each round.
   */
  LocalAcks(Vertx vertx, Context context, long window, Runnable acknowledged) {
    this.vertx = (VertxInternal) vertx;
    this.context = context;
    this.every = Math.max(1, Math.min(EVERY, window / 4));
    this.acknowledged = acknowledged;
  }

  /** {@code n} more dispatches were handed to this node's consumers. */
  void handed(int n) {
    handed += n;
    if (!round && handed - acked >= every) {
      round();
    }
  }

  /** Dispatches handed out and not yet known taken (0 while skipped). */
  long behind() {
    return skipped ? 0 : handed - acked;
  }

  /** Stops counting what is behind until the round under way is back (the gate ran out of patience). */
  void skip() {
    skipped = true;
  }

  private void round() {
    long count = handed;
    round = true;
    LoopMarkers.afterQueued(vertx, context, () -> {
      acked = count;
      round = false;
      skipped = false;
      acknowledged.run();
      if (handed - acked >= every) {
        round();
      }
    });
  }
}
