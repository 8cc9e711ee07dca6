package dev.cordbus.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cordbus modules by root package, and which sibling modules each may use in its main code. The rule (issue 16):
 * a module depends on {@code api} (and the verticles on {@code ops}, the node's shared metrics and health), never on
 * a sibling implementation module. {@code dist} and {@code bench} assemble the others on purpose and may use all.
 */
final class Modules {

  /** Root package name under {@code dev.cordbus} → the Maven module that holds it. */
  static final Map<String, String> MODULE_OF_ROOT = Map.ofEntries(
      Map.entry("api", "api"),
      Map.entry("ops", "ops"),
      Map.entry("testkit", "testkit"),
      Map.entry("simulator", "simulator"),
      Map.entry("gateway", "gateway-verticle"),
      Map.entry("state", "state-verticle"),
      Map.entry("rest", "rest-verticle"),
      Map.entry("bridge", "bridge-verticle"),
      Map.entry("example", "example-bot-verticle"),
      Map.entry("dist", "dist"),
      Map.entry("bench", "bench"));

  /** Root → the other roots its main code may use. Absent = may use every module (an assembler). */
  static final Map<String, Set<String>> ALLOWED = Map.of(
      "api", Set.of(),
      "ops", Set.of("api"),
      "testkit", Set.of("api"),
      "simulator", Set.of("api"),
      "gateway", Set.of("api", "ops"),
      "state", Set.of("api", "ops"),
      "rest", Set.of("api", "ops"),
      "bridge", Set.of("api", "ops"),
      "example", Set.of("api"));

  /** The modules whose main code runs on Vert.x event loops (verticles, handlers, the api's clients). */
  static final Set<String> EVENT_LOOP_ROOTS = Set.of("api", "ops", "simulator", "gateway", "state", "rest",
      "bridge", "example", "dist");

  private Modules() {
  }

  /** The root ({@code gateway} for {@code dev.cordbus.gateway.shard.Shard}), if the class is cordbus's. */
  static Optional<String> rootOf(JavaClass c) {
    return rootOf(c.getPackageName());
  }

  static Optional<String> rootOf(String pkg) {
    if (!pkg.startsWith("dev.cordbus.")) {
      return Optional.empty();
    }
    String rest = pkg.substring("dev.cordbus.".length());
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }
}
