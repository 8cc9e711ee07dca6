package dev.cordbus.gateway.identify;

import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.publish.ErrorPublisher;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IdentifyQueue} for one process, built on {@link IdentifySchedule} and Vert.x timers. Discord measures
 * the spacing between the IDENTIFYs it receives, so a slot is also kept {@code intervalMs} (plus a small margin)
 * after the real send of the previous IDENTIFY of its bucket ({@link #identified}): an IDENTIFY written late
 * pushes the next one back instead of letting it arrive early and be refused.
 */
public final class LocalIdentifyQueue implements IdentifyQueue {

  private static final Logger LOG = LoggerFactory.getLogger(LocalIdentifyQueue.class);

  /** Kept after the real send, on top of the interval, for the time a frame takes to reach Discord. */
  static final long SEND_MARGIN_MS = 50;

  private final Vertx vertx;
  private final long intervalMs;
  private final IdentifySchedule schedule;
  /** Bucket → wall-clock ms of the last IDENTIFY written. */
  private final Map<Integer, Long> lastSentMs = new HashMap<>();
  private final Map<Long, Promise<Void>> pending = new HashMap<>();
  private boolean closed;
  private final ErrorPublisher errors;

  /**
   * @param intervalMs spacing of two IDENTIFYs in one bucket (Discord: 5000)
   * @param limit {@code session_start_limit} from {@code /gateway/bot}
   */
  public LocalIdentifyQueue(Vertx vertx, long intervalMs, SessionStartLimit limit) {
    this.vertx = vertx;
    this.intervalMs = intervalMs;
    this.schedule = new IdentifySchedule(intervalMs, limit, System.currentTimeMillis());
    this.errors = new ErrorPublisher(vertx, null, null);
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
      String message = "shard " + shardId + ": the daily session start budget (session_start_limit.remaining) is "
          + "used up; waiting " + delay + " ms for it to reset before identifying";
      LOG.warn(message);
      errors.publish(ErrorKinds.SESSION_BUDGET, shardId, message, null,
          new JsonObject().put("waitMs", delay).put("remaining", 0));
    }
    Promise<Void> promise = Promise.promise();
    arm(shardId, Math.max(delay, afterLastSend(shardId, now)), promise);
    return promise.future();
  }

  /** Completes {@code promise} after {@code delayMs}, or later if the bucket's last real send says so. */
  private void arm(int shardId, long delayMs, Promise<Void> promise) {
    if (delayMs <= 0) {
      promise.tryComplete();
      return;
    }
    long[] timer = new long[1];
    timer[0] = vertx.setTimer(delayMs, t -> {
      long more;
      synchronized (this) {
        pending.remove(timer[0]);
        more = closed ? 0 : afterLastSend(shardId, System.currentTimeMillis());
      }
      if (more > 0) {
        arm(shardId, more, promise);
      } else {
        promise.tryComplete();
      }
    });
    pending.put(timer[0], promise);
  }

  /** How long a shard must still wait after the last IDENTIFY written in its bucket. */
  private long afterLastSend(int shardId, long nowMs) {
    Long last = lastSentMs.get(schedule.bucket(shardId));
    return last == null ? 0 : last + intervalMs + SEND_MARGIN_MS - nowMs;
  }

  @Override
  public synchronized int remaining() {
    return schedule.remaining();
  }

  @Override
  public synchronized void identified(int shardId) {
    lastSentMs.put(schedule.bucket(shardId), System.currentTimeMillis());
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
