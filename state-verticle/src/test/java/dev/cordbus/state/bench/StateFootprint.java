package dev.cordbus.state.bench;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.api.dispatch.SharedBodyCodec;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.state.StateVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Prints the state cache's figures: bytes per cached member and per guild (heap after GC), dispatches applied per
 * second on a MESSAGE_CREATE firehose, and same-node query latency p50/p99.
 *
 * <p>Synthetic source (default): realistic GUILD_CREATE / MESSAGE_CREATE payloads published on the event bus exactly
 * as the gateway publishes them ({@code DispatchBody} bytes by reference; {@code -Dbench.bodies=plain} publishes JSON
 * trees instead). Run:
 * <pre>mvn -o -q -pl state-verticle exec:exec -Dbench.guilds=1000 -Dbench.members=1000</pre>
 * For the simulator-fed variant see {@code SimulatorFootprint}.
 */
public final class StateFootprint {

  private StateFootprint() {
  }

  static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(150);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
  }

  static final String SESSION = "bench-session";

  /** {@code -Dbench.bodies=bytes} (default): bodies as the gateway delivers them; {@code plain}: JSON trees. */
  static final boolean BYTES = !"plain".equals(System.getProperty("bench.bodies", "bytes"));

  /** The body as published: a DispatchBody over its bytes (encoded here, before any timing), or the tree. */
  static JsonObject body(JsonObject d) {
    if (!BYTES) {
      return d;
    }
    byte[] b = d.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return DispatchBody.json(b, 0, b.length);
  }

  static void publish(Vertx vertx, String event, long seq, JsonObject d) {
    DeliveryOptions o = new DeliveryOptions().addHeader(Headers.SHARD, "0").addHeader(Headers.SEQ, Long.toString(seq))
        .addHeader(Headers.EVENT, event).addHeader(Headers.SESSION, SESSION);
    if (DispatchBody.of(d) != null) {
      o.setLocalOnly(true).setCodecName(SharedBodyCodec.NAME);
    }
    vertx.eventBus().publish(Addresses.dispatch(event), d, o);
  }

  static JsonObject sync(Vertx vertx) throws Exception {
    return await(vertx.eventBus().<JsonObject>request(StateAddresses.COUNTS, new JsonObject())).body();
  }

  public static void main(String[] args) throws Exception {
    int guilds = Integer.getInteger("bench.guilds", 1000);
    int members = Integer.getInteger("bench.members", 1000);
    int firehose = Integer.getInteger("bench.firehose", 200_000);
    int queries = Integer.getInteger("bench.queries", 50_000);
    Vertx vertx = Vertx.vertx();
    vertx.eventBus().registerCodec(new SharedBodyCodec());
    StateVerticle state = new StateVerticle();
    await(vertx.deployVerticle(state, new DeploymentOptions().setConfig(new JsonObject())));
    Synthetic gen = new Synthetic(42);
    long seq = 0;

    long heap0 = usedHeapAfterGc();
    JsonArray ready = new JsonArray();
    for (int g = 0; g < guilds; g++) {
      ready.add(new JsonObject().put("id", Synthetic.guildId(g)).put("unavailable", true));
    }
    publish(vertx, "READY", ++seq, new JsonObject().put("session_id", SESSION).put("shard", new JsonArray().add(0)
        .add(1)).put("user", new JsonObject().put("id", Synthetic.userId(999_999_999)).put("username", "bench-bot")
        .put("bot", true)).put("guilds", ready));
    for (int g = 0; g < guilds; g++) {
      publish(vertx, "GUILD_CREATE", ++seq, gen.guildCreate(g, 0, g * members));
    }
    sync(vertx);
    long heapGuilds = usedHeapAfterGc();

    long t0 = System.nanoTime();
    JsonObject[] creates = new JsonObject[8];
    for (int g = 0; g < guilds; g++) {
      if (g % 8 == 0) { // generated and encoded outside the timing, 8 at a time
        t0 -= System.nanoTime();
        for (int i = 0; i < 8 && g + i < guilds; i++) {
          creates[i] = body(gen.guildCreate(g + i, members, (g + i) * members));
        }
        t0 += System.nanoTime();
      }
      publish(vertx, "GUILD_CREATE", ++seq, creates[g % 8]);
      if (g % 8 == 7) {
        sync(vertx);
      }
    }
    JsonObject counts = sync(vertx);
    java.util.Arrays.fill(creates, null); // not part of the cache's heap
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    long heapMembers = usedHeapAfterGc();
    long cachedMembers = counts.getLong("members");

    // firehose of MESSAGE_CREATE (~1.4 KB each), spread over the guilds
    Random r = new Random(1);
    long applied0 = state.applied();
    long busNanos = 0;
    JsonObject[] batch = new JsonObject[2000];
    for (int i = 0; i < firehose; i += batch.length) {
      int n = Math.min(batch.length, firehose - i);
      for (int j = 0; j < n; j++) {
        int g = r.nextInt(guilds);
        batch[j] = body(gen.messageCreate(g, g * members + r.nextInt(Math.max(1, members)), i + j));
      }
      long b0 = System.nanoTime();
      long first = seq + 1;
      seq += n;
      // publish from an event-loop context, as the gateway verticle does
      Promise<Void> published = Promise.promise();
      vertx.runOnContext(v -> {
        for (int j = 0; j < n; j++) {
          publish(vertx, "MESSAGE_CREATE", first + j, batch[j]);
        }
        published.complete();
      });
      await(published.future());
      sync(vertx);
      busNanos += System.nanoTime() - b0;
    }
    double fireSeconds = busNanos / 1e9;
    long appliedFire = state.applied() - applied0;

    // query latency, sequential requests from an event-loop context on the same node
    long[] lat = new long[queries];
    Promise<Void> done = Promise.promise();
    vertx.runOnContext(v -> queryLoop(vertx, lat, 0, new Random(2), guilds, members, done));
    await(done.future());
    Arrays.sort(lat);

    int encoded = gen.messageCreate(0, 0, 1).encode().length();
    System.out.printf("state footprint: %d guilds x %d members (synthetic payloads as %s, %d cached members, %d users)%n",
        guilds, members, BYTES ? "DispatchBody bytes" : "JSON trees", cachedMembers, counts.getLong("users"));
    System.out.printf("  bytes/guild  (8 channels, 6 roles, no members): %,d%n", (heapGuilds - heap0) / guilds);
    System.out.printf("  bytes/member (member + its user + 30%% presences): %,d%n",
        (heapMembers - heapGuilds) / Math.max(1, cachedMembers));
    System.out.printf("  heap used: empty %,d MB, guilds %,d MB, with members %,d MB%n", heap0 >> 20,
        heapGuilds >> 20, heapMembers >> 20);
    System.out.printf("  GUILD_CREATE load: %.1f s (%,.0f members/s)%n", loadSeconds, cachedMembers / loadSeconds);
    System.out.printf("  firehose: %,d MESSAGE_CREATE (%d B each) published and applied in %.2f s = %,.0f events/s"
        + " (payload generation excluded)%n",
        appliedFire, encoded, fireSeconds, appliedFire / fireSeconds);
    System.out.printf("  query latency (MEMBER, %,d sequential requests, same node): p50 %.1f us, p99 %.1f us, "
        + "max %.1f us%n", queries, lat[queries / 2] / 1e3, lat[(int) (queries * 0.99)] / 1e3, lat[queries - 1] / 1e3);
    System.out.printf("  dropped duplicates %d, failed %d%n", state.duplicates(), state.failed());
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static void queryLoop(Vertx vertx, long[] lat, int i, Random r, int guilds, int members, Promise<Void> done) {
    if (i == lat.length) {
      done.complete();
      return;
    }
    int g = r.nextInt(guilds);
    JsonObject q = new JsonObject().put("guild_id", Synthetic.guildId(g))
        .put("user_id", Synthetic.userId(g * members + r.nextInt(Math.max(1, members))));
    long start = System.nanoTime();
    vertx.eventBus().request(StateAddresses.MEMBER, q).onComplete(ar -> {
      lat[i] = System.nanoTime() - start;
      if (ar.failed() && members > 0) {
        done.fail(ar.cause());
        return;
      }
      queryLoop(vertx, lat, i + 1, r, guilds, members, done);
    });
  }
}
