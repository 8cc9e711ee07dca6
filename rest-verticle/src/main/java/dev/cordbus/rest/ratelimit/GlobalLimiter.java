package dev.cordbus.rest.ratelimit;

import java.util.ArrayDeque;

/**
 * The global limit (50 requests per second per bot): a sliding window over the send times of the last
 * {@code limit} requests, so no interval of {@code windowMs} ever holds more than {@code limit} sends, plus a pause
 * after a global 429. Pure; the caller passes the clock.
 */
public final class GlobalLimiter {

  private final int limit;
  private final long windowMs;
  private final ArrayDeque<Long> sent = new ArrayDeque<>();
  /** No request before this instant (a global 429's retry_after). */
  private long pausedUntil;

  /** {@code limit} requests per {@code windowMs}. */
  public GlobalLimiter(int limit, long windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** 0 when a request may go now, else milliseconds to wait. */
  public long waitMillis(long now) {
    if (now < pausedUntil) {
      return pausedUntil - now;
    }
    while (!sent.isEmpty() && sent.peekFirst() + windowMs <= now) {
      sent.pollFirst();
    }
    if (sent.size() < limit) {
      return 0;
    }
    return Math.max(1, sent.peekFirst() + windowMs - now);
  }

  /** Records a request sent at {@code now}. */
  public void record(long now) {
    sent.addLast(now);
    while (sent.size() > limit) {
      sent.pollFirst();
    }
  }

  /** A global 429: every request waits {@code retryAfterMs}. */
  public void pause(long retryAfterMs, long now) {
    pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
  }

  /** Requests counted in the window ending at {@code now}. */
  public int inWindow(long now) {
    return (int) sent.stream().filter(t -> t + windowMs > now).count();
  }
}
