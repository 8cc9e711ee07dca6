package dev.cordbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The {@code discordjs} case's client: {@code bench/node/bench.js} (@discordjs/ws with zlib-sync and a small cache)
 * under {@code node --expose-gc}, speaking {@link ClientChild}'s line protocol. Its packages are installed by
 * {@code npm ci} from the pinned lock file: by the bench module's Maven build, by {@code .ci/run}, and here before
 * the first run when {@code node_modules} is missing or older than the lock file.
 */
final class NodeClient {

  /** Overrides where {@code bench/node} is (a directory holding {@code bench.js}). */
  static final String DIR_PROPERTY = "cordbus.bench.node";
  static final long NPM_CI_TIMEOUT_S = 300;
  static final String HOW_TO_INSTALL = "npm ci --prefix bench/node";

  private NodeClient() {
  }

  /** {@code bench/node}: the system property, else found from the working directory or this jar's location. */
  static Path dir() {
    String configured = System.getProperty(DIR_PROPERTY);
    List<Path> candidates = new ArrayList<>();
    if (configured != null) {
      candidates.add(Path.of(configured));
    }
    candidates.add(Path.of("bench", "node"));
    candidates.add(Path.of("node"));
    try {
      // bench/target/cordbus-bench.jar or bench/target/classes
      Path code = Path.of(NodeClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      candidates.add(code.getParent().getParent().resolve("node"));
    } catch (Exception e) {
      // only the working-directory candidates then
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p.resolve("bench.js"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new BenchException(BenchException.Kind.SETUP, "cannot find bench/node/bench.js (run from the repository"
        + " root, or set -D" + DIR_PROPERTY + "=<dir>)");
  }

  /** Runs {@code npm ci} in {@code dir} unless its packages are installed and as new as the lock file. */
  static void ensureInstalled(Path dir) {
    if (installed(dir)) {
      return;
    }
    List<String> cmd = List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", dir.toString());
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("npm-ci.log").toFile())).start();
      if (!p.waitFor(NPM_CI_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw setup("`npm ci` did not finish within " + NPM_CI_TIMEOUT_S + " s");
      }
      if (p.exitValue() != 0 || !installed(dir)) {
        throw setup("`npm ci` failed with exit code " + p.exitValue() + " (output in " + dir.resolve("npm-ci.log")
            + ")");
      }
    } catch (IOException e) {
      throw setup("cannot run npm: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw setup("interrupted");
    }
  }

  private static BenchException setup(String why) {
    return new BenchException(BenchException.Kind.SETUP, "the discordjs case needs its Node.js packages: " + why
        + "; install them with `" + HOW_TO_INSTALL + "` (Node.js 20 and npm; zlib-sync builds with node-gyp)");
  }

  /** Whether @discordjs/ws and the built zlib-sync are there, installed after the lock file was last changed. */
  static boolean installed(Path dir) {
    Path marker = dir.resolve("node_modules/.package-lock.json");
    if (!Files.isRegularFile(dir.resolve("node_modules/@discordjs/ws/package.json"))
        || !Files.isRegularFile(dir.resolve("node_modules/zlib-sync/build/Release/zlib_sync.node"))
        || !Files.isRegularFile(marker)) {
      return false;
    }
    try {
      FileTime lock = Files.getLastModifiedTime(dir.resolve("package-lock.json"));
      return Files.getLastModifiedTime(marker).compareTo(lock) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code node} with a heap limit equal to the JVMs' {@code -Xmx} and {@code global.gc()} exposed. */
  static List<String> command(Path dir, String heap, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("node", "--expose-gc", "--max-old-space-size=" + heapMiB(heap),
        dir.resolve("bench.js").toString()));
    cmd.addAll(args);
    return cmd;
  }

  /** A {@code -Xmx} size ({@code 1g}, {@code 512m}, {@code 262144k}) in MiB. Pure. */
  static long heapMiB(String heap) {
    String h = heap.toLowerCase(Locale.ROOT);
    long n = Long.parseLong(h.replaceAll("[kmg]$", ""));
    return switch (h.charAt(h.length() - 1)) {
      case 'g' -> n * 1024;
      case 'm' -> n;
      case 'k' -> Math.max(1, n / 1024);
      default -> Math.max(1, n / (1024 * 1024));
    };
  }
}
