package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code two-node} case from the parent's side: the bot JVM ({@link ClientChild} running
 * {@link TwoNodeBotCase}) starts first and registers its consumers; then the gateway JVM ({@link GatewayNodeMain})
 * joins, shakes hands and deploys the gateway. Ready = the bot node's state holds every guild, timed from the
 * gateway's deployment (both JVMs' wall clocks, same host). The result is the bot's (events, rates, heap after GC of
 * the bot node, cached counts) with the CPU of both JVMs during the firehose summed, each part kept under
 * {@code parts}.
 */
final class TwoNodeRun implements ClientRun {

  private final Child bot;
  private final Child gateway;
  private final long deployingAtMs;
  private final long handshakeMs;
  /** {@link Cases#TWO_NODE} or {@link Cases#FLOOR_TWO_NODE}. */
  private final String kase;

  private TwoNodeRun(String kase, Child bot, Child gateway, JsonObject deploying) {
    this.kase = kase;
    this.bot = bot;
    this.gateway = gateway;
    this.deployingAtMs = deploying.getLong("atMs");
    this.handshakeMs = deploying.getLong("handshakeMs");
  }

  /**
   * Starts both JVMs of {@code kase} (the same flags but for profiling files); returns once the gateway is deploying.
   * The floor's JVMs ({@link Cases#FLOOR_TWO_NODE}) run {@link FloorBotCase} and {@link FloorForwarder} instead.
   */
  static TwoNodeRun start(String kase, List<String> botJvm, List<String> gatewayJvm, String compression,
      ClientCase.Spec where, Map<String, String> env, Path logs, String tag) {
    String cluster = BenchCluster.uniqueName();
    String basePort = Integer.toString(BenchCluster.randomBasePort());
    Map<String, String> botEnv = new HashMap<>(env);
    botEnv.put(TwoNodeBotCase.CLUSTER_ENV, cluster);
    botEnv.put(TwoNodeBotCase.BASE_PORT_ENV, basePort);
    List<String> common = List.of(compression, where.restBaseUrl(), where.gatewayUrl(),
        Integer.toString(where.guilds()), Integer.toString(where.members()));
    boolean floor = kase.equals(Cases.FLOOR_TWO_NODE);
    Child bot = Child.start(kase + " bot", botJvm, ClientChild.class,
        concat(List.of(floor ? Cases.FLOOR_TWO_NODE_BOT : Cases.TWO_NODE_BOT), common), botEnv,
        logs.resolve(tag + "-bot.log"));
    Child gateway = null;
    try {
      bot.await("CLUSTERED", ClientChild.READY_TIMEOUT_MS);
      gateway = Child.start(kase + " gateway", gatewayJvm, GatewayNodeMain.class,
          concat(concat(List.of(cluster, basePort), common), floor ? List.of(GatewayNodeMain.FLOOR) : List.of()), env,
          logs.resolve(tag + "-gateway.log"));
      return new TwoNodeRun(kase, bot, gateway,
          new JsonObject(gateway.await("DEPLOYING", ClientChild.READY_TIMEOUT_MS)));
    } catch (RuntimeException e) {
      bot.close();
      if (gateway != null) {
        gateway.close();
      }
      throw e;
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Override
  public void awaitReady() {
    bot.await("READY", ClientChild.READY_TIMEOUT_MS + 10_000);
    gateway.send("arm");
    gateway.await("ARMED", 30_000);
  }

  @Override
  public JsonObject finish() {
    bot.send("done");
    JsonObject b = new JsonObject(bot.await("RESULT", ClientChild.DRAIN_TIMEOUT_MS + 30_000));
    JsonObject half = b.getJsonObject("half");
    gateway.send(half == null ? "done" : "done " + half.getLong("fromNanos") + " " + half.getLong("toNanos"));
    JsonObject g = new JsonObject(gateway.await("RESULT", 60_000));
    return combine(kase, b, g, deployingAtMs, handshakeMs);
  }

  /** The figures {@code keys} of both JVMs' {@code part}, each summed; one measured by a single JVM is left out. */
  private static JsonObject sum(JsonObject bot, JsonObject gateway, String part, String... keys) {
    JsonObject b = bot.getJsonObject(part, new JsonObject());
    JsonObject g = gateway.getJsonObject(part, new JsonObject());
    JsonObject out = new JsonObject();
    for (String k : keys) {
      if (b.getValue(k) instanceof Number x && g.getValue(k) instanceof Number y) {
        boolean whole = !(x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float);
        out.put(k, whole ? (Object) (x.longValue() + y.longValue()) : (Object) (x.doubleValue() + y.doubleValue()));
      }
    }
    return out;
  }

  /** The bot's result as {@code kase}'s, with both JVMs' CPU summed and the parts kept. Pure. */
  static JsonObject combine(String kase, JsonObject bot, JsonObject gateway, long deployingAtMs, long handshakeMs) {
    JsonObject r = bot.copy().put("case", kase);
    long readyAt = bot.getJsonObject("extra", new JsonObject()).getLong("readyAtMs", 0L);
    if (readyAt > 0) {
      r.put("readyMs", readyAt - deployingAtMs);
    }
    r.put("cpuRunSeconds", bot.getDouble("cpuRunSeconds", 0.0) + gateway.getDouble("cpuRunSeconds", 0.0));
    r.put("cpuTotalSeconds", bot.getDouble("cpuTotalSeconds", 0.0) + gateway.getDouble("cpuTotalSeconds", 0.0));
    r.put("threads", sum(bot, gateway, "threads", "jitSeconds", "gcSeconds", "otherSeconds"));
    r.put("memory", sum(bot, gateway, "memory", "allocatedBytes", "minorFaults"));
    JsonObject half = bot.getJsonObject("half");
    double gatewayHalf = gateway.getDouble("halfCpuSeconds", -1.0);
    if (half != null) {
      // the second half's CPU of both JVMs; none when the gateway's trace did not cover the bot's window
      r.put("half", gatewayHalf < 0 ? null : half.copy().put("cpuSeconds", half.getDouble("cpuSeconds") + gatewayHalf)
          .put("gatewayCpuSeconds", gatewayHalf).put("botCpuSeconds", half.getDouble("cpuSeconds")));
    }
    r.put("parts", new JsonObject()
        .put("gateway", new JsonObject().put("cpuRunSeconds", gateway.getDouble("cpuRunSeconds", 0.0))
            .put("heapBytes", gateway.getLong("heapBytes", 0L)).put("flow", gateway.getJsonObject("flow"))
            .put("memory", gateway.getJsonObject("memory", new JsonObject())))
        .put("bot", new JsonObject().put("cpuRunSeconds", bot.getDouble("cpuRunSeconds", 0.0))
            .put("heapBytes", bot.getLong("heapBytes", 0L))
            .put("memory", bot.getJsonObject("memory", new JsonObject()))));
    r.put("extra", r.getJsonObject("extra", new JsonObject()).copy().put("handshakeMs", handshakeMs));
    return r;
  }

  @Override
  public void close() {
    bot.close();
    gateway.close();
  }
}
