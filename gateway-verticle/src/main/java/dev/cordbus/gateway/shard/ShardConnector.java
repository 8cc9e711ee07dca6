package dev.cordbus.gateway.shard;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.compression.FrameDecoder;
import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.gateway.publish.FrameSlabs;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a {@link Shard}'s sockets (the {@link ShardAction.Connect} action) and turns what happens to them into
 * events: one {@code connectTimeoutMs} deadline for TCP connect + upgrade + HELLO ({@link ShardEvent#CONNECT_FAILED},
 * {@link ShardEvent#HELLO_TIMEOUT}), a session resumed on {@code resume_gateway_url} and the main URL in turn while
 * sockets fail ({@link ShardEvent#CONNECT_FAILED_RESUME_EXPIRED} after {@code resumeRetryMs}), and each close by its
 * close code's action ({@link ShardEvent#closedWith}). A late result of an abandoned attempt is closed, never used. Runs on the shard's context.
 */
final class ShardConnector {

  private static final Logger LOG = LoggerFactory.getLogger(ShardConnector.class);

  private final Shard shard;
  private final ShardFrames frames;
  private final ShardEnv env;
  private final GatewayOptions options;
  /** The connect-and-HELLO deadline of the current attempt, or -1. */
  private long deadline = -1;
  /** Numbers connect attempts, so a late result of an abandoned attempt is closed, never used. */
  private long attempt;
  /** Connections in a row that could not be opened, and when the first of them failed. */
  private int openFailures;
  private long firstOpenFailureNanos;

  ShardConnector(Shard shard, ShardFrames frames) {
    this.shard = shard;
    this.frames = frames;
    this.env = shard.env;
    this.options = shard.options;
  }

  /** Opens a socket: on the session's resume URL when {@code resume} (alternating with the main URL on failures). */
  void connect(boolean resume) {
    Session session = shard.session();
    boolean onResumeUrl = resume && session != null && session.resumeUrl() != null && openFailures % 2 == 0;
    String base = onResumeUrl ? session.resumeUrl() : env.gatewayUrl().get();
    String url = GatewayUrls.connectUrl(base, options.compression());
    long current = ++attempt;
    WebSocketConnectOptions connectOptions = new WebSocketConnectOptions().setAbsoluteURI(url)
        .setConnectTimeout(options.connectTimeoutMs()).setTimeout(options.connectTimeoutMs())
        .addHeader("User-Agent", options.userAgent());
    deadline = env.vertx().setTimer(options.connectTimeoutMs(), t -> shard.onContext(() -> {
      deadline = -1;
      if (current == attempt && shard.state() == ShardState.CONNECTING) {
        String why = "no " + (shard.conn == null ? "WebSocket upgrade" : "HELLO") + " within "
            + options.connectTimeoutMs() + " ms (connectTimeoutMs)";
        Connection c = shard.conn;
        if (c != null) {
          shard.publisher.error(ErrorKinds.CONNECT, shard.id, "shard " + shard.id + ": " + c.url + " accepted the "
              + "WebSocket but sent " + why + "; reconnecting with backoff", null, new JsonObject().put("url", c.url));
          shard.fire(ShardEvent.HELLO_TIMEOUT, Cause.of(4000, why));
        } else {
          failed(url, why);
        }
      }
    }));
    env.client().connect(connectOptions).onComplete(ar -> shard.onContext(() -> {
      if (current != attempt || shard.state() != ShardState.CONNECTING || shard.conn != null) {
        if (ar.succeeded()) {
          ar.result().close((short) 1000, "not needed");
        }
        return;
      }
      if (ar.failed()) {
        failed(url, ar.cause().getMessage());
        return;
      }
      opened(ar.result(), url, resume);
    }));
  }

  /**
   * A socket could not be opened. A session is kept and resumed again until {@code resumeRetryMs} passed since the
   * first failure in a row; only then the next connection identifies.
   */
  private void failed(String url, String why) {
    cancelDeadline();
    LOG.warn("shard {}: could not connect to {}: {}", shard.id, url, why);
    shard.publisher.error(ErrorKinds.CONNECT, shard.id, "shard " + shard.id + " could not connect to " + url + ": "
        + why + " (attempt " + (openFailures + 1) + " in a row); retrying with backoff. Check gatewayUrl and the "
        + "network", null, new JsonObject().put("url", url).put("attempts", openFailures + 1));
    if (openFailures++ == 0) {
      firstOpenFailureNanos = System.nanoTime();
    }
    long failingMs = (System.nanoTime() - firstOpenFailureNanos) / 1_000_000;
    if (shard.machineState().resumable() && failingMs >= options.resumeRetryMs()) {
      shard.fire(ShardEvent.CONNECT_FAILED_RESUME_EXPIRED, Cause.of(0, "no connection could be opened for "
          + failingMs + " ms (resumeRetryMs " + options.resumeRetryMs() + ")"));
    } else {
      shard.fire(ShardEvent.CONNECT_FAILED, Cause.of(0, why));
    }
  }

  private void opened(WebSocket ws, String url, boolean resuming) {
    openFailures = 0;
    Connection c = new Connection(ws, url, FrameDecoder.create(options.compression()));
    shard.attach(c);
    FrameSlabs slabs = shard.publisher.slabs();
    if (slabs != null && c.decoder == null && ws instanceof WebSocketInternal internal) {
      // the socket's frames are read into the group's slabs from now on (on the group's own event loop only). Not
      // with transport compression: there the decoder makes each message's bytes anyway, and the frames are smaller
      slabs.install(internal.channelHandlerContext().pipeline());
    }
    ws.frameHandler(frame -> frames.onWebSocketFrame(c, frame));
    ws.exceptionHandler(e -> LOG.debug("shard {}: socket error: {}", shard.id, e.toString()));
    shard.publisher.gate().watch(ws);
    ws.closeHandler(v -> shard.onContext(() -> {
      shard.publisher.gate().forget(ws);
      closed(c);
    }));
    shard.publisher.lifecycle(Addresses.SHARD_CONNECT, shard.id, shard.shardCount,
        new JsonObject().put("url", url).put("resuming", resuming));
  }

  /** The peer closed {@code c} (or it was cut): the close code's action decides the event. */
  private void closed(Connection c) {
    if (c != shard.conn) {
      return; // we closed it ourselves and already moved on
    }
    Short status = c.ws.closeStatusCode();
    if (status == null || status == 1006) { // 1006 is never sent on the wire: Vert.x reports it for no close frame
      shard.meters.closeCode(1006);
      shard.fire(ShardEvent.CONNECTION_LOST, Cause.of(1006, "connection lost without a close frame"));
      return;
    }
    int code = status;
    shard.meters.closeCode(code);
    shard.fire(ShardEvent.closedWith(code), Cause.of(code, c.ws.closeReason()));
  }

  /** HELLO arrived: the deadline of this attempt is met. */
  void helloArrived() {
    cancelDeadline();
  }

  /** READY or RESUMED: the failures in a row are over. */
  void reset() {
    openFailures = 0;
  }

  void cancelDeadline() {
    if (deadline >= 0) {
      env.vertx().cancelTimer(deadline);
      deadline = -1;
    }
  }
}
