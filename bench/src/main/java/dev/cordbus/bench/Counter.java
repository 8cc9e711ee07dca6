package dev.cordbus.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts events and keeps a time sample every {@value #SAMPLE_EVERY} events, so that the rate over the whole run and
 * over its second half can be computed afterwards. Safe to call from any thread.
 *
 * <p>The samples grow with the count (a few KiB for a run of 100,000 events): the counter lives in the client JVM
 * whose heap after GC the bench reports, so it must not add to it (a fixed 8 MiB array once did, in every Java row).
 */
public final class Counter {

  static final int SAMPLE_EVERY = 64;
  private static final int MAX_SAMPLES = 1 << 20;

  private final AtomicLong count = new AtomicLong();
  private long[] samples = new long[1024];
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
      sample((int) (n / SAMPLE_EVERY), now);
    }
    lastNanos = now;
  }

  private synchronized void sample(int index, long nanos) {
    if (index >= samples.length) {
      samples = java.util.Arrays.copyOf(samples, Math.min(MAX_SAMPLES, Math.max(index + 1, samples.length * 2)));
    }
    samples[index] = nanos;
  }

  private synchronized long sampleAt(long index) {
    return index < samples.length ? samples[(int) index] : 0;
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
    long at = idx < 1 ? 0 : sampleAt(idx);
    if (at == 0) {
      return rate();
    }
    return rate(idx * SAMPLE_EVERY, at);
  }

  private double rate(long fromCount, long fromNanos) {
    long n = count.get() - fromCount;
    long span = lastNanos - fromNanos;
    return n <= 0 || span <= 0 ? 0 : n * 1e9 / span;
  }
}
