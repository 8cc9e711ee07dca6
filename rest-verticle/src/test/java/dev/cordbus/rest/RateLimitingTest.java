package dev.cordbus.rest;

import static dev.cordbus.rest.TestSupport.await;
import static dev.cordbus.rest.TestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.rest.Messages;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.rest.RestCall;
import dev.cordbus.api.rest.RestClient;
import dev.cordbus.api.rest.RestFailure;
import dev.cordbus.simulator.rest.RateLimitSim;
import dev.cordbus.simulator.rest.RateLimitSim.Scope;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST verticle's rate limiting against the simulator's REST side (real HTTP on 127.0.0.1). The simulator
 * counts every request per bucket window, so "never more than the bucket allows" is measured server-side.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RateLimitingTest {

  static final String CREATE = "POST /channels/{channel_id}/messages";

  RestClient client(Vertx vertx, SimServer sim, JsonObject extra) {
    TestSupport.deploy(vertx, sim.restConfig(extra));
    return new RestClient(vertx.eventBus(), 30_000);
  }

  @Test
  void discoversBucketsFromHeadersAndSharesThemAcrossRoutes(Vertx vertx) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().rule(CREATE, "msghash", 3, 1000)), 10);
    List<JsonObject> events = TestSupport.events(vertx);
    RestClient rest = client(vertx, sim, new JsonObject());
    JsonObject m = await(rest.createMessage(SimServer.GENERAL, Messages.content("hello")), 10);
    await(rest.addReaction(SimServer.GENERAL, m.getString("id"), "🔥"), 10);
    await(rest.removeOwnReaction(SimServer.GENERAL, m.getString("id"), "🔥"), 10);

    JsonObject status = await(vertx.eventBus().<JsonObject>request(RestAddresses.STATUS, null), 5).body();
    JsonObject msgBucket = bucket(status, "msghash");
    assertEquals(3, msgBucket.getInteger("limit"));
    assertEquals(2, msgBucket.getInteger("remaining"));
    assertEquals("KNOWN", msgBucket.getString("phase"));
    JsonObject reactions = bucket(status, "reactions0a1b2c3d");
    assertEquals(2, reactions.getJsonArray("routes").size(), "PUT and DELETE reaction share one bucket: "
        + reactions);

    JsonObject first = events.stream().filter(e -> e.getString("route").equals("/channels/{channel_id}/messages"))
        .findFirst().orElseThrow();
    assertEquals(200, first.getInteger("status"));
    assertEquals("msghash", first.getString("bucket"));
    assertEquals(2, first.getInteger("remaining"));
    assertTrue(first.getDouble("latencyMs") > 0);
    // DELETE's first request cannot know it shares PUT's bucket (1 per 250 ms): at most that probe is refused
    assertTrue(sim.sim.rateLimits().rejected() <= 1);
  }

  private static JsonObject bucket(JsonObject status, String hash) {
    JsonArray buckets = status.getJsonArray("buckets");
    return buckets.stream().map(JsonObject.class::cast).filter(b -> hash.equals(b.getString("bucket")))
        .findFirst().orElseThrow(() -> new AssertionError("no bucket " + hash + " in " + status));
  }

  @Test
  void waitsForTheResetWhenRemainingReachesZero(Vertx vertx) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().rule(CREATE, "msg", 2, 600)), 10);
    RestClient rest = client(vertx, sim, new JsonObject());
    long start = System.nanoTime();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(rest.createMessage(SimServer.GENERAL, Messages.content("m" + i)));
    }
    await(Future.all(calls), 20);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsedMs >= 1200, "6 requests at 2 per 600 ms need 3 windows, took " + elapsedMs + " ms");
    assertEquals(0, sim.sim.rateLimits().rejected(), "no 429");
    assertTrue(sim.sim.rateLimits().maxArrivedInWindow("msg") <= 2);
    assertEquals(6, sim.dispatched("MESSAGE_CREATE").size());
  }

  @Test
  void aRouteScoped429IsWaitedOutAndRetried(Vertx vertx) {
    assertRetriedAfter429(vertx, Scope.USER);
  }

  @Test
  void aShared429IsWaitedOutAndRetried(Vertx vertx) {
    assertRetriedAfter429(vertx, Scope.SHARED);
  }

  private void assertRetriedAfter429(Vertx vertx, Scope scope) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().force429(scope, 400, 1, CREATE)), 10);
    List<JsonObject> events = TestSupport.events(vertx);
    RestClient rest = client(vertx, sim, new JsonObject());
    long start = System.nanoTime();
    JsonObject m = await(rest.createMessage(SimServer.GENERAL, Messages.content("after 429")), 10);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals("after 429", m.getString("content"));
    assertTrue(elapsedMs >= 400, "waited retry_after, took " + elapsedMs);
    assertEquals(1, sim.sim.rateLimits().rejected(scope));
    assertTrue(events.stream().anyMatch(e -> e.getInteger("status") == 429
        && scope.header().equals(e.getString("scope"))), "429 event published: " + events);
  }

  @Test
  void aGlobal429PausesOtherRoutesToo(Vertx vertx) throws Exception {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().force429(Scope.GLOBAL, 800, 1,
        "GET /users/@me")), 10);
    List<JsonObject> events = TestSupport.events(vertx);
    RestClient rest = client(vertx, sim, new JsonObject());
    Future<JsonObject> me = rest.getCurrentUser();
    long deadline = System.currentTimeMillis() + 5000;
    while (events.stream().noneMatch(e -> e.getInteger("status") == 429) && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    long start = System.nanoTime();
    JsonObject guild = await(rest.getGuild(SimServer.GUILD), 10);
    long guildMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals("example-bot", await(me, 10).getString("username"));
    assertEquals(SimServer.GUILD, guild.getString("id"));
    assertTrue(guildMs >= 500, "another route waited for the global pause, took " + guildMs + " ms");
    assertEquals(1, sim.sim.rateLimits().rejected(Scope.GLOBAL));
    assertTrue(events.stream().anyMatch(e -> e.getBoolean("global", false)));
  }

  @Test
  void retriesAreCappedAndTheFailureCarriesRetryAfter(Vertx vertx) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().force429(Scope.USER, 2000, 10, CREATE)), 10);
    RestClient rest = client(vertx, sim, new JsonObject().put("maxRetries", 1));
    RestFailure once = failure(rest.call(RestCall.of("POST", "/channels/" + SimServer.GENERAL + "/messages")
        .body(Messages.content("x")).maxRetries(0)), 10);
    assertEquals(RestFailure.Kind.RATE_LIMITED, once.kind());
    assertEquals(429, once.status());
    assertEquals(2000, once.retryAfterMs());
    assertTrue(once.message().contains("POST /channels/{channel_id}/messages"), once.message());
    assertEquals(1, sim.sim.rateLimits().rejected());
  }

  @Test
  void theGlobalLimitOf50PerSecondIsNeverExceeded(Vertx vertx) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().rule("GET /users/@me", "me", 1000, 1000)), 10);
    RestClient rest = client(vertx, sim, new JsonObject());
    long start = System.nanoTime();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      calls.add(rest.getCurrentUser());
    }
    await(Future.all(calls), 20);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, sim.sim.rateLimits().rejected(), "no 429");
    assertTrue(sim.sim.rateLimits().globalMaxInWindow() <= 50, "max per global window "
        + sim.sim.rateLimits().globalMaxInWindow());
    assertTrue(elapsedMs >= 2000, "120 requests at 50/s need 3 windows, took " + elapsedMs);
  }

  @Test
  void aBurstOf200CreatesToOneChannelNeverHitsA429(Vertx vertx) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().rule(CREATE, "burst", 10, 500)), 10);
    RestClient rest = client(vertx, sim, new JsonObject());
    long start = System.nanoTime();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(rest.createMessage(SimServer.GENERAL, Messages.content("burst " + i)));
    }
    await(Future.all(calls), 40);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(0, sim.sim.rateLimits().rejected(), "no 429 at all");
    int max = sim.sim.rateLimits().maxArrivedInWindow("burst");
    assertTrue(max <= 10, "never more than the bucket allows in a window: " + max);
    assertEquals(200, sim.dispatched("MESSAGE_CREATE").size());
    assertEquals(201, sim.sim.store().messageCount(SimServer.GENERAL), "200 + the fixture's M1");
    System.out.printf("burst: 200 creates in %.2f s = %.1f req/s (bucket max 20 req/s), max/window %d%n",
        seconds, 200 / seconds, max);
  }

  @Test
  void aFullQueueFailsFastWithAClearMessage(Vertx vertx) {
    SimServer sim = await(SimServer.start(vertx, new RateLimitSim().rule(CREATE, "slow", 1, 200)), 10);
    RestClient rest = client(vertx, sim, new JsonObject().put("maxQueue", 3));
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(rest.createMessage(SimServer.GENERAL, Messages.content("q" + i)));
    }
    int ok = 0;
    int full = 0;
    for (Future<JsonObject> call : calls) {
      try {
        call.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ok++;
      } catch (Exception e) {
        RestFailure f = RestFailure.from(e.getCause());
        assertEquals(RestFailure.Kind.QUEUE_FULL, f.kind());
        assertTrue(f.message().contains("is full"), f.message());
        full++;
      }
    }
    assertEquals(4, ok, "the probe in flight and 3 queued");
    assertEquals(6, full);
    assertEquals(0, sim.sim.rateLimits().rejected());
  }
}
