package dev.cordbus.simulator.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * REST fault injection: the next {@code count} API requests (except {@code /gateway} and {@code /gateway/bot}) are
 * answered with a 5xx (Discord's gateway errors under load: 500, 502, 503) or a 429 with {@code retry_after} and
 * {@code X-RateLimit-Scope: global}, whatever their rate-limit budget. Thread-safe.
 */
public final class RestStorm {

  private final AtomicInteger left = new AtomicInteger();
  private final AtomicInteger answered = new AtomicInteger();
  private volatile int status;
  private volatile long retryAfterMs;

  /** Starts a storm of {@code count} answers with {@code status} (5xx or 429, {@code retryAfterMs} for a 429). */
  public void start(int status, int count, long retryAfterMs) {
    if (status != 429 && (status < 500 || status > 599)) {
      throw new IllegalArgumentException("a REST storm is 429 or 5xx, not " + status);
    }
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    left.set(Math.max(0, count));
  }

  /** How many requests were answered by a storm so far. */
  public int answered() {
    return answered.get();
  }

  /** Answers {@code rc} if a storm is on; otherwise passes it on. */
  void handle(RoutingContext rc) {
    String path = rc.request().path();
    if (path.endsWith("/gateway") || path.endsWith("/gateway/bot")
        || left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      rc.next();
      return;
    }
    answered.incrementAndGet();
    int s = status;
    JsonObject body;
    if (s == 429) {
      double seconds = retryAfterMs / 1000.0;
      rc.response().putHeader("Retry-After", Long.toString((retryAfterMs + 999) / 1000))
          .putHeader("X-RateLimit-Global", "true").putHeader("X-RateLimit-Scope", "global");
      body = new JsonObject().put("message", "You are being rate limited.").put("retry_after", seconds)
          .put("global", true);
    } else {
      body = new JsonObject().put("message", s + ": upstream error (simulated storm)").put("code", 0);
    }
    rc.response().setStatusCode(s).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
