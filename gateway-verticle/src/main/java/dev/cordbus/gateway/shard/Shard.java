package dev.cordbus.gateway.shard;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.command.GatewayCommands;
import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.gateway.ops.ReconnectReason;
import dev.cordbus.gateway.ops.ShardMeters;
import dev.cordbus.gateway.publish.EventPublisher;
import dev.cordbus.gateway.shard.ShardAction.Delay;
import dev.cordbus.gateway.shard.ShardAction.Disconnect;
import dev.cordbus.gateway.shard.ShardAction.Next;
import dev.cordbus.gateway.shard.ShardEvent.Initiator;
import dev.cordbus.gateway.shard.ShardMachine.Transition;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway shard: the adapter that feeds {@link ShardEvent}s to the pure {@link ShardMachine} and performs the
 * {@link ShardAction}s it answers (connect, send IDENTIFY/RESUME, heartbeats, close, schedule, publish). The state
 * changes only through {@link #fire}; the session and seq live in a {@link ShardSession}. Opening sockets is
 * {@link ShardConnector}'s, frames are {@link ShardFrames}', writes {@link ShardSender}'s. Every method runs on the
 * verticle's context.
 */
public final class Shard {

  private static final Logger LOG = LoggerFactory.getLogger(Shard.class);

  final int id;
  final int shardCount;
  final ShardEnv env;
  final GatewayOptions options;
  final EventPublisher publisher;
  /** The shard's meters and console figures. */
  final ShardMeters meters;
  /** The session and the last seq (changed by KeepSession/DropSession here, seq by the frame handler). */
  final ShardSession session = new ShardSession();
  private final Consumer<Shard> onReady;
  private final ShardFrames frames;
  private final ShardConnector connector;
  private final ShardErrors errors;
  /** The outbound path: protocol payloads and queued bot commands. */
  final ShardSender sender;
  /** The machine's state: phase and whether a session is kept. Changed only by {@link #fire}. */
  private ShardMachine.State state = ShardMachine.State.INITIAL;
  /** The current connection, or null (set by {@link #attach}, cleared when a Disconnect action ends it). */
  Connection conn;
  /** Reconnect attempts since the last READY/RESUMED (drives the backoff). */
  private int attempts;
  private long reconnectTimer = -1;
  /** Frames dropped unread because the group's lease could not be proven when they arrived. */
  private long framesWithoutLease;

  /** A shard of {@code env}'s group; {@code onReady} is called each time it becomes READY (READY or RESUMED). */
  public Shard(int id, int shardCount, ShardEnv env, Consumer<Shard> onReady) {
    this.id = id;
    this.shardCount = shardCount;
    this.env = env;
    this.options = env.options();
    this.publisher = env.publisher();
    this.onReady = onReady;
    this.meters = env.monitor().shard(id);
    this.sender = new ShardSender(this);
    this.frames = new ShardFrames(this);
    this.connector = new ShardConnector(this, frames);
    this.errors = new ShardErrors(id, shardCount, env);
    meters.gauge("cordbus.gateway.shard.state", "the shard's state: 0 DISCONNECTED, 1 CONNECTING, 2 IDENTIFYING, "
        + "3 RESUMING, 4 READY, 5 RECONNECT_WAIT, 6 FATALLY_CLOSED, 7 STOPPED", this, s -> s.state().code());
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
    return state.phase();
  }

  /**
   * Seeds a session kept in the cluster (another node ran this shard): the first connection RESUMEs it from
   * {@code fromSeq} instead of identifying. Only before {@link #start()}.
   */
  public void restore(Session stored, long fromSeq) {
    if (stored != null && conn == null) {
      fire(ShardEvent.SESSION_RESTORED, Cause.session(stored, fromSeq));
    }
  }

  /** The resumable session, or null (read on the verticle's context). */
  public Session session() {
    return session.session();
  }

  /** The last dispatch seq of the session, -1 before any (read on the verticle's context). */
  public long seq() {
    return session.seq();
  }

  /** Starts connecting (IDENTIFY waits for the identify queue). */
  public void start() {
    onContext(() -> connectDue(ShardEvent.START));
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
      fire(ShardEvent.STOP, Cause.of(code, "shutting down"));
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
      if (c == null || state() != ShardState.READY) {
        promise.fail(new GatewayException(GatewayException.Kind.NOT_CONNECTED,
            "shard " + id + " is not connected (state " + state() + "); try again when it is READY"));
        return;
      }
      c.commands.add(new Connection.Pending(text, new JsonObject(text), promise));
      sender.drain(c);
    });
    return promise.future();
  }

  /**
   * {@code {op:"reidentify"}}: drops the session and IDENTIFYs afresh so a new READY and every GUILD_CREATE follow
   * (a state verticle that lost its cache asks for it). Completes with {@code reidentify} when the session was
   * dropped, {@code pending} when an identify is already under way (its READY comes anyway), {@code stopped} when the
   * shard will not connect again.
   */
  public Future<String> reidentify() {
    Promise<String> promise = Promise.promise();
    onContext(() -> {
      Transition t = fire(ShardEvent.REIDENTIFY_REQUESTED, Cause.of(1000, "re-identify requested"));
      promise.complete(state().terminal() ? "stopped" : t.ignored() ? "pending" : "reidentify");
    });
    return promise.future();
  }

  /** A snapshot for {@code discord.gateway.status}. */
  public JsonObject status() {
    Connection c = conn;
    long seq = session.seq();
    return meters.addTo(new JsonObject().put("shard", id).put("shardCount", shardCount).put("state", state().name())
        .put("seq", seq < 0 ? null : seq).put("sessionId", session.id())
        .put("latencyMs", c == null || c.heartbeat.latencyMs() < 0 ? null : c.heartbeat.latencyMs())
        .put("badFrames", frames.badFrames()).put("reconnectAttempts", attempts).put("resumable", state.resumable())
        .put("notReadyForMs", meters.notReadyForMs() < 0 ? null : meters.notReadyForMs()));
  }

  /** Frames dropped unread because the lease could not be proven, over the shard's life. */
  public long framesWithoutLease() {
    return framesWithoutLease;
  }

  // ---- the machine

  /** Feeds {@code event} to the machine, takes its state and performs its actions in order. */
  Transition fire(ShardEvent event, Cause cause) {
    Transition t = ShardMachine.next(state, event);
    if (t.ignored()) {
      LOG.debug("shard {}: {}", id, ((ShardAction.Ignore) t.actions().get(0)).why());
      return t;
    }
    ShardState before = state.phase();
    state = t.to();
    if (before != state.phase()) {
      LOG.debug("shard {}: {} -> {} on {}", id, before, state.phase(), event);
      meters.readiness(state.phase() == ShardState.READY);
    }
    for (ShardAction action : t.actions()) {
      perform(action, event, cause);
    }
    return t;
  }

  /** Whether {@code event} is legal in the current state (the machine would not ignore it). */
  boolean accepts(ShardEvent event) {
    return !ShardMachine.next(state, event).ignored();
  }

  /** A socket of the current attempt was opened: it is the shard's connection from now on. */
  void attach(Connection c) {
    conn = c;
  }

  /** The machine's state (phase and whether a session is kept). */
  ShardMachine.State machineState() {
    return state;
  }

  private void perform(ShardAction action, ShardEvent event, Cause cause) {
    if (action instanceof ShardAction.Connect a) {
      reconnectTimer = -1;
      connector.connect(a.resume());
    } else if (action instanceof ShardAction.StartHeartbeat) {
      connector.helloArrived();
      frames.startHeartbeat(conn);
    } else if (action instanceof ShardAction.SendIdentify) {
      identifyWhenAllowed(conn);
    } else if (action instanceof ShardAction.SendResume) {
      meters.resumed();
      sender.write(conn, Payloads.resume(options.token(), session.id(), session.seq()));
    } else if (action instanceof ShardAction.KeepSession) {
      session.keep(cause.session(), cause.seq());
    } else if (action instanceof ShardAction.DropSession) {
      if (session.session() != null) {
        LOG.info("shard {}: forgetting session {} ({}); next connection identifies", id, session.id(),
            cause.reason());
      }
      session.drop();
    } else if (action instanceof Disconnect a) {
      boolean weClose = a.closeCode() != Disconnect.NO_CLOSE;
      endConnection(event.initiator(), a.next(), weClose ? a.closeCode() : cause.code(), cause.reason(), weClose);
    } else if (action instanceof ShardAction.CountIdentifyRejection) {
      errors.identifyRejected(cause.code(), cause.reason());
    } else if (action instanceof ShardAction.ScheduleReconnect a) {
      scheduleReconnect(a.delay() == Delay.BACKOFF ? backoff() : invalidSessionPause());
    } else if (action instanceof ShardAction.GoLive) {
      errors.live();
      connector.reset();
      attempts = 0;
      onReady.accept(this);
    } else if (action instanceof ShardAction.GiveUp) {
      errors.fatal(cause.code(), cause.reason());
    } else if (action instanceof ShardAction.ReportBadFrame a) {
      frames.bad(a.reason() != null ? a.reason() : cause.reason());
    }
  }

  /** Ends the current connection, closing it with {@code code} when {@code weClose}; publishes the disconnect. */
  private void endConnection(Initiator initiator, Next next, int code, String reason, boolean weClose) {
    connector.cancelDeadline();
    Connection c = conn;
    conn = null;
    if (reconnectTimer >= 0) {
      env.vertx().cancelTimer(reconnectTimer);
      reconnectTimer = -1;
    }
    if (c != null) {
      c.release(env.vertx(), reason);
      if (weClose) {
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
  }

  private long backoff() {
    return Backoff.delay(attempts, options.backoffBaseMs(), options.backoffMaxMs(), env.random());
  }

  private long invalidSessionPause() {
    long min = options.invalidSessionWaitMinMs();
    long max = options.invalidSessionWaitMaxMs();
    return max > min ? min + env.random().nextLong(max - min) : min;
  }

  private void scheduleReconnect(long delayMs) {
    long delay = Math.max(1, delayMs);
    int attempt = attempts++;
    publisher.lifecycle(Addresses.SHARD_RECONNECT, id, shardCount, new JsonObject().put("attempt", attempt)
        .put("delayMs", delay).put("resume", state.resumable()));
    reconnectTimer = env.vertx().setTimer(delay, t -> {
      reconnectTimer = -1;
      connectDue(ShardEvent.RECONNECT_DUE);
    });
  }

  /** START or RECONNECT_DUE, or LEASE_UNPROVEN in their place while the group's lease cannot be proven. */
  private void connectDue(ShardEvent due) {
    if (ShardMachine.next(state, due).ignored()) {
      return;
    }
    if (!env.mayRun().getAsBoolean()) {
      // a stall or a renewal under way: try again later; the verticle stops the shard if the lease is lost for good
      LOG.warn("shard {}: not connecting: this node cannot prove it holds the group's cluster lease", id);
      fire(ShardEvent.LEASE_UNPROVEN, Cause.of(0, "the group's cluster lease cannot be proven"));
      return;
    }
    fire(due, Cause.of(0, null));
  }

  /**
   * A frame arrived while the group's lease cannot be proven: it is dropped unread (its seq is not recorded, so a
   * later RESUME asks for it again) and the connection is closed with 4000, keeping the session resumable for
   * whichever node holds the lease. The shard reconnects only once the lease is proven again; the verticle stops it
   * when the lease is lost for good.
   */
  void readWithoutLease() {
    framesWithoutLease++;
    LOG.warn("shard {}: a frame arrived after this node lost the group's cluster lease (last published seq {}); "
        + "not published, closing the connection", id, session.seq());
    fire(ShardEvent.LEASE_UNPROVEN, Cause.of(4000, "this node no longer holds the group's cluster lease"));
  }

  /** Sends IDENTIFY once the identify queue allows it (if the connection is still current). */
  private void identifyWhenAllowed(Connection c) {
    long asked = System.nanoTime();
    meters.identifyWaiting();
    env.identifyQueue().acquire(id).onComplete(ar -> onContext(() -> {
      if (c != conn || state() != ShardState.IDENTIFYING) {
        return;
      }
      if (ar.failed()) {
        // the connection would wait for an IDENTIFY forever: report it and start over with backoff
        String message = "shard " + id + ": the identify queue failed (" + ar.cause().getMessage()
            + "); reconnecting with backoff to ask again";
        LOG.warn(message);
        publisher.error(ErrorKinds.IDENTIFY_QUEUE, id, message, ar.cause(), null);
        fire(ShardEvent.IDENTIFY_QUEUE_FAILED, Cause.of(1000, "identify queue failed"));
        return;
      }
      sender.write(c, Payloads.identify(options, id, shardCount))
          .onSuccess(v -> {
            meters.identified(System.nanoTime() - asked);
            env.identifyQueue().identified(id);
          });
    }));
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
