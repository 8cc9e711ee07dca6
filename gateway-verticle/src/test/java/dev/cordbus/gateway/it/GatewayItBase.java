package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link DiscordSimulator} and a {@link GatewayVerticle} against it on 127.0.0.1 with short heartbeats and
 * backoffs; records everything published on the event bus.
 */
@ExtendWith(VertxExtension.class)
abstract class GatewayItBase {

  static final long TIMEOUT_MS = 15_000;
  private static final AtomicLong IDS = new AtomicLong(1_600_000_000_000_000_000L);

  DiscordSimulator sim;
  BusRecorder bus;
  Vertx vertx;
  String deployment;

  SimulatorOptions simOptions() {
    return new SimulatorOptions().heartbeatIntervalMs(1000).identifyWindowMs(50).world(World.small(7));
  }

  JsonObject gatewayConfig(String compression) {
    return new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl())
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MESSAGES").add("GUILD_MEMBERS")
            .add("MESSAGE_CONTENT"))
        .put("shardCount", 1).put("compression", compression).put("publishRaw", true)
        .put("backoffBaseMs", 50).put("backoffMaxMs", 400)
        .put("invalidSessionWaitMinMs", 50).put("invalidSessionWaitMaxMs", 150)
        .put("identifyIntervalMs", 50).put("connectTimeoutMs", 3000);
  }

  /** Starts the simulator, then the gateway, and waits until the group is READY. */
  void start(Vertx vertx, SimulatorOptions options, String compression) throws Exception {
    startSimulator(vertx, options);
    deploy(gatewayConfig(compression));
    waitUntil("group ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
  }

  void startSimulator(Vertx vertx, SimulatorOptions options) throws Exception {
    this.vertx = vertx;
    bus = new BusRecorder(vertx);
    sim = await(DiscordSimulator.start(vertx, options));
  }

  void deploy(JsonObject config) throws Exception {
    deployment = await(vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions()
        .setConfig(config)));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (deployment != null) {
      await(vertx.undeploy(deployment));
      deployment = null;
    }
    if (sim != null) {
      await(sim.close());
      sim = null;
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  /** Polls {@code condition} every 20 ms for at most {@link #TIMEOUT_MS}. */
  static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
    waitUntil(what, condition, TIMEOUT_MS);
  }

  static void waitUntil(String what, BooleanSupplier condition, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        fail("timed out after " + timeoutMs + " ms waiting for: " + what);
      }
      Thread.sleep(20);
    }
  }

  /** Injects a MESSAGE_CREATE with a unique marker as content; returns the marker. */
  String inject(String tag) throws Exception {
    String guild = sim.world().guildIds().get(0);
    String id = Long.toString(IDS.incrementAndGet());
    await(sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", id)
        .put("channel_id", guild).put("guild_id", guild).put("content", tag)
        .put("author", new JsonObject().put("id", "1").put("username", "tester"))));
    return tag;
  }

  /** Injects without waiting for the write (e.g. while the shard is disconnected; the simulator buffers). */
  void injectAsync(String tag) {
    String guild = sim.world().guildIds().get(0);
    sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", Long.toString(IDS.incrementAndGet()))
        .put("channel_id", guild).put("guild_id", guild).put("content", tag));
  }

  /** MESSAGE_CREATE dispatches published, in order. */
  List<BusRecorder.Sent> messages() {
    return bus.on(Addresses.dispatch("MESSAGE_CREATE"));
  }

  /** How many MESSAGE_CREATE dispatches with content {@code tag} were published. */
  long count(String tag) {
    return messages().stream().filter(s -> tag.equals(s.json().getString("content"))).count();
  }

  static long seq(BusRecorder.Sent s) {
    return Long.parseLong(s.header(Headers.SEQ));
  }
}
