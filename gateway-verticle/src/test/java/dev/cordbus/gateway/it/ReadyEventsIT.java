package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.event.Lifecycle;
import dev.cordbus.gateway.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code discord.shard.ready} carries READY's fields, {@code discord.bot.ready} comes once when the last shard of the
 * shard count is READY (two groups in one JVM), and {@code discord.gateway.status} tells the gateway parameters.
 */
class ReadyEventsIT extends GatewayItBase {

  private final List<String> more = new ArrayList<>();

  @AfterEach
  void undeployMore() throws Exception {
    for (String id : more) {
      await(vertx.undeploy(id));
    }
    more.clear();
  }

  @Test
  void shardReadyCarriesTheReadyFields(Vertx vertx) throws Exception {
    start(vertx, simOptions(), "zlib-stream");
    JsonObject ready = bus.on(Addresses.SHARD_READY).get(0).json();
    assertEquals(10, ready.getInteger("v"));
    assertEquals(sim.world().botId(), ready.getJsonObject("user").getString("id"));
    assertEquals(sim.world().botUser().getString("username"), ready.getJsonObject("user").getString("username"));
    JsonObject app = sim.world().model().application();
    assertEquals(app.getString("id"), ready.getJsonObject("application").getString("id"));
    assertEquals(app.getLong("flags"), ready.getJsonObject("application").getLong("flags"));
    assertEquals(new JsonArray(new ArrayList<>(sim.world().guildIds())), ready.getJsonArray("unavailableGuilds"));
    assertEquals(sim.world().guildIds().size(), ready.getInteger("guilds"));
    assertTrue(ready.getString("resumeGatewayUrl").startsWith("ws://127.0.0.1:" + sim.port()), ready.encode());
    assertNotNull(ready.getString("sessionId"));
    // the typed record of the api decodes it without loss of these fields
    Lifecycle.ShardReady typed = ready.mapTo(Lifecycle.ShardReady.class);
    assertEquals(sim.world().botId(), typed.user().id());
    assertEquals(app.getString("id"), typed.application().id());
    assertEquals(sim.world().guildIds(), typed.unavailableGuilds());
    assertEquals(10, typed.v());
  }

  @Test
  void botReadyOnceEveryShardOfTheCountIsReadyAcrossGroups(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    deploy(gatewayConfig("none").put("shardCount", 2).put("shards", new JsonArray().add(0)).put("group", "a"));
    waitUntil("group a ready", () -> bus.on(Addresses.GROUP_READY).size() == 1);
    Thread.sleep(500);
    assertTrue(bus.on(Addresses.BOT_READY).isEmpty(), "one of two shards is not the bot");
    more.add(await(vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions().setConfig(
        gatewayConfig("none").put("shardCount", 2).put("shards", new JsonArray().add(1)).put("group", "b")))));
    waitUntil("bot ready", () -> !bus.on(Addresses.BOT_READY).isEmpty());
    JsonObject body = bus.on(Addresses.BOT_READY).get(0).json();
    assertEquals(java.util.List.of(0, 1), body.mapTo(Lifecycle.BotReady.class).shards());
    assertEquals(2, body.getInteger("shardCount"));
    assertEquals(new JsonArray().add(0).add(1), body.getJsonArray("shards"));
    assertTrue(body.getLong("readyMs") >= 500, body.encode());
    assertEquals(2, bus.on(Addresses.SHARD_READY).size());
    long shardReadyAt = bus.on(Addresses.SHARD_READY).get(1).atNanos();
    assertTrue(bus.on(Addresses.BOT_READY).get(0).atNanos() >= shardReadyAt, "after the last shard's ready");
    // a resume keeps its place: no second bot.ready
    await(sim.scenario().reconnect(1));
    waitUntil("resumed", () -> !bus.on(Addresses.SHARD_RESUME).isEmpty());
    Thread.sleep(300);
    assertEquals(1, bus.on(Addresses.BOT_READY).size(), "once per completion");
    // group b stops with its sessions ended: the bot is incomplete until b is back, then ready again
    await(vertx.undeploy(more.remove(0)));
    Thread.sleep(300);
    assertEquals(1, bus.on(Addresses.BOT_READY).size());
    more.add(await(vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions().setConfig(
        gatewayConfig("none").put("shardCount", 2).put("shards", new JsonArray().add(1)).put("group", "b")))));
    waitUntil("bot ready again", () -> bus.on(Addresses.BOT_READY).size() == 2);
  }

  @Test
  void aRestartThatIdentifiesAfreshIsANewBotReady(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    JsonObject config = gatewayConfig("none").put("keepSessionOnStop", true);
    deploy(config);
    waitUntil("bot ready", () -> bus.on(Addresses.BOT_READY).size() == 1);
    await(vertx.undeploy(deployment)); // the session stays resumable at Discord, but this Vert.x does not resume it
    deployment = null;
    deploy(config);
    waitUntil("second READY", () -> bus.on(Addresses.SHARD_READY).size() == 2);
    waitUntil("bot ready again", () -> bus.on(Addresses.BOT_READY).size() == 2);
    // two sessions started by IDENTIFY (the redeployed verticle's first IDENTIFY may come within the server's
    // identify window of the first one and be refused with op 9 first: a third IDENTIFY, not a session; a loaded
    // machine may also miss a 1 s heartbeat ACK and resume once, which is not a new session either)
    assertEquals(2, sim.log().readies().size(), "sessions: " + sim.log().readies());
  }

  @Test
  void statusTellsTheGatewayParameters(Vertx vertx) throws Exception {
    start(vertx, simOptions(), "none");
    JsonObject status = await(vertx.eventBus().<JsonObject>request(Addresses.GATEWAY_STATUS, null)).body();
    JsonObject gateway = status.getJsonObject("gateway");
    assertEquals(sim.gatewayUrl(), gateway.getString("url"));
    assertEquals(1, gateway.getInteger("shards"));
    JsonObject limit = gateway.getJsonObject("session_start_limit");
    assertEquals(1000, limit.getInteger("total"));
    assertEquals(1000 - sim.log().identifies().size(), limit.getInteger("remaining"), limit.encode());
    assertEquals(1, limit.getInteger("max_concurrency"));
    long resetAfter = limit.getLong("reset_after");
    assertTrue(resetAfter > 86_000_000L && resetAfter <= 86_400_000L, limit.encode());
    JsonObject viaClient = await(CordbusClient.create(vertx).gatewayInfo());
    assertEquals(gateway.getString("url"), viaClient.getString("url"));
    assertEquals(limit.getInteger("remaining"), viaClient.getJsonObject("session_start_limit").getInteger("remaining"));
    assertNull(status.getValue("token"));
    assertTrue(!status.encode().contains(sim.token()));
  }
}
