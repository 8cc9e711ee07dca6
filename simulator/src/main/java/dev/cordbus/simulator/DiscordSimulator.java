package dev.cordbus.simulator;

import dev.cordbus.simulator.core.SimulatorException;
import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.rest.RestApi;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faithful local Discord on one HTTP server: REST under {@code /api/v10} and the gateway WebSocket on {@code /}
 * (the URL {@code GET /gateway} returns) and {@code /resume} (READY's {@code resume_gateway_url}). Everything runs on
 * one event loop. Start it with {@link #start}; {@link #scenario()} injects faults and traffic; {@link #log()} tells
 * what the clients did.
 */
public final class DiscordSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordSimulator.class);
  /** Path of the resume URL. */
  public static final String RESUME_PATH = "/resume";
  /** Largest WebSocket frame and message the server accepts/sends (GUILD_CREATE is big). */
  public static final int MAX_WS_FRAME = 1024 * 1024;
  public static final int MAX_WS_MESSAGE = 16 * 1024 * 1024;

  private final Vertx vertx;
  private final Context context;
  private final SimulatorOptions options;
  private final SimulatorLog log = new SimulatorLog();
  private final GatewayHub hub;
  private final RestApi rest;
  private final Scenario scenario;
  private HttpServer server;
  private int port;

  private DiscordSimulator(Vertx vertx, Context context, SimulatorOptions options) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.hub = new GatewayHub(vertx, context, options, log);
    this.rest = new RestApi(hub, options, log);
    this.scenario = new Scenario(vertx, context, hub, log, rest.storm());
  }

  /** Starts a simulator; fails with a {@link SimulatorException} on bad options or when the port cannot be bound. */
  public static Future<DiscordSimulator> start(Vertx vertx, SimulatorOptions options) {
    try {
      options.validate();
    } catch (SimulatorException e) {
      return Future.failedFuture(e);
    }
    Context context = vertx.getOrCreateContext();
    Promise<DiscordSimulator> p = Promise.promise();
    context.runOnContext(v -> {
      DiscordSimulator sim = new DiscordSimulator(vertx, context, options);
      sim.listen().onComplete(ar -> {
        if (ar.succeeded()) {
          p.complete(sim);
        } else {
          sim.hub.shutdown();
          p.fail(new SimulatorException(SimulatorException.Kind.LIFECYCLE,
              "simulator could not listen on " + options.host() + ":" + options.port() + ": "
                  + ar.cause().getMessage(), ar.cause()));
        }
      });
    });
    return p.future();
  }

  private Future<Void> listen() {
    Router router = Router.router(vertx);
    rest.mount(vertx, router);
    router.get("/").handler(rc -> upgrade(rc, "/"));
    router.getWithRegex("/resume/?").handler(rc -> upgrade(rc, RESUME_PATH));
    // Discord's gateway compresses with zlib-stream / zstd-stream only (GATEWAY.md §10); it does not negotiate the
    // permessage-deflate extension that some clients (Node's ws) offer and Vert.x would otherwise accept.
    HttpServerOptions so = new HttpServerOptions().setHost(options.host()).setPort(options.port())
        .setMaxWebSocketFrameSize(MAX_WS_FRAME).setMaxWebSocketMessageSize(MAX_WS_MESSAGE)
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
    server = vertx.createHttpServer(so).requestHandler(router);
    return server.listen().map(s -> {
      port = s.actualPort();
      hub.urls(gatewayUrl(), "ws://" + options.host() + ":" + port + RESUME_PATH);
      LOG.info("Discord simulator listening: REST {} gateway {} ({} guilds)", restBaseUrl(), gatewayUrl(),
          options.world().guildIds().size());
      return null;
    });
  }

  private void upgrade(RoutingContext rc, String path) {
    HttpServerRequest req = rc.request();
    if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
      rc.response().setStatusCode(400).putHeader("Content-Type", "text/plain")
          .end("cordbus Discord simulator gateway: connect with a WebSocket, e.g. " + gatewayUrl()
              + "/?v=10&encoding=json\n");
      return;
    }
    String userAgent = req.getHeader("User-Agent");
    long now = System.currentTimeMillis();
    if (hub.takeSilentUpgrade()) {
      // the silent server: the TCP connection is accepted and the upgrade request read, but nothing ever answers
      log.handshake(new SimulatorLog.Handshake(path, userAgent, "silent", now));
      LOG.info("upgrade on {} left unanswered (silent server fault)", path);
      return;
    }
    if (RESUME_PATH.equals(path) && hub.takeResumeRefusal()) {
      log.handshake(new SimulatorLog.Handshake(path, userAgent, "refused", now));
      LOG.info("upgrade on {} refused with 503 (resume URL refusal fault)", path);
      rc.response().setStatusCode(503).putHeader("Content-Type", "text/plain").end("resume gateway unavailable\n");
      return;
    }
    log.handshake(new SimulatorLog.Handshake(path, userAgent, "upgraded", now));
    HttpConnection connection = req.connection();
    req.toWebSocket().onSuccess(ws -> hub.accept(ws, connection, path))
        .onFailure(e -> LOG.warn("WebSocket upgrade on {} failed: {}", path, e.toString()));
  }

  /** Closes every connection (1001) and the server. */
  public Future<Void> close() {
    scenario.stopAll();
    Promise<Void> p = Promise.promise();
    context.runOnContext(v -> {
      hub.shutdown();
      (server == null ? Future.<Void>succeededFuture() : server.close()).onComplete(p);
    });
    return p.future();
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  /** {@code http://host:port/api/v10}. */
  public String restBaseUrl() {
    return "http://" + options.host() + ":" + port + RestApi.BASE_PATH;
  }

  /** {@code ws://host:port}, exactly as {@code GET /gateway(/bot)} returns it; clients append {@code /?v=10&...}. */
  public String gatewayUrl() {
    return "ws://" + options.host() + ":" + port;
  }

  /** The first accepted token. */
  public String token() {
    return options.tokens().get(0);
  }

  public World world() {
    return options.world();
  }

  public Scenario scenario() {
    return scenario;
  }

  public SimulatorLog log() {
    return log;
  }

  /** The options it runs with. */
  public SimulatorOptions options() {
    return options;
  }
}
