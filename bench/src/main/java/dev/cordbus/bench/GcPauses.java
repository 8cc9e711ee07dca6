package dev.cordbus.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.vertx.core.json.JsonObject;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world GC pauses of this JVM, from the collectors' notifications, so a latency report can say how much
 * of its tail is the collector's: a pause holds every handler, whatever the event path. Collectors whose beans report
 * concurrent cycles (ZGC and Shenandoah "Cycles", G1 "Concurrent GC") are left out: only pauses are counted.
 */
final class GcPauses {

  private record Pause(long endNanos, double ms) {
  }

  private final List<Pause> pauses = new ArrayList<>();

  private GcPauses() {
  }

  /** Starts listening to every pause-reporting collector of this JVM. */
  static GcPauses install() {
    GcPauses p = new GcPauses();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = gc.getName();
      if (name.contains("Cycles") || name.contains("Concurrent") || !(gc instanceof NotificationEmitter emitter)) {
        continue;
      }
      emitter.addNotificationListener((n, h) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          p.add(System.nanoTime(), info.getGcInfo().getDuration());
        }
      }, null, null);
    }
    return p;
  }

  private synchronized void add(long nanos, long ms) {
    pauses.add(new Pause(nanos, ms));
  }

  /** Every pause so far, one {@code gc endNanos ms} line each. */
  synchronized String lines() {
    StringBuilder b = new StringBuilder();
    pauses.forEach(p -> b.append("gc ").append(p.endNanos).append(' ').append(p.ms).append('\n'));
    return b.toString();
  }

  /** {@code {gcPauses, gcPauseTotalMs, gcPauseMaxMs}} for the pauses that ended between the two nanoTimes. */
  synchronized JsonObject between(long fromNanos, long toNanos) {
    int n = 0;
    double total = 0;
    double max = 0;
    for (Pause p : pauses) {
      if (p.endNanos >= fromNanos && p.endNanos <= toNanos) {
        n++;
        total += p.ms;
        max = Math.max(max, p.ms);
      }
    }
    return new JsonObject().put("gcPauses", n).put("gcPauseTotalMs", total).put("gcPauseMaxMs", max);
  }
}
