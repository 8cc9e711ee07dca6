package dev.cordbus.bridge.it;

import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.bridge.BridgeVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The polyglot path end to end over a real Hazelcast cluster of two JVMs on 127.0.0.1: JVM A (a child process) runs
 * the simulator, the gateway and the REST verticle; this JVM runs the bridge; {@code node bot.js} connects to the
 * bridge over SockJS. A "!ping" dispatched by the simulator must come back to the simulator as a "pong" REST call
 * made by the Node bot.
 */
class NodeBotClusterTest {

  private static final String SECRET = "cluster-test-secret-0123456789";
  private static Path nodeDir;
  private static ChildProcess gatewayNode;
  private static ChildProcess bot;
  private static Vertx vertx;
  private static BridgeVerticle bridge;

  /** The Node project; fails (never skips) when its packages are not installed. */
  static Path nodeProject() {
    Path dir = ClusterConfig.root().resolve("example-bot-verticle/node");
    if (!Files.isDirectory(dir.resolve("node_modules/@vertx/eventbus-bridge-client.js"))) {
      fail("the Node bot's packages are missing: run `npm ci --prefix example-bot-verticle/node` first"
          + " (.ci/run does)");
    }
    return dir;
  }

  @BeforeAll
  static void startCluster() throws Exception {
    nodeDir = nodeProject();
    Path clusterXml = ClusterConfig.isolatedCopy();
    gatewayNode = ChildProcess.start("gateway-node", ChildProcess.java(clusterXml, GatewayNodeMain.class.getName()),
        Path.of("."), Map.of(), List.of());
    System.setProperty("vertx.hazelcast.config", clusterXml.toString());
    vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager())
        .buildClustered().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
    bridge = new BridgeVerticle(name -> BridgeAddresses.SECRET_ENV.equals(name) ? SECRET : null);
    JsonObject conf = new JsonObject().put("tcp", false).put("sockjs", new JsonObject().put("port", 0))
        .put("inbound", new JsonArray().add(new JsonObject().put("address", "discord.rest.request")));
    vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(conf))
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    gatewayNode.await(l -> l.startsWith("NODE-READY"), 120_000, "NODE-READY from the gateway JVM");
  }

  @AfterAll
  static void stopAll() throws Exception {
    try {
      if (bot != null) {
        bot.close();
      }
      if (gatewayNode != null) {
        if (gatewayNode.isAlive()) {
          gatewayNode.tell("quit");
          gatewayNode.await(l -> l.equals("BYE"), 20_000, "BYE");
        }
      }
    } catch (Throwable e) {
      // still kill everything below
    } finally {
      if (gatewayNode != null) {
        gatewayNode.close();
      }
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void nodeBotAnswersPingFromAGatewayInAnotherJvm() throws Exception {
    bot = ChildProcess.start("node-bot", List.of("node", "bot.js"), nodeDir,
        Map.of("CORDBUS_BRIDGE_URL", "http://127.0.0.1:" + bridge.sockjsPort() + "/eventbus",
            "CORDBUS_BRIDGE_SECRET", SECRET), List.of());
    bot.await(l -> l.contains("listening on discord.MESSAGE_CREATE"), 30_000, "the bot's registration");

    // A publish with no known consumer is dropped, and the bridge's subscription takes a moment to reach JVM A:
    // dispatch again until the simulator sees a pong (bounded: 8 tries, 3 s each).
    String pongs = null;
    for (int attempt = 1; attempt <= 8 && pongs == null; attempt++) {
      int mark = gatewayNode.lineCount();
      String dispatched = "DISPATCHED " + attempt;
      gatewayNode.tell("ping " + attempt);
      gatewayNode.awaitFrom(mark, l -> l.startsWith(dispatched), 15_000, "DISPATCHED");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (System.nanoTime() < deadline) {
        int at = gatewayNode.lineCount();
        gatewayNode.tell("pongs");
        String line = gatewayNode.awaitFrom(at, l -> l.startsWith("PONGS "), 10_000, "PONGS");
        if (!line.startsWith("PONGS 0 ")) {
          pongs = line;
          break;
        }
        Thread.sleep(250);
      }
    }
    if (pongs == null) {
      fail("the simulator never received the Node bot's pong; bot output:\n" + bot.tail(30));
    }
    JsonObject body = new JsonObject(pongs.substring(pongs.indexOf('{')));
    assertEquals("pong", body.getString("content"));
    assertTrue(body.getJsonObject("message_reference").getString("message_id").startsWith("15349846533735"),
        "the pong replies to the dispatched !ping: " + body);
    bot.await(l -> l.contains("answered !ping") && l.contains("status 200"), 10_000,
        "the bot's log line for the REST reply");
    Integer exit = bot.terminate(10_000);
    assertEquals(0, exit, "the Node bot stops cleanly on SIGTERM");
  }
}
