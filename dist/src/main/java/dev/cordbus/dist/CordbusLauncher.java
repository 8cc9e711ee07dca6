package dev.cordbus.dist;

import dev.cordbus.ops.NodeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Launcher;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.transport.Transport;

/**
 * The main class of {@code cordbus.jar}: Vert.x's {@code Launcher} ({@code run}, {@code -cluster}, {@code -conf}...)
 * with Vert.x's Micrometer metrics on and reporting to the node's registry, so {@code /metrics} (see {@code ops.port})
 * carries Vert.x's event-bus, HTTP and pool meters next to the {@code cordbus_*} ones. {@code CORDBUS_METRICS=false}
 * leaves Vert.x's metrics off (and, through {@code OpsOptions}, cordbus's too).
 */
public class CordbusLauncher extends Launcher {

  private PrometheusMeterRegistry registry;

  public static void main(String[] args) {
    new CordbusLauncher().dispatch(args);
  }

  @Override
  public VertxBuilder createVertxBuilder(VertxOptions options) {
    String metrics = System.getenv("CORDBUS_METRICS");
    String m = metrics == null ? "" : metrics.trim().toLowerCase();
    if (m.equals("false") || m.equals("off") || m.equals("0") || m.equals("no")) {
      return super.createVertxBuilder(options);
    }
    registry = NodeMetrics.newRegistry();
    return new KeepMetrics(NodeMetrics.builder(options, registry));
  }

  @Override
  public void afterStartingVertx(Vertx vertx) {
    if (registry != null) {
      NodeMetrics.adopt(vertx, registry);
    }
    super.afterStartingVertx(vertx);
  }

  /**
   * The launcher replaces the metrics factory with the one it finds on the class path (a new registry of its own);
   * this builder keeps ours, so Vert.x's and cordbus's meters end up in one registry.
   */
  private record KeepMetrics(VertxBuilder builder) implements VertxBuilder {

    @Override
    public VertxBuilder with(VertxOptions options) {
      builder.with(NodeMetrics.configure(options));
      return this;
    }

    @Override
    public VertxBuilder withMetrics(VertxMetricsFactory factory) {
      return this;
    }

    @Override
    public VertxBuilder withTracer(VertxTracerFactory factory) {
      builder.withTracer(factory);
      return this;
    }

    @Override
    public VertxBuilder withTransport(Transport transport) {
      builder.withTransport(transport);
      return this;
    }

    @Override
    public VertxBuilder withClusterManager(ClusterManager clusterManager) {
      builder.withClusterManager(clusterManager);
      return this;
    }

    @Override
    public Vertx build() {
      return builder.build();
    }

    @Override
    public Future<Vertx> buildClustered() {
      return builder.buildClustered();
    }
  }
}
