package dev.cordbus.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.bridge.BridgeClient.Transport;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a bridge client can and cannot do, over both transports, against two deployed bridges: one with the default
 * rules and anonymous listeners on loopback (events out, nothing in) and one that lets {@code discord.rest.request}
 * in with a secret (and so needs the secret on REGISTER too).
 */
class BridgeAccessTest {

  private static final String SECRET = "s3cret-for-tests-0123456789";
  private static final String OTHER_SECRET = "not-the-secret-0123456789";
  /** An address no rule permits. */
  private static final String ELSEWHERE = "elsewhere.events";

  private static Vertx vertx;
  private static BridgeVerticle defaults;
  private static BridgeVerticle withInbound;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    JsonObject ports = new JsonObject().put("tcp", new JsonObject().put("port", 0))
        .put("sockjs", new JsonObject().put("port", 0));
    defaults = new BridgeVerticle(name -> null);
    BridgeClient.await(vertx.deployVerticle(defaults, new DeploymentOptions().setConfig(ports.copy()
        .put("anonymousListeners", true))));
    withInbound = new BridgeVerticle(name -> BridgeAddresses.SECRET_ENV.equals(name) ? SECRET : null);
    BridgeClient.await(vertx.deployVerticle(withInbound, new DeploymentOptions().setConfig(ports.copy()
        .put("inbound", new JsonArray().add(new JsonObject().put("address", RestAddresses.REQUEST))))));
  }

  @AfterAll
  static void close() throws Exception {
    BridgeClient.await(vertx.close());
  }

  /**
   * Publishes on {@code address} every 50 ms until the client gets a message frame of that address (5 s at most);
   * frames of other addresses (late copies of an earlier call's repeated publishes) are skipped.
   */
  private static JsonObject publishUntilReceived(BridgeClient client, String address, JsonObject body)
      throws Exception {
    DeliveryOptions headers = new DeliveryOptions().addHeader(Headers.SHARD, "0").addHeader(Headers.SEQ, "7");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      vertx.eventBus().publish(address, body, headers);
      JsonObject f = client.next(50);
      while (f != null && f.containsKey("address") && !address.equals(f.getString("address"))) {
        f = client.next(10);
      }
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void defaultRulesDeliverDispatchesAndShardLifecycle(Transport transport) throws Exception {
    try (BridgeClient client = BridgeClient.connect(vertx, transport, defaults)) {
      client.register(Addresses.dispatch("MESSAGE_CREATE"));
      client.register(Addresses.SHARD_READY);
      JsonObject msg = publishUntilReceived(client, Addresses.dispatch("MESSAGE_CREATE"),
          new JsonObject().put("content", "!ping"));
      assertNotNull(msg, "no MESSAGE_CREATE reached the bridge client");
      assertEquals(client.messageType(), msg.getString("type"), msg.encode());
      assertEquals("!ping", msg.getJsonObject("body").getString("content"));
      assertEquals("7", msg.getJsonObject("headers").getString(Headers.SEQ), "headers travel with the event");
      JsonObject ready = publishUntilReceived(client, Addresses.SHARD_READY, new JsonObject().put("shard", 0));
      assertNotNull(ready, "no shard lifecycle event reached the bridge client");
      assertEquals(Addresses.SHARD_READY, ready.getString("address"));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void registerOutsideTheAllowListIsDeniedAndLogged(Transport transport) throws Exception {
    try (LogCapture log = new LogCapture(BridgeGuard.class);
        BridgeClient client = BridgeClient.connect(vertx, transport, defaults)) {
      client.register(ELSEWHERE);
      JsonObject err = client.next(5000);
      assertNotNull(err, "no error frame for a denied REGISTER");
      assertNotNull(BridgeClient.error(err), "expected an error frame, got " + err.encode());
      // Nothing published there reaches the client.
      for (int i = 0; i < 5; i++) {
        vertx.eventBus().publish(ELSEWHERE, new JsonObject().put("n", i));
      }
      assertNull(client.next(300), "a denied registration still received messages");
      assertTrue(log.lines("WARN").stream().anyMatch(l -> l.contains("REGISTER") && l.contains(ELSEWHERE)
          && l.contains("NOT_OUTBOUND") && l.contains("127.0.0.1")), "denial not logged: " + log.lines("WARN"));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void serviceAddressesCannotBeRegisteredEvenThoughTheyMatchDiscordStar(Transport transport) throws Exception {
    for (String service : List.of(RestAddresses.REQUEST, Addresses.GATEWAY_SEND, StateAddresses.GUILD)) {
      try (LogCapture log = new LogCapture(BridgeGuard.class);
          BridgeClient client = BridgeClient.connect(vertx, transport, withInbound)) {
        client.register(service, new JsonObject().put(BridgeAddresses.DEFAULT_SECRET_HEADER, SECRET));
        JsonObject err = client.next(5000);
        assertNotNull(err, "no error frame for REGISTER on " + service);
        assertNotNull(BridgeClient.error(err), err.encode());
        assertTrue(log.lines("WARN").stream().anyMatch(l -> l.contains(service) && l.contains("SERVICE_ADDRESS")),
            log.lines("WARN").toString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void defaultRulesLetNothingIn(Transport transport) throws Exception {
    BlockingQueue<Message<JsonObject>> got = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> rest = vertx.eventBus().consumer(RestAddresses.REQUEST, got::add);
    BridgeClient.await(rest.completion());
    try (LogCapture log = new LogCapture(BridgeGuard.class);
        BridgeClient client = BridgeClient.connect(vertx, transport, defaults)) {
      // Even a correct-looking secret does not open an address that is not inbound.
      client.send(RestAddresses.REQUEST, new JsonObject().put("method", "GET").put("path", "/users/@me"),
          new JsonObject().put(BridgeAddresses.DEFAULT_SECRET_HEADER, SECRET), "r1");
      client.publish(Addresses.dispatch("MESSAGE_CREATE"), new JsonObject().put("content", "forged"), null);
      assertNotNull(BridgeClient.error(client.next(5000)));
      assertNotNull(BridgeClient.error(client.next(5000)));
      assertNull(got.poll(300, TimeUnit.MILLISECONDS), "a denied SEND reached the REST address");
      List<String> warns = log.lines("WARN");
      assertTrue(warns.stream().anyMatch(l -> l.contains("SEND") && l.contains("NOT_INBOUND")), warns.toString());
      assertTrue(warns.stream().anyMatch(l -> l.contains("PUBLISH") && l.contains("NOT_INBOUND")), warns.toString());
      assertFalse(warns.stream().anyMatch(l -> l.contains(SECRET)), "the secret was logged");
    } finally {
      BridgeClient.await(rest.unregister());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void inboundNeedsTheSecretOnEveryMessageAndNeverForwardsIt(Transport transport) throws Exception {
    BlockingQueue<Message<JsonObject>> got = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> rest = vertx.eventBus().consumer(RestAddresses.REQUEST, m -> {
      got.add(m);
      m.reply(new JsonObject().put("status", 200).put("body", new JsonObject().put("id", "42")));
    });
    BridgeClient.await(rest.completion());
    JsonObject call = new JsonObject().put("method", "POST").put("path", "/channels/1/messages")
        .put("body", new JsonObject().put("content", "pong"));
    String header = BridgeAddresses.DEFAULT_SECRET_HEADER;
    try (LogCapture log = new LogCapture(BridgeGuard.class);
        BridgeClient client = BridgeClient.connect(vertx, transport, withInbound)) {
      client.send(RestAddresses.REQUEST, call, null, "no-secret");
      assertNotNull(BridgeClient.error(client.next(5000)), "a SEND without the secret was not refused");
      client.send(RestAddresses.REQUEST, call, new JsonObject().put(header, OTHER_SECRET), "bad-secret");
      assertNotNull(BridgeClient.error(client.next(5000)), "a SEND with a wrong secret was not refused");
      assertNull(got.poll(300, TimeUnit.MILLISECONDS), "a refused SEND reached the REST address");

      client.send(RestAddresses.REQUEST, call, new JsonObject().put(header, SECRET).put("trace", "t1"), "good");
      Message<JsonObject> in = got.poll(5, TimeUnit.SECONDS);
      assertNotNull(in, "a SEND with the secret did not reach the REST address");
      assertEquals("pong", in.body().getJsonObject("body").getString("content"));
      assertNull(in.headers().get(header), "the secret header was forwarded onto the event bus");
      assertEquals("t1", in.headers().get("trace"), "other headers are kept");
      JsonObject reply = client.next(5000);
      assertNotNull(reply, "no reply reached the client");
      assertEquals("good", reply.getString("address"), reply.encode());
      assertEquals(200, reply.getJsonObject("body").getInteger("status"));

      // The secret is checked on every message, not once per connection.
      client.send(RestAddresses.REQUEST, call, null, "again-without");
      assertNotNull(BridgeClient.error(client.next(5000)), "a later SEND without the secret was not refused");
      assertNull(got.poll(300, TimeUnit.MILLISECONDS));

      List<String> warns = log.lines("WARN");
      assertTrue(warns.stream().anyMatch(l -> l.contains("SECRET_MISSING") && l.contains(RestAddresses.REQUEST)),
          warns.toString());
      assertTrue(warns.stream().anyMatch(l -> l.contains("SECRET_MISMATCH")), warns.toString());
      assertFalse(warns.stream().anyMatch(l -> l.contains(SECRET) || l.contains(OTHER_SECRET)),
          "a secret was logged: " + warns);
    } finally {
      BridgeClient.await(rest.unregister());
    }
  }
}
