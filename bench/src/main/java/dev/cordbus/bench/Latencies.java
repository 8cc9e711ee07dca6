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
  private final long[] seqs;
  private final long[] handled;
  private final int skip;
  private final AtomicInteger seen = new AtomicInteger();
  private volatile int size;
  private final GcPauses gc = GcPauses.install();
  private final StallProbe stalls = Boolean.getBoolean("cordbus.bench.stallProbe") ? StallProbe.get() : null;
  /** Events received before this are not measured ({@link #startNow}); no limit in count mode. */
  private volatile long fromNanos = Long.MIN_VALUE;
  private volatile long firstNanos;
  private volatile long lastNanos;
  private volatile long lastSeenNanos = System.nanoTime();
  /** This JVM's thread CPU when the measured phase started ({@link #startNow}); null in count mode. */
  private volatile ThreadCpu.Split cpuAtStart;
  private volatile long cpuStartNanos;

  /** Measures every event after the first {@code skip}, or, with {@code skip} -1, those after {@link #startNow}. */
  Latencies(int capacity, int skip) {
    if (skip < 0) {
      fromNanos = Long.MAX_VALUE;
    }
    this.values = new long[capacity];
    this.seqs = new long[capacity];
    this.handled = new long[capacity];
    this.skip = skip;
  }

  /** Records one event: its {@code seq}, the gateway's {@code received-nanos} stamp, now = the handler running. */
  void add(long seq, long receivedNanos) {
    long now = System.nanoTime();
    lastSeenNanos = now;
    int n = seen.getAndIncrement();
    if (n >= skip && receivedNanos >= fromNanos && size < values.length) {
      if (size == 0) {
        firstNanos = now;
      }
      lastNanos = now;
      values[size] = now - receivedNanos;
      seqs[size] = seq;
      handled[size] = now;
      size = size + 1;
    }
  }

  /** From now on every event received (by the gateway) counts; the ones before were the warm-up phase. */
  void startNow() {
    cpuAtStart = ThreadCpu.now(); // read here, off the event loop: reading /proc takes a while
    cpuStartNanos = System.nanoTime();
    fromNanos = cpuStartNanos;
  }

  /** Nanoseconds since the last event was recorded or seen (warm-up included), or since creation. */
  long idleNanos() {
    return System.nanoTime() - lastSeenNanos;
  }

  /**
   * Writes the per-event timeline {@code seq receivedNanos handledNanos} (one line each, measured events only) and
   * this JVM's GC pauses ({@code gc endNanos ms}) to {@code file}, for finding where a slow event spent its time.
   */
  void dump(java.nio.file.Path file) throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < size; i++) {
      b.append(seqs[i]).append(' ').append(handled[i] - values[i]).append(' ').append(handled[i]).append('\n');
    }
    b.append(gc.lines());
    if (stalls != null) {
      b.append(stalls.lines());
    }
    java.nio.file.Files.writeString(file, b);
  }

  /**
   * {@code {count, p50Ms, p99Ms, p999Ms, maxMs, gcPauses, gcPauseTotalMs, gcPauseMaxMs, cpu?}}, the GC figures over
   * the measured events (this JVM's pauses only); {@code cpu} = this JVM's thread CPU from {@link #startNow} to now
   * as cores busy on average ({@code {jitCores, gcCores, otherCores, seconds}}), to tell whether the JIT compiler was
   * still at work while the events were measured (absent in count mode).
   */
  JsonObject summary() {
    JsonObject cpu = null;
    ThreadCpu.Split start = cpuAtStart;
    if (start != null) {
      double seconds = (System.nanoTime() - cpuStartNanos) / 1e9;
      ThreadCpu.Split used = ThreadCpu.now().minus(start);
      cpu = new JsonObject().put("jitCores", Math.max(0, used.jit()) / seconds)
          .put("gcCores", Math.max(0, used.gc()) / seconds).put("otherCores", Math.max(0, used.other()) / seconds)
          .put("seconds", seconds);
    }
    long[] v = Arrays.copyOf(values, size);
    Arrays.sort(v);
    JsonObject j = new JsonObject().put("count", v.length);
    if (cpu != null) {
      j.put("cpu", cpu);
    }
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
