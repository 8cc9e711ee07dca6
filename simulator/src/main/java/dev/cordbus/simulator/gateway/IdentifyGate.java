package dev.cordbus.simulator.gateway;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Session-start budget and identify concurrency (GATEWAY.md §8): each accepted IDENTIFY spends one of
 * {@code total} per reset period; at most one IDENTIFY per {@code shard % maxConcurrency} bucket per window. Pure
 * (the caller passes the clock).
 */
public final class IdentifyGate {

  /** Outcome of an IDENTIFY attempt. */
  public enum Decision {
    /** Start the session. */
    OK,
    /** Another IDENTIFY of the same bucket happened within the window: op 9 false. */
    CONCURRENCY_LIMITED,
    /** No session starts left (Discord would reset the token): op 9 false. */
    SESSION_LIMIT_EXHAUSTED
  }

  private final int total;
  private final long resetAfterMs;
  private final int maxConcurrency;
  private final long windowMs;
  private final Map<Integer, Long> lastByBucket = new HashMap<>();
  private int remaining;
  private long resetAt;

  public IdentifyGate(int total, long resetAfterMs, int maxConcurrency, long windowMs, long nowMs) {
    this.total = total;
    this.resetAfterMs = resetAfterMs;
    this.maxConcurrency = maxConcurrency;
    this.windowMs = windowMs;
    this.remaining = total;
    this.resetAt = nowMs + resetAfterMs;
  }

  /** Decides an IDENTIFY of {@code shard} at {@code nowMs}; an OK spends one session start. */
  public Decision tryIdentify(int shard, long nowMs) {
    roll(nowMs);
    if (remaining <= 0) {
      return Decision.SESSION_LIMIT_EXHAUSTED;
    }
    int bucket = shard % maxConcurrency;
    Long last = lastByBucket.get(bucket);
    if (last != null && nowMs - last < windowMs) {
      return Decision.CONCURRENCY_LIMITED;
    }
    lastByBucket.put(bucket, nowMs);
    remaining--;
    return Decision.OK;
  }

  /** {@code {total, remaining, reset_after, max_concurrency}} as {@code GET /gateway/bot} gives it. */
  public JsonObject sessionStartLimit(long nowMs) {
    roll(nowMs);
    return new JsonObject().put("total", total).put("remaining", remaining)
        .put("reset_after", Math.max(0, resetAt - nowMs)).put("max_concurrency", maxConcurrency);
  }

  private void roll(long nowMs) {
    if (nowMs >= resetAt) {
      remaining = total;
      resetAt = nowMs + resetAfterMs;
    }
  }
}
