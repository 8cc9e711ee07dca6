package dev.cordbus.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts events and keeps a time sample every {@value #SAMPLE_EVERY} events, so that the rate over the whole run and
 * over its second half can be computed afterwards. Safe to call from any thread.
 */
public final class Counter {

  static final int SAMPLE_EVERY = 64;
  private static final int MAX_SAMPLES = 1 << 20;

  private final AtomicLong count = new AtomicLong();
  private final long[] samples = new long[MAX_SAMPLES];
  private volatile long firstNanos;
  private volatile long lastNanos;
  private volatile boolean armed;

  /** From now on events count (events before are warm-up: READY, GUILD_CREATE...). */
  public void arm() {
    armed = true;
  }

  /** One event, at {@code System.nanoTime()}. */
  public void hit() {
    if (!armed) {
      return;
    }
    long now = System.nanoTime();
    long n = count.incrementAndGet();
    if (n == 1) {
      firstNanos = now;
    }
    if (n % SAMPLE_EVERY == 0 && n / SAMPLE_EVERY < MAX_SAMPLES) {
      samples[(int) (n / SAMPLE_EVERY)] = now;
    }
    lastNanos = now;
  }

  public long count() {
    return count.get();
  }

  public long lastNanos() {
    return lastNanos;
  }

  /** Events per second from the first to the last event; 0 when fewer than two. */
  public double rate() {
    return rate(1, firstNanos);
  }

  /** Events per second over the second half of the events. */
  public double secondHalfRate() {
    long n = count.get();
    long idx = (n / 2) / SAMPLE_EVERY;
    if (idx < 1 || idx >= MAX_SAMPLES || samples[(int) idx] == 0) {
      return rate();
    }
    return rate(idx * SAMPLE_EVERY, samples[(int) idx]);
  }

  private double rate(long fromCount, long fromNanos) {
    long n = count.get() - fromCount;
    long span = lastNanos - fromNanos;
    return n <= 0 || span <= 0 ? 0 : n * 1e9 / span;
  }
}
