package dev.cordbus.cluster;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.rest.RestCall;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.rest.RestVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.Scenario;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.state.StateVerticle;
import dev.cordbus.testkit.ChildProcess;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault soak: streams dispatches through the simulator to a gateway with the state verticle, the REST verticle
 * and a counting consumer while injecting faults drawn at random (seeded), then prints a ledger and exits non-zero
 * when any dispatch was lost. One node: everything in this JVM. Three nodes ({@code --nodes 3}): the cluster of
 * {@link ClusterRig} (3 gateway JVMs, a bot JVM with the state verticle and the counting consumer), and the faults
 * also kill -9 a gateway node and SIGSTOP one for longer than failure detection (each replaced by a fresh node).
 *
 * <p>{@code mvn -o -q -pl cluster-tests -am verify -DskipTests -Dcordbus.main=dev.cordbus.cluster.FaultSoak -Dcordbus.args="--dispatches 1000000 --faults 1000"}
 * (add {@code --nodes 3} for the cluster run; {@code --rate}, {@code --seed}). The short version runs in
 * {@code mvn verify} as {@code FaultSoakTest}.
 */
public final class FaultSoak {

  /** The faults, drawn uniformly. */
  enum Fault { CUT, CLOSE_4000, RECONNECT, INVALID_TRUE, INVALID_FALSE, ZOMBIE, MALFORMED, REST_5XX, REST_429,
    KILL_9, SIGSTOP }

  /** What a soak run is given. */
  record Settings(int dispatches, int faults, int rate, long seed, int nodes) {
    static Settings parse(String[] args) {
      Map<String, String> a = new TreeMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
      return new Settings(Integer.parseInt(a.getOrDefault("dispatches", "1000000")),
          Integer.parseInt(a.getOrDefault("faults", "1000")), Integer.parseInt(a.getOrDefault("rate", "1500")),
          Long.parseLong(a.getOrDefault("seed", "42")), Integer.parseInt(a.getOrDefault("nodes", "1")));
    }
  }

  /** The outcome. {@code lost} is what counts: a seq a live session issued that never reached the consumer. */
  record Ledger(Settings settings, long written, long sent, long delivered, long lost, long duplicates,
      long bodyMismatches, long resumes, long identifies, Map<String, Integer> injected, int skipped,
      JsonObject longestGapMs, long restCalls, long restOk, long restFailed, long heapBeforeMb, long heapAfterMb,
      long seconds) {

    String render() {
      return String.join("\n", "FAULT SOAK LEDGER (" + settings.nodes() + " node" + (settings.nodes() > 1 ? "s" : "")
              + ", seed " + settings.seed() + ", " + seconds + " s)",
          "  firehose dispatches written to sessions: " + written + " (of " + settings.dispatches() + " generated at "
              + settings.rate() + "/s; the others did not pass the bot's intents)",
          "  seqs issued to sessions (READY, GUILD_CREATE, RESUMED included): " + sent,
          "  delivered to the counting consumer (distinct session+seq): " + delivered,
          "  lost: " + lost,
          "  duplicated (same session+seq delivered again): " + duplicates + " (with a different body: "
              + bodyMismatches + ")",
          "  resumes accepted: " + resumes + ", identifies: " + identifies,
          "  faults injected: " + injected + " (skipped, shard not connected at that instant: " + skipped + ")",
          "  longest gap per shard at the consumer (ms): " + longestGapMs.encode(),
          "  REST calls through the REST verticle: " + restCalls + ", answered 2xx: " + restOk + ", failed after "
              + "retries: " + restFailed,
          "  heap used after GC (" + (settings.nodes() > 1 ? "bot node" : "this JVM") + "): before " + heapBeforeMb
              + " MiB, after " + heapAfterMb + " MiB");
    }
  }

  /** The simulator's heartbeat interval in the one-node soak (a zombie is detected within two of them). */
  static final int HEARTBEAT_MS = 3000;

