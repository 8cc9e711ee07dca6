package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.model.Member;
import dev.cordbus.api.model.MembersChunk;
import dev.cordbus.api.state.StateEvents;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import dev.cordbus.state.fixture.BusHarness;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Member chunking end to end: the real simulator and the real gateway verticle; the state verticle sends op 8 on
 * the guild's shard and gathers three GUILD_MEMBERS_CHUNKs (chunk size 2) including a not_found id.
 */
@ExtendWith(VertxExtension.class)
class SimulatorChunkingTest {

  static final String MISSING_USER = "1191168914227331072";
  private DiscordSimulator sim;

  @AfterEach
  void close() throws Exception {
    if (sim != null) {
      BusHarness.await(sim.close());
    }
  }

  @Test
  void threeChunksWithNotFound(Vertx vertx) throws Exception {
    World world = World.generate(1, 5, 7);
    sim = BusHarness.await(DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(1000)
        .chunkSize(2).world(world)));
    CordbusClient bot = CordbusClient.create(vertx);
    BusHarness.await(vertx.deployVerticle(new StateVerticle(), new DeploymentOptions()));
    var cacheReady = bot.waitFor(Addresses.state(StateEvents.SHARD_CACHE_READY), b -> true, Duration.ofSeconds(30));
    BusHarness.await(vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(new JsonObject()
        .put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl()).put("gatewayUrl", sim.gatewayUrl())
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MEMBERS").add("GUILD_PRESENCES"))
        .put("shardCount", 1).put("compression", "none"))));
    BusHarness.await(cacheReady);

    String guild = world.guildIds().get(0);
    List<String> ids = new ArrayList<>(world.memberIds(guild));
    int found = ids.size();
    assertTrue(found >= 5, "world members: " + ids);
    ids.add(MISSING_USER);
    MembersChunk result = BusHarness.await(bot.state().requestMembersByIds(guild, ids, true));

    assertEquals((found + 1) / 2, result.chunkCount(), "chunks of 2");
    assertTrue(result.chunkCount() >= 3);
    assertEquals(found, result.members().size());
    assertEquals(List.of(MISSING_USER), result.notFound());
    JsonObject op8 = sim.log().received(0).stream().filter(f -> f.getInteger("op") == 8).findFirst().orElseThrow();
    assertEquals(result.nonce(), op8.getJsonObject("d").getString("nonce"));
    for (String id : ids.subList(0, found)) {
      Member m = BusHarness.await(bot.state().member(guild, id));
      assertEquals(id, m.user().id());
    }
  }

  @Test
  void largeGuildsAreChunkedWhenAskedWithoutAnyRequestFromTheBot(Vertx vertx) throws Exception {
    World world = World.generate(1, 400, 11); // above large_threshold (250): GUILD_CREATE brings only some members
    sim = BusHarness.await(DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(1000)
        .world(world)));
    CordbusClient bot = CordbusClient.create(vertx);
    BusHarness.await(vertx.deployVerticle(new StateVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("chunkGuilds", true))));
    java.util.concurrent.atomic.AtomicInteger inGuildCreate = new java.util.concurrent.atomic.AtomicInteger(-1);
    BusHarness.await(vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("GUILD_CREATE"),
        m -> inGuildCreate.set(m.body().getJsonArray("members").size())).completion());
    BusHarness.await(vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(new JsonObject()
        .put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl()).put("gatewayUrl", sim.gatewayUrl())
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MEMBERS"))
        .put("shardCount", 1).put("compression", "none"))));
    String guild = world.guildIds().get(0);
    long deadline = System.currentTimeMillis() + 30_000;
    int members = -1;
    while (System.currentTimeMillis() < deadline && members != 400) {
      Thread.sleep(200);
      try {
        members = BusHarness.await(bot.state().counts(guild)).getInteger("members", -1);
      } catch (Exception notYet) {
        // no GUILD_CREATE yet
      }
    }
    assertEquals(400, members, "every member cached");
    List<JsonObject> op8 = sim.log().received(0).stream().filter(f -> f.getInteger("op") == 8).toList();
    assertEquals(1, op8.size(), "one request for the whole guild: " + op8);
    JsonObject d = op8.get(0).getJsonObject("d");
    assertEquals(List.of(guild, "", 0), List.of(d.getString("guild_id"), d.getString("query"), d.getInteger("limit")));
    assertTrue(inGuildCreate.get() > 0 && inGuildCreate.get() < 400,
        "the guild is large: its GUILD_CREATE brought " + inGuildCreate.get() + " members");
  }
}
