package dev.cordbus.cluster;

import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;

import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster under test: the Discord simulator in this JVM (not clustered), one bot node (state verticle + recording
 * bot, no gateway) and gateway nodes, each {@code vertx run dev.cordbus.gateway.GatewayVerticle -conf ... -cluster
 * -ha -instances 4} through {@code io.vertx.core.Launcher} on this module's test classpath, all in one Hazelcast
 * cluster with a unique name.
 */
final class ClusterRig implements AutoCloseable {

  static final int SHARDS = 8;
  static final int GROUPS = 4;
  static final int MAX_CONCURRENCY = 4;
  /**
   * The simulator's heartbeat interval: long enough (a silent connection is closed after 15 s) that a stalled node's
   * socket stays open through the stall test, as Discord's would (it waits about 62 s), so the node wakes up with
   * frames in its kernel buffer.
   */
  static final int HEARTBEAT_MS = 10_000;
  /** The shipped gateway cluster configuration ({@code conf/gateway-cluster.json}): its lease settings are used as is. */
  static final JsonObject SHIPPED = shipped();
  static final long LEASE_TTL_MS = SHIPPED.getLong("leaseTtlMs");
  static final long LEASE_RENEW_MS = SHIPPED.getLong("leaseRenewMs");
  private static final Pattern CLAIMED = Pattern.compile("claimed shard group '([^']+)'");
  private static final Pattern RELEASED = Pattern.compile("(?:lost|handing|released) shard group '([^']+)'");

  final Vertx vertx = Vertx.vertx();
  final Path clusterXml;
  final Path gatewayConf;
  /** The options the gateway nodes run with. */
  final JsonObject gatewayOptions;
  final DiscordSimulator sim;
  final List<ChildProcess> gateways = new ArrayList<>();
  ChildProcess bot;
  private int bots;
  private int gatewaysStarted;

  ClusterRig() throws Exception {
    // the shipped failure detection (heartbeat 1 s, max-no-heartbeat 10 s), with a unique cluster name and ports
    this(Map.of());
  }

  /** A rig whose nodes run the shipped cluster configuration with these Hazelcast {@code properties} instead. */
  ClusterRig(Map<String, String> properties) throws Exception {
    this(properties, new JsonObject());
  }

