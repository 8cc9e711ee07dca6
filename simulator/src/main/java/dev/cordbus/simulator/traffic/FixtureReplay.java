package dev.cordbus.simulator.traffic;

import dev.cordbus.simulator.core.SimulatorException;
import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.gateway.Faults;
import dev.cordbus.simulator.gateway.GatewayHub;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Replays a recorded {@code session.jsonl} against the connected client: c2s and ctl lines are skipped; s2c
 * dispatches other than READY/RESUMED (and the GUILD_CREATE burst right after a READY, which the simulator produces
 * itself) are dispatched in order; op 7 reconnects and waits for an accepted RESUME; op 9 invalidates and, when not
 * resumable, waits for the new READY; op 1 requests a heartbeat; op 10/11 are live protocol and skipped.
 * Event loop only.
 */
public final class FixtureReplay {

  /** How long a step waits for the client (first session, resume, new READY). */
  public static final long STEP_TIMEOUT_MS = 30_000;
  static final long POLL_MS = 20;

  private final Vertx vertx;
  private final GatewayHub hub;
  private final Faults faults;
  private final SimulatorLog log;
  private final BiFunction<String, JsonObject, Future<Long>> dispatch;

  public FixtureReplay(Vertx vertx, GatewayHub hub, Faults faults, SimulatorLog log,
      BiFunction<String, JsonObject, Future<Long>> dispatch) {
    this.vertx = vertx;
    this.hub = hub;
    this.faults = faults;
    this.log = log;
    this.dispatch = dispatch;
  }

  /** Replays the parsed lines. */
  public Future<Void> run(List<JsonObject> lines) {
    return waitUntil(() -> !hub.connectionsOfShard(0).isEmpty(), "a client session on shard 0")
        .compose(v -> step(lines, 0, false));
  }

  private Future<Void> step(List<JsonObject> lines, int i, boolean inReadyBurst) {
    if (i >= lines.size()) {
      return Future.succeededFuture();
    }
    JsonObject line = lines.get(i);
    if (!"s2c".equals(line.getString("dir"))) {
      return step(lines, i + 1, inReadyBurst);
    }
    JsonObject frame = line.getJsonObject("frame", new JsonObject());
    int op = frame.getInteger("op", -1);
    String t = frame.getString("t");
    Object d = frame.getValue("d");
    if (op == 0 && ("READY".equals(t) || "RESUMED".equals(t))) {
      return step(lines, i + 1, "READY".equals(t));
    }
    if (op == 0 && inReadyBurst && isBurst(t, d)) {
      return step(lines, i + 1, true);
    }
    Future<?> action;
    switch (op) {
      case 0 -> action = dispatch.apply(t, d instanceof JsonObject dj ? dj : new JsonObject());
      case 7 -> {
        long before = acceptedResumes();
        action = faults.reconnect(0)
            .compose(v -> waitUntil(() -> acceptedResumes() > before, "the client to resume after op 7"));
      }
      case 9 -> {
        boolean resumable = Boolean.TRUE.equals(d);
        long before = log.readies().size();
        action = faults.invalidSession(0, resumable).compose(v -> resumable ? Future.succeededFuture()
            : waitUntil(() -> log.readies().size() > before && !hub.connectionsOfShard(0).isEmpty(),
                "a new READY after op 9"));
      }
      case 1 -> action = faults.requestHeartbeat(0);
      default -> action = Future.succeededFuture();
    }
    return action.compose(v -> step(lines, i + 1, false));
  }

  private static boolean isBurst(String t, Object d) {
    return "GUILD_CREATE".equals(t) || ("GUILD_DELETE".equals(t) && d instanceof JsonObject dj
        && Boolean.TRUE.equals(dj.getBoolean("unavailable")));
  }

  private long acceptedResumes() {
    return log.resumes().stream().filter(SimulatorLog.Resume::accepted).count();
  }

  private Future<Void> waitUntil(BooleanSupplier condition, String what) {
    Promise<Void> p = Promise.promise();
    long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
    poll(condition, what, deadline, p);
    return p.future();
  }

  private void poll(BooleanSupplier condition, String what, long deadline, Promise<Void> p) {
    if (condition.getAsBoolean()) {
      p.complete();
    } else if (System.currentTimeMillis() > deadline) {
      p.fail(new SimulatorException(SimulatorException.Kind.TIMEOUT, "fixture replay: waited "
          + STEP_TIMEOUT_MS + " ms for " + what));
    } else {
      vertx.setTimer(POLL_MS, t -> poll(condition, what, deadline, p));
    }
  }
}
