package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.api.event.Lifecycle;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.gateway.cluster.GroupClaimer;
import dev.cordbus.gateway.cluster.Lease;
import dev.cordbus.gateway.identify.IdentifyQueue;
import dev.cordbus.gateway.identify.LocalIdentifyQueue;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code discord.error}: what used to reach only the log (connect failures, identify-queue failures, a used or too
 * low session start budget) and the shard errors (bad frames, fatal closes) each reach the bus with a kind, the
 * shard, the group and a message saying what to do, never with the token.
 */
class ErrorEventsIT extends GatewayItBase {

  @Test
  void aGatewayNobodyListensOnIsAConnectErrorAndTheShardKeepsTrying(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    String url = "ws://127.0.0.1:" + port;
    deploy(gatewayConfig("none").put("gatewayUrl", url));
    waitUntil("two connect errors", () -> errors(ErrorKinds.CONNECT).size() >= 2);
    JsonObject first = errors(ErrorKinds.CONNECT).get(0);
    assertEquals(0, first.getInteger("shard"));
    assertEquals("default", first.getString("group"));
    assertTrue(first.getString("message").contains("127.0.0.1:" + port), first.encode());
    assertTrue(first.getString("url").startsWith(url), first.encode());
    assertEquals(1, first.getInteger("attempts"));
    assertEquals(2, errors(ErrorKinds.CONNECT).get(1).getInteger("attempts"), "the shard retries and says so");
    assertEquals(0, sim.log().identifies().size());
    assertNoToken();
  }

