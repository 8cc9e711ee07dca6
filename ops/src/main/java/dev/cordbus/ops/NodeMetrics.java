package dev.cordbus.ops;

import dev.cordbus.api.config.OptionReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One Prometheus registry per Vert.x instance (node): Vert.x's own meters (event bus: pending messages per address,
 * handlers, published/delivered; HTTP; pools) when the instance was built with {@link #builder(VertxOptions)} (the
 * dist launcher does), and cordbus's {@code cordbus_*} meters. A Vert.x built without it still gets a registry for
 * the cordbus meters alone.
 */
public final class NodeMetrics {

  private static final Map<Vertx, PrometheusMeterRegistry> REGISTRIES = new WeakHashMap<>();

  /** Environment variable: {@code false} builds the node's Vert.x without Vert.x's event-bus meters. */
  public static final String EVENT_BUS_ENV = "CORDBUS_EVENTBUS_METRICS";
  /** System property with the meaning of {@link #EVENT_BUS_ENV}, which it overrides. */
  public static final String EVENT_BUS_PROPERTY = "cordbus.eventbusMetrics";

  private NodeMetrics() {
  }

  /** A new, empty Prometheus registry for {@link #builder(VertxOptions, PrometheusMeterRegistry)}. */
  public static PrometheusMeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /**
   * A Vert.x builder with Vert.x's Micrometer metrics on, reporting to {@code registry}; make it the node's registry
   * with {@link #adopt(Vertx, PrometheusMeterRegistry)} once the instance is built.
   */
  public static VertxBuilder builder(VertxOptions options, PrometheusMeterRegistry registry) {
    return Vertx.builder().with(configure(options)).withMetrics(new MicrometerMetricsFactory(registry));
  }

  /**
   * Sets Vert.x's Micrometer metrics options on {@code options} (event-bus address labels, no verticle meters). With
   * {@value #EVENT_BUS_ENV}{@code =false} the event-bus meters are left out (HTTP and pool meters stay): Vert.x 5
   * looks them up by tags on every message sent and received, so on a bot node each dispatch handed to a consumer
   * pays for it (9 % of the bot node's event loop in a profiled two-node run), and with them goes the per-address
   * {@code vertx_eventbus_pending} back-pressure signal.
   */
  public static VertxOptions configure(VertxOptions options) {
    java.util.Set<String> disabled = new java.util.HashSet<>();
    disabled.add(MetricsDomain.VERTICLES.toCategory());
    if (!eventBusMetrics(name -> name.equals(EVENT_BUS_ENV)
        ? System.getProperty(EVENT_BUS_PROPERTY, System.getenv(EVENT_BUS_ENV)) : System.getenv(name))) {
      disabled.add(MetricsDomain.EVENT_BUS.toCategory());
    }
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true)
        .setLabels(EnumSet.of(Label.LOCAL, Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE, Label.HTTP_METHOD, Label.HTTP_CODE,
            Label.HTTP_ROUTE, Label.POOL_TYPE, Label.POOL_NAME))
        .setDisabledMetricsCategories(disabled);
    return options.setMetricsOptions(metrics);
  }

  /**
   * Whether {@value #EVENT_BUS_ENV}, as {@code env} gives it, keeps the event-bus meters (unset: yes), read as every
   * cordbus switch is ({@link OptionReader}: true/false/on/off/1/0/yes/no).
   *
   * @throws OpsException naming the variable and what to write when it is set to anything else
   */
  static boolean eventBusMetrics(java.util.function.Function<String, String> env) {
    OptionReader r = new OptionReader(new io.vertx.core.json.JsonObject(), env);
    boolean on = r.bool("eventbusMetrics", EVENT_BUS_ENV, true);
    r.throwIfInvalid("metrics", OpsException::new);
    return on;
  }

  /** Makes {@code registry} the registry of {@code vertx}'s node (before any cordbus verticle is deployed on it). */
  public static void adopt(Vertx vertx, PrometheusMeterRegistry registry) {
    synchronized (REGISTRIES) {
      REGISTRIES.put(vertx, registry);
    }
  }

  /** A Vert.x with metrics on (tests and embedders): {@link #builder} + {@link #adopt}. */
  public static Vertx vertx(VertxOptions options) {
    PrometheusMeterRegistry registry = newRegistry();
    Vertx vertx = builder(options, registry).build();
    adopt(vertx, registry);
    return vertx;
  }

  /** The registry of {@code vertx}'s node (created for the cordbus meters alone when Vert.x's metrics are off). */
  public static PrometheusMeterRegistry registry(Vertx vertx) {
    synchronized (REGISTRIES) {
      return REGISTRIES.computeIfAbsent(vertx, v -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
  }

  /** A registry whose meters record nothing (a verticle with {@code ops.metrics: false}). */
  public static MeterRegistry noop() {
    return new CompositeMeterRegistry();
  }
}
