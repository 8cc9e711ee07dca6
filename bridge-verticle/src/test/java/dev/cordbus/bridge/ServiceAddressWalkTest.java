package dev.cordbus.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.bridge.BridgeClient.Transport;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Walks every request-reply address of {@code api} ({@link BridgeAddresses#SERVICE_ADDRESSES}, derived from the
 * {@code @Address(REQUEST_REPLY)} constants; a prefix is tried as {@code <prefix>0}) over TCP and SockJS, against a
 * bridge that permits every address outbound and one that also permits every address inbound. A client holding
 * the secret can never register there (an event-bus sender still reaches only the real consumer), cannot send
 * without an inbound rule, and with the rule cannot send without the right secret; with rule and secret the message
 * arrives, which shows the walk would see a leak.
 */
class ServiceAddressWalkTest {

  private static final String SECRET = "walk-secret-0123456789abcdef";
  private static final String HEADER = BridgeAddresses.DEFAULT_SECRET_HEADER;

  private static Vertx vertx;
  private static BridgeVerticle noInbound;
  private static BridgeVerticle allInbound;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    JsonObject base = new JsonObject().put("tcp", new JsonObject().put("port", 0))
        .put("sockjs", new JsonObject().put("port", 0)).put("maxDenials", 10_000)
        .put("outbound", new JsonArray().add(".+"))
        // The bridge node's own services would be a second consumer of discord.state.routed; the walk checks the guard.
        .put("services", false);
    noInbound = new BridgeVerticle(n -> BridgeAddresses.SECRET_ENV.equals(n) ? SECRET : null);
    BridgeClient.await(vertx.deployVerticle(noInbound, new DeploymentOptions().setConfig(base.copy())));
    allInbound = new BridgeVerticle(n -> BridgeAddresses.SECRET_ENV.equals(n) ? SECRET : null);
    BridgeClient.await(vertx.deployVerticle(allInbound, new DeploymentOptions().setConfig(base.copy()
        .put("inbound", new JsonArray().add(".+")))));
  }

  @AfterAll
  static void close() throws Exception {
    BridgeClient.await(vertx.close());
  }

  private static List<String> walk() {
    List<String> out = new ArrayList<>();
    for (String s : BridgeAddresses.SERVICE_ADDRESSES) {
      out.add(s.endsWith(".") ? s + "0" : s);
    }
    return out;
  }

  private static JsonObject secret(String value) {
    return new JsonObject().put(HEADER, value);
  }

  private static void assertError(BridgeClient client, String what) throws InterruptedException {
    JsonObject f = client.next(5000);
    assertNotNull(f, "no answer to " + what);
    assertNotNull(BridgeClient.error(f), what + " was not refused: " + f.encode());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void noBridgeClientRegistersOnOrSendsToAnyRequestReplyAddress(Transport transport) throws Exception {
    List<String> addresses = walk();
    assertTrue(addresses.contains("discord.state.shard.0"), addresses.toString());
    assertTrue(addresses.size() >= 25, "only " + addresses.size() + " service addresses: " + addresses);
    for (String address : addresses) {
      BlockingQueue<Message<Object>> real = new LinkedBlockingQueue<>();
      MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, real::add);
      BridgeClient.await(consumer.completion());
      try (LogCapture log = new LogCapture(BridgeGuard.class);
          BridgeClient locked = BridgeClient.connect(vertx, transport, noInbound);
          BridgeClient open = BridgeClient.connect(vertx, transport, allInbound)) {
        for (BridgeClient c : List.of(locked, open)) {
          c.register(address, secret(SECRET));
          assertError(c, "REGISTER on " + address);
        }
        // Were either bridge consumer registered, some of these would be delivered to it instead.
        for (int i = 0; i < 4; i++) {
          vertx.eventBus().send(address, new JsonObject().put("n", i));
        }
        for (int i = 0; i < 4; i++) {
          Message<Object> m = real.poll(5, TimeUnit.SECONDS);
          assertNotNull(m, address + ": a send from the event bus did not reach the real consumer");
          assertEquals(i, ((JsonObject) m.body()).getInteger("n"));
        }

        locked.send(address, new JsonObject().put("from", "locked"), secret(SECRET), null);
        assertError(locked, "SEND with the secret but no inbound rule on " + address);
        open.send(address, new JsonObject().put("from", "no-secret"), null, null);
        assertError(open, "SEND without the secret on " + address);
        open.publish(address, new JsonObject().put("from", "wrong-secret"), secret(SECRET + "x"));
        assertError(open, "PUBLISH with a wrong secret on " + address);
        open.send(address, new JsonObject().put("from", "good"), secret(SECRET), null);
        Message<Object> in = real.poll(5, TimeUnit.SECONDS);
        assertNotNull(in, address + ": the control message with rule and secret did not arrive");
        assertEquals("good", ((JsonObject) in.body()).getString("from"),
            address + ": a refused message reached the consumer");
        List<String> warns = log.lines("WARN");
        for (String reason : List.of("SERVICE_ADDRESS", "NOT_INBOUND", "SECRET_MISSING", "SECRET_MISMATCH")) {
          assertTrue(warns.stream().anyMatch(l -> l.contains(reason) && l.contains(address)),
              address + " " + reason + ": " + warns);
        }
        assertTrue(warns.stream().noneMatch(l -> l.contains(SECRET)), "the secret was logged");
      } finally {
        BridgeClient.await(consumer.unregister());
      }
    }
  }
}
