package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cordbus.api.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * {@code {op:"reidentify"}} on a shard's command address (what a state verticle that lost its cache asks for): the
 * live session is dropped and a fresh IDENTIFY brings a new READY and every GUILD_CREATE again.
 */
class ReidentifyIT extends GatewayItBase {

  @Test
  void aLiveShardIdentifiesAfreshAndSendsEveryGuildAgain(Vertx vertx) throws Exception {
    start(vertx, simOptions(), "none");
    String first = bus.on(Addresses.SHARD_READY).get(0).json().getString("sessionId");
    int guilds = sim.world().availableGuildIds().size();
    waitUntil("first GUILD_CREATEs", () -> bus.on(Addresses.dispatch("GUILD_CREATE")).size() == guilds);

    JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.gatewayShard(0),
        new JsonObject().put("op", Addresses.REIDENTIFY_OP))).body();
    assertEquals("reidentify", reply.getString("action"));
    waitUntil("a second READY", () -> bus.on(Addresses.SHARD_READY).size() == 2);
    waitUntil("every GUILD_CREATE again", () -> bus.on(Addresses.dispatch("GUILD_CREATE")).size() == 2 * guilds);
    String second = bus.on(Addresses.SHARD_READY).get(1).json().getString("sessionId");
    assertNotEquals(first, second, "a new session, not a resume");
    assertEquals(2, sim.log().readies().size(), "the simulator saw two IDENTIFYs");
    assertEquals(0, bus.on(Addresses.SHARD_RESUME).size(), "no RESUME");
  }
}
