package dev.cordbus.bench;

import java.util.function.LongSupplier;

/**
 * The process CPU time sampled every {@value #EVERY_MS} ms by a daemon thread (bounded: {@value #MAX} samples, then it
 * stops), so that the CPU of a window another JVM of the host timed ({@code System.nanoTime()}, the host's
 * monotonic clock) can be read afterwards: the two-node gateway JVM's share of the bot's second half.
 */
final class CpuTrace {

  static final int EVERY_MS = 10;
  static final int MAX = 100_000;

  private final long[] nanos = new long[MAX];
  private final long[] cpu = new long[MAX];
  private final LongSupplier cpuNanos;
  private int size;
  private volatile boolean stopped;

  CpuTrace(LongSupplier cpuNanos) {
    this.cpuNanos = cpuNanos;
  }

  /** Starts sampling this process's CPU time. */
  static CpuTrace start() {
    CpuTrace t = new CpuTrace(ClientChild::cpuNanos);
    Thread th = new Thread(t::run, "cpu-trace");
    th.setDaemon(true);
    th.start();
    return t;
  }

  private void run() {
    while (!stopped) {
      add(System.nanoTime(), cpuNanos.getAsLong());
      try {
        Thread.sleep(EVERY_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One sample (the thread's, or a test's). */
  synchronized void add(long atNanos, long cpuNanosThen) {
    if (size == MAX) {
      stopped = true;
      return;
    }
    nanos[size] = atNanos;
    cpu[size] = cpuNanosThen;
    size++;
  }

  /** CPU seconds between two instants, interpolated between samples; -1 when the trace does not cover them. */
  synchronized double secondsBetween(long fromNanos, long toNanos) {
    double a = at(fromNanos);
    double b = at(toNanos);
    return a < 0 || b < 0 ? -1 : (b - a) / 1e9;
  }

  private double at(long t) {
    for (int i = 1; i < size; i++) {
      if (nanos[i] >= t && nanos[i - 1] <= t) {
        long span = nanos[i] - nanos[i - 1];
        double f = span == 0 ? 0 : (double) (t - nanos[i - 1]) / span;
        return cpu[i - 1] + f * (cpu[i] - cpu[i - 1]);
      }
    }
    return -1;
  }

  void stop() {
    stopped = true;
  }
}
