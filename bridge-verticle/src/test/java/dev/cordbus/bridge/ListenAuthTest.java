package dev.cordbus.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.bridge.BridgeClient.Transport;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Listening needs authentication: with a secret configured, REGISTER without it, or with a wrong one, is refused
 * and the client reads nothing; the shared secret and a per-client token both work; a connection is closed after
 * {@code maxDenials} denied frames; each denial is logged once with the client's address, never the secret.
 */
class ListenAuthTest {

  private static final String SECRET = "listen-secret-0123456789";
  private static final String TOKEN = "pybot-token-abcdefghijkl";
  private static final String HEADER = BridgeAddresses.DEFAULT_SECRET_HEADER;
  private static final String EVENT = Addresses.dispatch("MESSAGE_CREATE");

  private static Vertx vertx;
  private static BridgeVerticle bridge;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    Map<String, String> env = Map.of(BridgeAddresses.SECRET_ENV, SECRET, "PYBOT_TOKEN", TOKEN);
    bridge = new BridgeVerticle(env::get);
    BridgeClient.await(vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(new JsonObject()
        .put("tcp", new JsonObject().put("port", 0)).put("sockjs", new JsonObject().put("port", 0))
        .put("maxDenials", 3)
        .put("clients", new JsonArray().add(new JsonObject().put("name", "pybot").put("tokenEnv", "PYBOT_TOKEN"))))));
  }

  @AfterAll
  static void close() throws Exception {
    BridgeClient.await(vertx.close());
  }

  /** Publishes {@link #EVENT} every 50 ms until the client gets a frame (3 s at most). */
  private static JsonObject publishUntilFrame(BridgeClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < deadline) {
      vertx.eventBus().publish(EVENT, new JsonObject().put("content", "hello"));
      JsonObject f = client.next(50);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void registerWithoutTheSecretReadsNothingAndTheSecretOrATokenReadsEvents(Transport transport) throws Exception {
    try (LogCapture log = new LogCapture(BridgeGuard.class);
        BridgeClient anonymous = BridgeClient.connect(vertx, transport, bridge);
        BridgeClient wrong = BridgeClient.connect(vertx, transport, bridge);
        BridgeClient shared = BridgeClient.connect(vertx, transport, bridge);
        BridgeClient token = BridgeClient.connect(vertx, transport, bridge)) {
      anonymous.register(EVENT);
      assertNotNull(BridgeClient.error(anonymous.next(5000)), "REGISTER without a secret was not refused");
      wrong.register(EVENT, new JsonObject().put(HEADER, SECRET.substring(1)));
      assertNotNull(BridgeClient.error(wrong.next(5000)), "REGISTER with a wrong secret was not refused");
      shared.register(EVENT, new JsonObject().put(HEADER, SECRET));
      token.register(EVENT, new JsonObject().put(HEADER, TOKEN));
      JsonObject viaSecret = publishUntilFrame(shared);
      assertNotNull(viaSecret, "a client with the shared secret received no event");
      assertEquals("hello", viaSecret.getJsonObject("body").getString("content"), viaSecret.encode());
      JsonObject viaToken = publishUntilFrame(token);
      assertNotNull(viaToken, "a client with its token received no event");
      assertEquals("hello", viaToken.getJsonObject("body").getString("content"), viaToken.encode());
      assertNull(anonymous.next(200), "a refused REGISTER still received events");
      assertNull(wrong.next(0), "a REGISTER with a wrong secret still received events");

      List<String> warns = log.lines("WARN");
      assertEquals(1, warns.stream().filter(l -> l.contains("REGISTER") && l.contains("SECRET_MISSING")).count(),
          warns.toString());
      assertEquals(1, warns.stream().filter(l -> l.contains("REGISTER") && l.contains("SECRET_MISMATCH")).count(),
          warns.toString());
      assertTrue(warns.stream().allMatch(l -> l.contains("127.0.0.1")), "client address missing: " + warns);
      assertTrue(warns.stream().noneMatch(l -> l.contains(SECRET) || l.contains(SECRET.substring(1))
          || l.contains(TOKEN)), "a secret was logged: " + warns);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void repeatedFailuresCloseTheConnection(Transport transport) throws Exception {
    long before = bridge.closedConnections();
    try (LogCapture log = new LogCapture(BridgeGuard.class);
        BridgeClient client = BridgeClient.connect(vertx, transport, bridge)) {
      for (int i = 0; i < 2; i++) {
        client.register(EVENT, new JsonObject().put(HEADER, "guess-" + i));
        assertNotNull(BridgeClient.error(client.next(5000)));
      }
      assertTrue(!client.closed(), "closed before the limit");
      client.register(EVENT, new JsonObject().put(HEADER, "guess-2"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!client.closed() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(client.closed(), "the connection stayed open after 3 denied frames");
      assertEquals(before + 1, bridge.closedConnections());
      assertTrue(log.lines("WARN").stream().anyMatch(l -> l.contains("closing the connection from 127.0.0.1")
          && l.contains("after 3 denied frames")), log.lines("WARN").toString());
    }
  }
}
