package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commands over the send limit wait instead of getting the connection closed with 4008: the simulator enforces 20
 * sends per 2 s; the gateway is configured with the same limit and reserves room for heartbeats.
 */
class SendLimitIT extends GatewayItBase {

  @Test
  void commandsOverTheLimitWaitAndTheServerNeverCloses(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions().sendLimit(20).sendWindowMs(2000));
    deploy(gatewayConfig("none").put("sendLimit", 20).put("sendWindowMs", 2000));
    waitUntil("group ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
    int n = 40;
    long t0 = System.currentTimeMillis();
    List<Future<Object>> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JsonObject presence = new JsonObject().put("since", (Object) null).put("activities", new JsonArray())
          .put("status", i % 2 == 0 ? "idle" : "online").put("afk", false);
      replies.add(vertx.eventBus().request(Addresses.gatewayShard(0), new JsonObject().put("op", 3)
          .put("d", presence)).map(m -> m.body()));
    }
    await(Future.all(replies));
    long elapsed = System.currentTimeMillis() - t0;
    // 20 - ceil(2000/1000) - 3 = 15 commands per 2 s window: 40 commands need at least two more windows
    assertTrue(elapsed >= 3500, "commands were throttled, took " + elapsed + " ms");
    waitUntil("all commands received", () -> sim.log().received(0).stream()
        .filter(f -> Integer.valueOf(3).equals(f.getInteger("op"))).count() == n, 5000);
    assertTrue(sim.log().closures().stream().noneMatch(c -> c.code() == 4008), "never rate limited");
    assertTrue(bus.on(Addresses.SHARD_DISCONNECT).isEmpty());
    assertEquals(1, sim.log().identifies().size());
  }
}
