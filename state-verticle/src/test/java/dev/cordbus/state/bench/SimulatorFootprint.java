package dev.cordbus.state.bench;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateEvents;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import dev.cordbus.state.StateVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The state cache's figures fed by the real simulator and gateway verticle: G guilds x M members loaded through
 * GUILD_CREATE over a WebSocket, heap after GC per member and per guild, the simulator firehose applied per second,
 * and MEMBER query latency on the same node. Run:
 * <pre>mvn -o -q -pl state-verticle exec:exec -Dbench.main=dev.cordbus.state.bench.SimulatorFootprint
 *     -Dbench.guilds=1000 -Dbench.members=250</pre>
 * Members per guild up to 250 (= large_threshold) all arrive in GUILD_CREATE; above that Discord (and the
 * simulator) only send online members, members with roles or in voice.
 */
public final class SimulatorFootprint {

  private SimulatorFootprint() {
  }

  public static void main(String[] args) throws Exception {
    int guilds = Integer.getInteger("bench.guilds", 1000);
    int members = Integer.getInteger("bench.members", 250);
    int firehose = Integer.getInteger("bench.firehose", 200_000);
    int queries = Integer.getInteger("bench.queries", 50_000);
    int shards = Math.max(1, (guilds + 2499) / 2500);
    Vertx vertx = Vertx.vertx();
    World world = World.generate(guilds, members, 42);
    DiscordSimulator sim = StateFootprint.await(DiscordSimulator.start(vertx, new SimulatorOptions()
        .heartbeatIntervalMs(30_000).recommendedShards(shards).maxConcurrency(Math.max(1, shards)).identifyWindowMs(100)
        .replayBufferSize(64).replayBufferBytes(1 << 20)
        .world(world)));
    StateVerticle state = new StateVerticle();
    StateFootprint.await(vertx.deployVerticle(state, new DeploymentOptions().setConfig(new JsonObject())));
    CountDownLatch ready = new CountDownLatch(shards);
    StateFootprint.await(vertx.eventBus().consumer(Addresses.state(StateEvents.SHARD_CACHE_READY),
        m -> ready.countDown()).completion());
    long heap0 = StateFootprint.usedHeapAfterGc();
    long t0 = System.nanoTime();
    StateFootprint.await(vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(
        new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl())
            .put("gatewayUrl", sim.gatewayUrl()).put("shardCount", shards).put("compression", "none")
            .put("publishRaw", false).put("largeThreshold", 250)
            .put("intents", new JsonArray(List.of("GUILDS", "GUILD_MEMBERS", "GUILD_PRESENCES", "GUILD_MESSAGES",
                "GUILD_MESSAGE_REACTIONS", "MESSAGE_CONTENT"))))));
    if (!ready.await(600, TimeUnit.SECONDS)) {
      throw new IllegalStateException("cache not ready after 600 s");
    }
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    JsonObject counts = StateFootprint.sync(vertx);
    long heap1 = StateFootprint.usedHeapAfterGc();
    long cachedMembers = counts.getLong("members");

    long applied0 = state.applied();
    long f0 = System.nanoTime();
    StateFootprint.await(sim.scenario().firehose(firehose, 0));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (state.applied() - applied0 < firehose && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    double fireSeconds = (System.nanoTime() - f0) / 1e9;
    long appliedFire = state.applied() - applied0;

    long[] lat = new long[queries];
    Promise<Void> done = Promise.promise();
    // query pairs from what the cache holds (guilds above large_threshold only send some members in GUILD_CREATE)
    List<String> guildIds = world.guildIds();
    Random r = new Random(3);
    String[][] pairs = new String[1024][];
    for (int i = 0; i < pairs.length; i++) {
      String g = guildIds.get(r.nextInt(guildIds.size()));
      JsonArray page = StateFootprint.await(vertx.eventBus().<JsonObject>request(StateAddresses.MEMBERS,
          new JsonObject().put("guild_id", g).put("limit", 1000))).body().getJsonArray("members");
      String user = page.getJsonObject(r.nextInt(page.size())).getJsonObject("user").getString("id");
      pairs[i] = new String[] {g, user};
    }
    vertx.runOnContext(v -> loop(vertx, lat, 0, pairs, done));
    StateFootprint.await(done.future());
    Arrays.sort(lat);

    System.out.printf("state footprint from the simulator: %d guilds x %d members over %d shard(s), %d cached members,"
        + " %d users%n", guilds, members, shards, cachedMembers, counts.getLong("users"));
    System.out.printf("  heap of the cache: %,d MB = %,d bytes/guild incl. members = %,d bytes/member incl. guild share%n",
        (heap1 - heap0) >> 20, (heap1 - heap0) / guilds, (heap1 - heap0) / Math.max(1, cachedMembers));
    System.out.printf("  READY + GUILD_CREATE load through the gateway: %.1f s%n", loadSeconds);
    System.out.printf("  simulator firehose: %,d dispatches applied in %.2f s = %,.0f events/s%n", appliedFire,
        fireSeconds, appliedFire / fireSeconds);
    System.out.printf("  query latency (MEMBER, %,d sequential requests, same node): p50 %.1f us, p99 %.1f us%n",
        queries, lat[queries / 2] / 1e3, lat[(int) (queries * 0.99)] / 1e3);
    System.out.printf("  duplicates %d, failed %d%n", state.duplicates(), state.failed());
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static void loop(Vertx vertx, long[] lat, int i, String[][] pairs, Promise<Void> done) {
    if (i == lat.length) {
      done.complete();
      return;
    }
    String[] p = pairs[i % pairs.length];
    long start = System.nanoTime();
    vertx.eventBus().request(StateAddresses.MEMBER, new JsonObject().put("guild_id", p[0]).put("user_id", p[1]))
        .onComplete(ar -> {
          lat[i] = System.nanoTime() - start;
          if (ar.failed()) {
            done.fail(ar.cause());
            return;
          }
          loop(vertx, lat, i + 1, pairs, done);
        });
  }
}
