package dev.cordbus.gateway.cluster;

import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.publish.ErrorPublisher;
import io.vertx.core.json.JsonObject;
import dev.cordbus.gateway.identify.IdentifyQueue;
import dev.cordbus.gateway.identify.SessionStartLimit;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IdentifyQueue} shared by every gateway verticle of the cluster, on a Vert.x cluster map (Hazelcast):
 * per bucket {@code shard % max_concurrency} the next free identify time, and one daily session-start budget.
 * Both are updated by compare-and-set, so no lock is held across the wait and a node that dies holding a slot costs
 * at most that slot. Shards of one bucket on this node go in call order. The wall clock is shared by the nodes
 * (keep them NTP-synced); each slot is {@code intervalMs + intervalMs/10} after the previous one, and the time each
 * IDENTIFY was really written ({@link #identified(int)}) is recorded too: a shard whose slot comes up waits until
 * {@code intervalMs + intervalMs/10} after the last real IDENTIFY of its bucket, so a late IDENTIFY (a busy node)
 * pushes the next one back instead of breaking Discord's 5 s rule. When the budget is used up, acquisitions wait for
 * {@code reset_after} and log a warning saying so (never spending what is not there). Same arithmetic as
 * {@link dev.cordbus.gateway.identify.IdentifySchedule}.
 */
public final class ClusterIdentifyQueue implements IdentifyQueue {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIdentifyQueue.class);
  /** The cluster map holding the identify state. */
  public static final String MAP = "cordbus.gateway.identify";
  static final String BUDGET = "budget";
  private static final long DAY_MS = 86_400_000L;
  private static final long OP_TIMEOUT_MS = 10_000;
  private static final long RETRY_MS = 1_000;

  private final Vertx vertx;
  private final long intervalMs;
  private final long slotMs;
  private final int maxConcurrency;
  private final Future<AsyncMap<String, String>> map;
  private final Map<Integer, Future<Void>> chains = new HashMap<>();
  private final Map<Long, Promise<Void>> waiting = new HashMap<>();
  private boolean closed;
  private final ErrorPublisher errors;

  /**
   * @param intervalMs spacing of two IDENTIFYs in one bucket (Discord: 5000)
   * @param limit {@code session_start_limit} as this node read it; merged into the cluster budget
   */
  public ClusterIdentifyQueue(Vertx vertx, long intervalMs, SessionStartLimit limit) {
    this.vertx = vertx;
    this.intervalMs = intervalMs;
    this.slotMs = intervalMs + intervalMs / 10;
    this.maxConcurrency = limit.maxConcurrency();
    this.errors = new ErrorPublisher(vertx, null, null);
    this.map = vertx.sharedData().<String, String>getAsyncMap(MAP)
        .compose(m -> mergeBudget(m, limit).map(m));
  }

  /** Budget state {@code total;remaining;resetAt} (wall ms), a plain string so compare-and-set compares exactly. */
  record Budget(int total, int remaining, long resetAt) {
    static Budget decode(String s) {
      String[] p = s.split(";");
      return new Budget(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Long.parseLong(p[2]));
    }

    String encode() {
      return total + ";" + remaining + ";" + resetAt;
    }
  }

  private static Budget budget(int total, int remaining, long resetAt) {
    return new Budget(total, remaining, resetAt);
  }

  private static Future<Void> mergeBudget(AsyncMap<String, String> m, SessionStartLimit limit) {
    long now = System.currentTimeMillis();
    String fresh = budget(limit.total(), limit.remaining(), now + limit.resetAfterMs()).encode();
    return m.putIfAbsent(BUDGET, fresh).compose(old -> {
      if (old == null) {
        return Future.succeededFuture();
      }
      Budget b = Budget.decode(old);
      if (b.resetAt() <= now) {
        return m.replaceIfPresent(BUDGET, old, fresh).mapEmpty();
      }
      if (limit.remaining() < b.remaining()) {
        // Discord knows better: someone else (another deployment, a manual run) spent session starts
        return m.replaceIfPresent(BUDGET, old, budget(b.total(), limit.remaining(), b.resetAt()).encode())
            .mapEmpty();
      }
      return Future.succeededFuture();
    });
  }

  @Override
  public synchronized Future<Void> acquire(int shardId) {
    if (closed) {
      return closedFailure();
    }
    int bucket = Math.floorMod(shardId, maxConcurrency);
    Future<Void> previous = chains.getOrDefault(bucket, Future.succeededFuture());
    Future<Long> reserved = previous.transform(ar -> reserveWithRetry(shardId, bucket, 0));
    chains.put(bucket, reserved.transform(ar -> Future.succeededFuture()));
    return reserved.compose(this::waitUntil).compose(v -> afterLastSent(bucket, 0));
  }

  /** Waits, if needed, until a slot after the bucket's last real IDENTIFY (at most 3 re-checks). */
  private Future<Void> afterLastSent(int bucket, int round) {
    return map.compose(m -> m.get(sentKey(bucket))).timeout(OP_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise((String) null).compose(last -> {
          long at = last == null ? Long.MIN_VALUE : Long.parseLong(last) + slotMs;
          if (round >= 3 || at <= System.currentTimeMillis()) {
            return Future.succeededFuture();
          }
          return waitUntil(at).compose(v -> afterLastSent(bucket, round + 1));
        });
  }

  private String sentKey(int bucket) {
    return "sent." + bucket + "." + maxConcurrency;
  }

  /** The budget left as last read or written by this node. */
  private volatile int lastRemaining = -1;

  @Override
  public int remaining() {
    return lastRemaining;
  }

  @Override
  public void identified(int shardId) {
    int bucket = Math.floorMod(shardId, maxConcurrency);
    long now = System.currentTimeMillis();
    map.compose(m -> m.put(sentKey(bucket), Long.toString(now)))
        .onFailure(e -> LOG.debug("could not record shard {}'s identify time: {}", shardId, e.toString()));
    // the next slot of the bucket is at least a slot after this real send
    map.compose(m -> pushBack(m, "bucket." + bucket + "." + maxConcurrency, now + slotMs));
  }

  private static Future<Void> pushBack(AsyncMap<String, String> m, String key, long notBefore) {
    return m.get(key).compose(old -> {
      if (old != null && Long.parseLong(old) >= notBefore) {
        return Future.succeededFuture();
      }
      Future<Boolean> cas = old == null ? m.putIfAbsent(key, Long.toString(notBefore)).map(p -> p == null)
          : m.replaceIfPresent(key, old, Long.toString(notBefore));
      return cas.compose(ok -> ok ? Future.<Void>succeededFuture() : pushBack(m, key, notBefore));
    });
  }

  /** Every this many failed attempts in a row (and the first) is published on {@code discord.error}. */
  static final int REPORT_EVERY = 30;

  private Future<Long> reserveWithRetry(int shard, int bucket, int failures) {
    synchronized (this) {
      if (closed) {
        return closedFailure();
      }
    }
    return map.compose(m -> spendBudget(m, shard).compose(earliest -> takeSlot(m, bucket, earliest)))
        .timeout(OP_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(e -> {
          if (e instanceof GatewayException) {
            return Future.failedFuture(e);
          }
          LOG.warn("shard {}: cluster identify state unavailable ({}); retrying in {} ms", shard, e.toString(),
              RETRY_MS);
          if (failures % REPORT_EVERY == 0) {
            errors.publish(ErrorKinds.IDENTIFY_QUEUE, shard, "shard " + shard + ": the cluster identify queue ("
                + MAP + ") is unavailable (" + (failures + 1) + " attempt(s) in a row); retrying every " + RETRY_MS
                + " ms. Check the Hazelcast cluster", e, new JsonObject().put("attempts", failures + 1));
          }
          Promise<Long> again = Promise.promise();
          vertx.setTimer(RETRY_MS, t -> reserveWithRetry(shard, bucket, failures + 1).onComplete(again));
          return again.future();
        });
  }

  /** Spends one session start; completes with the earliest time it may be used (later when the budget is out). */
  private Future<Long> spendBudget(AsyncMap<String, String> m, int shard) {
    return m.get(BUDGET).compose(old -> {
      long now = System.currentTimeMillis();
      Budget b = old == null ? budget(1000, 1000, now + DAY_MS) : Budget.decode(old);
      int total = b.total();
      int remaining = b.remaining();
      long resetAt = b.resetAt();
      long earliest = now;
      if (now >= resetAt) {
        remaining = total;
        resetAt = now + DAY_MS;
      }
      if (remaining <= 0) {
        earliest = resetAt;
        remaining = total;
        resetAt = resetAt + DAY_MS;
      }
      String next = budget(total, remaining - 1, resetAt).encode();
      lastRemaining = remaining - 1;
      long at = earliest;
      Future<Boolean> cas = old == null ? m.putIfAbsent(BUDGET, next).map(p -> p == null)
          : m.replaceIfPresent(BUDGET, old, next);
      return cas.compose(ok -> {
        if (!ok) {
          return spendBudget(m, shard);
        }
        if (at > now) {
          budgetUsedUp(shard, at - now);
        }
        return Future.succeededFuture(at);
      });
    });
  }

  private void budgetUsedUp(int shard, long waitMs) {
    String message = "shard " + shard + ": the cluster's daily session start budget (session_start_limit) is used "
        + "up; waiting " + waitMs + " ms for reset_after before identifying";
    LOG.warn(message);
    errors.publish(ErrorKinds.SESSION_BUDGET, shard, message, null,
        new JsonObject().put("waitMs", waitMs).put("remaining", 0));
  }

  /** Reserves the bucket's next slot at or after {@code earliest}; completes with the slot's time. */
  private Future<Long> takeSlot(AsyncMap<String, String> m, int bucket, long earliest) {
    String key = "bucket." + bucket + "." + maxConcurrency;
    return m.get(key).compose(old -> {
      long now = System.currentTimeMillis();
      long at = Math.max(Math.max(now, earliest), old == null ? Long.MIN_VALUE : Long.parseLong(old));
      String next = Long.toString(at + slotMs);
      Future<Boolean> cas = old == null ? m.putIfAbsent(key, next).map(p -> p == null)
          : m.replaceIfPresent(key, old, next);
      return cas.compose(ok -> ok ? Future.succeededFuture(at) : takeSlot(m, bucket, earliest));
    });
  }

  private synchronized Future<Void> waitUntil(long atMs) {
    if (closed) {
      return closedFailure();
    }
    long delay = atMs - System.currentTimeMillis();
    if (delay <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    long[] timer = new long[1];
    timer[0] = vertx.setTimer(delay, t -> {
      synchronized (this) {
        waiting.remove(timer[0]);
      }
      promise.tryComplete();
    });
    waiting.put(timer[0], promise);
    return promise.future();
  }

  /** The spacing this queue enforces per bucket (the interval plus 10 %). */
  public long slotMs() {
    return slotMs;
  }

  /** The configured identify interval. */
  public long intervalMs() {
    return intervalMs;
  }

  private static <T> Future<T> closedFailure() {
    return Future.failedFuture(new GatewayException(GatewayException.Kind.NOT_CONNECTED, "identify queue closed"));
  }

  @Override
  public synchronized void close() {
    closed = true;
    waiting.forEach((timer, promise) -> {
      vertx.cancelTimer(timer);
      promise.tryFail(new GatewayException(GatewayException.Kind.NOT_CONNECTED, "identify queue closed"));
    });
    waiting.clear();
  }
}
