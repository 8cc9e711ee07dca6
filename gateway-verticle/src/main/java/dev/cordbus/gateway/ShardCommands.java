package dev.cordbus.gateway;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.shard.Shard;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * Answers the gateway commands of a verticle's shards: {@code {op, d}} on {@code discord.gateway.shard.<id>} (or
 * forwarded from {@code discord.gateway.send}) is written by the shard, {@code {op:"reidentify"}} starts a new
 * session. Replies {@code {sent:true}}, or fails 400 (an invalid command) or 503 (the shard is not READY).
 */
final class ShardCommands {

  /** A command on {@code discord.gateway.shard.<n>}: {@code {op, d}}, or {@code {op:"reidentify"}} (state rebuild). */
  void onShardCommand(Shard shard, Message<JsonObject> m) {
    if (m.body() != null && Addresses.REIDENTIFY_OP.equals(m.body().getValue("op"))) {
      shard.reidentify().onSuccess(action -> m.reply(new JsonObject().put("shard", shard.id()).put("action", action)));
      return;
    }
    reply(m, shard.send(m.body()));
  }

  /** Replies to {@code m} once {@code sent} completes: {@code {sent:true}}, else 503 (not connected) or 400. */
  void reply(Message<JsonObject> m, Future<Void> sent) {
    sent.onSuccess(v -> m.reply(new JsonObject().put("sent", true)))
        .onFailure(e -> m.fail(e instanceof GatewayException g && g.kind() == GatewayException.Kind.NOT_CONNECTED
            ? 503 : 400, e.getMessage()));
  }
}
