package dev.cordbus.rest.ratelimit;

import java.util.ArrayDeque;

/**
 * The global limit (50 requests per second per bot), safe whatever the latency: a request counts from when it is
 * sent until {@code windowMs} after its answer, so requests that Discord could have counted in one window of
 * {@code windowMs} never exceed {@code limit} (its arrival lies between send and answer). A global 429 pauses
 * everything for its {@code retry_after}. Pure; the caller passes the clock.
 */
public final class GlobalLimiter {

  /** How often a limiter whose whole budget is in flight looks again. */
  static final long IN_FLIGHT_POLL_MS = 5;

  private final int limit;
  private final long windowMs;
  /** Counted requests not answered yet. */
  private int inFlight;
  /** Answer times of counted requests, oldest first. */
  private final ArrayDeque<Long> answered = new ArrayDeque<>();
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
    while (!answered.isEmpty() && answered.peekFirst() + windowMs <= now) {
      answered.pollFirst();
    }
    if (inFlight + answered.size() < limit) {
      return 0;
    }
    if (answered.isEmpty()) {
      return IN_FLIGHT_POLL_MS;
    }
    return Math.max(1, answered.peekFirst() + windowMs - now);
  }

  /** Records a request sent at {@code now}. */
  public void record(long now) {
    inFlight++;
  }

  /** A counted request was answered (or failed) at {@code now}. */
  public void answered(long now) {
    if (inFlight > 0) {
      inFlight--;
    }
    answered.addLast(now);
  }

  /** A global 429: every request waits {@code retryAfterMs}. */
  public void pause(long retryAfterMs, long now) {
    pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
  }

  /** Requests counted now (in flight or answered within the window). */
  public int inWindow(long now) {
    return inFlight + (int) answered.stream().filter(t -> t + windowMs > now).count();
  }
}
