package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.simulator.core.SimulatorLog;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dispatch publishing with both compressions, gateway commands, status, stop, and the token never on the bus. */
class GatewayEndToEndIT extends GatewayItBase {

  @ParameterizedTest
  @ValueSource(strings = {"zlib-stream", "zstd-stream", "none"})
  void dispatchesArriveOnceInOrderWithHeaders(String compression, Vertx vertx) throws Exception {
    start(vertx, simOptions(), compression);
    VertxTestContext ctx = new VertxTestContext();
    int n = 200;
    Checkpoint received = ctx.laxCheckpoint(n);
    vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
      if (m.body().getString("content", "").startsWith(compression + "-")) {
        received.flag();
      }
    }).completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    for (int i = 0; i < n; i++) {
      injectAsync(compression + "-" + i);
    }
    assertTrue(ctx.awaitCompletion(15, TimeUnit.SECONDS), "all " + n + " dispatches received");
    List<BusRecorder.Sent> mine = messages().stream()
        .filter(s -> s.json().getString("content", "").startsWith(compression + "-")).toList();
    assertEquals(n, mine.size());
    String session = bus.on(Addresses.SHARD_READY).get(0).json().getString("sessionId");
    String guild = sim.world().guildIds().get(0);
    for (int i = 0; i < n; i++) {
      BusRecorder.Sent s = mine.get(i);
      assertEquals(compression + "-" + i, s.json().getString("content"), "gateway order");
      assertEquals("0", s.header(Headers.SHARD));
      assertEquals("MESSAGE_CREATE", s.header(Headers.EVENT));
      assertEquals(guild, s.header(Headers.GUILD));
      assertEquals(session, s.header(Headers.SESSION));
      assertNotNull(s.header(Headers.RECEIVED_NANOS));
      assertNotNull(s.header(Headers.RECEIVED_MILLIS));
      if (i > 0) {
        assertEquals(seq(mine.get(i - 1)) + 1, seq(s), "consecutive seqs");
      }
    }
    long raws = bus.on(Addresses.RAW).stream().filter(r -> "0".equals(r.header(Headers.OP))).count();
    assertTrue(raws >= n, "every frame on discord.raw");
    // GUILD_CREATE carries its guild in the guild header too
    assertTrue(bus.on(Addresses.dispatch("GUILD_CREATE")).stream().allMatch(s -> s.header(Headers.GUILD) != null));
  }

  @Test
  void gatewayCommandsStatusAndNoTokenOnTheBus(Vertx vertx) throws Exception {
    start(vertx, simOptions(), "zlib-stream");
    String token = sim.token();
    JsonObject presence = new JsonObject().put("since", (Object) null).put("activities", new io.vertx.core.json.JsonArray())
        .put("status", "idle").put("afk", false);
    JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.gatewayShard(0),
        new JsonObject().put("op", 3).put("d", presence))).body();
    assertTrue(reply.getBoolean("sent"));
    await(vertx.eventBus().<JsonObject>request(Addresses.GATEWAY_SEND,
        new JsonObject().put("shard", 0).put("op", 3).put("d", presence.copy().put("status", "dnd"))));
    waitUntil("two op 3 received by the simulator", () -> sim.log().received(0).stream()
        .filter(f -> Integer.valueOf(3).equals(f.getInteger("op"))).count() == 2, 5000);

    assertFailure(vertx, Addresses.gatewayShard(0), new JsonObject().put("op", 2).put("d", new JsonObject()),
        "handled by the shard");
    assertFailure(vertx, Addresses.gatewayShard(0), new JsonObject().put("op", 3)
        .put("d", presence.copy().put("pad", "x".repeat(5000))), "4096");
    assertFailure(vertx, Addresses.GATEWAY_SEND, new JsonObject().put("shard", 7).put("op", 3).put("d", presence),
        "shard 7");

    JsonObject status = await(vertx.eventBus().<JsonObject>request(Addresses.GATEWAY_STATUS, null)).body();
    JsonObject shard = status.getJsonArray("shards").getJsonObject(0);
    assertEquals("READY", shard.getString("state"));
    assertNotNull(shard.getString("sessionId"));
    assertEquals("default", status.getString("group"));
    waitUntil("a heartbeat latency", () -> {
      try {
        return await(vertx.eventBus().<JsonObject>request(Addresses.GATEWAY_STATUS, null)).body()
            .getJsonArray("shards").getJsonObject(0).getValue("latencyMs") != null;
      } catch (Exception e) {
        return false;
      }
    }, 5000);

    // a reconnect + resume puts the token in a RESUME too
    await(sim.scenario().reconnect(0));
    waitUntil("resumed", () -> !bus.on(Addresses.SHARD_RESUME).isEmpty());
    List<BusRecorder.Sent> sent = bus.on(Addresses.SHARD_SENT);
    assertTrue(sent.stream().anyMatch(s -> s.json().getInteger("op") == 2
        && "***".equals(s.json().getJsonObject("payload").getJsonObject("d").getString("token"))));
    assertTrue(sent.stream().anyMatch(s -> s.json().getInteger("op") == 6
        && "***".equals(s.json().getJsonObject("payload").getJsonObject("d").getString("token"))));
    assertTokenNeverOnTheBus(token);
  }

  @Test
  void undeployEndsTheSessionWith1000(Vertx vertx) throws Exception {
    start(vertx, simOptions(), "none");
    await(vertx.undeploy(deployment));
    deployment = null;
    waitUntil("client close recorded", () -> sim.log().closures().stream()
        .anyMatch(c -> c.code() == 1000 && "client".equals(c.initiator())), 5000);
    Thread.sleep(500);
    assertEquals(0, sim.log().openConnections(0));
    assertEquals(1, sim.log().identifies().size());
    assertTokenNeverOnTheBus(sim.token());
  }

  private void assertTokenNeverOnTheBus(String token) {
    List<BusRecorder.Sent> all = bus.all();
    assertTrue(all.size() > 10);
    for (BusRecorder.Sent s : all) {
      Object body = s.body();
      String text = body instanceof JsonObject j ? j.encode() : String.valueOf(body);
      assertFalse(text.contains(token), "token in a message on " + s.address());
      assertFalse(s.headers().toString().contains(token), "token in headers on " + s.address());
    }
    SimulatorLog log = sim.log();
    assertFalse(log.received(0).toString().contains(token), "the simulator's own log redacts the token");
  }

  private static void assertFailure(Vertx vertx, String address, JsonObject body, String expected)
      throws Exception {
    try {
      await(vertx.eventBus().request(address, body));
      throw new AssertionError("expected a failure for " + body);
    } catch (ExecutionException e) {
      assertTrue(e.getCause() instanceof ReplyException, e.toString());
      assertTrue(e.getCause().getMessage().contains(expected), e.getCause().getMessage());
    }
  }
}
