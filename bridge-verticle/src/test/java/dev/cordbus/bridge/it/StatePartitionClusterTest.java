package dev.cordbus.bridge.it;

import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.model.MembersChunk;
import dev.cordbus.api.state.StateFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * State partitioned by shard group over a real Hazelcast cluster of separate JVMs on 127.0.0.1: JVM G runs the
 * simulator and the gateway (2 shards), JVMs S0 and S1 run one partitioned state verticle each (shard 0, shard 1),
 * and this JVM is a bot node with no gateway and no state. The bot receives every dispatch, its queries reach the
 * owner of the guild's shard, lists are gathered from both groups, its gateway commands (request guild members,
 * presence) are carried out on the right shards; and after S0 is killed with SIGKILL a new S0 rebuilds its cache
 * by asking the gateway to re-identify shard 0, answering REBUILDING (never a wrong "unknown guild") meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatePartitionClusterTest {

  static final int GUILDS = 6;
  /** Hazelcast notices a killed member within a few seconds instead of the default minute. */
  static final List<String> FAST_FAILURE_DETECTION = List.of("-Dhazelcast.max.no.heartbeat.seconds=6",
      "-Dhazelcast.heartbeat.interval.seconds=1");

  private static Path clusterXml;
  private static ChildProcess gateway;
  private static ChildProcess state0;
  private static ChildProcess state1;
  private static ChildProcess state0b;
  private static Vertx vertx;
  private static CordbusClient bot;
  /** Guild id to {id, shard, name, members}. */
  private static final Map<String, JsonObject> guilds = new ConcurrentHashMap<>();
  private static final List<JsonObject> shardReady = new CopyOnWriteArrayList<>();
  private static final List<JsonObject> sent = new CopyOnWriteArrayList<>();

  static ChildProcess stateNode(String name, int shard) throws Exception {
    JsonObject config = new JsonObject().put("shards", new JsonArray().add(shard)).put("shardCount", 2)
        .put("rebuildCheckMs", 500)
        .put("rebuildStallMs", 3000);
    return ChildProcess.start(name, withFlags(ChildProcess.java(clusterXml, PartitionNodeMain.class.getName(),
        "state", config.encode())), Path.of("."), Map.of(), List.of());
  }

  static List<String> withFlags(List<String> command) {
    List<String> c = new ArrayList<>(command);
    c.addAll(1, FAST_FAILURE_DETECTION);
    return c;
  }

  @BeforeAll
  static void startCluster() throws Exception {
    clusterXml = ClusterConfig.isolatedCopy();
    gateway = ChildProcess.start("partition-gateway", withFlags(ChildProcess.java(clusterXml,
        PartitionNodeMain.class.getName(), "gateway", "2", Integer.toString(GUILDS))), Path.of("."), Map.of(),
        List.of());
    state0 = stateNode("partition-state-0", 0);
    state1 = stateNode("partition-state-1", 1);
    System.setProperty("vertx.hazelcast.config", clusterXml.toString());
    System.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
    System.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager())
        .buildClustered().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
    bot = CordbusClient.create(vertx, 2_000);
    vertx.eventBus().<JsonObject>consumer(Addresses.SHARD_READY, m -> shardReady.add(m.body()));
    vertx.eventBus().<JsonObject>consumer(Addresses.SHARD_SENT, m -> sent.add(m.body()));
    gateway.await(l -> l.equals("NODE-READY"), 120_000, "NODE-READY from the gateway JVM");
    for (String line : gateway.lines()) {
      if (line.startsWith("GUILD ")) {
        JsonObject g = new JsonObject(line.substring(6));
        guilds.put(g.getString("id"), g);
      }
    }
    assertEquals(GUILDS, guilds.size());
    assertTrue(guilds.values().stream().anyMatch(g -> g.getInteger("shard") == 0)
        && guilds.values().stream().anyMatch(g -> g.getInteger("shard") == 1), "guilds on both shards: " + guilds);
    state0.await(l -> l.equals("STATE-UP"), 90_000, "STATE-UP from S0");
    state1.await(l -> l.equals("STATE-UP"), 90_000, "STATE-UP from S1");
    List<String> seen = new ArrayList<>();
    for (int shard = 0; shard < 2; shard++) { // a state JVM that started after READY has re-identified by now
      String id = onShard(shard).getString("id");
      eventually(() -> bot.state().guild(id), seen, 60_000);
    }
    System.out.println("state groups whole; failures while starting: " + summary(seen));
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (ChildProcess p : new ChildProcess[] {state0b, state1, state0, gateway}) {
      if (p != null && p.isAlive()) {
        p.tell("quit");
        if (p.terminate(20_000) == null) {
          p.close();
        }
      }
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  static JsonObject onShard(int shard) {
    return guilds.values().stream().filter(g -> g.getInteger("shard") == shard).findFirst().orElseThrow();
  }

  /**
   * Polls {@code query} until it succeeds; only REBUILDING (and timeouts of a request that went to a node that just
   * died) are acceptable failures meanwhile. Returns the codes seen.
   */
  static <T> T eventually(Supplier<Future<T>> query, List<String> seen, long ms) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (true) {
      try {
        return await(query.get());
      } catch (ExecutionException e) {
        StateFailure f = StateFailure.of(e.getCause());
        String code = f != null ? f.name() : e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        seen.add(code);
        assertTrue(f == StateFailure.REBUILDING || (f == null && String.valueOf(e.getCause().getMessage())
            .contains("Timed out")), "only REBUILDING or a timeout while an owner moves, got " + code);
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no answer within " + ms + " ms; seen " + seen);
        }
        Thread.sleep(250);
      }
    }
  }

  static Map<String, Long> summary(List<String> codes) {
    return codes.stream().collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.TreeMap::new,
        java.util.stream.Collectors.counting()));
  }

  @Test
  @Order(1)
  void aBotWithNoGatewayReceivesEveryDispatch() throws Exception {
    Map<String, TreeSet<Long>> seqs = new ConcurrentHashMap<>(); // per shard and session
    Map<Integer, Integer> perShard = new ConcurrentHashMap<>();
    List<String> contents = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
      contents.add(m.body().getString("content"));
      if (m.body().getString("content").startsWith("burst")) {
        int shard = Integer.parseInt(m.headers().get(Headers.SHARD));
        perShard.merge(shard, 1, Integer::sum);
        seqs.computeIfAbsent(shard + "/" + m.headers().get(Headers.SESSION), s -> new TreeSet<>())
            .add(Long.parseLong(m.headers().get(Headers.SEQ)));
      }
    }).completion());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (contents.stream().noneMatch(c -> c.startsWith("probe"))) { // the subscription has reached the gateway
      assertTrue(System.nanoTime() < deadline, "no probe arrived on the bot node");
      int from = gateway.lineCount();
      gateway.tell("probe");
      gateway.awaitFrom(from, l -> l.startsWith("PROBED"), 20_000, "PROBED");
      Thread.sleep(300);
    }
    int from = gateway.lineCount();
    gateway.tell("burst 300");
    String[] burst = gateway.awaitFrom(from, l -> l.startsWith("BURST"), 60_000, "BURST").split(" ");
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (contents.stream().filter(c -> c.startsWith("burst")).count() < 300 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(300); // duplicates would arrive now
    assertEquals(300, contents.stream().filter(c -> c.startsWith("burst")).count(), "each dispatch exactly once");
    assertEquals(Integer.parseInt(burst[1]), perShard.get(0), "shard 0 dispatches");
    assertEquals(Integer.parseInt(burst[2]), perShard.get(1), "shard 1 dispatches");
    seqs.forEach((session, s) -> assertEquals(s.size(), s.last() - s.first() + 1, session
        + ": no seq missing between " + s.first() + " and " + s.last()));
  }

  @Test
  @Order(2)
  void queriesFromAnyNodeReachTheOwnerAndListsAreGathered() throws Exception {
    List<String> seen = new ArrayList<>();
    for (int shard = 0; shard < 2; shard++) {
      JsonObject g = onShard(shard);
      assertEquals(g.getString("name"), eventually(() -> bot.state().guild(g.getString("id")), seen, 60_000).name());
      String user = g.getJsonArray("members").getString(1);
      assertEquals(user, await(bot.state().member(g.getString("id"), user)).user().id());
    }
    JsonArray all = eventually(() -> bot.state().guilds(), seen, 30_000);
    assertEquals(new TreeSet<>(guilds.keySet()), new TreeSet<>(all.stream()
        .map(o -> ((JsonObject) o).getString("id")).toList()), "guilds gathered from both state JVMs");
    int members = guilds.values().stream().mapToInt(g -> g.getJsonArray("members").size()).sum();
    JsonObject counts = await(bot.state().counts(null));
    assertEquals(GUILDS, counts.getInteger("guilds"), "counts summed over both groups: " + counts);
    assertEquals(members, counts.getInteger("members"), "every member came in GUILD_CREATE (GUILD_PRESENCES)");
  }

  @Test
  @Order(3)
  void gatewayCommandsFromANodeWithoutGatewayOrState() throws Exception {
    for (int shard = 0; shard < 2; shard++) {
      JsonObject g = onShard(shard);
      MembersChunk chunk = await(bot.state().requestMembers(g.getString("id"), "", 0, false));
      assertEquals(g.getJsonArray("members").size(), chunk.members().size(), "members of " + g);
    }
    sent.clear();
    await(bot.state().updatePresence("idle", null));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sent.stream().filter(s -> s.getInteger("op") == 3).count() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(Set.of(0, 1), sent.stream().filter(s -> s.getInteger("op") == 3).map(s -> s.getInteger("shard"))
        .collect(java.util.stream.Collectors.toSet()), "op 3 sent on both shards: " + sent);
  }

  @Test
  @Order(4)
  void aStateNodeKilledAndReplacedRebuildsByReidentifyingOnlyItsShard() throws Exception {
    JsonObject g0 = onShard(0);
    JsonObject g1 = onShard(1);
    shardReady.clear();
    ProcessHandle.of(state0.pid()).ifPresent(ProcessHandle::destroyForcibly);
    assertTrue(state0.terminate(10_000) != null, "S0 is gone");
    long killedAt = System.nanoTime();
    state0b = stateNode("partition-state-0b", 0);
    state0b.await(l -> l.equals("STATE-UP"), 90_000, "STATE-UP from the new S0");
    List<String> seen = new ArrayList<>();
    assertEquals(g0.getString("name"), eventually(() -> bot.state().guild(g0.getString("id")), seen, 60_000).name());
    long recoveredMs = (System.nanoTime() - killedAt) / 1_000_000;
    String user = g0.getJsonArray("members").getString(2);
    assertEquals(user, await(bot.state().member(g0.getString("id"), user)).user().id(), "members are back");
    assertEquals(GUILDS, await(bot.state().guilds()).size());
    assertEquals(g1.getString("name"), await(bot.state().guild(g1.getString("id"))).name());
    assertFalse(seen.contains(StateFailure.UNKNOWN_GUILD.name()), "never a stale answer: " + seen);
    List<Integer> readied = shardReady.stream().map(r -> r.getInteger("shard")).toList();
    assertEquals(List.of(0), readied, "only shard 0 re-identified: " + shardReady);
    System.out.printf("state failover: new S0 answered %d ms after the kill; failures meanwhile %s%n",
        recoveredMs, summary(seen));
  }
}
