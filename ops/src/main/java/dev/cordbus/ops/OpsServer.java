package dev.cordbus.ops;

import dev.cordbus.api.ops.OpsAddresses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's operations HTTP server: {@code /metrics} (Prometheus text format), {@code /health/live},
 * {@code /health/ready} ({@code HealthCheckHandler}: 200 UP, or 503 DOWN with each failing check's reason), and with
 * {@code ops.console} the live console at {@code /console/} and its data at {@code /console/api/status} (every
 * node's status, gathered over the event bus). With a secret the console answers only requests that carry it
 * ({@code ?key=} or {@code Authorization: Bearer}).
 */
final class OpsServer {

  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
  /** How long the console waits for each node's status. */
  static final long STATUS_TIMEOUT_MS = 1500;

  private final HttpServer http;

  private OpsServer(HttpServer http) {
    this.http = http;
  }

  int port() {
    return http.actualPort();
  }

  static Future<OpsServer> start(Vertx vertx, Ops ops, OpsOptions options) {
    Router router = Router.router(vertx);
    PrometheusMeterRegistry registry = NodeMetrics.registry(vertx);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(ops.liveChecks()));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ops.readyChecks()));
    if (options.console()) {
      byte[] secret = options.secret() == null ? null : options.secret().getBytes(StandardCharsets.UTF_8);
      router.route("/console/*").handler(rc -> guard(rc, secret));
      router.getWithRegex("^/console$").handler(rc -> rc.redirect("/console/" + (rc.request().query() == null ? ""
          : "?" + rc.request().query())));
      router.get("/console/api/status").handler(rc -> cluster(vertx, ops).onComplete(ar -> {
        if (ar.failed()) {
          rc.fail(500, ar.cause());
          return;
        }
        rc.response().putHeader("content-type", "application/json").putHeader("cache-control", "no-store")
            .end(ar.result().encode());
      }));
      router.route("/console/*").handler(StaticHandler.create("cordbus-console").setCachingEnabled(false)
          .setIndexPage("index.html"));
    }
    return vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
        .requestHandler(router).listen().map(http -> {
          String base = "http://" + options.host() + ":" + http.actualPort();
          LOG.info("ops: metrics at {}/metrics, health at {}/health/ready{}", base, base,
              options.console() ? ", console at " + base + "/console/" + (options.secret() == null ? ""
                  : "?key=<CORDBUS_CONSOLE_SECRET>") : "");
          return new OpsServer(http);
        });
  }

  private static void guard(RoutingContext rc, byte[] secret) {
    if (secret == null) {
      rc.next();
      return;
    }
    String given = rc.request().getParam("key");
    String auth = rc.request().getHeader("authorization");
    if (given == null && auth != null && auth.startsWith("Bearer ")) {
      given = auth.substring(7);
    }
    if (given != null && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      rc.next();
    } else {
      rc.response().setStatusCode(401).putHeader("content-type", "text/plain")
          .end("the console needs its secret: open /console/?key=<CORDBUS_CONSOLE_SECRET>\n");
    }
  }

  /** Asks every member of the cluster for its status; a member that does not answer is listed with the reason. */
  static Future<JsonObject> cluster(Vertx vertx, Ops ops) {
    List<String> members = new ArrayList<>(ops.members());
    List<Future<JsonObject>> answers = new ArrayList<>();
    DeliveryOptions opts = new DeliveryOptions().setSendTimeout(STATUS_TIMEOUT_MS);
    for (String member : members) {
      Future<JsonObject> answer = member.equals(ops.nodeId()) ? ops.nodeStatus()
          : vertx.eventBus().<JsonObject>request(OpsAddresses.status(member), new JsonObject(), opts)
              .map(m -> m.body());
      answers.add(answer.recover(e -> Future.succeededFuture(new JsonObject().put("node", member)
          .put("unreachable", "no status answer (" + e.getMessage() + "): a node without cordbus verticles,"
              + " or busy"))));
    }
    return Future.join(answers).transform(ar -> {
      JsonArray nodes = new JsonArray();
      answers.forEach(f -> nodes.add(f.result()));
      return Future.succeededFuture(new JsonObject().put("at", System.currentTimeMillis())
          .put("console", ops.nodeId()).put("nodes", nodes));
    });
  }
}
