package dev.cordbus.bench;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Intent;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.state.StateVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * cordbus: the gateway verticle with one local MESSAGE_CREATE consumer, optionally with the state verticle caching
 * the world (case {@code gateway+state-nomsg}: with {@code messageCacheSize: 0}, like JDA's default of caching no
 * messages). Ready = every GUILD_CREATE published (and, with state, every guild cached).
 */
final class CordbusCase implements ClientCase {

  private final boolean withState;
  private final JsonObject stateConfig;
  private Vertx vertx;
  /** The flow control's counters when the client was ready. */
  private volatile GatewayNodeMain.Flow flowReady;

  CordbusCase(boolean withState) {
    this(withState, new JsonObject());
  }

  /** The state config every cordbus case uses: large guilds chunked, as JDA's ChunkingFilter.ALL does. */
  static JsonObject stateConfig(JsonObject overrides) {
    return new JsonObject().put("chunkGuilds", true).mergeIn(overrides);
  }

  /** With the state verticle deployed with {@code stateConfig}. */
  CordbusCase(boolean withState, JsonObject stateConfig) {
    this.withState = withState;
    this.stateConfig = stateConfig(stateConfig);
  }

  @Override
  public CompletableFuture<Void> start(Spec spec, Counter counter) {
    vertx = BenchCluster.local();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    AtomicInteger guildCreates = new AtomicInteger();
    var messages = vertx.eventBus().consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> counter.hit());
    var guilds = vertx.eventBus().consumer(Addresses.dispatch("GUILD_CREATE"), m -> {
      if (guildCreates.incrementAndGet() == spec.guilds()) {
        whenCached(spec, ready, 0);
      }
    });
    JsonObject config = gatewayConfig(spec);
    Future<String> state = withState
        ? vertx.deployVerticle(new StateVerticle(), new DeploymentOptions().setConfig(stateConfig.copy()))
        : Future.succeededFuture("");
    Future.all(messages.completion(), guilds.completion(), state)
        .compose(v -> vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions().setConfig(config)))
        .onFailure(ready::completeExceptionally);
    return ready;
  }

  /** Ready once every guild and every member is cached (large guilds are chunked first). */
  private void whenCached(Spec spec, CompletableFuture<Void> ready, int attempt) {
    if (!withState) {
      flowReady = GatewayNodeMain.Flow.now(vertx);
      ready.complete(null);
      return;
    }
    vertx.eventBus().<JsonObject>request(StateAddresses.COUNTS, new JsonObject()).onComplete(ar -> {
      if (ar.succeeded() && TwoNodeBotCase.whole(ar.result().body(), spec)) {
        flowReady = GatewayNodeMain.Flow.now(vertx);
        ready.complete(null);
      } else if (attempt > 2000) {
        ready.completeExceptionally(new BenchException(BenchException.Kind.TIMEOUT, "state never cached "
            + spec.guilds() + " guilds and their members"));
      } else {
        vertx.setTimer(20, t -> whenCached(spec, ready, attempt + 1));
      }
    });
  }

  @Override
  public JsonObject cached() throws Exception {
    if (!withState) {
      return new JsonObject();
    }
    JsonObject c = vertx.eventBus().<JsonObject>request(StateAddresses.COUNTS, new JsonObject()).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS).body();
    return new JsonObject().put("guilds", c.getLong("guilds")).put("members", c.getLong("members"));
  }

  /** {@code {flow: {pauses, pausedSeconds}}}: the gateway's pauses for its own node's consumers since ready. */
  @Override
  public JsonObject extra() {
    return flowReady == null ? new JsonObject()
        : new JsonObject().put("flow", GatewayNodeMain.Flow.now(vertx).since(flowReady));
  }

  @Override
  public void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** The gateway verticle's config in every cordbus case: one shard, the bench's intents, the run's compression. */
  static JsonObject gatewayConfig(Spec spec) {
    JsonArray intents = new JsonArray();
    BenchIntents.CORDBUS.forEach(i -> intents.add(i.name()));
    return new JsonObject().put("token", spec.token()).put("restBaseUrl", spec.restBaseUrl())
        .put("shardCount", 1).put("compression", spec.compression()).put("intents", intents)
        .put("identifyIntervalMs", 10);
  }

  static int intentMask() {
    return Intent.mask(BenchIntents.CORDBUS);
  }
}
