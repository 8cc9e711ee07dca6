package dev.cordbus.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateFailure;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code discord.state.routed} on the bridge node: a state query reaches the state verticle's address and its answer
 * or failure code comes back unchanged; no state verticle is REBUILDING; an address that is not a state query or
 * command (the REST address, for one) is refused, so the proxy never widens the inbound rules.
 */
class StateProxyTest {

  private static Vertx vertx;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    BridgeClient.await(vertx.deployVerticle(new BridgeVerticle(n -> null), new DeploymentOptions().setConfig(
        new JsonObject().put("tcp", new JsonObject().put("port", 0)).put("sockjs", false)
            .put("anonymousListeners", true))));
  }

  @AfterAll
  static void close() throws Exception {
    BridgeClient.await(vertx.close());
  }

  private static JsonObject routed(String address, JsonObject body) throws Exception {
    return BridgeClient.await(vertx.eventBus().<JsonObject>request(StateAddresses.ROUTED,
        new JsonObject().put("address", address).put("body", body))).body();
  }

  private static ReplyException failure(String address, JsonObject body) throws Exception {
    try {
      routed(address, body);
    } catch (ExecutionException e) {
      return (ReplyException) e.getCause();
    }
    throw new AssertionError("no failure for " + address);
  }

  @Test
  void queriesAndFailuresPassThroughAndOtherAddressesAreRefused() throws Exception {
    assertTrue(StateProxy.ROUTABLE.contains(StateAddresses.MEMBER) && StateProxy.ROUTABLE.contains(
        StateAddresses.REQUEST_MEMBERS), StateProxy.ROUTABLE.toString());
    assertEquals(StateFailure.REBUILDING.code(), failure(StateAddresses.MEMBER, new JsonObject()).failureCode(),
        "no state verticle answers: REBUILDING");

    MessageConsumer<JsonObject> member = vertx.eventBus().consumer(StateAddresses.MEMBER, m -> {
      if ("404".equals(m.body().getString("user_id"))) {
        m.fail(StateFailure.UNKNOWN_MEMBER.code(), "no member 404");
      } else {
        m.reply(new JsonObject().put("user", new JsonObject().put("id", m.body().getString("user_id"))));
      }
    });
    BridgeClient.await(member.completion());
    assertEquals("7", routed(StateAddresses.MEMBER, new JsonObject().put("guild_id", "1").put("user_id", "7"))
        .getJsonObject("user").getString("id"));
    ReplyException unknown = failure(StateAddresses.MEMBER, new JsonObject().put("guild_id", "1")
        .put("user_id", "404"));
    assertEquals(StateFailure.UNKNOWN_MEMBER.code(), unknown.failureCode());
    assertEquals("no member 404", unknown.getMessage());

    AtomicInteger restCalls = new AtomicInteger();
    MessageConsumer<Object> rest = vertx.eventBus().consumer(RestAddresses.REQUEST, m -> {
      restCalls.incrementAndGet();
      m.reply(new JsonObject());
    });
    BridgeClient.await(rest.completion());
    for (String other : new String[] {RestAddresses.REQUEST, StateAddresses.ROUTED, StateAddresses.shard(0),
        "discord.gateway.send"}) {
      ReplyException refused = failure(other, new JsonObject());
      assertEquals(StateFailure.BAD_REQUEST.code(), refused.failureCode(), other);
      assertTrue(refused.getMessage().contains(other), refused.getMessage());
    }
    assertEquals(0, restCalls.get(), "the proxy forwarded a REST call");
    assertTrue(BridgeAddresses.isService(StateAddresses.ROUTED), "bridge clients can never register on it");
  }
}