  @Test
  void aUsedUpSessionBudgetIsReportedAndNothingIdentifies(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions().sessionStartTotal(0));
    deploy(gatewayConfig("none"));
    waitUntil("budget errors", () -> errors(ErrorKinds.SESSION_BUDGET).size() >= 2);
    JsonObject group = errors(ErrorKinds.SESSION_BUDGET).stream().filter(e -> e.getInteger("shard") == null)
        .findFirst().orElseThrow();
    assertTrue(group.getString("message").contains("used up"), group.encode());
    assertEquals(1, group.getInteger("needed"));
    assertEquals(0, group.getInteger("remaining"));
    assertEquals("default", group.getString("group"));
    JsonObject shard = errors(ErrorKinds.SESSION_BUDGET).stream().filter(e -> e.getInteger("shard") != null)
        .findFirst().orElseThrow();
    assertEquals(0, shard.getInteger("shard"));
    assertTrue(shard.getLong("waitMs") > 60_000, shard.encode());
    Thread.sleep(500);
    assertEquals(0, sim.log().identifies().size(), "no IDENTIFY spent beyond the budget");
    assertNoToken();
  }

  @Test
  void aBudgetTooLowForTheGroupIsReportedAndTheFirstShardsStart(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions().sessionStartTotal(1));
    deploy(gatewayConfig("none").put("shardCount", 2));
    waitUntil("shard 0 ready", () -> !bus.on(Addresses.SHARD_READY).isEmpty());
    waitUntil("budget error", () -> !errors(ErrorKinds.SESSION_BUDGET).isEmpty());
    JsonObject error = errors(ErrorKinds.SESSION_BUDGET).get(0);
    assertTrue(error.getString("message").contains("too low: 1 of 1 session starts left for 2 shard(s)"),
        error.encode());
    waitUntil("shard 1 waits for the budget", () -> errors(ErrorKinds.SESSION_BUDGET).stream()
        .anyMatch(e -> Integer.valueOf(1).equals(e.getInteger("shard"))));
    assertEquals(1, sim.log().identifies().size());
  }

  @Test
  void aFailedIdentifyQueueIsReportedAndTheShardStillGetsReady(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    AtomicInteger failures = new AtomicInteger(1);
    deployment = await(vertx.deployVerticle(new GatewayVerticle(k -> null, (vx, options, limit) -> {
      IdentifyQueue real = new LocalIdentifyQueue(vx, options.identifyIntervalMs(), limit);
      return shard -> failures.getAndDecrement() > 0
          ? Future.failedFuture(new GatewayException(GatewayException.Kind.HTTP, "identify state unreachable"))
          : real.acquire(shard);
    }), new DeploymentOptions().setConfig(gatewayConfig("none"))));
    waitUntil("identify-queue error", () -> !errors(ErrorKinds.IDENTIFY_QUEUE).isEmpty());
    JsonObject error = errors(ErrorKinds.IDENTIFY_QUEUE).get(0);
    assertEquals(0, error.getInteger("shard"));
    assertTrue(error.getString("cause").contains("identify state unreachable"), error.encode());
    assertTrue(error.getString("message").contains("reconnecting"), error.encode());
    waitUntil("READY after the failure", () -> !bus.on(Addresses.SHARD_READY).isEmpty());
    assertEquals(1, errors(ErrorKinds.IDENTIFY_QUEUE).size());
  }

  @Test
  void badFramesAndFatalClosesAreOnDiscordErrorToo(Vertx vertx) throws Exception {
    start(vertx, simOptions(), "none");
    await(sim.scenario().sendRaw(0, "{\"op\":0,\"s\":999,\"t\":\"MESSAGE_CREATE\",\"d\":[1]}"));
    waitUntil("bad-frame error", () -> !errors(ErrorKinds.BAD_FRAME).isEmpty());
    JsonObject bad = errors(ErrorKinds.BAD_FRAME).get(0);
    assertEquals(0, bad.getInteger("shard"));
    assertTrue(bad.getString("message").contains("no object d"), bad.encode());
    assertFalse(bus.on(Addresses.SHARD_ERROR).isEmpty(), "discord.shard.error stays as it is");
    await(sim.scenario().close(0, 4014, "Disallowed intent(s)."));
    waitUntil("fatal-close error", () -> !errors(ErrorKinds.FATAL_CLOSE).isEmpty());
    JsonObject fatal = errors(ErrorKinds.FATAL_CLOSE).get(0);
    assertEquals(4014, fatal.getInteger("code"));
    assertEquals(new JsonArray(List.of("GUILD_MEMBERS", "MESSAGE_CONTENT")), fatal.getJsonArray("privilegedIntents"));
    assertTrue(fatal.getString("message").contains("Developer Portal"), fatal.encode());
    assertNoToken();
  }

  @Test
  void aLostLeaseIsReported(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    deploy(gatewayConfig("none").put("cluster", true).put("group", "g").put("leaseTtlMs", 6000)
        .put("leaseRenewMs", 200).put("clockSkewMs", 100));
    waitUntil("holder ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
    // another node takes the lease (what a split brain or an expired lease looks like to the holder)
    io.vertx.core.shareddata.AsyncMap<String, String> leases =
        await(vertx.sharedData().<String, String>getAsyncMap(GroupClaimer.MAP));
    String key = await(leases.keys()).iterator().next();
    await(leases.put(key, new Lease("another-node/x", 99, System.currentTimeMillis() + 60_000).encode()));
    waitUntil("lease-lost error", () -> !errors(ErrorKinds.LEASE_LOST).isEmpty());
    JsonObject error = errors(ErrorKinds.LEASE_LOST).get(0);
    assertEquals("g", error.getString("group"));
    assertTrue(error.getString("message").contains("another node took the lease"), error.encode());
    waitUntil("the shard stopped", () -> sim.log().openConnections(0) == 0);
    assertNoToken();
  }

  private List<JsonObject> errors(String kind) {
    return bus.on(Addresses.ERROR).stream().map(BusRecorder.Sent::json)
        .filter(j -> kind.equals(j.getString("kind"))).toList();
  }

  private void assertNoToken() {
    for (BusRecorder.Sent s : bus.on(Addresses.ERROR)) {
      assertFalse(s.json().encode().contains(sim.token()), s.json().encode());
      Lifecycle.ErrorEvent typed = s.json().mapTo(Lifecycle.ErrorEvent.class);
      assertEquals(s.json().getString("kind"), typed.kind());
      assertEquals(s.json().getString("message"), typed.message());
    }
  }
}
