package dev.cordbus.rest.ratelimit;

import java.util.function.Function;

/**
 * The rate-limit headers of one response (pure value). Absent numeric values are -1.
 *
 * @param limit {@code X-RateLimit-Limit}
 * @param remaining {@code X-RateLimit-Remaining}
 * @param resetAfterMs {@code X-RateLimit-Reset-After} in milliseconds (rounded up)
 * @param bucket {@code X-RateLimit-Bucket}, or null
 * @param scope {@code X-RateLimit-Scope} ({@code user}, {@code global}, {@code shared}), or null
 * @param global {@code X-RateLimit-Global: true}
 * @param retryAfterMs {@code Retry-After} in milliseconds, or -1
 */
public record RateLimitHeaders(int limit, int remaining, long resetAfterMs, String bucket, String scope,
    boolean global, long retryAfterMs) {

  /** Reads the headers through {@code header} (name to value or null; names as Discord spells them). */
  public static RateLimitHeaders parse(Function<String, String> header) {
    return new RateLimitHeaders(
        intOr(header.apply("X-RateLimit-Limit")),
        intOr(header.apply("X-RateLimit-Remaining")),
        secondsToMillis(header.apply("X-RateLimit-Reset-After")),
        header.apply("X-RateLimit-Bucket"),
        header.apply("X-RateLimit-Scope"),
        "true".equalsIgnoreCase(header.apply("X-RateLimit-Global")),
        secondsToMillis(header.apply("Retry-After")));
  }

  /** True when the response told the bucket's limit state. */
  public boolean hasBucketState() {
    return limit >= 0 && remaining >= 0 && resetAfterMs >= 0;
  }

  /** Seconds (decimals allowed) to milliseconds, rounded up; -1 when absent or malformed. */
  public static long secondsToMillis(String seconds) {
    if (seconds == null || seconds.isBlank()) {
      return -1;
    }
    try {
      double value = Double.parseDouble(seconds.trim());
      if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
        return -1;
      }
      return (long) Math.ceil(value * 1000.0);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int intOr(String value) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
