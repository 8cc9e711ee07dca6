package dev.cordbus.bridge;

import dev.cordbus.ops.Ops;
import dev.cordbus.ops.OpsException;
import dev.cordbus.ops.OpsOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.interaction.Interactions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-bus bridges for bots in other languages: the TCP event-bus bridge (frames of a 4-byte big-endian length
 * and a JSON object) and the SockJS bridge (for {@code @vertx/eventbus-bridge-client.js}). Permitted addresses come
 * from {@link BridgeVerticleOptions}: by default clients may register on {@code discord.*} events and shard
 * lifecycle only and send nothing; inbound addresses, when configured, need the shared secret on every message.
 * Every frame passes the {@link BridgeGuard} first, then Vert.x's own permitted-address check. Unless
 * {@code services} is false, the node also splits {@code INTERACTION_CREATE} by kind for its clients
 * ({@code discord.interaction.<kind>}, see {@link Interactions#split}) and answers routed state queries
 * ({@link StateProxy}).
 */
public class BridgeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeVerticle.class);
  /** Largest WebSocket frame a SockJS client may send. */
  static final int MAX_WS_FRAME = 1024 * 1024;
  /** Largest WebSocket message a SockJS client may send. */
  static final int MAX_WS_MESSAGE = 16 * 1024 * 1024;

  private final Function<String, String> env;
  private BridgeVerticleOptions options;
  private BridgeGuard guard;
  private TcpEventBusBridge tcpBridge;
  private HttpServer sockjsServer;
  private int tcpPort = -1;
  private int sockjsPort = -1;

  /** A bridge reading its secret from the process environment. */
  public BridgeVerticle() {
    this(System::getenv);
  }

  /** A bridge reading its secret through {@code env} (tests). */
  public BridgeVerticle(Function<String, String> env) {
    this.env = env;
  }

  @Override
  public Future<?> start() {
    try {
      options = new BridgeVerticleOptions(config(), env);
    } catch (BridgeException e) {
      return Future.failedFuture(e);
    }
    guard = new BridgeGuard(BridgePolicy.of(options), options.maxDenials());
    OpsOptions opsOptions;
    try {
      opsOptions = OpsOptions.of(config(), env);
    } catch (OpsException e) {
      return Future.failedFuture(e);
    }
    Ops ops = Ops.of(vertx);
    MeterRegistry registry = ops.meters(opsOptions);
    Tags tags = Tags.of("node", ops.nodeId());
    Gauge.builder("cordbus.bridge.clients", guard, BridgeGuard::clients).description("bridge clients connected now")
        .tags(tags).register(registry);
    guard.onDenied(reason -> registry.counter("cordbus.bridge.denied", tags.and("reason", reason)).increment());
    List<Future<?>> all = new ArrayList<>();
    all.add(DispatchRelay.install(vertx));
    all.add(ops.start(opsOptions));
    if (options.services()) {
      // Bridge clients get the split interaction addresses and routed state queries from this node.
      all.add(Interactions.split(vertx));
      all.add(new StateProxy(vertx, options.replyTimeoutMs()).start());
    }
    if (options.tcp().enabled()) {
      all.add(startTcp());
    }
    if (options.sockjs().enabled()) {
      all.add(startSockJs());
    }
    boolean tls = options.tls() != null;
    return Future.all(all).onSuccess(v -> LOG.info("bridge ready: tcp{} {}, sockjs {}; outbound {}{}, inbound {}{}",
        tls ? "+tls" : "", options.tcp().enabled() ? options.tcp().host() + ":" + tcpPort : "off",
        options.sockjs().enabled() ? (tls ? "https://" : "http://") + options.sockjs().host() + ":" + sockjsPort
            + options.sockjs().path() : "off",
        options.outbound(), options.anonymousListeners() ? " (anonymous, loopback)" : " (secret required)",
        options.inbound(), options.inbound().isEmpty() ? "" : " (secret required)"));
  }

  private Future<Void> startTcp() {
    BridgeOptions bridgeOptions = permits(new BridgeOptions());
    NetServerOptions server = new NetServerOptions();
    if (options.tls() != null) {
      server.setSsl(true).setKeyCertOptions(options.tls().keyCert());
    }
    tcpBridge = TcpEventBusBridge.create(vertx, bridgeOptions, server,
        e -> guard.handle(e, "tcp", e.socket().remoteAddress(), e.socket(), () -> e.socket().close()));
    Listener l = options.tcp();
    // TcpEventBusBridge does not expose the port it bound, so port 0 is resolved to a free port first (off the
    // event loop: it binds a socket).
    Future<Integer> chosen = l.port() != 0 ? Future.succeededFuture(l.port())
        : vertx.executeBlocking(() -> FreePort.on(l.host()));
    return chosen
        .recover(e -> Future.failedFuture(new BridgeException(BridgeException.Kind.LISTEN,
            "tcp: no free port on " + l.host() + ": " + e.getMessage(), e)))
        .compose(port -> tcpBridge.listen(port, l.host())
            .recover(e -> Future.failedFuture(new BridgeException(BridgeException.Kind.LISTEN,
                "tcp: cannot listen on " + l.host() + ":" + port + ": " + e.getMessage(), e)))
            .map(b -> {
              tcpPort = port;
              return null;
            }));
  }

  private Future<Void> startSockJs() {
    Listener l = options.sockjs();
    SockJSBridgeOptions bridgeOptions = permits(new SockJSBridgeOptions())
        .setReplyTimeout(options.replyTimeoutMs());
    Router router = Router.router(vertx);
    router.route(l.path() + "/*").subRouter(SockJSHandler.create(vertx)
        .bridge(bridgeOptions, e -> guard.handle(e, "sockjs", e.socket().remoteAddress(), e.socket(),
            () -> e.socket().close())));
    HttpServerOptions server = new HttpServerOptions().setHost(l.host()).setPort(l.port())
        .setMaxWebSocketFrameSize(MAX_WS_FRAME).setMaxWebSocketMessageSize(MAX_WS_MESSAGE);
    if (options.tls() != null) {
      server.setSsl(true).setKeyCertOptions(options.tls().keyCert());
    }
    sockjsServer = vertx.createHttpServer(server);
    return sockjsServer.requestHandler(router).listen()
        .recover(e -> Future.failedFuture(new BridgeException(BridgeException.Kind.LISTEN,
            "sockjs: cannot listen on " + l.host() + ":" + l.port() + ": " + e.getMessage(), e)))
        .map(s -> {
          sockjsPort = s.actualPort();
          return null;
        });
  }

  private <T extends BridgeOptions> T permits(T bridgeOptions) {
    for (AddressRule rule : options.outbound()) {
      bridgeOptions.addOutboundPermitted(rule.toPermitted());
    }
    for (AddressRule rule : options.inbound()) {
      bridgeOptions.addInboundPermitted(rule.toPermitted());
    }
    return bridgeOptions;
  }

  @Override
  public Future<?> stop() {
    List<Future<?>> all = new ArrayList<>();
    if (tcpBridge != null) {
      all.add(tcpBridge.close());
    }
    if (sockjsServer != null) {
      all.add(sockjsServer.close());
    }
    return Future.join(all);
  }

  /** The TCP bridge's port (the bound one when configured as 0), or -1 when it does not run. */
  public int tcpPort() {
    return tcpPort;
  }

  /** The SockJS bridge's HTTP port (the bound one when configured as 0), or -1 when it does not run. */
  public int sockjsPort() {
    return sockjsPort;
  }

  /** How many connections the guard closed for too many denied frames. */
  public long closedConnections() {
    return guard == null ? 0 : guard.closedConnections();
  }

  /** How many frames the guard denied. */
  public long denials() {
    return guard == null ? 0 : guard.denials();
  }
}
