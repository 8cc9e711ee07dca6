package dev.cordbus.api.dispatch;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * How many of the dispatches handed to this node's consumers they have taken, learnt without their help: once
 * {@code every} dispatches since the last acknowledgement were handed out, a no-op task goes to the end of every event
 * loop of the Vert.x instance (one round at a time), and when all have run, every message queued on an event loop
 * before them has reached its handler, so the count handed out before the round is acknowledged. Consumers on worker
 * threads are not waited for. The flow control's two halves use it: {@link RelayAcks} for another node's gateways, the
 * gateway's publisher for its own node. Call it on {@code context}.
 */
public final class AckRounds {

  private final VertxInternal vertx;
  private final Context context;
  private final long every;
  private final LongConsumer acknowledged;
  private long handed;
  private long acked;
  private boolean round;
  private boolean skipped;
  private boolean stopped;

  /** Rounds every {@code every} dispatches; {@code acknowledged} gets each round's count, on {@code context}. */
  public AckRounds(Vertx vertx, Context context, long every, LongConsumer acknowledged) {
    this.vertx = (VertxInternal) vertx;
    this.context = context;
    this.every = Math.max(1, every);
    this.acknowledged = acknowledged;
  }

  /** {@code n} more dispatches were handed to this node's consumers. */
  public void handed(long n) {
    handedUpTo(handed + n);
  }

  /** As many as {@code total} dispatches in all have been handed out (a count that only grows; less is ignored). */
  public void handedUpTo(long total) {
    handed = Math.max(handed, total);
    if (!round && !stopped && handed - acked >= every) {
      round();
    }
  }

  /** Dispatches handed out and not yet known taken (0 after {@link #skip}, until the next round is back). */
  public long behind() {
    return skipped ? 0 : handed - acked;
  }

  /** Stops counting what is behind until a round is back (whoever waits ran out of patience). */
  public void skip() {
    skipped = true;
  }

  /** No more rounds (a round under way still reports). */
  public void stop() {
    stopped = true;
  }

  private void round() {
    long count = handed;
    round = true;
    afterQueued(() -> {
      acked = count;
      round = false;
      skipped = false;
      acknowledged.accept(count);
      handedUpTo(handed);
    });
  }

  /** Runs {@code done} on the context once a marker has passed through every event loop. */
  private void afterQueued(Runnable done) {
    int loops = 0;
    for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
      loops++;
    }
    AtomicInteger left = new AtomicInteger(loops);
    Runnable marker = () -> {
      if (left.decrementAndGet() == 0) {
        context.runOnContext(v -> done.run());
      }
    };
    for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
      loop.execute(marker);
    }
  }
}
