package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The state module's packages form layers with arrows pointing down only (ArchUnit is not available offline, so
 * this reads the imports of the main sources): {@code store} (bytes) ← {@code cache} (per-resource stores) ←
 * {@code event} (what an updater gets and gives) ← the updaters (one package per family, independent of each
 * other) ← queries, member requests, partition ← the verticle. No package cycle.
 */
class LayersTest {

  static final String ROOT = "dev.cordbus.state";
  static final Path SOURCES = Path.of("src/main/java/dev/cordbus/state");
  static final Set<String> UPDATERS = Set.of("guild", "member", "message", "channel", "voice");
  /** Package → the state packages it may import. */
  static final Map<String, Set<String>> ALLOWED = Map.of(
      "store", Set.of(),
      "cache", Set.of("store"),
      "event", Set.of("cache", "store"));

  /** Package (relative to the root, "" for the root) → state packages it imports. */
  static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> g = new TreeMap<>();
    Pattern imp = Pattern.compile("^import (?:static )?" + Pattern.quote(ROOT) + "((?:\\.[a-z]\\w*)*)\\.[A-Z]",
        Pattern.MULTILINE);
    Pattern qualified = Pattern.compile("(?<![\\w.])" + Pattern.quote(ROOT) + "((?:\\.[a-z]\\w*)*)\\.[A-Z]");
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
        Set<String> deps = g.computeIfAbsent(pkg, k -> new TreeSet<>());
        String src = Files.readString(f);
        for (Pattern p : List.of(imp, qualified)) {
          Matcher m = p.matcher(src);
          while (m.find()) {
            String dep = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
            if (!dep.equals(pkg)) {
              deps.add(dep);
            }
          }
        }
      }
    }
    return g;
  }

  @Test
  void storesImportNothingAbove() throws IOException {
    Map<String, Set<String>> g = graph();
    assertTrue(g.keySet().containsAll(ALLOWED.keySet()), "packages: " + g.keySet());
    ALLOWED.forEach((pkg, allowed) -> {
      Set<String> extra = new TreeSet<>(g.get(pkg));
      extra.removeAll(allowed);
      assertTrue(extra.isEmpty(), pkg + " imports " + extra + " (may import only " + allowed + ")");
    });
  }

  @Test
  void updatersDependOnlyOnStoresAndTheEventTypes() throws IOException {
    Map<String, Set<String>> g = graph();
    for (String u : UPDATERS) {
      Set<String> extra = new TreeSet<>(g.get(u));
      extra.removeAll(Set.of("cache", "store", "event"));
      assertTrue(extra.isEmpty(), u + " imports " + extra);
    }
  }

  @Test
  void noPackageCycle() throws IOException {
    Map<String, Set<String>> g = graph();
    List<String> cycle = new ArrayList<>();
    Map<String, Integer> state = new TreeMap<>();
    for (String p : g.keySet()) {
      if (cycle.isEmpty()) {
        visit(p, g, state, new ArrayList<>(), cycle);
      }
    }
    assertEquals(List.of(), cycle, "package cycle");
  }

  private static void visit(String p, Map<String, Set<String>> g, Map<String, Integer> state, List<String> path,
      List<String> cycle) {
    Integer s = state.get(p);
    if (s != null && s == 2 || !cycle.isEmpty()) {
      return;
    }
    path.add(p);
    if (s != null && s == 1) {
      cycle.addAll(path.subList(path.indexOf(p), path.size()));
      return;
    }
    state.put(p, 1);
    for (String d : g.getOrDefault(p, Set.of())) {
      visit(d, g, state, path, cycle);
    }
    path.remove(path.size() - 1);
    state.put(p, 2);
  }
}