  /** As {@link #ClusterRig(Map)}, the gateway nodes' options changed by {@code gateway}. */
  ClusterRig(Map<String, String> properties, JsonObject gateway) throws Exception {
    clusterXml = ClusterConfig.isolatedCopy(properties);
    // both connections stay open when a session is resumed elsewhere: the harder case for a node that wakes up
    sim = await(DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(HEARTBEAT_MS)
        .maxConcurrency(MAX_CONCURRENCY).closeOlderOnResume(false).world(worldOnEveryShard())), 30);
    // the shipped file with this test's intents, no transport compression and no raw frames
    JsonObject conf = SHIPPED.copy()
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MESSAGES").add("MESSAGE_CONTENT")
            .add("GUILD_MESSAGE_REACTIONS"))
        .put("compression", "none").put("publishRaw", false).mergeIn(gateway);
    if (conf.getInteger("groups") != GROUPS || conf.getInteger("shardCount") != SHARDS) {
      throw new IllegalStateException("conf/gateway-cluster.json changed its layout; update ClusterRig: " + conf);
    }
    gatewayOptions = conf;
    gatewayConf = Path.of("target", "gateway-cluster.json").toAbsolutePath();
    Files.writeString(gatewayConf, conf.encodePrettily());
  }

  private static JsonObject shipped() {
    try {
      return new JsonObject(Files.readString(ClusterConfig.root().resolve("conf/gateway-cluster.json")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The bot node's heap in use after a GC, in MiB. */
  long botHeapMb() throws Exception {
    int from = bot.lineCount();
    bot.tell("heap");
    return Long.parseLong(bot.awaitFrom(from, l -> l.startsWith("HEAP "), 30_000, "heap").substring(5).trim());
  }

  /** Tells the bot to start gap and first-arrival tracking from {@code nanos} (this host's monotonic clock). */
  void mark(long nanos) throws Exception {
    int from = bot.lineCount();
    bot.tell("mark " + nanos);
    bot.awaitFrom(from, l -> l.equals("MARKED"), 10_000, "mark");
  }

  /**
   * Two gateway nodes and a bot node for the split-brain tests: Hazelcast's failure detection as shipped (heartbeat
   * 1 s, silence 10 s), merges looked for every 2 s instead of 5 s; the gateways start first, so the oldest member
   * (the master) is a gateway node, not the bot that is frozen. The gateways' {@code stallLimitMs} is 1 s, so a test
   * can make one give its groups up with a stall too short for Hazelcast to suspect it (stalls of 4-5 s just after
   * a member left split the gateway nodes from each other in 2 runs of 17).
   */
  static ClusterRig forSplits() throws Exception {
    ClusterRig rig = new ClusterRig(Map.of(
        "hazelcast.merge.first.run.delay.seconds", "2",
        "hazelcast.merge.next.run.delay.seconds", "2"), new JsonObject().put("stallLimitMs", 1_000));
    rig.startGateways(1);
    rig.gateways.get(0).await(l -> l.contains("cluster features on"), 120_000, "the first gateway node deployed");
    rig.startGateways(1);
    rig.startBot();
    return rig;
  }

  /** The shard ids of auto groups named like {@code group-1-of-4}. */
  static java.util.Set<Integer> shardsOf(java.util.Collection<String> groups) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    for (String g : groups) {
      out.addAll(dev.cordbus.gateway.cluster.GroupLayout.shardsOf(Integer.parseInt(g.split("-")[1]), GROUPS, SHARDS));
    }
    return out;
  }

  /** Waits until all groups are held, every node holds at least one and every shard has one connection. */
  void waitForSpread(long ms, String what) throws InterruptedException {
    waitFor(() -> held().values().stream().mapToInt(List::size).sum() == GROUPS
        && held().values().stream().noneMatch(List::isEmpty) && everyShardConnectedOnce(), ms, () -> what
        + "; groups held per node " + held().values() + ", open connections per shard " + openConnections());
  }

  /** The simulator's open connections of each shard, in shard order. */
  List<Integer> openConnections() {
    List<Integer> out = new ArrayList<>();
    for (int s = 0; s < SHARDS; s++) {
      out.add(sim.log().openConnections(s));
    }
    return out;
  }

  /** A generated world with at least two guilds on each of the 8 shards, so traffic reaches every shard. */
  static World worldOnEveryShard() {
    for (long seed = 1; ; seed++) {
      World w = World.generate(32, 4, seed);
      int[] perShard = new int[SHARDS];
      for (String id : w.guildIds()) {
        perShard[(int) ((Long.parseLong(id) >> 22) % SHARDS)]++;
      }
      if (java.util.Arrays.stream(perShard).allMatch(n -> n >= 2)) {
        return w;
      }
    }
  }

  static <T> T await(Future<T> f, int seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  /** Starts a bot node and waits until it is deployed. */
  ChildProcess startBot() throws Exception {
    bot = ChildProcess.start("bot-" + (++bots), ChildProcess.java(clusterXml, BotNodeMain.class.getName()),
        Path.of(".").toAbsolutePath(), Map.of(), List.of());
    bot.await(l -> l.equals("BOT-READY"), 120_000, "bot node deployed");
    return bot;
  }

  /** Starts {@code n} gateway nodes at once (the README's command with {@code -ha -instances 4}). */
  void startGateways(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      List<String> cmd = ChildProcess.java(clusterXml, "io.vertx.core.Launcher", "run",
          "dev.cordbus.gateway.GatewayVerticle", "-conf", gatewayConf.toString(), "-cluster", "-cluster-host",
          "127.0.0.1", "-ha", "-instances", "4");
      gateways.add(ChildProcess.start("gateway-" + (++gatewaysStarted), cmd, Path.of(".").toAbsolutePath(),
          Map.of("DISCORD_TOKEN", sim.token(), "CORDBUS_REST_URL", sim.restBaseUrl(),
              "CORDBUS_GATEWAY_URL", sim.gatewayUrl()), List.of()));
    }
  }

  /** The groups each gateway node holds now, from its log (claims minus losses, handoffs and releases). */
  Map<ChildProcess, List<String>> held() {
    Map<ChildProcess, List<String>> out = new LinkedHashMap<>();
    for (ChildProcess g : gateways) {
      List<String> groups = new ArrayList<>();
      for (String line : g.lines()) {
        Matcher c = CLAIMED.matcher(line);
        Matcher r = RELEASED.matcher(line);
        if (c.find()) {
          groups.add(c.group(1));
        } else if (r.find()) {
          groups.remove(r.group(1));
        }
      }
      out.put(g, groups);
    }
    return out;
  }

  /** Whether every shard has exactly one connection at the simulator. */
  boolean everyShardConnectedOnce() {
    for (int s = 0; s < SHARDS; s++) {
      if (sim.log().openConnections(s) != 1) {
        return false;
      }
    }
    return true;
  }

  /** The bot's {@code STATS} json. */
  JsonObject botStats() throws Exception {
    int from = bot.lineCount();
    bot.tell("stats");
    String line = bot.awaitFrom(from, l -> l.startsWith("STATS "), 20_000, "stats");
    return new JsonObject(line.substring(6));
  }

  /**
   * Waits until the bot has every seq of every shard's live session; on timeout the failure shows what differs.
   */
  void waitForBotToHaveEverything(long ms, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    JsonObject stats = null;
    Map<Integer, JsonObject> sessions = null;
    while (System.nanoTime() < deadline) {
      stats = botStats();
      sessions = simSessions();
      if (botHasEverything(stats, sessions)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("timed out after " + ms + " ms waiting for " + what + "; simulator sessions "
        + sessions + "; bot " + (stats == null ? null : stats.getJsonObject("shards")));
  }

  /** Per shard, the simulator's live session: {@code {sessionId, seq, state}}. */
  Map<Integer, JsonObject> simSessions() throws Exception {
    Map<Integer, JsonObject> out = new HashMap<>();
    for (int s = 0; s < SHARDS; s++) {
      JsonArray list = await(sim.scenario().sessionsOfShard(s), 10);
      for (int i = 0; i < list.size(); i++) {
        if ("ACTIVE".equals(list.getJsonObject(i).getString("state"))) {
          out.put(s, list.getJsonObject(i));
        }
      }
    }
    return out;
  }

  /**
   * Whether the bot has seen, for every shard, each seq of the simulator's current session from the first it saw up
   * to the last the session issued.
   */
  boolean botHasEverything(JsonObject stats, Map<Integer, JsonObject> sessions) {
    for (int s = 0; s < SHARDS; s++) {
      JsonObject live = sessions.get(s);
      JsonObject seen = stats.getJsonObject("shards").getJsonObject(Integer.toString(s));
      if (live == null || seen == null || !seen.containsKey(live.getString("sessionId"))) {
        return false;
      }
      JsonObject mine = seen.getJsonObject(live.getString("sessionId"));
      if (mine.getLong("max").longValue() != live.getLong("seq").longValue() || mine.getLong("missing") != 0L) {
        return false;
      }
    }
    return true;
  }

  static void waitFor(BooleanSupplier condition, long ms, String what) throws InterruptedException {
    waitFor(condition, ms, () -> what);
  }

  /** Waits for {@code condition}; on timeout the message says what was awaited and what the cluster looked like. */
  static void waitFor(BooleanSupplier condition, long ms, java.util.function.Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + ms + " ms waiting for " + what.get());
      }
      Thread.sleep(100);
    }
  }

  /** Sends SIGSTOP or SIGCONT to a child by its pid. */
  static void signal(ChildProcess p, String sig) throws Exception {
    Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO().start();
    if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
      throw new IllegalStateException("kill -" + sig + " " + p.pid() + " failed");
    }
  }

  @Override
  public void close() throws Exception {
    gateways.forEach(ChildProcess::close);
    if (bot != null) {
      bot.close();
    }
    await(sim.close(), 20);
    await(vertx.close(), 20);
  }
}
