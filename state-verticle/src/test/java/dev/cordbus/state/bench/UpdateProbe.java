package dev.cordbus.state.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ns per applied dispatch of {@link UpdateWorkload}'s cases (MESSAGE_REACTION_ADD, GUILD_MEMBER_UPDATE unchanged and
 * changed, PRESENCE_UPDATE unchanged; events wanted), for this build and, with {@code -Dprobe.before=DIR}, for
 * another build of the state verticle ({@code DIR/classes} and {@code DIR/test-classes}, e.g. compiled from
 * {@code main}) in the same JVM: each version in its own class loader over the same Vert.x, Jackson and api, rounds
 * interleaved so a busy machine slows both alike, thread CPU time, median and range of the rounds. Each case is timed
 * with the event bodies left unread (no consumer: a lazy body is never built) and read (each body copied as Vert.x does
 * for one local consumer). Before timing, both versions must publish the same events, byte for byte.
 * Bounded: {@code -Dprobe.rounds} (default 11) rounds of {@code -Dprobe.n} (default 20,000) dispatches per case.
 *
 * <p>Run: see the README ("How the state verticle reads dispatches"); about a minute.
 */
public final class UpdateProbe {

  private UpdateProbe() {
  }

  /** One version's workload, reached by reflection (its classes are not ours). */
  private record Version(String name, Object workload, Method run, Method events) {
    double run(int c, int n, boolean read) throws Exception {
      return (double) run.invoke(workload, c, n, read);
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("probe.rounds", 11);
    int n = Integer.getInteger("probe.n", 20_000);
    String before = System.getProperty("probe.before");
    List<URL> shared = new ArrayList<>();
    List<URL> ours = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e).toAbsolutePath().normalize();
      boolean own = p.endsWith(Path.of("state-verticle", "target", "classes"))
          || p.endsWith(Path.of("state-verticle", "target", "test-classes"));
      (own ? ours : shared).add(p.toUri().toURL());
    }
    if (ours.size() != 2) {
      throw new IllegalStateException("run from the class path of state-verticle/target/classes and test-classes");
    }
    for (URL u : ours) { // the loaders below see no test resources: point logback at the module's test config
      Path config = Path.of(u.toURI()).resolve("logback-test.xml");
      if (System.getProperty("logback.configurationFile") == null && java.nio.file.Files.exists(config)) {
        System.setProperty("logback.configurationFile", config.toString());
      }
    }
    ClassLoader deps = new URLClassLoader(shared.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    List<Version> versions = new ArrayList<>();
    if (before != null) {
      URL[] old = {Path.of(before, "classes").toUri().toURL(), Path.of(before, "test-classes").toUri().toURL()};
      versions.add(load("before", new URLClassLoader(old, deps)));
    }
    versions.add(load("this build", new URLClassLoader(ours.toArray(new URL[0]), deps)));
    String[] cases = UpdateWorkload.CASES;
    for (int c = 0; c < cases.length; c++) {
      String first = null;
      for (Version v : versions) {
        String events = (String) v.events.invoke(v.workload, c, 400);
        if (first != null && !first.equals(events)) {
          throw new IllegalStateException(cases[c] + ": the versions publish different events");
        }
        first = events;
      }
      System.out.printf("%s: %d events per 400 dispatches, the same in every version%n", cases[c],
          first.isEmpty() ? 0 : first.split("\n").length);
    }
    Map<String, double[]> ns = new LinkedHashMap<>();
    for (int r = -2; r < rounds; r++) { // two warm-up rounds
      for (int c = 0; c < cases.length; c++) {
        for (boolean read : new boolean[] {false, true}) {
          for (Version v : versions) {
            double t = v.run(c, n, read);
            if (r >= 0) {
              ns.computeIfAbsent(key(cases[c], read, v), k -> new double[rounds])[r] = t;
            }
          }
        }
      }
      if (r >= 0) {
        System.out.printf("round %d done%n", r + 1);
      }
    }
    for (int c = 0; c < cases.length; c++) {
      for (boolean read : new boolean[] {false, true}) {
        StringBuilder line = new StringBuilder(String.format("%-28s %-11s", cases[c], read ? "body read" : "unread"));
        double[] medians = new double[versions.size()];
        for (int i = 0; i < versions.size(); i++) {
          double[] t = ns.get(key(cases[c], read, versions.get(i)));
          Arrays.sort(t);
          medians[i] = t[rounds / 2];
          line.append(String.format("  %s %,.0f ns (%,.0f-%,.0f)", versions.get(i).name(), medians[i], t[0],
              t[rounds - 1]));
        }
        if (versions.size() == 2) {
          line.append(String.format("  x%.2f", medians[0] / medians[1]));
        }
        System.out.println(line);
      }
    }
  }

  private static String key(String c, boolean read, Version v) {
    return c + "|" + read + "|" + v.name();
  }

  private static Version load(String name, ClassLoader loader) throws Exception {
    Class<?> w = loader.loadClass(UpdateWorkload.class.getName());
    Class<?> updater = loader.loadClass("dev.cordbus.state.member.MemberUpdater");
    if (w.getClassLoader() != loader || updater.getClassLoader() != loader) {
      throw new IllegalStateException(name + ": its classes were not loaded from its own directories");
    }
    return new Version(name, w.getConstructor().newInstance(),
        w.getMethod("run", int.class, int.class, boolean.class), w.getMethod("events", int.class, int.class));
  }
}
