package dev.cordbus.bridge.it;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Shards;
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
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The "other JVM" of the bot-in-another-language tests: a clustered Vert.x running the Discord simulator (4 guilds
 * over 2 shards), the gateway (both shards), the REST verticle and two partitioned state verticles (one per shard,
 * so a member query must be routed to the owner of the guild's shard). Controlled over stdin, one command a line:
 * <ul>
 *   <li>{@code ping N}: a "!ping" MESSAGE_CREATE (message id {@code 1534984653373<10000+N>}) in the test guild,
 *   which lives on shard 1; prints {@code DISPATCHED N}.</li>
 *   <li>{@code react <message id>}: a 👍 MESSAGE_REACTION_ADD on that message by the test user; {@code REACTED}.</li>
 *   <li>{@code slash N}: a /ping INTERACTION_CREATE (id {@code 1534985408348<10000+N>}); {@code SLASHED N}.</li>
 *   <li>{@code posts}: {@code POSTS [{path, body}...]} for every POST the simulator's REST API received.</li>
 *   <li>{@code quit}: closes everything, prints {@code BYE} and exits 0.</li>
 * </ul>
 * Prints {@code NODE-READY {guild, shard, channel, user, username}} once both shards are ready.
 */
public final class PolyglotNodeMain {

  private PolyglotNodeMain() {
  }

  private static <T> T await(Future<T> f, int seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = await(Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager()).buildClustered(), 90);
    World world = World.generate(4, 6, 7L);
    DiscordSimulator sim = await(DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(1000)
        .identifyWindowMs(100).world(world)), 30);
    Promise<Void> ready = Promise.promise();
    vertx.eventBus().consumer(Addresses.GROUP_READY, m -> ready.tryComplete());
    JsonObject gateway = new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl())
        .put("gatewayUrl", sim.gatewayUrl()).put("shardCount", 2).put("identifyIntervalMs", 150)
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MEMBERS").add("GUILD_MESSAGES")
            .add("GUILD_MESSAGE_REACTIONS").add("MESSAGE_CONTENT"));
    JsonObject rest = new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl());
    // The state verticles first, so that they see READY and every GUILD_CREATE.
    for (int shard = 0; shard < 2; shard++) {
      await(vertx.deployVerticle(new StateVerticle(), new DeploymentOptions().setConfig(new JsonObject()
          .put("shards", new JsonArray().add(shard)).put("shardCount", 2).put("rebuildCheckMs", 500))), 30);
    }
    await(vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(rest))
        .compose(id -> vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(gateway)))
        .compose(id -> ready.future()), 60);
    String guild = world.guildIds().stream().filter(g -> Shards.shardOf(g, 2) == 1).findFirst().orElseThrow();
    String channel = world.textChannelId(guild);
    JsonObject author = world.user(world.memberIds(guild).get(1));
    String reactorId = world.memberIds(guild).get(2);
    JsonObject reactor = world.user(reactorId);
    say("NODE-READY " + new JsonObject().put("guild", guild).put("shard", 1).put("channel", channel)
        .put("user", reactorId).put("username", reactor.getString("username")).encode());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] cmd = line.trim().split(" ");
      switch (cmd[0]) {
        case "ping" -> {
          JsonObject d = new JsonObject().put("id", "1534984653373" + (10000 + Integer.parseInt(cmd[1])))
              .put("channel_id", channel).put("guild_id", guild).put("author", author).put("content", "!ping")
              .put("type", 0).put("timestamp", "2026-11-29T02:01:00.000000+00:00");
          await(sim.scenario().dispatch("MESSAGE_CREATE", d), 10);
          say("DISPATCHED " + cmd[1]);
        }
        case "react" -> {
          JsonObject d = new JsonObject().put("user_id", reactorId).put("channel_id", channel)
              .put("message_id", cmd[1]).put("guild_id", guild)
              .put("emoji", new JsonObject().put("id", (String) null).put("name", "👍"));
          await(sim.scenario().dispatch("MESSAGE_REACTION_ADD", d), 10);
          say("REACTED");
        }
        case "slash" -> {
          JsonObject d = new JsonObject().put("id", "1534985408348" + (10000 + Integer.parseInt(cmd[1])))
              .put("application_id", "1102383887155331072").put("type", 2).put("token", "token-" + cmd[1])
              .put("version", 1).put("guild_id", guild).put("channel_id", channel)
              .put("member", new JsonObject().put("user", author).put("roles", new JsonArray()))
              .put("data", new JsonObject().put("id", "1534985408348291000").put("name", "ping").put("type", 1));
          await(sim.scenario().dispatch("INTERACTION_CREATE", d), 10);
          say("SLASHED " + cmd[1]);
        }
        case "posts" -> {
          JsonArray posts = new JsonArray();
          sim.log().restRequests().stream().filter(r -> "POST".equals(r.getString("method")))
              .forEach(r -> posts.add(new JsonObject().put("path", r.getString("path")).put("body",
                  r.getValue("body"))));
          say("POSTS " + posts.encode());
        }
        case "quit" -> {
          await(sim.close(), 10);
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
