package dev.cordbus.bench;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.Headers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The "other node" of the latency run, in its own JVM: a clustered Vert.x (Hazelcast on 127.0.0.1) with a bot
 * handler on {@code discord.MESSAGE_CREATE} recording {@code System.nanoTime() - received-nanos}. Both JVMs run on
 * the same host, where {@code System.nanoTime()} reads the system-wide monotonic clock (Linux
 * {@code CLOCK_MONOTONIC}), so the gateway's stamp and this node's clock compare. Args: {@code clusterName basePort
 * warmup}. Prints {@code READY {}} once the consumer is registered; on the stdin line {@code summary} it prints
 * {@code SUMMARY {count, p50Ms, ...}}, closes Vert.x and exits. Exits too when stdin closes (the parent went away).
 */
public final class BotNodeMain {

  private BotNodeMain() {
  }

  public static void main(String[] args) throws Exception {
    String cluster = args[0];
    int basePort = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    Latencies latencies = new Latencies(LatencyCase.CAPACITY, warmup);
    Vertx vertx = null;
    try {
      vertx = BenchCluster.start(cluster, basePort).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      DispatchRelay.install(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
        String stamp = m.headers().get(Headers.RECEIVED_NANOS);
        if (stamp != null) {
          latencies.add(Long.parseLong(m.headers().get(Headers.SEQ)), Long.parseLong(stamp));
        }
      }).completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      System.out.println("READY {}");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("mark")) {
          // the gateway's node has handled the warm-up phase; wait until this one has too (bounded)
          long deadline = System.nanoTime() + ClientChild.DRAIN_TIMEOUT_MS * 1_000_000;
          while (latencies.idleNanos() < ClientChild.IDLE_MS * 1_000_000 && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          latencies.startNow();
          System.out.println("MARKED {}");
        }
        if (line.equals("summary")) {
          String timeline = System.getProperty(BenchOptions.TIMELINE);
          if (timeline != null) {
            latencies.dump(java.nio.file.Path.of(timeline, "cluster-other.txt"));
          }
          System.out.println("SUMMARY " + latencies.summary().encode());
          break;
        }
      }
    } catch (Exception e) {
      System.out.println("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      }
    }
    System.exit(0);
  }
}
