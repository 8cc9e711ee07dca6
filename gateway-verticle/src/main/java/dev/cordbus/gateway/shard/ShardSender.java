package dev.cordbus.gateway.shard;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.command.GatewayCommands;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * What a {@link Shard} writes on its connection: protocol payloads at once (IDENTIFY, RESUME, heartbeats), bot
 * commands through the connection's send limiter. Nothing is written once this node no longer holds the group's
 * cluster lease, and every write is published, token redacted, on {@code discord.shard.sent}. Runs on the shard's
 * context.
 */
final class ShardSender {

  private final Shard shard;

  ShardSender(Shard shard) {
    this.shard = shard;
  }

  /** Writes a protocol payload now (bypassing the command queue) and publishes it, redacted, on .sent. */
  Future<Void> write(Connection c, JsonObject payload) {
    if (!shard.env.mayRun().getAsBoolean()) {
      return Future.failedFuture(new GatewayException(GatewayException.Kind.NOT_CONNECTED,
          "shard " + shard.id + ": the group's cluster lease is not held; nothing is sent"));
    }
    if (c.limiter != null) {
      c.limiter.heartbeat(System.currentTimeMillis());
    }
    Future<Void> f = c.ws.writeTextMessage(payload.encode());
    shard.meters.sent("protocol");
    shard.publisher.lifecycle(Addresses.SHARD_SENT, shard.id, shard.shardCount, new JsonObject()
        .put("op", payload.getValue("op")).put("payload", GatewayCommands.redact(payload)));
    return f;
  }

  /** Sends queued commands while the send limiter allows; otherwise waits for room. */
  void drain(Connection c) {
    while (!c.commands.isEmpty() && c == shard.conn && shard.env.mayRun().getAsBoolean()) {
      if (c.limiter == null) {
        return;
      }
      long now = System.currentTimeMillis();
      long wait = c.limiter.waitMs(now);
      if (wait > 0) {
        if (c.drainTimer < 0) {
          shard.meters.sendLimitWait();
          c.drainTimer = shard.env.vertx().setTimer(wait, t -> {
            c.drainTimer = -1;
            drain(c);
          });
        }
        return;
      }
      Connection.Pending p = c.commands.poll();
      c.limiter.command(now);
      Future<Void> written = c.ws.writeTextMessage(p.text());
      shard.meters.sent("command");
      shard.publisher.lifecycle(Addresses.SHARD_SENT, shard.id, shard.shardCount, new JsonObject()
          .put("op", p.payload().getValue("op")).put("payload", p.payload()));
      written.onComplete(p.promise());
    }
  }
}
