package dev.cordbus.bench;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.gateway.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivery latency of MESSAGE_CREATE from the moment the gateway read the frame ({@code received-nanos} header) to a
 * bot handler: on the same node (a consumer on the gateway's Vert.x) and on another node: a separate JVM
 * ({@link BotNodeMain}) joined to this one's Hazelcast cluster on 127.0.0.1, reached through the clustered event
 * bus's TCP connection. Same host, so both read one monotonic clock. Not clustered when {@code clustered} is false.
 */
final class LatencyCase implements ClientCase {

  static final int CAPACITY = 500_000;

  private final boolean clustered;
  private final int warmup;
  private final Latencies local;
  private Vertx gatewayNode;
  private Child botNode;

  LatencyCase(boolean clustered, int warmup) {
    this.clustered = clustered;
    this.warmup = warmup;
    this.local = new Latencies(CAPACITY, warmup);
  }

  @Override
  public CompletableFuture<Void> start(Spec spec, Counter counter) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    String cluster = "cordbus-bench-" + UUID.randomUUID();
    int basePort = 20_000 + (int) (Math.random() * 30_000);
    Future<Vertx> a = clustered ? clusteredVertx(cluster, basePort) : Future.succeededFuture(BenchCluster.local());
    a.compose(v -> {
      gatewayNode = v;
      return clustered ? startBotNode(cluster, basePort) : Future.succeededFuture();
    }).compose(b -> {
      AtomicInteger guildCreates = new AtomicInteger();
      var guilds = gatewayNode.eventBus().consumer(Addresses.dispatch("GUILD_CREATE"), m -> {
        if (guildCreates.incrementAndGet() == spec.guilds()) {
          ready.complete(null);
        }
      });
      var here = gatewayNode.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
        local.add(Long.parseLong(m.headers().get(Headers.SEQ)), received(m));
        counter.hit();
      });
      return Future.all(guilds.completion(), here.completion());
    }).compose(v -> {
      JsonArray intents = new JsonArray();
      BenchIntents.CORDBUS.forEach(i -> intents.add(i.name()));
      JsonObject config = new JsonObject().put("token", spec.token()).put("restBaseUrl", spec.restBaseUrl())
          .put("shardCount", 1).put("compression", spec.compression()).put("intents", intents)
          .put("identifyIntervalMs", 10);
      return gatewayNode.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions().setConfig(config));
    }).onFailure(ready::completeExceptionally);
    return ready;
  }

  private static long received(Message<?> m) {
    return Long.parseLong(m.headers().get(Headers.RECEIVED_NANOS));
  }

  /**
   * Starts the bot node JVM and waits for its consumer, then 2 s more for the subscription to reach this node (the
   * first events are excluded as warm-up anyway).
   */
  private Future<Void> startBotNode(String cluster, int basePort) {
    return gatewayNode.executeBlocking(() -> {
      Path log = Files.createTempFile("cordbus-bench-botnode-", ".log");
      List<String> flags = new java.util.ArrayList<>(List.of("-Xms256m", "-Xmx256m",
          BenchOptions.gcFlag(System.getProperty("cordbus.bench.gc", BenchOptions.DEFAULT_GC))));
      flags.addAll(BenchOptions.diagnosticJvmArgs());
      botNode = Child.start("bot-node", flags, BotNodeMain.class,
          List.of(cluster, Integer.toString(basePort), Integer.toString(warmup)), Map.of(), log);
      botNode.await("READY", 90_000);
      Thread.sleep(2_000);
      return null;
    });
  }

  private static Future<Vertx> clusteredVertx(String clusterName, int basePort) {
    return BenchCluster.start(clusterName, basePort);
  }

  /** The warm-up phase is over and handled here: measure from now on, here and (once it is idle too) on the bot node. */
  @Override
  public void mark() {
    local.startNow();
    if (botNode != null) {
      botNode.send("mark");
      botNode.await("MARKED", ClientChild.DRAIN_TIMEOUT_MS);
    }
  }

  @Override
  public JsonObject cached() {
    return new JsonObject();
  }

  @Override
  public JsonObject extra() {
    JsonObject j = new JsonObject().put("sameNode", local.summary()).put("warmupExcluded", warmup);
    String timeline = System.getProperty(BenchOptions.TIMELINE);
    if (timeline != null) {
      try {
        local.dump(Path.of(timeline, (clustered ? "cluster" : "plain") + "-same.txt"));
      } catch (java.io.IOException e) {
        j.put("timelineError", e.getMessage());
      }
    }
    if (clustered && botNode != null) {
      botNode.send("summary");
      j.put("otherNode", new JsonObject(botNode.await("SUMMARY", 30_000)));
    }
    return j;
  }

  @Override
  public void stop() throws Exception {
    if (botNode != null) {
      botNode.close();
    }
    if (gatewayNode != null) {
      gatewayNode.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
  }
}
