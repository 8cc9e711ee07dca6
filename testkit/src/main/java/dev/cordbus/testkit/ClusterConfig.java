package dev.cordbus.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped {@code conf/cluster.xml}, copied for one multi-JVM test run with a unique cluster name and a free port range,
 * so concurrent runs on the same machine never join each other.
 */
public final class ClusterConfig {

  private ClusterConfig() {
  }

  /** The repository root (parent of this module). */
  public static Path root() {
    Path fixtures = Path.of(System.getProperty("cordbus.fixtures", "../fixtures")).toAbsolutePath().normalize();
    return fixtures.getParent();
  }

  /**
   * Hazelcast properties every test copy gets unless the test gives its own value: a member's graceful shutdown waits
   * at most 10 s for its partitions to be safe (Hazelcast's default is 600 s). Once, in CI, a test JVM's member whose
   * peer had left looped on repairing its partition table ("Connecting to self!") and its shutdown never ended: the
   * test's close timed out, and the member went on logging and spinning a core under every later test of that JVM.
   */
  static final Map<String, String> TEST_DEFAULTS = Map.of("hazelcast.graceful.shutdown.max.wait", "10");

  /** Writes the isolated copy under {@code target/} and returns its absolute path. */
  public static Path isolatedCopy() throws IOException {
    return isolatedCopy(Map.of());
  }

  /**
   * Writes the isolated copy with Hazelcast {@code properties} (e.g. faster member heartbeats) and {@link
   * #TEST_DEFAULTS} under {@code target/} and returns its absolute path. A property the shipped file sets gets the given value in its place (Hazelcast keeps
   * the last of two with one name, so adding a second would not override it); the others are added.
   */
  public static Path isolatedCopy(Map<String, String> properties) throws IOException {
    String xml = Files.readString(root().resolve("conf/cluster.xml"));
    StringBuilder extra = new StringBuilder("<properties>");
    Map<String, String> all = new java.util.TreeMap<>(TEST_DEFAULTS);
    all.putAll(properties);
    for (Map.Entry<String, String> p : all.entrySet()) {
      Matcher shipped = Pattern.compile("<property name=\""
          + Pattern.quote(p.getKey()) + "\">[^<]*</property>").matcher(xml);
      String property = "<property name=\"" + p.getKey() + "\">" + p.getValue() + "</property>";
      if (shipped.find()) {
        xml = shipped.replaceFirst(Matcher.quoteReplacement(property));
      } else {
        extra.append("\n    ").append(property);
      }
    }
    xml = xml.replace("<properties>", extra.toString());
    int base = freeBase();
    StringBuilder members = new StringBuilder();
    for (int p = base; p < base + 10; p++) {
      members.append("<member>127.0.0.1:").append(p).append("</member>");
    }
    String copy = xml.replace("<cluster-name>cordbus</cluster-name>",
            "<cluster-name>cordbus-test-" + UUID.randomUUID() + "</cluster-name>")
        .replace(">5701</port>", ">" + base + "</port>")
        .replace("<member>127.0.0.1</member>", members.toString());
    if (!copy.contains("cordbus-test-") || !copy.contains(base + "</port>")) {
      throw new IllegalStateException("conf/cluster.xml changed shape; update ClusterConfig");
    }
    Path out = Path.of("target", "cluster-" + base + ".xml").toAbsolutePath();
    Files.createDirectories(out.getParent());
    Files.writeString(out, copy);
    return out;
  }

  private static int freeBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + (int) (Math.random() * 30_000);
      if (free(base) && free(base + 1) && free(base + 2)) {
        return base;
      }
    }
    throw new IOException("no free port range for Hazelcast");
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
