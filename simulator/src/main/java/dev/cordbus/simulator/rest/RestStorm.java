package dev.cordbus.simulator.rest;

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
    if (s == 429) {
      rc.response().putHeader("Retry-After", Long.toString((retryAfterMs + 999) / 1000))
          .putHeader("X-RateLimit-Global", "true").putHeader("X-RateLimit-Scope", "global");
      RestSimRoutes.write(rc, 429, RestSimRoutes.rateLimited("You are being rate limited.", retryAfterMs, true));
    } else {
      RestSimRoutes.fail(rc, new SimError(s, 0, s + ": upstream error (simulated storm)", null));
    }
  }
}
