package dev.cordbus.rest;

import static dev.cordbus.rest.TestSupport.await;

import dev.cordbus.api.rest.Messages;
import dev.cordbus.api.rest.RestClient;
import dev.cordbus.simulator.rest.RateLimitSim;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figures: sustained requests per second under a bucket limit against the theoretical maximum, and the latency the
 * event bus and limiter add per call over a direct Web Client call. Run with
 * {@code mvn -o -q -pl rest-verticle exec:java} (after {@code test-compile}).
 */
public final class RestFigures {

  private RestFigures() {
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    try {
      throughput(vertx, 10, 500, 200);
      throughput(vertx, 50, 1000, 300);
      latency(vertx, 300, 2000);
    } finally {
      await(vertx.close(), 10);
    }
  }

  static void throughput(Vertx vertx, int limit, long windowMs, int count) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim()
        .rule("POST /channels/{channel_id}/messages", "fig", limit, windowMs)), 10);
    String deployment = TestSupport.deploy(vertx, sim.restConfig(new JsonObject()));
    RestClient rest = new RestClient(vertx.eventBus(), 120_000);
    long start = System.nanoTime();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(rest.createMessage(SimServer.GENERAL, Messages.content("figure " + i)));
    }
    await(Future.all(calls), 120);
    double seconds = (System.nanoTime() - start) / 1e9;
    double theoretical = limit * 1000.0 / windowMs;
    // the first window is free (limit requests at t=0), so the ideal time is (count/limit - 1) windows
    double idealSeconds = (Math.ceil((double) count / limit) - 1) * windowMs / 1000.0;
    System.out.printf("throughput bucket %d/%d ms (theoretical %.1f req/s): %d creates in %.2f s = %.1f req/s;"
            + " ideal schedule %.2f s (%.0f%% of ideal); 429s %d; max per window %d%n",
        limit, windowMs, theoretical, count, seconds, count / seconds, idealSeconds,
        100.0 * idealSeconds / seconds, sim.sim.rateLimits().rejected(),
        sim.sim.rateLimits().maxArrivedInWindow("fig"));
    await(vertx.undeploy(deployment), 10);
  }

  static void latency(Vertx vertx, int warmup, int count) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().rule("GET /users/@me", "lat", 1_000_000, 1000)
        .global(1_000_000, 1000)), 10);
    String deployment = TestSupport.deploy(vertx, sim.restConfig(new JsonObject().put("globalLimit", 1_000_000)));
    RestClient rest = new RestClient(vertx.eventBus(), 10_000);
    WebClient web = WebClient.create(vertx);
    String url = sim.baseUrl() + "/users/@me";
    for (int i = 0; i < warmup; i++) {
      await(web.getAbs(url).putHeader("Authorization", "Bot " + SimServer.TOKEN).send(), 10);
      await(rest.getCurrentUser(), 10);
    }
    long[] direct = new long[count];
    long[] bus = new long[count];
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      await(web.getAbs(url).putHeader("Authorization", "Bot " + SimServer.TOKEN).send(), 10);
      long t1 = System.nanoTime();
      await(rest.getCurrentUser(), 10);
      long t2 = System.nanoTime();
      direct[i] = t1 - t0;
      bus[i] = t2 - t1;
    }
    Arrays.sort(direct);
    Arrays.sort(bus);
    System.out.printf("latency over %d sequential GET /users/@me (µs): direct WebClient p50 %.0f p90 %.0f p99 %.0f;"
            + " via event bus + REST verticle p50 %.0f p90 %.0f p99 %.0f; added p50 %.0f µs%n", count,
        p(direct, 50), p(direct, 90), p(direct, 99), p(bus, 50), p(bus, 90), p(bus, 99), p(bus, 50) - p(direct, 50));
    web.close();
    await(vertx.undeploy(deployment), 10);
  }

  private static double p(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
  }
}
