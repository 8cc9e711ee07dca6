package dev.cordbus.rest.ratelimit;

import dev.cordbus.api.rest.RestAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

/**
 * The global limit (50 requests per second per bot) counted over every REST verticle of the cluster, with the same
 * rule as the local {@link GlobalLimiter}: a request counts from its send until {@code windowMs} after its answer.
 * One entry {@link #KEY} in {@link RestAddresses#BUCKETS_MAP}: {@code {inFlight:{id: sentAt}, answered:[t...],
 * pausedUntil}}, changed by compare-and-set like {@link SharedBuckets}. An in-flight request older than
 * {@code staleMs} (its node died) no longer counts. Every request touches this one entry twice, so it is a hot
 * key: enable it ({@code sharedGlobal}) when several REST nodes share a token and their sum can approach the limit.
 */
public final class SharedGlobal {

  /** The map key of the global window. */
  public static final String KEY = "global";

  private final Vertx vertx;
  private final int limit;
  private final long windowMs;
  private final long staleMs;
  private Future<AsyncMap<String, JsonObject>> map;

  /** {@code limit} requests per {@code windowMs} over the cluster. */
  public SharedGlobal(Vertx vertx, int limit, long windowMs, long staleMs) {
    this.vertx = vertx;
    this.limit = limit;
    this.windowMs = windowMs;
    this.staleMs = staleMs;
  }

  /** Counts request {@code id} as sent: 0 when it may go now, else milliseconds to wait before asking again. */
  public Future<Long> acquire(String id) {
    return change((state, now) -> {
      long wait = waitMillis(state, now);
      if (wait == 0) {
        state.getJsonObject("inFlight").put(id, now);
      }
      return wait;
    });
  }

  /** Request {@code id} was answered (or failed) now. */
  public Future<Void> answered(String id) {
    return change((state, now) -> {
      if (state.getJsonObject("inFlight").remove(id) != null) {
        state.getJsonArray("answered").add(now);
      }
      return null;
    });
  }

  /** A global 429: nobody sends for {@code retryAfterMs}. */
  public Future<Void> pause(long retryAfterMs) {
    return change((state, now) -> {
      state.put("pausedUntil", Math.max(state.getLong("pausedUntil", 0L), now + retryAfterMs));
      return null;
    });
  }

  /** The pure decision on a state (pruned in place): 0, or milliseconds to wait. */
  long waitMillis(JsonObject state, long now) {
    long paused = state.getLong("pausedUntil", 0L);
    if (now < paused) {
      return paused - now;
    }
    JsonObject inFlight = state.getJsonObject("inFlight");
    inFlight.fieldNames().removeIf(k -> now - inFlight.getLong(k) > staleMs);
    JsonArray answered = state.getJsonArray("answered");
    while (!answered.isEmpty() && answered.getLong(0) + windowMs <= now) {
      answered.remove(0);
    }
    if (inFlight.size() + answered.size() < limit) {
      return 0;
    }
    return answered.isEmpty() ? GlobalLimiter.IN_FLIGHT_POLL_MS : Math.max(1, answered.getLong(0) + windowMs - now);
  }

  private <T> Future<T> change(java.util.function.BiFunction<JsonObject, Long, T> decision) {
    if (map == null || map.failed()) {
      map = vertx.sharedData().getAsyncMap(RestAddresses.BUCKETS_MAP);
    }
    return map.compose(m -> SharedBuckets.compareAndSet(m, KEY, old -> {
      JsonObject state = old == null ? new JsonObject() : old.copy();
      if (!(state.getValue("inFlight") instanceof JsonObject)) {
        state.put("inFlight", new JsonObject());
      }
      if (!(state.getValue("answered") instanceof JsonArray)) {
        state.put("answered", new JsonArray());
      }
      T result = decision.apply(state, System.currentTimeMillis());
      return new SharedBuckets.Change<>(result, state.equals(old) ? null : state);
    }, 1));
  }
}
