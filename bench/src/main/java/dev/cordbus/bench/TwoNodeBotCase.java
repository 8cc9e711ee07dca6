package dev.cordbus.bench;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.state.StateVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bot JVM of the {@code two-node} case, run by {@link ClientChild}: a clustered Vert.x (Hazelcast on 127.0.0.1,
 * cluster name and base port from {@value #CLUSTER_ENV} / {@value #BASE_PORT_ENV}) with the {@link StateVerticle}
 * and one counting {@code discord.MESSAGE_CREATE} consumer; the gateway runs in another JVM
 * ({@link GatewayNodeMain}). Once those consumers and the handshake consumer ({@value #PING}) are registered it prints
 * {@code CLUSTERED {}}; the parent then starts the gateway JVM, which asks {@value #PING} until this node answers.
 * Ready = this node's state has every guild; {@link #extra()} gives the wall-clock instant ({@code readyAtMs}), from
 * which the parent measures the time to ready from the gateway's deployment.
 */
final class TwoNodeBotCase implements ClientCase {

  /** Environment variable with the Hazelcast cluster name (unique per run). */
  static final String CLUSTER_ENV = "CORDBUS_BENCH_CLUSTER";
  /** Environment variable with the first Hazelcast port of the run. */
  static final String BASE_PORT_ENV = "CORDBUS_BENCH_BASE_PORT";
  /** Request-reply address of the cross-node handshake (bench only, not part of the cordbus contract). */
  static final String PING = "cordbus.bench.two-node.ping";
  static final long POLL_MS = 20;

  private Vertx vertx;
  private volatile long readyAtMs;

  @Override
  public CompletableFuture<Void> start(Spec spec, Counter counter) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    String cluster = System.getenv(CLUSTER_ENV);
    int basePort = Integer.parseInt(System.getenv(BASE_PORT_ENV));
    BenchCluster.start(cluster, basePort).compose(v -> {
      vertx = v;
      var messages = v.eventBus().consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> counter.hit());
      return Future.all(v.deployVerticle(new StateVerticle(),
          new DeploymentOptions().setConfig(CordbusCase.stateConfig(new JsonObject()))),
          messages.completion());
    }).compose(all -> vertx.eventBus().consumer(PING, m -> m.reply("pong")).completion()).onSuccess(v -> {
      System.out.println("CLUSTERED {}");
      whenCached(spec, ready);
    }).onFailure(ready::completeExceptionally);
    return ready;
  }

  /** Whether the state counts show every guild and member of the world (what JDA waits for before READY). */
  static boolean whole(JsonObject counts, Spec spec) {
    return counts.getLong("guilds", 0L) >= spec.guilds()
        && counts.getLong("members", 0L) >= (long) spec.guilds() * spec.members();
  }

  private void whenCached(Spec spec, CompletableFuture<Void> ready) {
    vertx.eventBus().<JsonObject>request(StateAddresses.COUNTS, new JsonObject()).onComplete(ar -> {
      if (ar.succeeded() && whole(ar.result().body(), spec)) {
        readyAtMs = System.currentTimeMillis();
        ready.complete(null);
      } else if (!ready.isDone()) {
        vertx.setTimer(POLL_MS, t -> whenCached(spec, ready));
      }
    });
  }

  @Override
  public JsonObject cached() throws Exception {
    JsonObject c = vertx.eventBus().<JsonObject>request(StateAddresses.COUNTS, new JsonObject()).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS).body();
    return new JsonObject().put("guilds", c.getLong("guilds")).put("members", c.getLong("members"));
  }

  @Override
  public JsonObject extra() {
    return new JsonObject().put("readyAtMs", readyAtMs);
  }

  @Override
  public void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
  }
}
