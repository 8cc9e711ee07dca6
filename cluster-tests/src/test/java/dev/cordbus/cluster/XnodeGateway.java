package dev.cordbus.cluster;

import static dev.cordbus.cluster.CrossNodeDispatchTest.await;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The gateway side of {@link CrossNodeDispatchTest}: a one-shard gateway on a clustered node, fed by the simulator. */
final class XnodeGateway {

  private XnodeGateway() {
  }

  /** Deploys a one-shard gateway against {@code sim} on this JVM's clustered node and waits for its group READY. */
  static String deploy(Vertx node, DiscordSimulator sim, Object intents, String compression) throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    var consumer = node.eventBus().localConsumer(Addresses.GROUP_READY, m -> ready.complete(null));
    await(consumer.completion(), 30);
    JsonObject conf = new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl())
        .put("intents", intents).put("shardCount", 1).put("compression", compression).put("cluster", false)
        .put("publishRaw", false).put("backoffBaseMs", 50).put("backoffMaxMs", 400)
        .put("invalidSessionWaitMinMs", 50).put("invalidSessionWaitMaxMs", 150).put("identifyIntervalMs", 50)
        .put("connectTimeoutMs", 3000);
    try {
      String id = await(node.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions().setConfig(conf)),
          60);
      ready.get(60, TimeUnit.SECONDS);
      return id;
    } finally {
      await(consumer.unregister(), 30);
    }
  }

  /** The last seq the simulator's live session of {@code shard} issued. */
  static long liveSeq(DiscordSimulator sim, int shard) throws Exception {
    JsonArray sessions = await(sim.scenario().sessionsOfShard(shard), 10);
    for (int i = 0; i < sessions.size(); i++) {
      if ("ACTIVE".equals(sessions.getJsonObject(i).getString("state"))) {
        return sessions.getJsonObject(i).getLong("seq");
      }
    }
    throw new AssertionError("no live session on shard " + shard + ": " + sessions);
  }

  /** Streams firehose chunks (~850 dispatches/s pass the gateway's intents) until {@code stop} or the deadline. */
  static void stream(DiscordSimulator sim, AtomicBoolean stop, long deadline, AtomicLong written,
      CompletableFuture<Void> done) {
    if (stop.get() || System.nanoTime() > deadline) {
      done.complete(null);
      return;
    }
    sim.scenario().firehose(200, 1_000).onComplete(ar -> {
      if (ar.failed()) {
        done.completeExceptionally(ar.cause());
        return;
      }
      written.addAndGet(ar.result());
      stream(sim, stop, deadline, written, done);
    });
  }
}
