package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cordbus.api.Addresses;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/**
 * {@code {op:"reidentify"}} while the shard is still opening the socket it meant to RESUME on (the server upgraded it
 * and says nothing yet): the resume attempt is abandoned and the shard identifies, so the new READY the caller waits
 * for comes. (Before the state machine, the answer was {@code pending} and the shard resumed: no READY came.)
 */
class ReidentifyWhileConnectingIT extends GatewayItBase {

  @Test
  void aShardOpeningItsResumeSocketIdentifiesInstead(Vertx vertx) throws Exception {
    start(vertx, simOptions(), "none");
    sim.scenario().silentUpgrades(1);
    await(sim.scenario().cut(0));
    waitUntil("the resume socket is upgraded and silent",
        () -> sim.log().handshakes().stream().anyMatch(h -> h.outcome().equals("silent")));

    JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.gatewayShard(0),
        new JsonObject().put("op", Addresses.REIDENTIFY_OP))).body();
    assertEquals("reidentify", reply.getString("action"));
    waitUntil("a second READY", () -> bus.on(Addresses.SHARD_READY).size() == 2);
    assertEquals(2, sim.log().identifies().size(), "a new IDENTIFY: " + sim.log().identifies());
    assertEquals(0, bus.on(Addresses.SHARD_RESUME).size(), "no RESUME");
  }
}
