package dev.cordbus.gateway.shard;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.close.CloseAction;
import dev.cordbus.gateway.close.CloseCode;
import dev.cordbus.gateway.close.FatalCloseMessages;
import dev.cordbus.gateway.command.GatewayCommands;
import dev.cordbus.gateway.compression.FrameDecoder;
import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.gateway.ops.ReconnectReason;
import dev.cordbus.gateway.ops.ShardMeters;
import dev.cordbus.gateway.publish.EventPublisher;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway shard: a state machine ({@link ShardState}) over successive WebSocket {@link Connection}s with ONE
 * exit path, {@link #disconnect(Initiator, int, String, Next)}. Follows
 * <a href="https://discord.com/developers/docs/events/gateway#connection-lifecycle">Connection lifecycle</a>:
 * HELLO, heartbeats with jitter, IDENTIFY through the identify queue or RESUME on {@code resume_gateway_url},
 * op 7 / op 9 / close codes, zombie detection, backoff. Frame handling lives in {@link ShardFrames}. Every method
 * runs on the verticle's context.
 */
public final class Shard {

  private static final Logger LOG = LoggerFactory.getLogger(Shard.class);

  /** Who ended a connection. */
  public enum Initiator { CLIENT, SERVER, CUT }

  /** What happens after a disconnect. */
  enum Next { RESUME, IDENTIFY, IDENTIFY_AFTER_PAUSE, FATAL, STOP }

  final int id;
  final int shardCount;
  final ShardEnv env;
  final GatewayOptions options;
  final EventPublisher publisher;
  private final ShardFrames frames;
  /** The outbound path: protocol payloads and queued bot commands. */
  final ShardSender sender = new ShardSender(this);
  /** Current state; see {@link ShardState}. */
  ShardState state = ShardState.DISCONNECTED;
  /** The resumable session, or null. */
  Session session;
  /** The last valid dispatch sequence of the session, -1 before any. */
  long seq = -1;
  /** The current connection, or null. */
  Connection conn;
  /** Reconnect attempts since the last READY/RESUMED (drives the backoff). */
  private int attempts;
  private long reconnectTimer = -1;
  /** The connect-and-HELLO deadline of the current attempt, or -1. */
  private long connectDeadline = -1;
  /** Numbers connect attempts, so a late result of an abandoned attempt is closed, never used. */
  private long connectAttempt;
  /** After this many rejected IDENTIFYs in a row, each one is published on {@code discord.shard.error}. */
  static final int IDENTIFY_REJECTIONS_REPORTED = 3;
  /** Connections in a row that could not be opened, and when the first of them failed. */
  private int openFailures;
  private long firstOpenFailureNanos;
  /** Connections in a row whose IDENTIFY the server refused with a non-fatal code (reset by READY). */
  private int identifyRejections;
  /** Frames that could not be decoded or broke the envelope rules, over the shard's life. */
  long badFrames;
  /** The shard's meters and console figures. */
  final ShardMeters meters;
  /** Frames dropped unread because the group's lease could not be proven when they arrived. */
  private long framesWithoutLease;

  public Shard(int id, int shardCount, ShardEnv env) {
    this.id = id;
    this.shardCount = shardCount;
    this.env = env;
    this.options = env.options();
    this.publisher = env.publisher();
    this.frames = new ShardFrames(this);
    this.meters = env.monitor().shard(id);
    meters.gauge("cordbus.gateway.shard.state", "the shard's state: 0 DISCONNECTED, 1 CONNECTING, 2 IDENTIFYING, "
        + "3 RESUMING, 4 READY, 5 RECONNECT_WAIT, 6 FATALLY_CLOSED, 7 STOPPED", this, s -> s.state.code());
    meters.gauge("cordbus.gateway.heartbeat.latency.seconds", "the last heartbeat's round trip (NaN before the "
        + "first ACK)", this, Shard::latencySeconds);
  }

  private double latencySeconds() {
    Connection c = conn;
    long ms = c == null ? -1 : c.heartbeat.latencyMs();
    return ms < 0 ? Double.NaN : ms / 1000.0;
  }

  /** The identify queue's last wait of this shard in ms (-1 when it never identified). */
  public long lastIdentifyWaitMs() {
    return meters.lastIdentifyWaitMs();
  }

  /** Wall ms since this shard stopped being READY, -1 while READY. */
  public long notReadyForMs() {
    return meters.notReadyForMs();
  }

  /** Whether it waits for the identify queue. */
  public boolean identifyWaiting() {
    return meters.isIdentifyWaiting();
  }

  /** The shard id. */
  public int id() {
    return id;
  }

  /** The current state. */
  public ShardState state() {
    return state;
  }

  /**
   * Seeds a session kept in the cluster (another node ran this shard): the first connection RESUMEs it from
   * {@code fromSeq} instead of identifying. Only before {@link #start()}.
   */
  public void restore(Session stored, long fromSeq) {
    if (state == ShardState.DISCONNECTED && conn == null && stored != null) {
      session = stored;
      seq = fromSeq;
    }
  }

  /** The resumable session, or null (read on the verticle's context). */
  public Session session() {
    return session;
  }

  /** The last dispatch seq of the session, -1 before any (read on the verticle's context). */
  public long seq() {
    return seq;
  }

  /** Starts connecting (IDENTIFY waits for the identify queue). */
  public void start() {
    onContext(() -> {
      if (state == ShardState.DISCONNECTED) {
        connect();
      }
    });
  }

  /**
   * Stops the shard, closing with 4000 (the session stays resumable: {@code keepSessionOnStop}, or another node of
   * the cluster takes over) when {@code keepSession}, else 1000 (the session ends). Completes when the close was
   * written.
   */
  public Future<Void> stop(boolean keepSession) {
    Promise<Void> done = Promise.promise();
    onContext(() -> {
      Connection c = conn;
      int code = keepSession ? 4000 : 1000;
      disconnect(Initiator.CLIENT, code, "shutting down", Next.STOP);
      if (c == null) {
        done.complete();
      } else {
        c.ws.close((short) code, "shutting down").onComplete(ar -> done.tryComplete());
        env.vertx().setTimer(2000, t -> done.tryComplete());
      }
    });
    return done.future();
  }

  /** Sends a bot's gateway command {@code {op, d}}; completes when written (it may wait for the send limit). */
  public Future<Void> send(JsonObject command) {
    String text;
    try {
      text = GatewayCommands.encode(command);
    } catch (GatewayException e) {
      return Future.failedFuture(e);
    }
    Promise<Void> promise = Promise.promise();
    onContext(() -> {
      Connection c = conn;
      if (c == null || state != ShardState.READY) {
        promise.fail(new GatewayException(GatewayException.Kind.NOT_CONNECTED,
            "shard " + id + " is not connected (state " + state + "); try again when it is READY"));
        return;
      }
      c.commands.add(new Connection.Pending(text, new JsonObject(text), promise));
      sender.drain(c);
    });
    return promise.future();
  }

  /**
   * {@code {op:"reidentify"}}: drops the session and IDENTIFYs afresh so a new READY and every GUILD_CREATE follow
   * (a state verticle that lost its cache asks for it). Completes with {@code reidentify} when the shard was live or
   * resuming, {@code pending} when an identify is already under way (its READY comes anyway), {@code stopped} when the
   * shard will not connect again.
   */
  public Future<String> reidentify() {
    Promise<String> promise = Promise.promise();
    onContext(() -> {
      switch (state) {
        case READY, RESUMING -> {
          disconnect(Initiator.CLIENT, 1000, "re-identify requested", Next.IDENTIFY);
          promise.complete("reidentify");
        }
        case RECONNECT_WAIT -> {
          forgetSession("re-identify requested");
          promise.complete("reidentify");
        }
        case FATALLY_CLOSED, STOPPED -> promise.complete("stopped");
        default -> promise.complete("pending");
      }
    });
    return promise.future();
  }

  /** A snapshot for {@code discord.gateway.status}. */
  public JsonObject status() {
    Connection c = conn;
    return meters.addTo(new JsonObject().put("shard", id).put("shardCount", shardCount).put("state", state.name())
        .put("seq", seq < 0 ? null : seq).put("sessionId", session == null ? null : session.id())
        .put("latencyMs", c == null || c.heartbeat.latencyMs() < 0 ? null : c.heartbeat.latencyMs())
        .put("badFrames", badFrames).put("reconnectAttempts", attempts).put("resumable", session != null)
        .put("notReadyForMs", meters.notReadyForMs() < 0 ? null : meters.notReadyForMs()));
  }

  // ---- connecting

  private void connect() {
    reconnectTimer = -1;
    if (!env.mayRun().getAsBoolean()) {
      // the lease cannot be proven right now (a stall, a renewal under way): try again later; the verticle stops
      // the shard if the lease is lost for good
      LOG.warn("shard {}: not connecting: this node cannot prove it holds the group's cluster lease", id);
      scheduleReconnect(backoff());
      return;
    }
    boolean resuming = session != null;
    // a resume goes to resume_gateway_url; every other failed attempt in a row alternates with the main URL
    boolean onResumeUrl = resuming && session.resumeUrl() != null && openFailures % 2 == 0;
    String base = onResumeUrl ? session.resumeUrl() : env.gatewayUrl().get();
    String url = GatewayUrls.connectUrl(base, options.compression());
    setState(ShardState.CONNECTING);
    long attempt = ++connectAttempt;
    WebSocketConnectOptions connectOptions = new WebSocketConnectOptions().setAbsoluteURI(url)
        .setConnectTimeout(options.connectTimeoutMs()).setTimeout(options.connectTimeoutMs())
        .addHeader("User-Agent", options.userAgent());
    // one deadline for TCP connect + upgrade + HELLO: a server that accepts and never answers is a disconnect
    connectDeadline = env.vertx().setTimer(options.connectTimeoutMs(), t -> onContext(() -> {
      connectDeadline = -1;
      if (attempt == connectAttempt && state == ShardState.CONNECTING) {
        String why = "no " + (conn == null ? "WebSocket upgrade" : "HELLO") + " within "
            + options.connectTimeoutMs() + " ms (connectTimeoutMs)";
        if (conn != null) {
          publisher.error(ErrorKinds.CONNECT, id, "shard " + id + ": " + conn.url + " accepted the WebSocket but sent "
              + why + "; reconnecting with backoff", null, new JsonObject().put("url", conn.url));
          disconnect(Initiator.CLIENT, 4000, why, session != null ? Next.RESUME : Next.IDENTIFY);
        } else {
          openFailed(url, why, resuming);
        }
      }
    }));
    env.client().connect(connectOptions).onComplete(ar -> onContext(() -> {
      if (attempt != connectAttempt || state != ShardState.CONNECTING || conn != null) {
        if (ar.succeeded()) {
          ar.result().close((short) 1000, "not needed");
        }
        return;
      }
      if (ar.failed()) {
        openFailed(url, ar.cause().getMessage(), resuming);
        return;
      }
      opened(ar.result(), url, resuming);
    }));
  }

  /**
   * A connection could not be opened (refused, handshake failed, no upgrade in time). A session is kept and resumed
   * again (alternating resume URL and main URL, with backoff) until {@code resumeRetryMs} passed since the first
   * failed attempt; only then the next connection identifies.
   */
  private void openFailed(String url, String why, boolean resuming) {
    cancelDeadline();
    LOG.warn("shard {}: could not connect to {}: {}", id, url, why);
    publisher.error(ErrorKinds.CONNECT, id, "shard " + id + " could not connect to " + url + ": " + why
        + " (attempt " + (openFailures + 1) + " in a row); retrying with backoff. Check gatewayUrl and the network",
        null, new JsonObject().put("url", url).put("attempts", openFailures + 1));
    if (openFailures++ == 0) {
      firstOpenFailureNanos = System.nanoTime();
    }
    if (resuming && session != null) {
      long failingMs = (System.nanoTime() - firstOpenFailureNanos) / 1_000_000;
      if (failingMs >= options.resumeRetryMs()) {
        forgetSession("no connection could be opened for " + failingMs + " ms (resumeRetryMs "
            + options.resumeRetryMs() + ")");
      }
    }
    scheduleReconnect(backoff());
  }

  private void cancelDeadline() {
    if (connectDeadline >= 0) {
      env.vertx().cancelTimer(connectDeadline);
      connectDeadline = -1;
    }
  }

  private void opened(WebSocket ws, String url, boolean resuming) {
    openFailures = 0;
    Connection c = new Connection(ws, url, FrameDecoder.create(options.compression()));
    conn = c;
    ws.frameHandler(frame -> frames.onWebSocketFrame(c, frame));
    ws.exceptionHandler(e -> LOG.debug("shard {}: socket error: {}", id, e.toString()));
    ws.closeHandler(v -> onContext(() -> onClosed(c)));
    publisher.lifecycle(Addresses.SHARD_CONNECT, id, shardCount,
        new JsonObject().put("url", url).put("resuming", resuming));
  }

  private void onClosed(Connection c) {
    if (c != conn) {
      return; // we closed it ourselves and already moved on
    }
    Short status = c.ws.closeStatusCode();
    if (status == null || status == 1006) { // 1006 is never sent on the wire: Vert.x reports it for no close frame
      meters.closeCode(1006);
      disconnect(Initiator.CUT, 1006, "connection lost without a close frame",
          session != null ? Next.RESUME : Next.IDENTIFY);
      return;
    }
    int code = status;
    meters.closeCode(code);
    String reason = c.ws.closeReason();
    CloseAction action = CloseCode.actionFor(code);
    Next next = switch (action) {
      case RESUME -> session != null ? Next.RESUME : Next.IDENTIFY;
      case IDENTIFY -> Next.IDENTIFY;
      case STOP -> Next.FATAL;
    };
    disconnect(Initiator.SERVER, code, reason, next);
  }

  // ---- the one exit

  /**
   * Ends the current connection (closing it with {@code code} when we initiate) and decides what comes next:
   * resume, identify (optionally after the invalid-session pause), stop for good (fatal), or stop (shutdown).
   */
  void disconnect(Initiator initiator, int code, String reason, Next next) {
    if (state.terminal()) {
      return;
    }
    cancelDeadline();
    if (initiator == Initiator.SERVER && (state == ShardState.IDENTIFYING
        || (state == ShardState.CONNECTING && session == null)) && next != Next.FATAL && next != Next.STOP) {
      identifyRejected(code, reason);
    }
    Connection c = conn;
    conn = null;
    if (reconnectTimer >= 0) {
      env.vertx().cancelTimer(reconnectTimer);
      reconnectTimer = -1;
    }
    if (c != null) {
      c.release(env.vertx(), reason);
      if (initiator == Initiator.CLIENT && next != Next.STOP) {
        c.ws.close((short) code, reason == null ? "" : truncate(reason));
      }
      publisher.lifecycle(Addresses.SHARD_DISCONNECT, id, shardCount, new JsonObject().put("code", code)
          .put("reason", reason).put("initiator", initiator.name().toLowerCase())
          .put("resumable", next == Next.RESUME).put("action", next.name()));
    }
    LOG.info("shard {}: disconnected ({} code {} '{}'), next: {}", id, initiator, code, reason, next);
    if (next == Next.RESUME || next == Next.IDENTIFY || next == Next.IDENTIFY_AFTER_PAUSE) {
      meters.reconnect(ReconnectReason.of(initiator.name(), reason), code);
    }
    switch (next) {
      case RESUME -> scheduleReconnect(backoff());
      case IDENTIFY -> {
        forgetSession("close code " + code);
        scheduleReconnect(backoff());
      }
      case IDENTIFY_AFTER_PAUSE -> {
        forgetSession("invalid session");
        long min = options.invalidSessionWaitMinMs();
        long max = options.invalidSessionWaitMaxMs();
        scheduleReconnect(max > min ? min + env.random().nextLong(max - min) : min);
      }
      case FATAL -> fatal(code, reason);
      case STOP -> setState(ShardState.STOPPED);
    }
  }

  private void fatal(int code, String reason) {
    setState(ShardState.FATALLY_CLOSED);
    CloseCode cc = CloseCode.of(code).orElse(CloseCode.UNKNOWN_ERROR);
    String message = FatalCloseMessages.message(cc, id, shardCount, options.intents(), reason);
    LOG.error(message);
    env.monitor().error(id, message);
    JsonObject body = new JsonObject().put("kind", "fatal-close").put("code", code).put("message", message);
    if (cc == CloseCode.DISALLOWED_INTENTS) {
      body.put("privilegedIntents", FatalCloseMessages.privileged(options.intents()));
    }
    publisher.lifecycle(Addresses.SHARD_ERROR, id, shardCount, body);
    publisher.error(ErrorKinds.FATAL_CLOSE, id, message, null, body);
  }

  private long backoff() {
    return Backoff.delay(attempts, options.backoffBaseMs(), options.backoffMaxMs(), env.random());
  }

  private void scheduleReconnect(long delayMs) {
    long delay = Math.max(1, delayMs);
    int attempt = attempts++;
    setState(ShardState.RECONNECT_WAIT);
    publisher.lifecycle(Addresses.SHARD_RECONNECT, id, shardCount, new JsonObject().put("attempt", attempt)
        .put("delayMs", delay).put("resume", session != null));
    reconnectTimer = env.vertx().setTimer(delay, t -> {
      if (state == ShardState.RECONNECT_WAIT) {
        connect();
      }
    });
  }

  private void forgetSession(String why) {
    if (session != null) {
      LOG.info("shard {}: forgetting session {} ({}); next connection identifies", id, session.id(), why);
    }
    session = null;
    seq = -1;
  }

  // ---- called by ShardFrames

  /**
   * A frame arrived while the group's lease cannot be proven: it is dropped unread (its seq is not recorded, so a
   * later RESUME asks for it again) and the connection is closed with 4000, keeping the session resumable for
   * whichever node holds the lease. The shard reconnects only once the lease is proven again; the verticle stops it
   * when the lease is lost for good.
   */
  void readWithoutLease() {
    framesWithoutLease++;
    LOG.warn("shard {}: a frame arrived after this node lost the group's cluster lease (last published seq {}); "
        + "not published, closing the connection", id, seq);
    disconnect(Initiator.CLIENT, 4000, "this node no longer holds the group's cluster lease",
        session != null ? Next.RESUME : Next.IDENTIFY);
  }

  /** Frames dropped unread because the lease could not be proven, over the shard's life. */
  public long framesWithoutLease() {
    return framesWithoutLease;
  }

  /** HELLO arrived on the current connection: the connect deadline is met. */
  void helloArrived() {
    cancelDeadline();
  }

  /**
   * The server ended a connection that was identifying (a non-fatal close, or op 9 false on an IDENTIFY). From the
   * {@value #IDENTIFY_REJECTIONS_REPORTED}th in a row, each rejection is published on {@code discord.shard.error}
   * (kind {@code identify-rejected}) as well as logged, so a gateway that keeps refusing the bot is seen.
   */
  void identifyRejected(int code, String reason) {
    identifyRejections++;
    if (identifyRejections < IDENTIFY_REJECTIONS_REPORTED) {
      return;
    }
    String message = "shard " + id + ": the gateway rejected IDENTIFY " + identifyRejections + " times in a row (last: "
        + code + " '" + reason + "'); still retrying with backoff. Check the token, intents, shard settings and "
        + "the User-Agent (userAgent), or whether the gateway URL points at a Discord-compatible server";
    LOG.error(message);
    publisher.lifecycle(Addresses.SHARD_ERROR, id, shardCount, new JsonObject().put("kind", "identify-rejected")
        .put("code", code).put("reason", reason).put("attempts", identifyRejections).put("message", message));
  }

  /** A READY or RESUMED arrived: the session is live. */
  void live() {
    identifyRejections = 0;
    openFailures = 0;
    attempts = 0;
    setState(ShardState.READY);
    env.onReady().accept(this);
  }

  /** Sends IDENTIFY once the identify queue allows it (if the connection is still current). */
  void identifyWhenAllowed(Connection c) {
    setState(ShardState.IDENTIFYING);
    long asked = System.nanoTime();
    meters.identifyWaiting();
    env.identifyQueue().acquire(id).onComplete(ar -> onContext(() -> {
      if (c != conn || state != ShardState.IDENTIFYING) {
        return;
      }
      if (ar.failed()) {
        // the connection would wait for an IDENTIFY forever: report it and start over with backoff
        String message = "shard " + id + ": the identify queue failed (" + ar.cause().getMessage()
            + "); reconnecting with backoff to ask again";
        LOG.warn(message);
        publisher.error(ErrorKinds.IDENTIFY_QUEUE, id, message, ar.cause(), null);
        disconnect(Initiator.CLIENT, 1000, "identify queue failed", Next.IDENTIFY);
        return;
      }
      sender.write(c, Payloads.identify(options, id, shardCount))
          .onSuccess(v -> {
            meters.identified(System.nanoTime() - asked);
            env.identifyQueue().identified(id);
          });
    }));
  }

  void setState(ShardState next) {
    if (state != next) {
      LOG.debug("shard {}: {} -> {}", id, state, next);
      state = next;
      meters.readiness(next == ShardState.READY);
    }
  }

  void onContext(Runnable action) {
    if (Vertx.currentContext() == env.context()) {
      action.run();
    } else {
      env.context().runOnContext(v -> action.run());
    }
  }

  private static String truncate(String reason) {
    return reason.length() > 100 ? reason.substring(0, 100) : reason;
  }
}
