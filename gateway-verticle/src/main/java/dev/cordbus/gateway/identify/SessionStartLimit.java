package dev.cordbus.gateway.identify;

import io.vertx.core.json.JsonObject;

/**
 * {@code session_start_limit} of {@code /gateway/bot} (GATEWAY.md §8).
 *
 * @param total IDENTIFYs allowed per reset period (normally 1000 per 24 h)
 * @param remaining IDENTIFYs left in the current period
 * @param resetAfterMs ms until {@code remaining} is back to {@code total}
 * @param maxConcurrency IDENTIFYs allowed per 5 s, one per bucket {@code shard % maxConcurrency}
 */
public record SessionStartLimit(int total, int remaining, long resetAfterMs, int maxConcurrency) {

  /** What a bot without information assumes. */
  public static final SessionStartLimit DEFAULT = new SessionStartLimit(1000, 1000, 86_400_000L, 1);

  public SessionStartLimit {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("max_concurrency must be >= 1, was " + maxConcurrency);
    }
  }

  /** Parses Discord's JSON object; missing fields take {@link #DEFAULT}'s values. */
  public static SessionStartLimit fromJson(JsonObject json) {
    if (json == null) {
      return DEFAULT;
    }
    return new SessionStartLimit(json.getInteger("total", DEFAULT.total),
        json.getInteger("remaining", DEFAULT.remaining),
        json.getLong("reset_after", DEFAULT.resetAfterMs),
        Math.max(1, json.getInteger("max_concurrency", DEFAULT.maxConcurrency)));
  }
}
