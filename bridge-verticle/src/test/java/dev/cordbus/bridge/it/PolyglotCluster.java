package dev.cordbus.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.bridge.BridgeVerticle;
import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The cluster a bot in another language runs against: {@link PolyglotNodeMain} in a child JVM (simulator, gateway,
 * REST, partitioned state) and, in this JVM, a clustered Vert.x with the bridge (TCP and SockJS on free loopback
 * ports, the secret, inbound REST calls, routed state queries and custom events). Helpers send a command to the
 * node again and again until the simulator saw the bot's answer, because a new subscription takes a moment to
 * reach the other JVM and a publish with no known consumer is dropped.
 */
final class PolyglotCluster implements AutoCloseable {

  static final String SECRET = "polyglot-test-secret-0123456789";

  final ChildProcess node;
  final Vertx vertx;
  final BridgeVerticle bridge;
  /** {guild, shard, channel, user, username} of the test guild (on shard 1) and the reacting member. */
  final JsonObject world;

  private PolyglotCluster(ChildProcess node, Vertx vertx, BridgeVerticle bridge, JsonObject world) {
    this.node = node;
    this.vertx = vertx;
    this.bridge = bridge;
    this.world = world;
  }

  static PolyglotCluster start(String name) throws Exception {
    Path clusterXml = ClusterConfig.isolatedCopy();
    ChildProcess node = ChildProcess.start(name + "-node", ChildProcess.java(clusterXml,
        PolyglotNodeMain.class.getName()), Path.of("."), Map.of(), List.of());
    Vertx vertx = null;
    try {
      System.setProperty("vertx.hazelcast.config", clusterXml.toString());
      vertx = Vertx.builder()
          .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
          .withClusterManager(new HazelcastClusterManager())
          .buildClustered().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
      BridgeVerticle bridge = new BridgeVerticle(n -> BridgeAddresses.SECRET_ENV.equals(n) ? SECRET : null);
      JsonObject conf = new JsonObject().put("tcp", new JsonObject().put("port", 0))
          .put("sockjs", new JsonObject().put("port", 0))
          .put("inbound", new JsonArray().add(new JsonObject().put("address", RestAddresses.REQUEST))
              .add(new JsonObject().put("address", StateAddresses.ROUTED)).add("discord\\.custom\\..+"));
      vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(conf))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      String ready = node.await(l -> l.startsWith("NODE-READY "), 150_000, "NODE-READY from the gateway JVM");
      return new PolyglotCluster(node, vertx, bridge, new JsonObject(ready.substring("NODE-READY ".length())));
    } catch (Exception | AssertionError e) {
      node.close();
      if (vertx != null) {
        vertx.close();
      }
      throw e;
    }
  }

  /** Every POST the simulator's REST API received: {path, body}. */
  JsonArray posts() throws Exception {
    int mark = node.lineCount();
    node.tell("posts");
    String line = node.awaitFrom(mark, l -> l.startsWith("POSTS "), 15_000, "POSTS");
    return new JsonArray(line.substring("POSTS ".length()));
  }

  Optional<JsonObject> post(Predicate<JsonObject> match) throws Exception {
    for (Object o : posts()) {
      if (o instanceof JsonObject p && match.test(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Sends {@code command} (with {@code {n}} replaced by the attempt number) to the node and waits up to 4 s for a
   * POST matching {@code match} (command(n) -> predicate), at most 8 attempts; fails with the bot's output.
   */
  JsonObject untilPosted(String command, java.util.function.IntFunction<Predicate<JsonObject>> match, String what,
      ChildProcess bot) throws Exception {
    for (int attempt = 1; attempt <= 8; attempt++) {
      int mark = node.lineCount();
      node.tell(command.replace("{n}", Integer.toString(attempt)));
      node.awaitFrom(mark, l -> l.startsWith("DISPATCHED") || l.startsWith("REACTED") || l.startsWith("SLASHED"),
          15_000, "the node's acknowledgement of " + command);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
      Predicate<JsonObject> m = match.apply(attempt);
      while (System.nanoTime() < deadline) {
        Optional<JsonObject> p = post(m);
        if (p.isPresent()) {
          return p.get();
        }
        Thread.sleep(200);
      }
    }
    fail("the simulator never received " + what + "; bot output:\n" + bot.tail(40) + "\nnode:\n" + node.tail(20));
    return null;
  }

  /**
   * What both example bots (Python and TypeScript) must do, with the bot already connected: answer a "!ping" (on
   * shard 1) with a "pong" reply and print {@code PONG <id> ... from shard 1}; on a reaction to the pong, wait_for /
   * waitFor it, read the reacting member from shard 1's partitioned state and post "thanks for the 👍, <username>";
   * answer /ping through the interaction callback; on SIGTERM print BYE and exit 0.
   */
  void botAnswersPingReactionAndSlashCommand(ChildProcess bot) throws Exception {
    String messages = "/api/v10/channels/" + world.getString("channel") + "/messages";
    JsonObject pong = untilPosted("ping {n}", n -> p -> messages.equals(p.getString("path"))
        && "pong".equals(p.getJsonObject("body").getString("content")), "the pong", bot);
    String pinged = pong.getJsonObject("body").getJsonObject("message_reference").getString("message_id");
    assertTrue(pinged.startsWith("1534984653373"), "the pong replies to the !ping: " + pong);
    String pongLine = bot.await(l -> l.contains("PONG ") && l.contains(pinged), 10_000, "the bot's PONG line");
    String pongId = pongLine.substring(pongLine.indexOf("PONG ") + 5).split(" ")[0];
    assertTrue(pongLine.contains("from shard 1 "), "meta.shard of the !ping: " + pongLine);

    JsonObject thanks = untilPosted("react " + pongId, n -> p -> messages.equals(p.getString("path"))
        && p.getJsonObject("body").getString("content", "").startsWith("thanks"), "the thanks", bot);
    assertEquals("thanks for the 👍, " + world.getString("username"), thanks.getJsonObject("body")
        .getString("content"), "the member's name comes from the partitioned state of shard 1");

    JsonObject callback = untilPosted("slash {n}", n -> p -> p.getString("path").equals(
        "/api/v10/interactions/1534985408348" + (10000 + n) + "/token-" + n + "/callback"), "the /ping callback", bot);
    assertEquals(4, callback.getJsonObject("body").getInteger("type"));
    assertEquals("pong", callback.getJsonObject("body").getJsonObject("data").getString("content"));

    // SIGTERM through the process handle: Process.destroy() would also close our end of its output.
    ProcessHandle handle = ProcessHandle.of(bot.pid()).orElseThrow();
    handle.destroy();
    handle.onExit().get(10, TimeUnit.SECONDS);
    bot.await(l -> l.endsWith("BYE"), 5_000, "the bot's BYE line after SIGTERM");
    assertEquals(0, bot.terminate(1_000), "the bot stops cleanly on SIGTERM:\n" + bot.tail(10));
  }

  @Override
  public void close() throws Exception {
    try {
      if (node.isAlive()) {
        node.tell("quit");
        node.await(l -> l.equals("BYE"), 20_000, "BYE");
      }
    } catch (Throwable e) {
      // killed below
    } finally {
      node.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
