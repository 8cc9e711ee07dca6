package dev.cordbus.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time and the memory go: the hottest methods of a JFR recording (top frames of execution samples) and the
 * top of a class histogram of the live heap.
 */
final class Profiles {

  private Profiles() {
  }

  /** JVM flags recording CPU samples of a child into {@code file}. */
  static List<String> jfrFlags(Path file) {
    return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file.toAbsolutePath());
  }

  /** Markdown lines: the {@code limit} methods seen most often on top of the stack, with their share of samples. */
  static String hottest(Path jfr, int limit) throws IOException {
    Map<String, Integer> top = new HashMap<>();
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      RecordedFrame f = st.getFrames().get(0);
      String m = f.getMethod().getType().getName() + "." + f.getMethod().getName();
      top.merge(m, 1, Integer::sum);
      total++;
    }
    int all = Math.max(1, total);
    StringBuilder b = new StringBuilder();
    top.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(limit).forEach(en ->
        b.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n", en.getValue() * 100.0 / all, en.getKey())));
    return String.format(Locale.ROOT, "    (%d execution samples)%n", total) + b;
  }

  /** The first {@code lines} rows of this JVM's live-object class histogram (a full GC first). */
  static String classHistogram(int lines) {
    try {
      Object out = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      return String.join("\n", out.toString().lines().limit(lines + 2L).toList());
    } catch (Exception e) {
      return "class histogram unavailable: " + e.getMessage();
    }
  }
}
