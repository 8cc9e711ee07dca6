package dev.cordbus.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-paragraph description of the machine the figures were measured on. */
final class MachineInfo {

  private MachineInfo() {
  }

  /** The machine, with {@code load} (the 1-minute load average as the run starts) and {@link #busyWarning}. */
  static String describe(double load) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long mem = os instanceof com.sun.management.OperatingSystemMXBean s ? s.getTotalMemorySize() : -1;
    int cores = cores();
    return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, %s %s, JDK %s (%s), load average %.2f at start",
        cores, cpuModel(), mem / 1073741824.0, System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), load) + busyWarning(load, cores);
  }

  /**
   * What the report says when the machine was not quiet as the run started (a 1-minute load average above half its
   * cores: other work was sharing the CPU the figures measure), beginning with ". "; empty when it was quiet or the
   * load is unknown (negative). During the run the bench's own JVMs load the machine, so only the start tells.
   */
  static String busyWarning(double load, int cores) {
    if (load < 0 || load <= cores / 2.0) {
      return "";
    }
    return String.format(Locale.ROOT, ". **The machine was not quiet at the start** (load average %.2f on %d cores):"
        + " other work was using the CPU these figures measure; for figures to compare, run again with nothing else"
        + " building or testing", load, cores);
  }

  /** The processors the JVM sees. */
  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The 1-minute load average from {@code /proc/loadavg} (the JVM's figure elsewhere), -1 when unknown. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (Exception e) {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (Exception e) {
      return "cpu model unknown";
    }
    return "cpu model unknown";
  }
}
