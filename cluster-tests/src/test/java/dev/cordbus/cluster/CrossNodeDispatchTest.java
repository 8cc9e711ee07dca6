package dev.cordbus.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.XmlConfigBuilder;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.dispatch.DispatchStreams;
import dev.cordbus.gateway.publish.FlowGate;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import dev.cordbus.testkit.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dispatch data plane across JVMs: the simulator and a gateway run in this JVM (the gateway on a clustered Vert.x,
 * real Hazelcast on 127.0.0.1), the consumers in bot JVMs ({@link XnodeBotMain}). Checks that bodies cross field for
 * field to three consumers on another node, that a shard's order holds across two addresses at a high rate (with
 * the old per-address clustered publish as the control), and that a late node gets everything after its
 * registration, and that a node whose consumer cannot keep up slows the gateway (flow control) instead of queueing
 * every batch. Figures are printed as {@code FIGURE} lines and written to {@code target/xnode-figures.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossNodeDispatchTest {

  private static final String MC = "MESSAGE_CREATE";
  private static final String TS = "TYPING_START";
  /** Dispatches streamed through the gateway in the order test (half of each type, alternating). */
  private static final int INTERLEAVED = 20_000;
  /** Dispatches per try of the old-path control, and the bound on its tries. */
  private static final int OLD_PATH_COUNT = 5_000;
  private static final int OLD_PATH_TRIES = 3;
  /**
   * Time given to the removal of the bot's consumers to reach the other nodes before new ones register, so that a
   * sending node's per-address subscriber lookup starts cold (Hazelcast entry events, throttled per address).
   */
  private static final long UNREGISTRATION_SETTLE_MS = 1_000;
  /** How long after its registration completed a late node may miss dispatches (propagation to the gateway). */
  private static final long LATE_WINDOW_MS = 500;

  private static Path clusterXml;
  private static Vertx simVertx;
  private static Vertx node;
  private static XnodeBot bot;
  private static DiscordSimulator streamSim;
  private static final List<String> figures = new ArrayList<>();
  private static double streamedPerSecond;

  @BeforeAll
  static void start() throws Exception {
    clusterXml = ClusterConfig.isolatedCopy();
    bot = XnodeBot.start("xnode-bot", clusterXml);
    Config hz = new XmlConfigBuilder(clusterXml.toString()).build();
    node = await(Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager(hz)).buildClustered(), 90);
    simVertx = Vertx.vertx();
    bot.await("NODE-READY", 90_000, "the bot node to join the cluster");
  }

  @AfterAll
  static void stop() throws Exception {
    if (!figures.isEmpty()) {
      Files.writeString(Path.of("target", "xnode-figures.md"), String.join("\n", figures) + "\n");
    }
    if (bot != null) {
      bot.close();
    }
    if (streamSim != null) {
      await(streamSim.close(), 20);
    }
    if (node != null) {
      await(node.close(), 30);
    }
    if (simVertx != null) {
      await(simVertx.close(), 20);
    }
  }

  private static void figure(String line) {
    figures.add("- " + line);
    System.out.println("FIGURE " + line);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. Bodies field for field, three consumers on another node

  @Test
  @Order(1)
  void everyFixtureBodyReachesThreeConsumersOnAnotherNodeFieldForField() throws Exception {
    Path fixtures = Path.of(System.getProperty("cordbus.fixtures", "../fixtures"));
    Path session = fixtures.resolve("session.jsonl");
    List<JsonObject> expected = new ArrayList<>();
    Set<String> events = new LinkedHashSet<>();
    for (String line : Files.readAllLines(session)) {
      JsonObject entry = new JsonObject(line);
      JsonObject frame = entry.getJsonObject("frame");
      if ("s2c".equals(entry.getString("dir")) && frame.getInteger("op") == 0) {
        events.add(frame.getString("t"));
        expected.add(frame);
      }
    }
    List<JsonObject> traffic = expected.stream().filter(f -> !FixtureChecks.SESSION_EVENTS.contains(f.getString("t"))).toList();

    List<String> threads = bot.reporters(events.stream().map(Addresses::dispatch).toList());
    assertEquals(3, new HashSet<>(threads).size(), "three consumers per address on three event loops: " + threads);

    DiscordSimulator sim = await(DiscordSimulator.start(simVertx, new SimulatorOptions().heartbeatIntervalMs(1000)
        .identifyWindowMs(50).world(World.fromFixtures(fixtures))), 30);
    String gateway = null;
    try {
      long opened = DispatchStreams.opened();
      gateway = XnodeGateway.deploy(node, sim, 53608447, "zlib-stream");
      // the gateway's first batches (READY...) go over the event bus while it opens its stream to the bot node; the
      // replayed traffic goes over the stream
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (DispatchStreams.opened() == opened && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(DispatchStreams.opened() > opened, "the gateway opened its dispatch stream to the bot node");
      long overBus = DispatchStreams.overBus();
      await(sim.scenario().replayFixtureSession(session), 60);
      // every consumer has at least the replayed traffic, and the counts have settled
      List<Integer> counts = waitForCounts(traffic.size(), 30_000);
      assertEquals(overBus, DispatchStreams.overBus(), "the replayed traffic went over the dispatch stream");
      long sessionSeq = XnodeGateway.liveSeq(sim, 0);

      Map<Integer, List<JsonObject>> byConsumer = bot.dump();
      assertEquals(Set.of(0, 1, 2), byConsumer.keySet(), "records of three consumers");
      for (int c = 0; c < 3; c++) {
        assertEquals(counts.get(c), byConsumer.get(c).size(), "consumer " + c + " dump = count");
        FixtureChecks.checkConsumer(c, byConsumer.get(c), traffic, expected, sessionSeq, sim.log());
      }
      // the three consumers saw the same dispatches in the same order, sharing one body per dispatch on their node
      for (int i = 0; i < byConsumer.get(0).size(); i++) {
        JsonObject a = byConsumer.get(0).get(i);
        for (int c = 1; c < 3; c++) {
          JsonObject b = byConsumer.get(c).get(i);
          assertEquals(a.getString("session") + "/" + a.getString("seq"), b.getString("session") + "/"
              + b.getString("seq"), "consumer " + c + " at " + i);
          assertEquals(a.getInteger("bodyId"), b.getInteger("bodyId"),
              "one body instance shared by the node's consumers, " + a.getString("event") + " at " + i);
        }
      }
      figure("fixture session on another node, over the gateway's dispatch stream: " + traffic.size()
          + " replayed dispatches (of " + counts.get(0)
          + " delivered incl. READY/RESUMED/GUILD_CREATE/GUILD_DELETE) to each of 3 consumers on " + threads
          + ": every body equal to the d sent (replayed ones: the fixture's) field for field, headers right, once");
    } finally {
      if (gateway != null) {
        await(node.undeploy(gateway), 30);
      }
      await(sim.close(), 20);
      bot.stopReporters();
    }
  }

  /** Polls the reporters' counts until each has at least {@code min} and they stopped changing. */
  private static List<Integer> waitForCounts(int min, long ms) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    List<Integer> previous = null;
    while (true) {
      List<Integer> counts = bot.counts();
      if (counts.stream().allMatch(n -> n >= min) && counts.equals(previous)) {
        return counts;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("consumers' counts " + counts + " after " + ms + " ms; expected >= " + min);
      }
      previous = counts;
      Thread.sleep(300);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. Per-shard order across two addresses on another node, and the old path as the control

  @Test
  @Order(2)
  void twoEventTypesInterleavedAtAHighRateKeepGatewayOrderOnAnotherNode() throws Exception {
    DiscordSimulator sim = streamSim();
    freshOrderConsumers();
    long streamedBefore = DispatchStreams.streamed();
    long overBusBefore = DispatchStreams.overBus();
    OrderChecks.Slabs slabs = OrderChecks.Slabs.now();
    double seconds = XnodeGateway.streamInterleaved(sim, INTERLEAVED);
    streamedPerSecond = INTERLEAVED / seconds;
    JsonObject order = bot.waitForOrder(INTERLEAVED, 60_000);
    long streamed = DispatchStreams.streamed() - streamedBefore;
    long overBus = DispatchStreams.overBus() - overBusBefore;
    figure(String.format("batches to the bot node during the interleaved stream: %d over the gateway's dispatch stream, "
        + "%d over the clustered event bus", streamed, overBus));
    assertTrue(streamed > 0 && overBus == 0, "the gateway sends to the bot node over its dispatch stream once up: "
        + streamed + " streamed, " + overBus + " over the event bus");
    figure(String.format("interleaved %s/%s through the gateway: %d dispatches written at %.0f/s; the bot node "
        + "(another JVM) received %d, reorderings across the two addresses: %d (%d dispatches late)", MC, TS,
        INTERLEAVED, streamedPerSecond, order.getInteger("n"), order.getLong("reorders"), order.getLong("displaced")));
    OrderChecks.onceInGatewayOrder(order, INTERLEAVED);
    // the gateway read the frames into a few reused slabs, and every body is still the one sent with its seq
    figure("interleaved stream: " + slabs.reusedFor(INTERLEAVED));
    OrderChecks.bodiesIntact(order, INTERLEAVED);
    assertEquals(XnodeGateway.liveSeq(sim, 0), order.getLong("max").longValue(), "up to the session's last seq: " + order);
    assertEquals(INTERLEAVED / 2, order.getJsonObject("counts").getInteger(MC), order.encode());
    assertEquals(INTERLEAVED / 2, order.getJsonObject("counts").getInteger(TS), order.encode());
  }

  /**
   * The control: the same interleaved stream published the old way, one clustered {@code publish} per dispatch on
   * {@code discord.<EVENT>} from this node (no batch, no relay), at the rate the gateway just streamed, to the same
   * consumers. Each try starts, like the test above, with freshly registered consumers; a try ends when the bot has
   * every dispatch. Where the reordering comes from (Vert.x 5.0 clustered event bus): the sending node resolves the
   * subscribers of each address separately, and while an address's lookup is cold (the first publish on it, or the
   * first after its consumers all went away, as in a bot redeploy) its messages wait for an asynchronous cluster
   * lookup while the other address's go out, so the two addresses' queues drain one after the other. The first try
   * is this node's first publish on both addresses, so its lookups are cold by construction; the later ones are cold
   * only if the consumers' removal reached this node before they registered again (within
   * {@link #UNREGISTRATION_SETTLE_MS}; on a loaded machine it sometimes does not). With warm lookups (the last run)
   * the old path kept the order in every run so far; the new path depends on neither.
   */
  @Test
  @Order(3)
  void controlTheOldPerAddressClusteredPublishReordersAcrossAddresses() throws Exception {
    double rate = streamedPerSecond > 0 ? streamedPerSecond : 5_000;
    long reorders = 0;
    List<String> perTry = new ArrayList<>();
    for (int t = 1; t <= OLD_PATH_TRIES; t++) {
      freshOrderConsumers();
      JsonObject order = oldPathTry("old-path-" + t, rate);
      perTry.add(order.getLong("reorders") + " (" + order.getLong("displaced") + " dispatches late)");
      reorders += order.getLong("reorders");
    }
    // the same once more without re-registering: the sending node's subscriber lookups are warm
    bot.clearOrder();
    JsonObject warm = oldPathTry("old-path-warm", rate);
    figure(String.format("old path (one clustered publish per dispatch and address, no relay), %d interleaved "
        + "dispatches per try at %.0f/s: reorderings across the two addresses per try after fresh consumer "
        + "registrations %s; with warm subscriber lookups %d (%d late)", OLD_PATH_COUNT, rate, perTry,
        warm.getLong("reorders"), warm.getLong("displaced")));
    assertTrue(reorders > 0, "the old path reordered within " + OLD_PATH_TRIES + " tries: " + perTry);
  }

  /** Publishes one try of the old path and returns the bot's order stats once it has everything. */
  private static JsonObject oldPathTry(String session, double rate) throws Exception {
    OldPathPublisher publisher = new OldPathPublisher(session, OLD_PATH_COUNT, rate);
    String id = await(node.deployVerticle(publisher), 30);
    try {
      await(publisher.done.future(), 60);
      JsonObject order = bot.waitForOrder(OLD_PATH_COUNT, 30_000);
      assertEquals(OLD_PATH_COUNT, order.getInteger("n"), "the old path delivered each dispatch: " + order);
      assertEquals(0, order.getInteger("missing"), order.encode());
      assertEquals(0L, order.getLong("duplicates"), order.encode());
      return order;
    } finally {
      await(node.undeploy(id), 30);
    }
  }

  /** The order consumers of both addresses, registered afresh (see {@link #UNREGISTRATION_SETTLE_MS}). */
  private static void freshOrderConsumers() throws Exception {
    bot.freshOrderConsumers(MC + "," + TS, UNREGISTRATION_SETTLE_MS);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. A node that joins late

  @Test
  @Order(4)
  void aNodeJoiningLateGetsEveryDispatchAfterItsRegistration() throws Exception {
    DiscordSimulator sim = streamSim();
    freshOrderConsumers(); // the node that is already there records too: the join must not disturb it
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong written = new AtomicLong();
    CompletableFuture<Void> streamed = new CompletableFuture<>();
    long streamStart = System.nanoTime();
    long streamDeadline = streamStart + TimeUnit.SECONDS.toNanos(90);
    XnodeGateway.stream(sim, stop, streamDeadline, written, streamed);
    XnodeBot late = null;
    try {
      late = XnodeBot.start("xnode-late", clusterXml, "--late", MC + "," + TS);
      long registeredNanos = Long.parseLong(late.await("REGISTERED ", 90_000, "the late node's registrations"));
      Thread.sleep(3_000);
      stop.set(true);
      streamed.get(60, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - streamStart) / 1e9;
      long last = XnodeGateway.liveSeq(sim, 0);
      JsonObject stats = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        stats = late.late();
        if (stats.containsKey("max") && stats.getLong("max") >= last) {
          break;
        }
        Thread.sleep(200);
      }
      assertNotNull(stats);
      assertTrue(stats.containsKey("firstSeq"), "the late node received dispatches: " + stats);
      double toFirstArrival = (stats.getLong("firstArrivalNanos") - registeredNanos) / 1e6;
      double toFirstRead = (stats.getLong("firstReadNanos") - registeredNanos) / 1e6;
      figure(String.format("late node: %d dispatches streamed over %.1f s at ~%.0f/s; registration done -> first "
          + "dispatch received %.1f ms (that dispatch was read by the gateway %.1f ms after the registration); then "
          + "seqs %d..%d: %d received, %d missing, %d duplicates", written.get(), seconds, written.get() / seconds,
          toFirstArrival, toFirstRead, stats.getLong("firstSeq"), stats.getLong("max"), stats.getLong("distinct"),
          stats.getLong("missing"), stats.getLong("duplicates")));
      assertEquals(last, stats.getLong("max").longValue(), "up to the session's last seq: " + stats);
      assertEquals(0L, stats.getLong("missing"), "every dispatch after the first one: " + stats);
      assertEquals(0L, stats.getLong("duplicates"), stats.encode());
      assertEquals(0L, stats.getLong("outOfOrder"), stats.encode());
      assertEquals(0L, stats.getLong("otherSessions"), stats.encode());
      assertTrue(toFirstRead <= LATE_WINDOW_MS, "dispatches the gateway read more than " + LATE_WINDOW_MS
          + " ms after the registration all arrive; the first one arrived was read " + toFirstRead + " ms after");
      assertTrue(stats.getLong("distinct") >= 1_000, "a few seconds of traffic after the registration: " + stats);
      JsonObject settled = bot.waitForOrder((int) written.get(), 30_000);
      assertEquals(written.get(), settled.getInteger("n").longValue(), "the node already there: " + settled);
      assertEquals(0L, settled.getLong("displaced"), "the node already there, in order: " + settled);
      assertEquals(0, settled.getInteger("missing"), settled.encode());
      assertEquals(last, settled.getLong("max").longValue(), settled.encode());
    } finally {
      stop.set(true);
      if (late != null) {
        late.close();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // shared

  /** The simulator and gateway the stream tests share: one shard, MESSAGE_CREATE and TYPING_START pass. */
  // ---------------------------------------------------------------------------------------------------------------
  // 4. A node that cannot keep up slows the gateway instead of queueing what it cannot handle yet

  /** Dispatches streamed to the slow consumer, and the CPU it spends on each (about 2,000 a second). */
  private static final int SLOW_COUNT = 12_000;
  private static final long SLOW_MICROS = 500;

  @Test
  @Order(5)
  void aNodeThatCannotKeepUpSlowsTheGatewayInsteadOfQueueingEverything() throws Exception {
    DiscordSimulator sim = streamSim();
    bot.freshOrderConsumers(MC + "," + TS + " " + SLOW_MICROS, UNREGISTRATION_SETTLE_MS);
    double seconds = XnodeGateway.streamInterleaved(sim, SLOW_COUNT);
    JsonObject order = bot.waitForOrder(SLOW_COUNT, 90_000);
    long bound = FlowGate.WINDOW + 1024;
    figure(String.format("slow consumer (%d µs a dispatch, ~%d/s) on another node: %d dispatches streamed in %.1f s; "
        + "at most %d had reached that node's relay and not its consumer (flow window %d, bound checked %d)",
        SLOW_MICROS, 1_000_000 / SLOW_MICROS, SLOW_COUNT, seconds, order.getLong("maxBacklog"), FlowGate.WINDOW,
        bound));
    assertEquals(SLOW_COUNT, order.getInteger("n"), "every dispatch once: " + order);
    assertEquals(0L, order.getLong("reorders"), order.encode());
    assertEquals(0L, order.getLong("duplicates"), order.encode());
    assertEquals(0, order.getInteger("missing"), order.encode());
    assertTrue(order.getLong("maxBacklog") <= bound, "the node queued " + order.getLong("maxBacklog")
        + " dispatches it had not handled: the gateway did not wait for it (" + order + ")");
  }

  private static DiscordSimulator streamSim() throws Exception {
    if (streamSim == null) {
      streamSim = await(DiscordSimulator.start(simVertx, new SimulatorOptions().heartbeatIntervalMs(5000)
          .identifyWindowMs(50).world(World.small(7))), 30);
      XnodeGateway.deploy(node, streamSim, new JsonArray().add("GUILDS").add("GUILD_MESSAGES").add("GUILD_MESSAGE_TYPING")
          .add("MESSAGE_CONTENT"), "none");
    }
    return streamSim;
  }

  static <T> T await(Future<T> f, int seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
