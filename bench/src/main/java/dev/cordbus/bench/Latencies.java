package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivery latencies in nanoseconds (bounded: at most {@code capacity} are kept), the first {@code skip} dropped as
 * warm-up. Written from one thread per instance (an event loop); read after the run.
 */
final class Latencies {

  private final long[] values;
  private final int skip;
  private final AtomicInteger seen = new AtomicInteger();
  private volatile int size;
  private final GcPauses gc = GcPauses.install();
  private volatile long firstNanos;
  private volatile long lastNanos;

  Latencies(int capacity, int skip) {
    this.values = new long[capacity];
    this.skip = skip;
  }

  void add(long nanos) {
    int n = seen.getAndIncrement();
    if (n >= skip && size < values.length) {
      long now = System.nanoTime();
      if (size == 0) {
        firstNanos = now;
      }
      lastNanos = now;
      values[size] = nanos;
      size = size + 1;
    }
  }

  /**
   * {@code {count, p50Ms, p99Ms, p999Ms, maxMs, gcPauses, gcPauseTotalMs, gcPauseMaxMs}}, the GC figures over the
   * measured events (this JVM's pauses only).
   */
  JsonObject summary() {
    long[] v = Arrays.copyOf(values, size);
    Arrays.sort(v);
    JsonObject j = new JsonObject().put("count", v.length);
    if (v.length == 0) {
      return j;
    }
    j.mergeIn(gc.between(firstNanos, lastNanos + 1_000_000));
    return j.put("p50Ms", at(v, 0.50)).put("p99Ms", at(v, 0.99)).put("p999Ms", at(v, 0.999))
        .put("maxMs", v[v.length - 1] / 1e6);
  }

  static double at(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
