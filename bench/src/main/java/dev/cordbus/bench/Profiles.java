package dev.cordbus.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time and the memory go: the hottest methods of a JFR recording (top frames of execution samples), what
 * its C2 compiler spent its time on, and the top of a class histogram of the live heap.
 */
final class Profiles {

  private Profiles() {
  }

  /**
   * JVM flags recording CPU samples and every JIT compilation of a child into {@code file}: JFR's {@code profile}
   * settings, with {@code jdk.Compilation}'s threshold at 0 instead of 100 ms (written beside {@code file}).
   */
  static List<String> jfrFlags(Path file) {
    Path jfc = file.toAbsolutePath().resolveSibling("profile-compilations.jfc");
    try {
      Files.writeString(jfc, everyCompilation(Files.readString(
          Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"))));
    } catch (IOException e) {
      throw new BenchException(BenchException.Kind.SETUP, "cannot write the JFR settings " + jfc + ": " + e);
    }
    return List.of("-XX:StartFlightRecording=settings=" + jfc + ",dumponexit=true,filename=" + file.toAbsolutePath());
  }

  /** {@code jfc} (a JFR settings file) with the {@code jdk.Compilation} event recorded whatever its duration. Pure. */
  static String everyCompilation(String jfc) throws IOException {
    Matcher m = Pattern.compile("(<event name=\"jdk\\.Compilation\">.*?<setting name=\"threshold\"[^>]*>)[^<]*(<)",
        Pattern.DOTALL).matcher(jfc);
    if (!m.find()) {
      throw new IOException("no jdk.Compilation threshold in the JFR settings to lower");
    }
    return jfc.substring(0, m.end(1)) + "0 ms" + jfc.substring(m.start(2));
  }

  /**
   * Markdown lines: the C2 (tier 4) compilations of a recording, their time (the compiler thread's, as JFR times each
   * compilation) by area (cordbus by module, other code by its first two package names) and the {@code limit}
   * methods that took the most, with how often each was compiled (again after a deoptimization, or on the stack).
   */
  static String compilations(Path jfr, int limit) throws IOException {
    Map<String, double[]> areas = new HashMap<>();
    Map<String, double[]> methods = new HashMap<>();
    double total = 0;
    int count = 0;
    int deopts = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.Deoptimization")) {
        deopts++;
      }
      if (!type.equals("jdk.Compilation") || e.getInt("compileLevel") != 4) {
        continue;
      }
      RecordedMethod m = e.getValue("method");
      double ms = e.getDuration().toNanos() / 1e6;
      String owner = m.getType().getName();
      for (double[] sum : new double[][] {areas.computeIfAbsent(area(owner), k -> new double[2]),
          methods.computeIfAbsent(owner + "." + m.getName(), k -> new double[2])}) {
        sum[0] += ms;
        sum[1]++;
      }
      total += ms;
      count++;
    }
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "    (%d C2 compilations, %.0f ms; %d deoptimizations)%n", count, total, deopts));
    areas.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0])).limit(8)
        .forEach(en -> b.append(String.format(Locale.ROOT, "    %6.0f ms  %4.0f  %s%n", en.getValue()[0],
            en.getValue()[1], en.getKey())));
    b.append(String.format(Locale.ROOT, "%n"));
    methods.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0])).limit(limit)
        .forEach(en -> b.append(String.format(Locale.ROOT, "    %6.1f ms  x%.0f  %s%n", en.getValue()[0],
            en.getValue()[1], en.getKey())));
    return b.toString();
  }

  /** cordbus code by module ({@code cordbus gateway}), other code by its first two package names. Pure. */
  static String area(String className) {
    String[] parts = className.split("[./]");
    if (parts.length > 2 && parts[0].equals("dev") && parts[1].equals("cordbus")) {
      return "cordbus " + parts[2];
    }
    return parts.length > 2 ? parts[0] + "." + parts[1] : className;
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
