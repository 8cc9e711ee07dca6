package dev.cordbus.dist;

import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.rest.RestCall;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts each {@code vertx run} command the README gives, as a separate process on the test classpath with
 * {@code io.vertx.core.Launcher} as main (what {@code java -jar dist/target/cordbus.jar} runs), checks that it joined
 * the cluster and talks to a simulator started here, then stops it with SIGTERM and checks it exited cleanly.
 * The commands are {@link #COMMANDS}; the README quotes them (see bridge-verticle/README.md).
 */
class LauncherCommandsTest {

  /** The README commands, after {@code java ... -jar dist/target/cordbus.jar}: role → arguments. */
  static final Map<String, List<String>> COMMANDS = Map.of(
      "demo", List.of("run", "dev.cordbus.dist.DemoVerticle", "-conf", "conf/demo.json"),
      "gateway", List.of("run", "dev.cordbus.gateway.GatewayVerticle", "-conf", "conf/gateway.json",
          "-cluster", "-cluster-host", "127.0.0.1"),
      "state", List.of("run", "dev.cordbus.state.StateVerticle", "-conf", "conf/state.json",
          "-cluster", "-cluster-host", "127.0.0.1"),
      "rest", List.of("run", "dev.cordbus.rest.RestVerticle", "-conf", "conf/rest.json",
          "-cluster", "-cluster-host", "127.0.0.1"),
      "bot", List.of("run", "dev.cordbus.example.ExampleBotVerticle", "-conf", "conf/bot.json",
          "-cluster", "-cluster-host", "127.0.0.1"),
      "bridge", List.of("run", "dev.cordbus.bridge.BridgeVerticle", "-conf", "conf/bridge.json",
          "-cluster", "-cluster-host", "127.0.0.1"));

  private static final String SECRET = "launcher-test-secret-0123456789";
  private static Path clusterXml;
  private static Vertx vertx;
  private static DiscordSimulator sim;
  private static final List<ChildProcess> started = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    clusterXml = ClusterConfig.isolatedCopy();
    System.setProperty("vertx.hazelcast.config", clusterXml.toString());
    vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager())
        .buildClustered().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
    sim = await(DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(1000)
        .world(World.generate(2, 5, 11L))));
  }

  @AfterAll
  static void stop() throws Exception {
    started.forEach(ChildProcess::close);
    if (sim != null) {
      await(sim.close());
    }
    if (vertx != null) {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Starts the README command of {@code role} from the repository root with {@code env}; config may be swapped. */
  private static ChildProcess launch(String role, Map<String, String> env, Path confOverride) throws Exception {
    List<String> args = new ArrayList<>(COMMANDS.get(role));
    if (confOverride != null) {
      args.set(args.indexOf("-conf") + 1, confOverride.toString());
    }
    List<String> cmd = ChildProcess.java(clusterXml, "io.vertx.core.Launcher", args.toArray(String[]::new));
    ChildProcess p = ChildProcess.start("vertx-run-" + role, cmd, ClusterConfig.root(), env,
        List.of("DISCORD_TOKEN", "CORDBUS_REST_URL", "CORDBUS_GATEWAY_URL", BridgeAddresses.SECRET_ENV));
    started.add(p);
    return p;
  }

  private static Map<String, String> discordEnv() {
    return Map.of("DISCORD_TOKEN", sim.token(), "CORDBUS_REST_URL", sim.restBaseUrl(),
        "CORDBUS_GATEWAY_URL", sim.gatewayUrl());
  }

  /** Repeats {@code attempt} every 500 ms until it succeeds (60 s at most): cluster handshakes take a moment. */
  private static <T> T retry(Supplier<Future<T>> attempt, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        return attempt.get().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        last = e;
        Thread.sleep(500);
      }
    }
    throw new AssertionError("no " + what + " within 60 s: " + last);
  }

  /** SIGTERM, then: exited within 30 s with 0 or 143 (JVM exit on SIGTERM after its hooks), no error logged. */
  private static void stopsCleanly(ChildProcess p) throws Exception {
    int before = p.lineCount();
    Integer exit = p.terminate(30_000);
    assertNotNull(exit, "did not exit within 30 s of SIGTERM:\n" + p.tail(20));
    assertTrue(exit == 0 || exit == 143, "exit code " + exit + "\n" + p.tail(20));
    List<String> after = p.lines().subList(before, p.lineCount());
    assertFalse(after.stream().anyMatch(l -> l.contains(" ERROR ") || l.contains("Exception")),
        "errors while stopping:\n" + String.join("\n", after));
  }

  @Test
  void theseAreTheCommandsTheReadmeGives() throws Exception {
    String readme = Files.readString(ClusterConfig.root().resolve("README.md"));
    COMMANDS.forEach((role, args) -> assertTrue(readme.contains(String.join(" ", args)),
        "README.md no longer gives the " + role + " command this test starts: " + String.join(" ", args)));
  }

  @Test
  void gatewayNodeConnectsToTheSimulatorAndPublishesToTheCluster() throws Exception {
    int readies = sim.log().readies().size();
    JsonObject[] ready = new JsonObject[1];
    var consumer = vertx.eventBus().<JsonObject>consumer(Addresses.SHARD_READY, m -> ready[0] = m.body());
    await(consumer.completion());
    try {
      ChildProcess p = launch("gateway", discordEnv(), null);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (ready[0] == null && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(200);
      }
      assertNotNull(ready[0], "no discord.shard.ready reached this node from the gateway node:\n" + p.tail(30));
      assertTrue(sim.log().readies().size() > readies, "the simulator sent no READY");
      assertTrue(sim.log().identifies().stream().noneMatch(i -> i.toString().contains(sim.token())),
          "the token leaked into the simulator's log");
      int closures = sim.log().closures().size();
      stopsCleanly(p);
      // A clean stop closes the shard's WebSocket itself instead of dropping the TCP connection.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (sim.log().closures().size() == closures && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertTrue(sim.log().closures().stream().skip(closures).anyMatch(c -> "client".equals(c.initiator())
          && (c.code() == 1000 || c.code() == 4000)), "no clean close seen by the simulator: "
          + sim.log().closures());
    } finally {
      await(consumer.unregister());
    }
  }

  @Test
  void restNodeAnswersRestCallsFromTheCluster() throws Exception {
    ChildProcess p = launch("rest", discordEnv(), null);
    p.await(l -> l.contains("Succeeded in deploying verticle"), 90_000, "the deployment");
    Message<JsonObject> reply = retry(() -> vertx.eventBus().<JsonObject>request(RestAddresses.REQUEST,
        RestCall.of("GET", "/users/@me").toJson(), new DeliveryOptions().setSendTimeout(4000)), "REST reply");
    assertEquals(200, reply.body().getInteger("status"));
    assertTrue(sim.log().restRequests().stream().anyMatch(r -> "/api/v10/users/@me".equals(r.getString("path"))),
        "the simulator saw no GET /users/@me");
    stopsCleanly(p);
  }

  @Test
  void stateNodeAnswersQueriesFromTheCluster() throws Exception {
    ChildProcess p = launch("state", Map.of(), null);
    p.await(l -> l.contains("Succeeded in deploying verticle"), 90_000, "the deployment");
    Object answer = retry(() -> vertx.eventBus().request(StateAddresses.GUILDS, new JsonObject(),
        new DeliveryOptions().setSendTimeout(4000)).map(m -> (Object) m.body())
        .recover(e -> e instanceof ReplyException r && r.failureType() == io.vertx.core.eventbus.ReplyFailure
            .RECIPIENT_FAILURE ? Future.succeededFuture(r.getMessage()) : Future.failedFuture(e)),
        "state query answer");
    assertNotNull(answer);
    stopsCleanly(p);
  }

  @Test
  void bridgeNodeDeliversClusterEventsOverTcp() throws Exception {
    int tcpPort = freePort();
    int sockjsPort = freePort();
    JsonObject conf = new JsonObject(Files.readString(ClusterConfig.root().resolve("conf/bridge.json")));
    conf.getJsonObject("tcp").put("port", tcpPort);
    conf.getJsonObject("sockjs").put("port", sockjsPort);
    Path confCopy = Path.of("target", "bridge-launcher.json").toAbsolutePath();
    Files.writeString(confCopy, conf.encodePrettily());
    ChildProcess p = launch("bridge", Map.of(BridgeAddresses.SECRET_ENV, SECRET), confCopy);
    p.await(l -> l.contains("bridge ready"), 90_000, "the bridge's ready line");
    assertFalse(p.lines().stream().anyMatch(l -> l.contains(SECRET)), "the secret was printed");

    NetClient client = vertx.createNetClient();
    try {
      NetSocket socket = await(client.connect(tcpPort, "127.0.0.1"));
      List<JsonObject> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
      Buffer[] pending = {Buffer.buffer()};
      socket.handler(b -> {
        pending[0].appendBuffer(b);
        while (pending[0].length() >= 4 && pending[0].length() >= 4 + pending[0].getInt(0)) {
          int len = pending[0].getInt(0);
          frames.add(pending[0].getBuffer(4, 4 + len).toJsonObject());
          pending[0] = pending[0].getBuffer(4 + len, pending[0].length());
        }
      });
      Buffer register = new JsonObject().put("type", "register").put("address", Addresses.SHARD_READY)
          .put("headers", new JsonObject().put(BridgeAddresses.DEFAULT_SECRET_HEADER, SECRET)).toBuffer();
      socket.write(Buffer.buffer().appendInt(register.length()).appendBuffer(register));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (frames.isEmpty() && System.nanoTime() < deadline) {
        vertx.eventBus().publish(Addresses.SHARD_READY, new JsonObject().put("shard", 0).put("shardCount", 1));
        Thread.sleep(200);
      }
      assertFalse(frames.isEmpty(), "no cluster event reached the TCP client of the bridge node:\n" + p.tail(20));
      assertEquals(Addresses.SHARD_READY, frames.get(0).getString("address"));
    } finally {
      await(client.close());
    }
    stopsCleanly(p);
  }

  @Test
  void demoRunsAgainstItsOwnSimulator() throws Exception {
    ChildProcess p = launch("demo", Map.of(), null);
    p.await(l -> l.contains("demo running"), 120_000, "the demo's running line");
    p.await(l -> l.contains("READY on shard"), 60_000, "the example bot's READY line");
    stopsCleanly(p);
  }

  @Test
  void botNodeAnswersPingThroughAClusteredGatewayAndRest() throws Exception {
    ChildProcess p = launch("bot", Map.of(), null);
    p.await(l -> l.contains("Succeeded in deploying verticle"), 90_000, "the deployment");
    stopsCleanly(p);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