  private FaultSoak() {
  }

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    Ledger ledger = s.nodes() > 1 ? cluster(s) : oneNode(s);
    System.out.println(ledger.render());
    System.exit(ledger.lost() == 0 ? 0 : 1);
  }

  /** The one-node soak: simulator, gateway, state, REST and the counting consumer in this JVM. */
  static Ledger oneNode(Settings s) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      DiscordSimulator sim = await(DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(HEARTBEAT_MS)
          .maxConcurrency(ClusterRig.MAX_CONCURRENCY).identifyWindowMs(50).world(ClusterRig.worldOnEveryShard())),
          30);
      BotNodeMain.Recorder recorder = new BotNodeMain.Recorder();
      Promise<Void> ready = Promise.promise();
      vertx.eventBus().consumer(Addresses.GROUP_READY, m -> ready.tryComplete());
      await(vertx.deployVerticle(new StateVerticle()).compose(i -> vertx.deployVerticle(recorder))
          .compose(i -> vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(new JsonObject()
              .put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl()).put("serverErrorBackoffMs", 100))))
          .compose(i -> vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions()
              .setConfig(gatewayConfig(sim)))), 60);
      await(ready.future(), 120);
      long heapBefore = heapMb();
      long t0 = System.nanoTime();
      onContext(recorder, () -> recorder.mark(System.nanoTime()));
      Rest rest = new Rest(vertx, sim);
      long written = run(s, sim.scenario(), rest, null);
      rest.stop();
      waitForQuiet(sim, () -> onContext(recorder, recorder::stats), 120_000);
      JsonObject stats = onContext(recorder, recorder::stats);
      long heapAfter = heapMb();
      return ledger(s, sim, stats, written, rest, heapBefore, heapAfter, (System.nanoTime() - t0) / 1_000_000_000);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** The three-node soak on {@link ClusterRig}; kill -9 and SIGSTOP faults replace the node they hit. */
  static Ledger cluster(Settings s) throws Exception {
    try (ClusterRig rig = new ClusterRig()) {
      rig.startBot();
      rig.startGateways(3);
      rig.waitForSpread(180_000, "3 gateway nodes holding the 4 groups");
      // the REST verticle with the simulator (the storms hit the REST API, not the cluster)
      await(rig.vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(new JsonObject()
          .put("token", rig.sim.token()).put("restBaseUrl", rig.sim.restBaseUrl()).put("serverErrorBackoffMs", 100))),
          30);
      long heapBefore = rig.botHeapMb();
      long t0 = System.nanoTime();
      rig.mark(System.nanoTime());
      Rest rest = new Rest(rig.vertx, rig.sim);
      long written = run(s, rig.sim.scenario(), rest, rig);
      rest.stop();
      waitForQuiet(rig.sim, rig::botStats, 180_000);
      JsonObject stats = rig.botStats();
      return ledger(s, rig.sim, stats, written, rest, heapBefore, rig.botHeapMb(),
          (System.nanoTime() - t0) / 1_000_000_000);
    }
  }

  static JsonObject gatewayConfig(DiscordSimulator sim) {
    return new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl())
        .put("shardCount", ClusterRig.SHARDS).put("compression", "zlib-stream")
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MESSAGES").add("MESSAGE_CONTENT")
            .add("GUILD_MESSAGE_REACTIONS"))
        .put("backoffBaseMs", 100).put("backoffMaxMs", 2000).put("invalidSessionWaitMinMs", 100)
        .put("invalidSessionWaitMaxMs", 300).put("identifyIntervalMs", 100);
  }

  /** Streams and injects; returns the dispatches the simulator wrote. */
  private static long run(Settings s, Scenario sim, Rest rest, ClusterRig rig) throws Exception {
    Random random = new Random(s.seed());
    List<Fault> kinds = new ArrayList<>(List.of(Fault.values()));
    if (rig == null) {
      kinds.remove(Fault.KILL_9);
      kinds.remove(Fault.SIGSTOP);
    }
    CompletableFuture<Long> stream = sim.firehose(s.dispatches(), s.rate()).toCompletionStage().toCompletableFuture();
    long intervalMs = Math.max(5, (long) s.dispatches() * 1000 / s.rate() / Math.max(1, s.faults()));
    int processFaults = 0;
    for (int i = 0; i < s.faults() && !stream.isDone(); i++) {
      Thread.sleep(intervalMs);
      Fault f = kinds.get(random.nextInt(kinds.size()));
      int shard = random.nextInt(ClusterRig.SHARDS);
      if ((f == Fault.KILL_9 || f == Fault.SIGSTOP) && processFaults >= Math.max(1, s.faults() / 50)) {
        f = Fault.CUT; // a process fault costs a node restart: at most one in 50 faults
      }
      boolean done = inject(f, shard, sim, rest, rig, random);
      if (f == Fault.KILL_9 || f == Fault.SIGSTOP) {
        processFaults++;
      }
      rest.count(f, done);
    }
    return stream.get(30, TimeUnit.MINUTES);
  }

  private static boolean inject(Fault f, int shard, Scenario sim, Rest rest, ClusterRig rig, Random random)
      throws Exception {
    try {
      switch (f) {
        case CUT -> await(sim.cut(shard), 10);
        case CLOSE_4000 -> await(sim.close(shard, 4000, "soak"), 10);
        case RECONNECT -> await(sim.reconnect(shard), 10);
        case INVALID_TRUE -> await(sim.invalidSession(shard, true), 10);
        case INVALID_FALSE -> await(sim.invalidSession(shard, false), 10);
        case ZOMBIE -> {
          sim.withholdAcks(shard, true);
          // long enough for a heartbeat to go unanswered, so the gateway sees a zombie at its next tick
          rest.vertx.setTimer(HEARTBEAT_MS * 2L + 500, t -> sim.withholdAcks(shard, false));
        }
        case MALFORMED -> await(sim.sendRaw(shard, "{\"op\":0,\"s\":\"not a number\",\"t\":\"MESSAGE_CREATE\",\"d\":"),
            10);
        case REST_5XX -> sim.restStorm(500 + 2 + random.nextInt(2), 5, 0);
        case REST_429 -> sim.restStorm(429, 5, 300);
        case KILL_9 -> {
          ChildProcess victim = rig.gateways.get(random.nextInt(rig.gateways.size()));
          victim.kill();
          rig.gateways.remove(victim);
          rig.startGateways(1);
        }
        case SIGSTOP -> {
          ChildProcess victim = rig.gateways.get(random.nextInt(rig.gateways.size()));
          ClusterRig.signal(victim, "STOP");
          Thread.sleep(14_000); // longer than failure detection (max-no-heartbeat 10 s)
          ClusterRig.signal(victim, "CONT");
          victim.terminate(30_000);
          rig.gateways.remove(victim);
          rig.startGateways(1);
        }
        default -> throw new IllegalStateException(f.name());
      }
      return true;
    } catch (java.util.concurrent.ExecutionException e) {
      return false; // NO_CONNECTION: the shard is reconnecting right now
    }
  }

  /** Waits until every live session's seqs all reached the consumer (or the time is up). */
  private static void waitForQuiet(DiscordSimulator sim, java.util.concurrent.Callable<JsonObject> stats, long ms)
      throws Exception {
    long deadline = System.nanoTime() + ms * 1_000_000;
    while (System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      if (lost(sessions(sim), stats.call())[2] == 0 && allAttached(sim)) {
        return;
      }
    }
  }

  private static boolean allAttached(DiscordSimulator sim) throws Exception {
    for (int s = 0; s < ClusterRig.SHARDS; s++) {
      if (sim.log().openConnections(s) < 1) {
        return false;
      }
    }
    return true;
  }

  /** Every session the simulator knows (live and ended): id -> [shard, last seq issued]. */
  private static Map<String, long[]> sessions(DiscordSimulator sim) throws Exception {
    Map<String, long[]> all = new TreeMap<>(sim.log().endedSessions());
    for (int s = 0; s < ClusterRig.SHARDS; s++) {
      JsonArray list = await(sim.scenario().sessionsOfShard(s), 10);
      for (int i = 0; i < list.size(); i++) {
        all.put(list.getJsonObject(i).getString("sessionId"), new long[] {s, list.getJsonObject(i).getLong("seq")});
      }
    }
    return all;
  }

  /**
   * [sent, delivered, lost] over the sessions the consumer saw at least once (a session whose READY never reached
   * the gateway, because its connection was cut first, was never the bot's: the gateway identified again).
   */
  private static long[] lost(Map<String, long[]> sessions, JsonObject stats) {
    long sent = 0;
    long delivered = 0;
    JsonObject shards = stats.getJsonObject("shards");
    for (Map.Entry<String, long[]> e : sessions.entrySet()) {
      JsonObject perShard = shards.getJsonObject(Long.toString(e.getValue()[0]));
      JsonObject seen = perShard == null ? null : perShard.getJsonObject(e.getKey());
      if (seen == null) {
        continue;
      }
      sent += e.getValue()[1];
      delivered += Math.min(seen.getLong("distinct"), e.getValue()[1]);
    }
    return new long[] {sent, delivered, sent - delivered};
  }

  private static Ledger ledger(Settings s, DiscordSimulator sim, JsonObject stats, long written, Rest rest,
      long heapBefore, long heapAfter, long seconds) throws Exception {
    long[] l = lost(sessions(sim), stats);
    long resumes = sim.log().resumes().stream().filter(r -> r.accepted()).count();
    return new Ledger(s, written, l[0], l[1], l[2], stats.getLong("duplicates"), stats.getLong("bodyMismatches"),
        resumes, sim.log().identifies().size(), rest.injected(), rest.skipped(), stats.getJsonObject("maxGapMs"),
        rest.calls.get(), rest.ok.get(), rest.failed.get(), heapBefore, heapAfter, seconds);
  }

  /**
   * REST traffic through the REST verticle (a GET of a channel every 1.1 s, inside the simulator's 5 per 5 s for the
   * route, so only the storms make calls retry or fail) and the fault tally.
   */
  static final class Rest {
    final Vertx vertx;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final Map<String, Integer> injected = new TreeMap<>();
    private int skipped;
    private final long timer;

    Rest(Vertx vertx, DiscordSimulator sim) {
      this.vertx = vertx;
      String guild = sim.world().guildIds().get(0);
      String path = "/channels/" + sim.world().textChannelId(guild);
      this.timer = vertx.setPeriodic(1_100, t -> {
        calls.incrementAndGet();
        vertx.eventBus().<JsonObject>request(dev.cordbus.api.rest.RestAddresses.REQUEST, RestCall.of("GET", path).toJson(),
            new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(30_000)).onComplete(ar -> {
              if (ar.succeeded() && ar.result().body().getInteger("status", 0) / 100 == 2) {
                ok.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            });
      });
    }

    synchronized void count(Fault f, boolean done) {
      if (done) {
        injected.merge(f.name().toLowerCase(), 1, Integer::sum);
      } else {
        skipped++;
      }
    }

    synchronized Map<String, Integer> injected() {
      return new TreeMap<>(injected);
    }

    synchronized int skipped() {
      return skipped;
    }

    void stop() throws InterruptedException {
      vertx.cancelTimer(timer);
      Thread.sleep(2_000); // the last calls' retries
    }
  }

  private static long heapMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  private static <T> T onContext(BotNodeMain.Recorder r, java.util.concurrent.Callable<T> action) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    r.ctx().runOnContext(v -> {
      try {
        f.complete(action.call());
      } catch (Exception e) {
        f.completeExceptionally(e);
      }
    });
    return f.get(10, TimeUnit.SECONDS);
  }

  private static void onContext(BotNodeMain.Recorder r, Runnable action) throws Exception {
    onContext(r, () -> {
      action.run();
      return null;
    });
  }

  static <T> T await(Future<T> f, int seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
