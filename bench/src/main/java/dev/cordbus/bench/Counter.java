package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts events and keeps a time sample (and the process CPU time then) every {@value #SAMPLE_EVERY} events, so that
 * the rate over the whole run and over its second half, and the CPU that second half cost, can be computed afterwards.
 * Safe to call from any thread.
 *
 * <p>The samples grow with the count (a few KiB for a run of 100,000 events): the counter lives in the client JVM
 * whose heap after GC the bench reports, so it must not add to it (a fixed 8 MiB array once did, in every Java row).
 */
public final class Counter {

  static final int SAMPLE_EVERY = 64;
  private static final int MAX_SAMPLES = 1 << 20;

  private final AtomicLong count = new AtomicLong();
  private long[] samples = new long[1024];
  private long[] cpuSamples = new long[1024];
  private final LongSupplier cpuNanos;
  private volatile long firstNanos;
  private volatile long lastNanos;
  private volatile boolean armed;

  /** A counter sampling this process's CPU time. */
  public Counter() {
    this(ClientChild::cpuNanos);
  }

  /** A counter sampling {@code cpuNanos} (tests). */
  Counter(LongSupplier cpuNanos) {
    this.cpuNanos = cpuNanos;
  }

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
      sample((int) (n / SAMPLE_EVERY), now, cpuNanos.getAsLong());
    }
    lastNanos = now;
  }

  private synchronized void sample(int index, long nanos, long cpu) {
    if (index >= samples.length) {
      int n = Math.min(MAX_SAMPLES, Math.max(index + 1, samples.length * 2));
      samples = java.util.Arrays.copyOf(samples, n);
      cpuSamples = java.util.Arrays.copyOf(cpuSamples, n);
    }
    samples[index] = nanos;
    cpuSamples[index] = cpu;
  }

  /**
   * The second half of the events, from the sample at half the count to the last sample: {@code fromNanos},
   * {@code toNanos}, {@code events} in between and the process {@code cpuSeconds} they cost (the JIT has mostly done
   * its work by then: the closest these runs come to the steady cost per event). Null with fewer than three samples.
   */
  public synchronized JsonObject secondHalf() {
    long last = count.get() / SAMPLE_EVERY;
    long half = last / 2;
    if (half < 1 || last >= samples.length || samples[(int) half] == 0 || samples[(int) last] == 0 || last - half < 2) {
      return null;
    }
    return new JsonObject().put("fromNanos", samples[(int) half]).put("toNanos", samples[(int) last])
        .put("events", (last - half) * SAMPLE_EVERY)
        .put("cpuSeconds", (cpuSamples[(int) last] - cpuSamples[(int) half]) / 1e9);
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
