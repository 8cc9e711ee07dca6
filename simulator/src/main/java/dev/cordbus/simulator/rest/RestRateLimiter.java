package dev.cordbus.simulator.rest;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Per-route, per-major-parameter rate-limit buckets (REST.md "Rate limits"): {@code limit} requests per fixed window
 * per bucket key, with the numbers the {@code X-RateLimit-*} headers carry. Pure (the caller passes the clock).
 */
public final class RestRateLimiter {

  /** The state of a bucket after one request. */
  public record Decision(boolean allowed, int limit, int remaining, long resetAtMs, long resetAfterMs, String bucket) {
  }

  private record Window(long startMs, int used) {
  }

  private final int limit;
  private final long windowMs;
  private final Map<String, Window> windows = new HashMap<>();

  public RestRateLimiter(int limit, long windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts a request on {@code route} (template) for {@code majorParameter} at {@code nowMs}. */
  public Decision acquire(String route, String majorParameter, long nowMs) {
    String key = route + "|" + majorParameter;
    Window w = windows.get(key);
    if (w == null || nowMs - w.startMs >= windowMs) {
      w = new Window(nowMs, 0);
    }
    boolean allowed = w.used < limit;
    if (allowed) {
      w = new Window(w.startMs, w.used + 1);
    }
    windows.put(key, w);
    long resetAt = w.startMs + windowMs;
    return new Decision(allowed, limit, Math.max(0, limit - w.used), resetAt, Math.max(0, resetAt - nowMs),
        bucketId(route));
  }

  /** An opaque, stable bucket id per route template (like Discord's hashes). */
  static String bucketId(String route) {
    long h = 1125899906842597L;
    for (int i = 0; i < route.length(); i++) {
      h = 31 * h + route.charAt(i);
    }
    return HexFormat.of().toHexDigits(h) + HexFormat.of().toHexDigits(Long.rotateLeft(h, 17) ^ 0x5DEECE66DL);
  }
}
