package dev.cordbus.simulator.gateway;

import dev.cordbus.simulator.core.SimulatorException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fault injection on the live connections of a shard id (every connection attached to that shard). Each action
 * fails with {@link SimulatorException.Kind#NO_CONNECTION} when the shard has none. Event loop only.
 */
public final class Faults {

  private final GatewayHub hub;

  public Faults(GatewayHub hub) {
    this.hub = hub;
  }

  private Future<Void> each(int shard, Function<GatewayConnection, Future<Void>> action) {
    List<GatewayConnection> conns = hub.connectionsOfShard(shard);
    if (conns.isEmpty()) {
      return Future.failedFuture(new SimulatorException(SimulatorException.Kind.NO_CONNECTION,
          "no live connection on shard " + shard));
    }
    List<Future<Void>> all = new ArrayList<>();
    for (GatewayConnection c : conns) {
      all.add(action.apply(c));
    }
    return Future.all(all).mapEmpty();
  }

  /** op 7, then the server closes the socket after {@code reconnectCloseDelayMs} unless the client did. */
  public Future<Void> reconnect(int shard) {
    return each(shard, c -> {
      Future<Void> f = c.write(Frames.reconnect());
      c.scheduleReconnectClose(hub.options.reconnectCloseDelayMs());
      return f;
    });
  }

  /** op 9 {@code d:resumable}; when false the session ends. */
  public Future<Void> invalidSession(int shard, boolean resumable) {
    return each(shard, c -> hub.invalidate(c, shard, resumable, "scenario"));
  }

  /** A server close frame with {@code code}. */
  public Future<Void> close(int shard, int code, String reason) {
    return each(shard, c -> c.close(code, reason == null ? "" : reason));
  }

  /** Abrupt TCP close, no close frame. */
  public Future<Void> cut(int shard) {
    return each(shard, GatewayConnection::cut);
  }

  /** Server op 1. */
  public Future<Void> requestHeartbeat(int shard) {
    return each(shard, c -> c.write(Frames.heartbeatRequest()));
  }

  /** A text frame as is. */
  public Future<Void> sendRaw(int shard, String text) {
    return each(shard, c -> c.writeRaw(text));
  }

  /** A binary frame as is. */
  public Future<Void> sendRawBinary(int shard, Buffer bytes) {
    return each(shard, c -> c.writeRawBinary(bytes));
  }
}
