package dev.cordbus.gateway.bench;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest benchmark: one simulator shard fires N MESSAGE_CREATE (~1.4 KB) at full speed; one local consumer counts.
 * Prints events/s decoded and published with zlib-stream and with none, and the heap after GC. The simulator runs in
 * the same JVM, so its encoding (and deflating) cost is included. {@code -Dbench.count=200000}.
 * <pre>mvn -o -q -pl gateway-verticle exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.cordbus.gateway.bench.IngestBench</pre>
 */
public final class IngestBench {

  private IngestBench() {
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.count", 200_000);
    Vertx vertx = Vertx.vertx();
    try {
      for (String compression : new String[] {"zlib-stream", "none", "zlib-stream", "none"}) {
        run(vertx, compression, n);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static void run(Vertx vertx, String compression, int n) throws Exception {
    DiscordSimulator sim = get(DiscordSimulator.start(vertx, new SimulatorOptions().world(World.small(42))));
    AtomicLong count = new AtomicLong();
    AtomicLong dispatches = new AtomicLong();
    vertx.eventBus().addOutboundInterceptor(ctx -> {
      String a = ctx.message().address();
      if (a.startsWith(Addresses.PREFIX) && !a.startsWith("discord.shard.") && !a.equals(Addresses.RAW)) {
        dispatches.incrementAndGet();
      }
      ctx.next();
    });
    Promise<Void> ready = Promise.promise();
    vertx.eventBus().consumer(Addresses.GROUP_READY, m -> ready.tryComplete());
    var consumer = vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"),
        m -> count.incrementAndGet());
    get(consumer.completion());
    String id = get(vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions().setConfig(
        new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl()).put("shardCount", 1)
            .put("compression", compression).put("identifyIntervalMs", 10))));
    get(ready.future());
    Thread.sleep(500);
    count.set(0);
    dispatches.set(0);
    long t0 = System.nanoTime();
    long written = sim.scenario().firehose(n, 0).toCompletionStage().toCompletableFuture()
        .get(300, TimeUnit.SECONDS);
    long deadline = System.currentTimeMillis() + 120_000;
    while (dispatches.get() < written && System.currentTimeMillis() < deadline) {
      Thread.sleep(1);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long published = dispatches.get();
    System.gc();
    Thread.sleep(200);
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf("%-12s %,d dispatches written, %,d published (%,d MESSAGE_CREATE counted) in %.2f s = "
        + "%,.0f events/s decoded+published; heap after GC %.1f MiB%n", compression, written, published,
        count.get(), seconds, published / seconds, heap / 1024.0 / 1024.0);
    get(consumer.unregister());
    get(vertx.undeploy(id));
    get(sim.close());
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
