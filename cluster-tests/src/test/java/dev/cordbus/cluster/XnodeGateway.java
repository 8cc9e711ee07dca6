package dev.cordbus.cluster;

import static dev.cordbus.cluster.CrossNodeDispatchTest.await;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Snowflakes;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
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

  /** Streams {@code count} dispatches through the gateway, MESSAGE_CREATE and TYPING_START in turn; returns seconds. */
  static double streamInterleaved(DiscordSimulator sim, int count) throws Exception {
    String guild = sim.world().availableGuildIds().get(0);
    String channel = sim.world().textChannelId(guild);
    String user = sim.world().memberIds(guild).stream().filter(u -> !u.equals(sim.world().botId())).findFirst()
        .orElseThrow();
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
    List<Future<Long>> window = new ArrayList<>();
    List<Future<Long>> previousWindow = List.of();
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        window.add(sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", Snowflakes.format(Snowflakes.of(
            System.currentTimeMillis(), i & 0x3FFFFF))).put("channel_id", channel).put("guild_id", guild)
            .put("content", "interleaved " + i).put("author", new JsonObject().put("id", user).put("username", "u"))));
      } else {
        window.add(sim.scenario().dispatch("TYPING_START", new JsonObject().put("channel_id", channel).put("guild_id", guild)
            .put("user_id", user).put("timestamp", 1_700_000_000 + i)));
      }
      if (window.size() == 1_000) {
        // at most two windows in flight: bounded memory at the simulator, full speed otherwise
        await(Future.all(previousWindow), 30);
        previousWindow = window;
        window = new ArrayList<>();
        assertTrue(System.nanoTime() < deadline, "streaming took over 60 s");
      }
    }
    await(Future.all(previousWindow), 30);
    await(Future.all(window), 30);
    return (System.nanoTime() - t0) / 1e9;
  }
}
