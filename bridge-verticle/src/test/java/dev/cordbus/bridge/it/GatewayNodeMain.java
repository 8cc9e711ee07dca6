package dev.cordbus.bridge.it;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.rest.RestVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * JVM "A" of the cluster tests: a clustered Vert.x (Hazelcast config from {@code -Dvertx.hazelcast.config}) running
 * the Discord simulator, the REST verticle and the gateway verticle. Controlled over stdin, one command a line:
 * {@code ping N} dispatches a "!ping" MESSAGE_CREATE with message id suffix N and prints {@code DISPATCHED N};
 * {@code pongs} prints {@code PONGS <count> <last body>} for the "pong" messages the simulator received over REST;
 * {@code quit} closes everything and exits 0. Prints {@code NODE-READY <guild> <channel>} once the shard is ready.
 */
public final class GatewayNodeMain {

  private GatewayNodeMain() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager())
        .buildClustered().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    World world = World.generate(1, 5, 7L);
    DiscordSimulator sim = DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(1000).world(world))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Promise<Void> ready = Promise.promise();
    vertx.eventBus().consumer(Addresses.GROUP_READY, m -> ready.tryComplete());
    JsonObject gateway = new JsonObject()
        .put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl()).put("gatewayUrl", sim.gatewayUrl())
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MESSAGES").add("MESSAGE_CONTENT"))
        .put("shardCount", 1);
    JsonObject rest = new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl());
    vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(rest))
        .compose(id -> vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(gateway)))
        .compose(id -> ready.future())
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    String guild = world.guildIds().get(0);
    String channel = world.textChannelId(guild);
    JsonObject author = world.user(world.memberIds(guild).get(1));
    System.out.println("NODE-READY " + guild + " " + channel);
    System.out.flush();
    String path = "/api/v10/channels/" + channel + "/messages";
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] cmd = line.trim().split(" ");
      switch (cmd[0]) {
        case "ping" -> {
          JsonObject d = new JsonObject().put("id", "15349846533735" + (10000 + Integer.parseInt(cmd[1])))
              .put("channel_id", channel).put("guild_id", guild).put("author", author).put("content", "!ping")
              .put("type", 0).put("timestamp", "2026-08-06T18:01:00.000000+00:00");
          sim.scenario().dispatch("MESSAGE_CREATE", d).toCompletionStage().toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
          System.out.println("DISPATCHED " + cmd[1]);
        }
        case "pongs" -> {
          var pongs = sim.log().restRequests().stream()
              .filter(r -> "POST".equals(r.getString("method")) && path.equals(r.getString("path")))
              .map(r -> r.getJsonObject("body"))
              .filter(b -> b != null && "pong".equals(b.getString("content"))).toList();
          System.out.println("PONGS " + pongs.size() + " " + (pongs.isEmpty() ? "{}" : pongs.get(pongs.size() - 1)));
        }
        case "quit" -> {
          sim.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
          vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
          System.out.println("BYE");
          System.exit(0);
        }
        default -> System.out.println("UNKNOWN " + line);
      }
      System.out.flush();
    }
    vertx.close();
  }
}
