package dev.cordbus.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Clustered Vert.x for the benchmarks: Hazelcast on 127.0.0.1 only (TCP-IP join, multicast off), a cluster name of
 * the caller's choosing (make it unique so no other engineer's cluster is joined) and ports from {@code basePort}.
 */
public final class BenchCluster {

  /** How many ports from the base port the members may take. */
  public static final int PORTS = 4;

  private BenchCluster() {
  }

  /** A random cluster name. */
  public static String uniqueName() {
    return "cordbus-bench-" + java.util.UUID.randomUUID();
  }

  /** A random base port in 20000..49999. */
  public static int randomBasePort() {
    return 20_000 + (int) (Math.random() * 30_000);
  }

  /**
   * Starts a clustered Vert.x member of {@code clusterName}: the shipped {@code conf/cluster.xml} (what the README
   * deploys: backups, failure detection, Hazelcast's own metrics off) when the bench runs from the repository, else
   * Vert.x's default Hazelcast configuration; either way joined on 127.0.0.1 only, on ports from {@code basePort}.
   */
  public static Future<Vertx> start(String clusterName, int basePort) {
    Config hz = shippedConfig();
    hz.setClusterName(clusterName);
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.wait.seconds.before.join", "1");
    hz.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(PORTS);
    JoinConfig join = hz.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    java.util.List<String> members = new java.util.ArrayList<>();
    for (int p = basePort; p < basePort + PORTS; p++) {
      members.add("127.0.0.1:" + p);
    }
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    hz.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    VertxOptions options = options().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1"));
    return builder(options).withClusterManager(new HazelcastClusterManager(hz)).buildClustered();
  }

  /** System property: {@code true} builds the cordbus cases' Vert.x as {@code cordbus.jar} does, metrics on. */
  static final String VERTX_METRICS = "cordbus.bench.vertxMetrics";

  /**
   * A Vert.x builder with {@code options}: with Vert.x's Micrometer metrics on, as {@code java -jar cordbus.jar}
   * builds its Vert.x ({@code NodeMetrics}: event-bus meters per address), when {@value #VERTX_METRICS} is true.
   */
  static io.vertx.core.VertxBuilder builder(VertxOptions options) {
    return Boolean.getBoolean(VERTX_METRICS)
        ? dev.cordbus.ops.NodeMetrics.builder(options, dev.cordbus.ops.NodeMetrics.newRegistry())
        : Vertx.builder().with(options);
  }

  /** A plain (not clustered) Vert.x with {@link #options()}, metrics as {@link #builder} says. */
  static Vertx local() {
    return builder(options()).build();
  }

  /** {@code conf/cluster.xml} from the working directory, or Vert.x's default configuration when it is not there. */
  static Config shippedConfig() {
    java.nio.file.Path shipped = java.nio.file.Path.of("conf", "cluster.xml");
    if (!java.nio.file.Files.isRegularFile(shipped)) {
      return ConfigUtil.loadConfig();
    }
    try {
      return new com.hazelcast.config.XmlConfigBuilder(shipped.toString()).build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + shipped.toAbsolutePath(), e);
    }
  }

  /**
   * The bench's Vert.x options: the defaults, or, with the system property {@code cordbus.bench.blockedMs=N}, Vert.x's
   * blocked-thread checker tightened to warn (with the stack) about any event-loop task running longer than N ms:
   * the tool for finding what holds an event loop in a latency run.
   */
  public static VertxOptions options() {
    VertxOptions o = new VertxOptions();
    long blockedMs = Long.getLong("cordbus.bench.blockedMs", 0L);
    if (blockedMs > 0) {
      o.setBlockedThreadCheckInterval(Math.max(1, blockedMs / 2))
          .setBlockedThreadCheckIntervalUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
          .setMaxEventLoopExecuteTime(blockedMs).setMaxEventLoopExecuteTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
          .setWarningExceptionTime(blockedMs).setWarningExceptionTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    return o;
  }
}
