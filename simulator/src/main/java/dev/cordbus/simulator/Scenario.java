package dev.cordbus.simulator;

import dev.cordbus.simulator.core.SimulatorException;
import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.gateway.Dispatch;
import dev.cordbus.simulator.gateway.Faults;
import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.gateway.Session;
import dev.cordbus.simulator.rest.RestStorm;
import dev.cordbus.simulator.traffic.Firehose;
import dev.cordbus.simulator.traffic.FixtureReplay;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fault injection and traffic. Methods act on the live connections of a shard id (the first element of IDENTIFY's
 * {@code shard}; 0 when the client did not shard) and may be called from any thread: they run on the simulator's
 * event loop. Futures complete when the frame was written, or fail with {@link SimulatorException.Kind#NO_CONNECTION}
 * when the shard has no live connection.
 */
public final class Scenario {

  private final Vertx vertx;
  private final Context context;
  private final GatewayHub hub;
  private final Faults faults;
  private final WorldModel world;
  private final SimulatorLog log;
  private final Firehose firehose;
  private final RestStorm storm;
  private final List<Lively> livelies = new ArrayList<>();

  Scenario(Vertx vertx, Context context, GatewayHub hub, SimulatorLog log, RestStorm storm) {
    this.vertx = vertx;
    this.storm = storm;
    this.context = context;
    this.hub = hub;
    this.faults = new Faults(hub);
    this.world = hub.worldModel();
    this.log = log;
    this.firehose = new Firehose(vertx, context, hub, world);
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(p);
      } catch (RuntimeException e) {
        p.fail(e);
      }
    });
    return p.future();
  }

  /**
   * Dispatches {@code event} with {@code d}: applied to the world, routed by {@code d.guild_id} (GUILD_CREATE/
   * UPDATE/DELETE by {@code d.id}) to shard {@code (guild >> 22) % n} of every session, no guild to shard 0; each
   * session assigns its next {@code s} and buffers it for RESUME replay (a disconnected but resumable session gets it on
   * RESUME). Completes with the {@code s} of the first receiving session, or -1 when every session's intents filtered
   * it out; fails with NO_CONNECTION when no session (live or resumable) covers that shard.
   */
  public Future<Long> dispatch(String event, JsonObject d) {
    JsonObject copy = d == null ? new JsonObject() : d.copy();
    return onContext(() -> dispatchNow(event, copy));
  }

  private Future<Long> dispatchNow(String event, JsonObject d) {
    world.apply(event, d);
    Dispatch disp = Dispatch.of(event, d, world.botId());
    if (!hub.hasSessionFor(disp.guildId())) {
      return Future.failedFuture(new SimulatorException(SimulatorException.Kind.NO_CONNECTION,
          "no session for the shard of " + event + " (guild " + disp.guildId() + ")"));
    }
    List<Session.Sent> sent = hub.route(disp);
    if (sent.isEmpty()) {
      return Future.succeededFuture(-1L);
    }
    List<Future<Void>> writes = new ArrayList<>();
    for (Session.Sent s : sent) {
      writes.add(s.written().recover(e -> Future.succeededFuture()));
    }
    long seq = sent.get(0).seq();
    return Future.all(writes).map(seq);
  }

  /**
   * The live or resumable sessions of {@code shard}: {@code [{sessionId, seq, state}]} where {@code seq} is the last
   * {@code s} the session issued (what a client that got everything has seen) and {@code state} ACTIVE or DETACHED.
   */
  public Future<io.vertx.core.json.JsonArray> sessionsOfShard(int shard) {
    return onContext(() -> {
      io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
      for (Session s : hub.sessionsOfShard(shard)) {
        out.add(new JsonObject().put("sessionId", s.id).put("seq", s.seq()).put("state", s.state().name()));
      }
      return Future.succeededFuture(out);
    });
  }

  /** op 7; the server closes the socket {@code reconnectCloseDelayMs} later if the client does not. */
  public Future<Void> reconnect(int shard) {
    return onContext(() -> faults.reconnect(shard));
  }

  /** op 9 with {@code d = resumable}; when false the session ends. */
  public Future<Void> invalidSession(int shard, boolean resumable) {
    return onContext(() -> faults.invalidSession(shard, resumable));
  }

  /** A server-side close frame with {@code code} (40xx codes that Discord treats as fatal end the session). */
  public Future<Void> close(int shard, int code, String reason) {
    return onContext(() -> faults.close(shard, code, reason));
  }

  /** Abrupt TCP close without a close frame; the session stays resumable. */
  public Future<Void> cut(int shard) {
    return onContext(() -> faults.cut(shard));
  }

  /** Zombie: stop (true) or restart (false) answering heartbeats with op 11 on a shard. */
  public void withholdAcks(int shard, boolean withhold) {
    hub.withholdAcks(shard, withhold);
  }

  /**
   * The silent server: the next {@code n} gateway connections are accepted and their upgrade is never answered
   * (a hung server or load balancer). {@link SimulatorLog#handshakes()} records them as {@code silent}.
   */
  public void silentUpgrades(int n) {
    hub.silentUpgrades(n);
  }

  /** The next {@code n} connections to the resume URL are refused (HTTP 503 instead of the upgrade). */
  public void refuseResumeUrl(int n) {
    hub.refuseResumeUrl(n);
  }

  /**
   * A REST storm: the next {@code count} API requests are answered {@code status} (a 5xx, or 429 global with
   * {@code retryAfterMs}) whatever their rate-limit budget. Returns how many requests storms answered so far.
   */
  public int restStorm(int status, int count, long retryAfterMs) {
    storm.start(status, count, retryAfterMs);
    return storm.answered();
  }

  /** Server op 1 (heartbeat request). */
  public Future<Void> requestHeartbeat(int shard) {
    return onContext(() -> faults.requestHeartbeat(shard));
  }

  /** A text frame as is (bad frames): no seq, no compression. */
  public Future<Void> sendRaw(int shard, String text) {
    return onContext(() -> faults.sendRaw(shard, text));
  }

  /** A binary frame as is. */
  public Future<Void> sendRawBinary(int shard, Buffer bytes) {
    return onContext(() -> faults.sendRawBinary(shard, bytes));
  }

  /**
   * Replays a recorded {@code session.jsonl} (see {@link FixtureReplay}): waits for a client session on shard 0,
   * dispatches the recorded events in order, turns op 7 into a reconnect and waits for the RESUME, op 9 into an
   * invalidation (waiting for the new READY when not resumable), op 1 into a heartbeat request. Completes after the
   * last frame.
   */
  public Future<Void> replayFixtureSession(Path sessionJsonl) {
    return vertx.fileSystem().readFile(sessionJsonl.toString())
        .recover(e -> Future.failedFuture(new SimulatorException(SimulatorException.Kind.BAD_INPUT,
            "cannot read " + sessionJsonl + ": " + e.getMessage(), e)))
        .compose(content -> {
          List<JsonObject> lines = new ArrayList<>();
          try {
            for (String line : content.toString(StandardCharsets.UTF_8).split("\n")) {
              if (!line.isBlank()) {
                lines.add(new JsonObject(line));
              }
            }
          } catch (RuntimeException e) {
            return Future.failedFuture(new SimulatorException(SimulatorException.Kind.BAD_INPUT,
                "cannot read " + sessionJsonl + ": " + e.getMessage(), e));
          }
          return replay(lines);
        });
  }

  private Future<Void> replay(List<JsonObject> lines) {
    FixtureReplay replay = new FixtureReplay(vertx, hub, faults, log, this::dispatchNow);
    return onContext(() -> replay.run(lines));
  }

  /**
   * {@code count} realistic dispatches spread over the world's guilds ({@code perSecond} 0 = full speed), mostly
   * ~1.4 KB MESSAGE_CREATE; respects WebSocket back-pressure. Completes, once everything is written, with the number
   * of dispatch frames written to sessions (a dispatch filtered by a session's intents is not counted).
   */
  public Future<Long> firehose(int count, int perSecond) {
    if (count < 0 || perSecond < 0) {
      return Future.failedFuture(new SimulatorException(SimulatorException.Kind.INVALID_OPTION,
          "firehose count and perSecond must be >= 0"));
    }
    return onContext(() -> firehose.run(count, perSecond));
  }

  /** Starts a background lively world (joins, leaves, messages, reactions, edits, presences) every {@code periodMs}. */
  public Lively lively(long periodMs) {
    Lively l = new Lively(vertx, context, hub, periodMs, System.nanoTime());
    synchronized (livelies) {
      livelies.add(l);
    }
    return l;
  }

  void stopAll() {
    synchronized (livelies) {
      livelies.forEach(Lively::stop);
    }
  }
}
