package dev.cordbus.rest.ratelimit;

import dev.cordbus.api.rest.RestAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The cluster-wide copy of the route buckets: one {@link Bucket} state per route and major parameter (its
 * provisional bucket id) in the cluster map {@link RestAddresses#BUCKETS_MAP}, shared by the REST verticles of every
 * node, so all of them together never spend more than a bucket's budget.
 *
 * <p>Each change is a compare-and-set on the map entry (read, apply the same {@link Bucket} decisions the local
 * limiter uses, {@code replaceIfPresent} the exact value read; retry on a conflict), so there is no lock to leak
 * when a node dies. A reservation counts the request in flight cluster-wide until its answer is applied. Requests in
 * flight of a node that died are forgotten once the entry has not changed for {@code staleInFlightMs}. Times are
 * wall-clock milliseconds, which the nodes share within the reset margin (one machine, or NTP).
 */
public final class SharedBuckets {

  /** How often a reservation that waits for another node's answer looks again. */
  static final long POLL_MS = 10;
  /** Conflicting writes tolerated before a change fails. */
  static final int MAX_ATTEMPTS = 50;

  private final Vertx vertx;
  private final long marginMs;
  private final long staleInFlightMs;
  private Future<AsyncMap<String, JsonObject>> map;

  /** Buckets on {@code vertx}'s shared data; {@code marginMs} as in {@link Bucket}. */
  public SharedBuckets(Vertx vertx, long marginMs, long staleInFlightMs) {
    this.vertx = vertx;
    this.marginMs = marginMs;
    this.staleInFlightMs = staleInFlightMs;
  }

  /** Reserves one request of bucket {@code key}: 0 when reserved (send now), else milliseconds to wait first. */
  public Future<Long> acquire(String key) {
    return change(key, (b, now) -> {
      long wait = b.waitMillis(now);
      if (wait == 0) {
        b.reserve();
        return 0L;
      }
      return wait == Bucket.AWAIT_RESPONSE ? POLL_MS : wait;
    });
  }

  /** A reserved request got a response that was not a 429: applies its headers. */
  public Future<Void> answered(String key, RateLimitHeaders headers) {
    return change(key, (b, now) -> {
      b.release();
      b.update(headers, now);
      return null;
    });
  }

  /** A reserved request got a route-scoped 429: nothing more on the bucket for {@code retryAfterMs}. */
  public Future<Void> rateLimited(String key, RateLimitHeaders headers, long retryAfterMs, boolean global) {
    return change(key, (b, now) -> {
      b.release();
      if (!global) {
        if (headers.hasBucketState()) {
          b.update(headers, now);
        }
        b.rateLimited(retryAfterMs, now);
      }
      return null;
    });
  }

  /** A reserved request got no answer: frees its slot. */
  public Future<Void> failed(String key) {
    return change(key, (b, now) -> {
      b.release();
      return null;
    });
  }

  private Future<AsyncMap<String, JsonObject>> map() {
    if (map == null || map.failed()) {
      map = vertx.sharedData().getAsyncMap(RestAddresses.BUCKETS_MAP);
    }
    return map;
  }

  private <T> Future<T> change(String key, BiFunction<Bucket, Long, T> decision) {
    return map().compose(m -> compareAndSet(m, key, old -> {
      long now = System.currentTimeMillis();
      Bucket b = Bucket.fromJson(key, marginMs, old == null ? null : old.getJsonObject("bucket"));
      if (old != null && b.inFlight() > 0 && now - old.getLong("changedAt", now) > staleInFlightMs) {
        b.forgetInFlight();
      }
      T result = decision.apply(b, now);
      JsonObject state = b.toJson();
      if (old != null && state.equals(old.getJsonObject("bucket"))) {
        return new Change<>(result, null); // nothing changed: no write
      }
      return new Change<>(result, new JsonObject().put("bucket", state).put("changedAt", now)
          .put("version", old == null ? 1 : old.getLong("version", 0L) + 1));
    }, 1));
  }

  /**
   * The outcome of one decision on a map entry.
   *
   * @param result what the caller gets
   * @param next the value to write, or null to write nothing
   */
  record Change<T>(T result, JsonObject next) {
  }

  /**
   * Reads {@code key}, applies {@code decision} to the value read (null when absent) and writes its {@code next} only
   * if the entry still holds exactly that value ({@code putIfAbsent} / {@code replaceIfPresent}); on a conflict reads
   * and decides again, at most {@link #MAX_ATTEMPTS} times.
   */
  static <T> Future<T> compareAndSet(AsyncMap<String, JsonObject> m, String key,
      Function<JsonObject, Change<T>> decision, int attempt) {
    return m.get(key).compose(old -> {
      Change<T> change = decision.apply(old);
      if (change.next() == null) {
        return Future.succeededFuture(change.result());
      }
      Future<Boolean> written = old == null ? m.putIfAbsent(key, change.next()).map(prev -> prev == null)
          : m.replaceIfPresent(key, old, change.next());
      return written.compose(ok -> {
        if (ok) {
          return Future.succeededFuture(change.result());
        }
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(new IllegalStateException("entry " + key + " changed " + attempt
              + " times under us"));
        }
        return compareAndSet(m, key, decision, attempt + 1);
      });
    });
  }
}
