package dev.cordbus.ops;

import dev.cordbus.api.ops.OpsAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations hub of one node (one Vert.x instance), shared by every cordbus verticle on it: the meter registry
 * ({@link NodeMetrics}), the readiness checks behind {@code /health/ready}, the status sections each verticle
 * contributes, the node's last errors, its status consumer ({@code cordbus.ops.status.<node>}) and, when a verticle's
 * {@link OpsOptions} asks for it, the HTTP server ({@link OpsServer}). Get it with {@link #of(Vertx)}.
 *
 * <p>The consumer and the server run on a context of their own, so undeploying the verticle that created them does
 * not close them; they live as long as the Vert.x instance.
 */
public final class Ops {

  private static final Logger LOG = LoggerFactory.getLogger(Ops.class);
  private static final Map<Vertx, Ops> NODES = new WeakHashMap<>();
  /** Last errors kept per node. */
  static final int MAX_ERRORS = 20;

  private final Vertx vertx;
  private final Context context;
  private final String nodeId;
  private final long startedAt = System.currentTimeMillis();
  private final MeterRegistry registry;
  private final HealthChecks ready;
  private final HealthChecks live;
  private final Map<String, Supplier<Future<JsonObject>>> sections = new ConcurrentSkipListMap<>();
  private final Deque<JsonObject> errors = new ArrayDeque<>();
  private final Future<Void> consumer;
  private Future<OpsServer> server;
  private int minNodes = 1;

  private Ops(Vertx vertx) {
    this.vertx = vertx;
    this.context = ((VertxInternal) vertx).createEventLoopContext();
    this.nodeId = nodeId(vertx);
    this.registry = NodeMetrics.registry(vertx);
    io.micrometer.core.instrument.FunctionCounter.builder("cordbus.relay.dispatches.lost",
        dev.cordbus.api.dispatch.RelayLedger.class, c -> dev.cordbus.api.dispatch.RelayLedger.lost())
        .description("dispatches gateways sent to this node that the clustered event bus dropped on the way "
            + "(each loss is also a discord.error of kind dispatches-lost)")
        .tag("node", nodeId).register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("cordbus.relay.dispatches.received",
        dev.cordbus.api.dispatch.DispatchRelay.class, c -> dev.cordbus.api.dispatch.DispatchRelay.received())
        .description("dispatches this node's relay received from the gateways of other nodes")
        .tag("node", nodeId).register(registry);
    for (String path : new String[] {"stream", "event-bus"}) {
      io.micrometer.core.instrument.FunctionCounter.builder("cordbus.gateway.batches.sent",
          dev.cordbus.api.dispatch.DispatchStreams.class, c -> path.equals("stream")
              ? dev.cordbus.api.dispatch.DispatchStreams.streamed() : dev.cordbus.api.dispatch.DispatchStreams.overBus())
          .description("batches of dispatches this node's gateways sent to other nodes, by path: a dispatch stream, or "
              + "the clustered event bus while a node's stream is not up")
          .tag("node", nodeId).tag("path", path).register(registry);
    }
    this.ready = HealthChecks.create(vertx);
    this.live = HealthChecks.create(vertx);
    live.register("event-loop", 2000, p -> p.complete(Status.OK()));
    ready.register("cluster", 2000, p -> p.complete(clusterCheck()));
    Promise<Void> registered = Promise.promise();
    context.runOnContext(v -> vertx.eventBus().<JsonObject>consumer(OpsAddresses.status(nodeId),
        m -> nodeStatus().onSuccess(m::reply).onFailure(e -> m.fail(500, e.getMessage())))
        .completion().onComplete(registered));
    this.consumer = registered.future();
  }

  /** The hub of {@code vertx}'s node (created on first use). */
  public static Ops of(Vertx vertx) {
    synchronized (NODES) {
      return NODES.computeIfAbsent(vertx, Ops::new);
    }
  }

  /** The node id (Hazelcast member id when clustered, {@code local} otherwise). */
  public static String nodeId(Vertx vertx) {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager().getNodeId() : "local";
  }

  /**
   * Applies a verticle's options: starts the HTTP server if they ask for one and none runs yet on this node (the
   * first verticle's port wins; a different port later is logged and ignored), raises {@code minNodes}. Completes
   * when the status consumer is registered and the server (if any) listens.
   */
  public synchronized Future<Void> start(OpsOptions options) {
    minNodes = Math.max(minNodes, options.minNodes());
    if (options.serves()) {
      if (server == null) {
        Promise<OpsServer> started = Promise.promise();
        context.runOnContext(v -> OpsServer.start(vertx, this, options).recover(e -> Future.failedFuture(
            new OpsException("ops.port: cannot listen on " + options.host() + ":" + options.port() + " (" + e
                + "): choose a free port (CORDBUS_OPS_PORT) or leave it unset"))).onComplete(started));
        server = started.future();
      } else {
        server.onSuccess(s -> {
          if (options.port() != 0 && s.port() != options.port()) {
            LOG.warn("ops: this node already serves operations on port {}; ops.port {} ignored", s.port(),
                options.port());
          }
        });
      }
    }
    return consumer.compose(v -> server == null ? Future.succeededFuture() : server.mapEmpty());
  }

  /** The server's bound port, or a failed future when this node runs none. */
  public synchronized Future<Integer> port() {
    return server == null ? Future.failedFuture("this node serves no operations endpoint (set ops.port)")
        : server.map(OpsServer::port);
  }

  /** The registry for a verticle with {@code options}: this node's, or a no-op one when its metrics are off. */
  public MeterRegistry meters(OpsOptions options) {
    return options.metrics() ? registry : NodeMetrics.noop();
  }

  /** This node's registry. */
  public MeterRegistry registry() {
    return registry;
  }

  /** This node's id. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Adds (or replaces) a readiness check: {@code check} completes its promise with {@link Status#OK()} or
   * {@link Status#KO(JsonObject)} whose data says what is not ready and why.
   */
  public void readiness(String name, Handler<Promise<Status>> check) {
    ready.unregister(name);
    ready.register(name, 2000, check);
  }

  /** Removes a readiness check (its verticle stopped). */
  public void removeReadiness(String name) {
    ready.unregister(name);
  }

  HealthChecks readyChecks() {
    return ready;
  }

  HealthChecks liveChecks() {
    return live;
  }

  /** Adds (or replaces) a status section: its JSON is part of this node's answer to a status query. */
  public void section(String name, Supplier<Future<JsonObject>> section) {
    sections.put(name, section);
  }

  /** Removes a status section. */
  public void removeSection(String name) {
    sections.remove(name);
  }

  /** Records an error for the console's "last errors" (never the token or message content). */
  public void error(String source, String message) {
    JsonObject e = new JsonObject().put("at", System.currentTimeMillis()).put("node", nodeId).put("source", source)
        .put("message", message.length() > 300 ? message.substring(0, 300) + "..." : message);
    synchronized (errors) {
      errors.addFirst(e);
      while (errors.size() > MAX_ERRORS) {
        errors.removeLast();
      }
    }
  }

  /** This node's status: node, uptime, heap, every section, last errors. */
  public Future<JsonObject> nodeStatus() {
    List<String> names = new ArrayList<>(sections.keySet());
    List<Future<JsonObject>> parts = new ArrayList<>();
    for (String name : names) {
      Supplier<Future<JsonObject>> s = sections.get(name);
      parts.add(s == null ? Future.succeededFuture(new JsonObject()) : s.get()
          .recover(e -> Future.succeededFuture(new JsonObject().put("error", e.toString()))));
    }
    return Future.join(parts).transform(ar -> {
      JsonObject out = new JsonObject();
      for (int i = 0; i < names.size(); i++) {
        Future<JsonObject> f = parts.get(i);
        out.put(names.get(i), f.succeeded() ? f.result() : new JsonObject().put("error", String.valueOf(f.cause())));
      }
      Runtime rt = Runtime.getRuntime();
      JsonArray errs;
      synchronized (errors) {
        errs = new JsonArray(new ArrayList<>(errors));
      }
      return Future.succeededFuture(new JsonObject().put("node", nodeId).put("clustered", vertx.isClustered())
          .put("startedAt", startedAt).put("uptimeMs", System.currentTimeMillis() - startedAt)
          .put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024))
          .put("sections", out).put("errors", errs));
    });
  }

  /** The members of the cluster (this node alone when not clustered). */
  public List<String> members() {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager().getNodes() : List.of(nodeId);
  }

  private Status clusterCheck() {
    int members = members().size();
    if (members >= minNodes) {
      return Status.OK(new JsonObject().put("members", members).put("minNodes", minNodes));
    }
    return Status.KO(new JsonObject().put("members", members).put("minNodes", minNodes)
        .put("reason", "the cluster has " + members + " member(s), minNodes is " + minNodes));
  }
}
