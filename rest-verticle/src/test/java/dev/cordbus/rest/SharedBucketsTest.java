package dev.cordbus.rest;

import static dev.cordbus.rest.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.rest.Messages;
import dev.cordbus.api.rest.RestClient;
import dev.cordbus.simulator.rest.RateLimitSim;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two REST verticles (each with its own local limiter) take turns on {@code discord.rest.request} and hammer one
 * route. With {@code sharedBuckets} their bucket state lives in shared data (the same compare-and-set code as in a
 * cluster, here on the local shared data): the simulator never counts more than the bucket in a window and sends no
 * 429. Without it each verticle spends the whole budget and Discord refuses requests. (The same over separate
 * JVMs and Hazelcast: {@code SharedRestBucketsClusterTest} in bridge-verticle.)
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedBucketsTest {

  static final String CREATE = "POST /channels/{channel_id}/messages";
  static final int LIMIT = 3;
  static final long WINDOW_MS = 400;
  static final int CALLS = 18;

  private static long hammer(Vertx vertx, SimServer sim, boolean shared) {
    return hammer(vertx, sim, new JsonObject().put("sharedBuckets", shared));
  }

  private static long hammer(Vertx vertx, SimServer sim, JsonObject extra) {
    JsonObject config = sim.restConfig(new JsonObject().put("maxRetries", 10).mergeIn(extra));
    TestSupport.deploy(vertx, config);
    TestSupport.deploy(vertx, config);
    RestClient rest = new RestClient(vertx.eventBus(), 30_000);
    long start = System.nanoTime();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      calls.add(rest.createMessage(SimServer.GENERAL, Messages.content("m" + i)));
    }
    await(Future.all(calls), 40);
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void twoVerticlesSharingBucketsNeverExceedTheBucket(Vertx vertx) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().rule(CREATE, "msg", LIMIT, WINDOW_MS)), 10);
    long elapsed = hammer(vertx, sim, true);
    assertEquals(0, sim.sim.rateLimits().rejected(), "no 429: " + sim.sim.rateLimits().windows());
    assertTrue(sim.sim.rateLimits().maxArrivedInWindow("msg") <= LIMIT, sim.sim.rateLimits().windows().toString());
    assertEquals(CALLS, sim.dispatched("MESSAGE_CREATE").size());
    long windows = CALLS / LIMIT;
    assertTrue(elapsed >= (windows - 1) * WINDOW_MS, CALLS + " calls at " + LIMIT + " per " + WINDOW_MS
        + " ms need " + windows + " windows, took " + elapsed + " ms");
  }

  @Test
  void twoVerticlesWithLocalBucketsOverspendTheBucket(Vertx vertx) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().rule(CREATE, "msg", LIMIT, WINDOW_MS)), 10);
    hammer(vertx, sim, false);
    assertTrue(sim.sim.rateLimits().rejected() > 0, "two local limiters each spend the whole bucket: "
        + sim.sim.rateLimits().windows());
    assertEquals(CALLS, sim.dispatched("MESSAGE_CREATE").size(), "the 429s were retried");
  }

  @Test
  void aSharedGlobalLimitHoldsOverBothVerticles(Vertx vertx) {
    RateLimitSim limits = new RateLimitSim().rule(CREATE, "msg", 1000, 1000).global(4, 400);
    SimServer sim = await(SimServer.start(vertx, limits), 10);
    hammer(vertx, sim, new JsonObject().put("sharedBuckets", true).put("sharedGlobal", true).put("globalLimit", 4)
        .put("globalWindowMs", 400));
    assertEquals(0, limits.rejected(), "no global 429: " + limits.windows());
    assertTrue(limits.globalMaxInWindow() <= 4, "at most 4 per 400 ms over both verticles, was "
        + limits.globalMaxInWindow());
    assertEquals(CALLS, sim.dispatched("MESSAGE_CREATE").size());
  }

  @Test
  void aGlobalLimitPerVerticleIsExceededByTwo(Vertx vertx) {
    RateLimitSim limits = new RateLimitSim().rule(CREATE, "msg", 1000, 1000).global(4, 400);
    SimServer sim = await(SimServer.start(vertx, limits), 10);
    hammer(vertx, sim, new JsonObject().put("sharedBuckets", true).put("globalLimit", 4).put("globalWindowMs", 400));
    assertTrue(limits.rejected() > 0 || limits.globalMaxInWindow() > 4, "two verticles each allow 4 per 400 ms");
  }
}
