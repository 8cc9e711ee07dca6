package dev.cordbus.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.bridge.BridgeClient.Transport;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both bridges over TLS with a PEM key and certificate from the config (a self-signed certificate made here): a
 * client trusting the certificate (Java over TCP and SockJS, and the Python client over TCP) registers with the secret
 * and receives events; a plain client gets nothing.
 */
class TlsBridgeTest {

  private static final String SECRET = "tls-secret-0123456789abc";
  private static final String EVENT = Addresses.dispatch("MESSAGE_CREATE");

  private static Vertx vertx;
  private static BridgeVerticle bridge;
  private static SelfSignedCertificate cert;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    cert = SelfSignedCertificate.create("localhost");
    bridge = new BridgeVerticle(n -> BridgeAddresses.SECRET_ENV.equals(n) ? SECRET : null);
    BridgeClient.await(vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(new JsonObject()
        .put("tcp", new JsonObject().put("port", 0)).put("sockjs", new JsonObject().put("port", 0))
        .put("tls", new JsonObject().put("keyPath", cert.privateKeyPath()).put("certPath", cert.certificatePath())))));
  }

  @AfterAll
  static void close() throws Exception {
    BridgeClient.await(vertx.close());
    cert.delete();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aClientTrustingTheCertificateReceivesEventsOverTls(Transport transport) throws Exception {
    try (BridgeClient client = BridgeClient.connect(vertx, transport, bridge, cert.trustOptions())) {
      client.register(EVENT, new JsonObject().put(BridgeAddresses.DEFAULT_SECRET_HEADER, SECRET));
      JsonObject got = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (got == null && System.nanoTime() < deadline) {
        vertx.eventBus().publish(EVENT, new JsonObject().put("content", "over tls"));
        got = client.next(50);
      }
      assertNotNull(got, "no event over TLS");
      assertEquals("over tls", got.getJsonObject("body").getString("content"), got.encode());
    }
  }

  @Test
  void thePythonClientReceivesEventsOverTls() throws Exception {
    Path dir = ClusterConfig.root().resolve("clients/python");
    try (ChildProcess py = ChildProcess.start("python-tls", List.of("python3", "tests/jvm/tls_listen.py",
        Integer.toString(bridge.tcpPort()), cert.certificatePath(), SECRET), dir, Map.of("PYTHONUNBUFFERED", "1"),
        List.of())) {
      py.await(l -> l.equals("READY"), 30_000, "the Python client's TLS connection");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (py.lines().stream().noneMatch(l -> l.startsWith("GOT ")) && System.nanoTime() < deadline) {
        vertx.eventBus().publish(EVENT, new JsonObject().put("content", "python over tls"));
        Thread.sleep(100);
      }
      py.await(l -> l.equals("GOT python over tls"), 1_000, "an event received by the Python client over TLS");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aPlainClientGetsNothing(Transport transport) throws Exception {
    if (transport == Transport.SOCKJS) {
      // The WebSocket upgrade in clear text never completes against a TLS server.
      assertThrows(Exception.class, () -> BridgeClient.connect(vertx, transport, bridge).close());
      return;
    }
    try (BridgeClient client = BridgeClient.connect(vertx, transport, bridge)) {
      client.register(EVENT, new JsonObject().put(BridgeAddresses.DEFAULT_SECRET_HEADER, SECRET));
      for (int i = 0; i < 5; i++) {
        vertx.eventBus().publish(EVENT, new JsonObject().put("content", "x"));
      }
      assertNull(client.next(500), "a plain TCP client read a frame from the TLS bridge");
    }
  }
}
