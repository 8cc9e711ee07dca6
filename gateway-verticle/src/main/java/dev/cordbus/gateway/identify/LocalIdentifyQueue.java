package dev.cordbus.gateway.identify;

import dev.cordbus.gateway.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link IdentifyQueue} for one process, built on {@link IdentifySchedule} and Vert.x timers. */
public final class LocalIdentifyQueue implements IdentifyQueue {

  private static final Logger LOG = LoggerFactory.getLogger(LocalIdentifyQueue.class);

  private final Vertx vertx;
  private final IdentifySchedule schedule;
  private final Map<Long, Promise<Void>> pending = new HashMap<>();
  private boolean closed;

  /**
   * @param intervalMs spacing of two IDENTIFYs in one bucket (Discord: 5000)
   * @param limit {@code session_start_limit} from {@code /gateway/bot}
   */
  public LocalIdentifyQueue(Vertx vertx, long intervalMs, SessionStartLimit limit) {
    this.vertx = vertx;
    this.schedule = new IdentifySchedule(intervalMs, limit, System.currentTimeMillis());
  }

  @Override
  public synchronized Future<Void> acquire(int shardId) {
    if (closed) {
      return Future.failedFuture(new GatewayException(GatewayException.Kind.NOT_CONNECTED, "identify queue closed"));
    }
    long now = System.currentTimeMillis();
    IdentifySchedule.Slot slot = schedule.reserve(shardId, now);
    long delay = slot.atMs() - now;
    if (slot.waitedForBudget()) {
      LOG.warn("shard {}: the daily session start budget (session_start_limit.remaining) is used up; waiting {} ms "
          + "for it to reset before identifying", shardId, delay);
    }
    if (delay <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    long[] timer = new long[1];
    timer[0] = vertx.setTimer(delay, t -> {
      synchronized (this) {
        pending.remove(timer[0]);
      }
      promise.tryComplete();
    });
    pending.put(timer[0], promise);
    return promise.future();
  }

  @Override
  public synchronized void close() {
    closed = true;
    pending.forEach((timer, promise) -> {
      vertx.cancelTimer(timer);
      promise.tryFail(new GatewayException(GatewayException.Kind.NOT_CONNECTED, "identify queue closed"));
    });
    pending.clear();
  }
}
