package dev.cordbus.example.ops;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.ops.NodeMetrics;
import dev.cordbus.ops.Ops;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.state.StateVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A gateway + state node with metrics on (Vert.x built by {@link NodeMetrics}) against the simulator, all on
 * 127.0.0.1, with the operations server on a free port. Closed by {@link #close()}.
 */
final class OpsDeployment implements AutoCloseable {

  static final long TIMEOUT_MS = 20_000;

  final Vertx vertx = NodeMetrics.vertx(new VertxOptions());
  final WebClient web = WebClient.create(vertx);
  DiscordSimulator sim;
  int port;
  private final List<String> deployments = new ArrayList<>();

  /** Starts the simulator. */
  OpsDeployment simulator(SimulatorOptions options) throws Exception {
    sim = await(DiscordSimulator.start(vertx, options));
    return this;
  }

  /** A gateway config against the simulator with short backoffs, {@code shards} shards and the ops server. */
  JsonObject gatewayConfig(int shards, JsonObject ops) {
    return new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl())
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MESSAGES").add("GUILD_MEMBERS")
            .add("MESSAGE_CONTENT").add("GUILD_PRESENCES"))
        .put("shardCount", shards).put("compression", "zlib-stream")
        .put("backoffBaseMs", 50).put("backoffMaxMs", 400)
        .put("invalidSessionWaitMinMs", 50).put("invalidSessionWaitMaxMs", 150)
        .put("identifyIntervalMs", 50).put("connectTimeoutMs", 3000).put("ops", ops);
  }

  /** Deploys the state verticle (with the same ops section). */
  OpsDeployment state(JsonObject ops) throws Exception {
    deployments.add(await(vertx.deployVerticle(new StateVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("ops", ops)))));
    return this;
  }

  /** Deploys the gateway verticle (no environment overrides) and reads the ops server's port. */
  OpsDeployment gateway(JsonObject config) throws Exception {
    deployments.add(await(vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions()
        .setConfig(config))));
    port = await(Ops.of(vertx).port());
    return this;
  }

  /** GET {@code path} on the ops server. */
  HttpResponse<Buffer> get(String path) throws Exception {
    return await(web.get(port, "127.0.0.1", path).send());
  }

  @Override
  public void close() throws Exception {
    for (String id : deployments) {
      await(vertx.undeploy(id));
    }
    if (sim != null) {
      await(sim.close());
    }
    await(vertx.close());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  static void waitUntil(String what, BooleanSupplier condition, long timeoutMs) throws InterruptedException {
    waitUntil(() -> what, condition, timeoutMs);
  }

  /** {@link #waitUntil(String, BooleanSupplier, long)} whose message is made when it fails (to show the state then). */
  static void waitUntil(Supplier<String> what, BooleanSupplier condition, long timeoutMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        fail("timed out after " + timeoutMs + " ms waiting for: " + what.get());
      }
      Thread.sleep(20);
    }
  }
}
