package dev.cordbus.bridge.it;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Shards;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.rest.RestCall;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.rest.RestVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import dev.cordbus.state.StateVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the partitioning cluster tests, one role per process (clustered Vert.x, Hazelcast config from
 * {@code -Dvertx.hazelcast.config}); commands arrive on stdin, one a line, answers are printed.
 *
 * <ul>
 *   <li>{@code gateway <shardCount> <guilds>}: the simulator and one gateway verticle for every shard; prints
 *       a line {@code GUILD {id, shard, name, members}} per guild, then {@code NODE-READY}. {@code burst N}: N MESSAGE_CREATE round-robin over the guilds, prints
 *       {@code BURST <n on shard 0> <n on shard 1> ...}; {@code probe}: one MESSAGE_CREATE, prints {@code PROBED}.</li>
 *   <li>{@code state <config json>}: a state verticle; prints {@code STATE-UP}.</li>
 *   <li>{@code rest <restBaseUrl> <token>}: a REST verticle (shared buckets); {@code members} prints
 *       {@code MEMBERS <cluster size>}; {@code go N <channel>} sends N message creates to this node's REST verticle
 *       (local delivery) and prints {@code DONE <ok> <failed> <ms>}.</li>
 * </ul>
 * {@code quit} closes Vert.x and prints {@code BYE}.
 */
public final class PartitionNodeMain {

  private PartitionNodeMain() {
  }

  private static <T> T await(Future<T> f, int seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  /** Dispatches, waiting (bounded) while the guild's shard has no session (it is re-identifying). */
  private static void dispatch(DiscordSimulator sim, JsonObject d) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        await(sim.scenario().dispatch("MESSAGE_CREATE", d), 10);
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        if (attempt >= 100) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  public static void main(String[] args) throws Exception {
    HazelcastClusterManager cluster = new HazelcastClusterManager();
    Vertx vertx = await(Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new io.vertx.core.eventbus.EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(cluster).buildClustered(), 90);
    DiscordSimulator sim = null;
    World world = null;
    int shardCount = 1;
    switch (args[0]) {
      case "gateway" -> {
        shardCount = Integer.parseInt(args[1]);
        world = World.generate(Integer.parseInt(args[2]), 6, 11L);
        sim = await(DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(1000)
            .identifyWindowMs(100).world(world)), 30);
        Promise<Void> ready = Promise.promise();
        vertx.eventBus().consumer(Addresses.GROUP_READY, m -> ready.tryComplete());
        JsonObject gateway = new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl())
            .put("gatewayUrl", sim.gatewayUrl()).put("shardCount", shardCount).put("identifyIntervalMs", 150)
            .put("intents", new JsonArray().add("GUILDS").add("GUILD_MEMBERS").add("GUILD_PRESENCES").add("GUILD_MESSAGES")
                .add("MESSAGE_CONTENT"));
        await(vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(gateway))
            .compose(id -> ready.future()), 60);
        for (String guild : world.guildIds()) {
          say("GUILD " + new JsonObject().put("id", guild).put("shard", Shards.shardOf(guild, shardCount))
              .put("name", world.guild(guild).getString("name"))
              .put("members", new JsonArray(new ArrayList<>(world.memberIds(guild)))).encode());
        }
        say("NODE-READY");
      }
      case "state" -> {
        await(vertx.deployVerticle(new StateVerticle(), new DeploymentOptions().setConfig(new JsonObject(args[1]))),
            30);
        say("STATE-UP");
      }
      case "rest" -> {
        JsonObject rest = new JsonObject().put("restBaseUrl", args[1]).put("token", args[2])
            .put("sharedBuckets", true).put("sharedGlobal", true).put("resetMarginMs", 10).put("maxRetries", 0);
        await(vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(rest)), 30);
        say("REST-UP");
      }
      default -> throw new IllegalArgumentException("unknown role " + args[0]);
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    long messageId = 1_600_000_000_000_000_000L;
    while ((line = in.readLine()) != null) {
      String[] cmd = line.trim().split(" ");
      switch (cmd[0]) {
        case "burst", "probe" -> {
          int n = "probe".equals(cmd[0]) ? 1 : Integer.parseInt(cmd[1]);
          int[] perShard = new int[shardCount];
          List<String> guilds = world.guildIds();
          for (int i = 0; i < n; i++) {
            String guild = guilds.get(i % guilds.size());
            JsonObject d = new JsonObject().put("id", Long.toString(++messageId))
                .put("channel_id", world.textChannelId(guild)).put("guild_id", guild)
                .put("author", world.user(world.memberIds(guild).get(0))).put("content", cmd[0] + " " + i)
                .put("type", 0).put("timestamp", "2026-11-23T18:01:00.000000+00:00");
            dispatch(sim, d);
            perShard[Shards.shardOf(guild, shardCount)]++;
          }
          StringBuilder out = new StringBuilder("probe".equals(cmd[0]) ? "PROBED" : "BURST");
          for (int c : perShard) {
            out.append(' ').append(c);
          }
          say(out.toString());
        }
        case "members" -> say("MEMBERS " + cluster.getNodes().size());
        case "go" -> {
          int n = Integer.parseInt(cmd[1]);
          long start = System.nanoTime();
          List<Future<Object>> calls = new ArrayList<>();
          DeliveryOptions local = new DeliveryOptions().setLocalOnly(true).setSendTimeout(60_000);
          for (int i = 0; i < n; i++) {
            calls.add(vertx.eventBus().request(RestAddresses.REQUEST, RestCall.of("POST", "/channels/" + cmd[2]
                + "/messages").body(new JsonObject().put("content", "hammer " + i)).toJson(), local)
                .map(m -> m.body()));
          }
          await(Future.join(calls).otherwiseEmpty(), 90); // failures are counted below
          long ok = calls.stream().filter(Future::succeeded).count();
          say("DONE " + ok + " " + (n - ok) + " " + (System.nanoTime() - start) / 1_000_000);
        }
        case "quit" -> {
          if (sim != null) {
            await(sim.close(), 10);
          }
          await(vertx.close(), 20);
          say("BYE");
          System.exit(0);
        }
        default -> say("UNKNOWN " + line);
      }
    }
    vertx.close();
  }
}
