package dev.cordbus.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a stall of the whole process (collector, safepoint, the OS not running it) from an event loop held by a long
 * task: a daemon thread that asks to sleep 1 ms, over and over, and records every wake-up more than
 * {@value #REPORT_MS} ms late. If a slow event's window shows no late wake-up here, the JVM ran and something held
 * the pipeline; if it does, the process itself was stopped. Bounded: at most {@value #MAX} stalls kept.
 */
final class StallProbe {

  static final long REPORT_MS = 3;
  static final int MAX = 10_000;
  private static StallProbe instance;

  private record Stall(long endNanos, double ms) {
  }

  private final List<Stall> stalls = new ArrayList<>();

  private StallProbe() {
  }

  /** The probe of this JVM, started on first use. */
  static synchronized StallProbe get() {
    if (instance == null) {
      instance = new StallProbe();
      Thread t = new Thread(instance::run, "cordbus-bench-stall-probe");
      t.setDaemon(true);
      t.setPriority(Thread.MAX_PRIORITY);
      t.start();
    }
    return instance;
  }

  private void run() {
    long last = System.nanoTime();
    while (true) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      double late = (now - last) / 1e6 - 1;
      if (late > REPORT_MS) {
        add(now, late);
      }
      last = now;
    }
  }

  private synchronized void add(long nanos, double ms) {
    if (stalls.size() < MAX) {
      stalls.add(new Stall(nanos, ms));
    }
  }

  /** One {@code stall endNanos ms} line per late wake-up. */
  synchronized String lines() {
    StringBuilder b = new StringBuilder();
    stalls.forEach(s -> b.append("stall ").append(s.endNanos).append(' ').append(s.ms).append('\n'));
    return b.toString();
  }
}
