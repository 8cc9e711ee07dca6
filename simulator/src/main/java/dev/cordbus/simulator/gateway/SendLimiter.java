package dev.cordbus.simulator.gateway;

/**
 * Client payloads per connection per window (Discord: 120 per 60 s, else close 4008). A sliding window over the last
 * {@code limit} send times. Pure; the caller passes the clock.
 */
public final class SendLimiter {

  private final long[] times;
  private final long windowMs;
  private int next;
  private long count;

  public SendLimiter(int limit, long windowMs) {
    this.times = new long[limit];
    this.windowMs = windowMs;
  }

  /** Records a payload at {@code nowMs}; returns false when it is one too many for the window. */
  public boolean tryAcquire(long nowMs) {
    if (count >= times.length && nowMs - times[next] < windowMs) {
      return false;
    }
    times[next] = nowMs;
    next = (next + 1) % times.length;
    count++;
    return true;
  }
}
