package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cordbus against JDA and @discordjs/ws on the same simulated stream. For each compression and each case it starts a
 * fresh simulator JVM and a fresh client ({@link ClientRun}: one JVM, two clustered JVMs for {@code two-node}, or the
 * Node.js client; same heap and GC flags), waits for the client to be ready, fires the firehose, collects the
 * client's figures and the load average around the case, and finally prints and writes the comparison table
 * ({@code <out>/<date>.md} and {@code <out>/latest.md}).
 */
public final class BenchMain {

  private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);

  static final long SIM_START_MS = 120_000;
  static final long FIRE_MS = 600_000;
  /** The pinned version in bench/node/package.json. */
  static final String DISCORDJS_WS_VERSION = "2.0.4";

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    BenchOptions o;
    try {
      o = BenchOptions.parse(args);
    } catch (BenchException e) {
      System.err.println("BenchMain: " + e.getMessage());
      System.exit(2);
      return;
    }
    String report = run(o);
    System.out.println(report);
  }

  /** Runs every (compression, case) and returns the markdown report (also written under {@code o.out()}). */
  public static String run(BenchOptions o) throws IOException {
    double load = MachineInfo.loadAverage();
    String machine = MachineInfo.describe(load);
    if (!MachineInfo.busyWarning(load, MachineInfo.cores()).isEmpty()) {
      LOG.warn("the machine is not quiet (load average {} at the start): other work disturbs the figures; run the"
          + " bench with nothing else building or testing", load);
    }
    Path logs = Files.createTempDirectory("cordbus-bench-");
    List<JsonObject> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (String compression : o.compressions()) {
      // round after round, so a drift of the machine's load touches every case alike
      Map<String, List<JsonObject>> runs = new java.util.LinkedHashMap<>();
      for (int round = 1; round <= o.repeat(); round++) {
        for (String kase : o.cases()) {
          if (!Cases.speaks(kase, compression)) {
            if (round == 1) {
              LOG.info("skipping {} ({}): {}", kase, compression, Cases.NO_ZSTD);
            }
            continue;
          }
          LOG.info("running {} ({}), {} guilds x {} members, {} events, round {} of {}", kase, compression,
              o.guilds(), o.members(), o.events(), round, o.repeat());
          try {
            JsonObject r = runOne(o, kase, compression, o.events(), o.rate(), false, logs);
            LOG.info("{} ({}): {}", kase, compression, r.encode());
            runs.computeIfAbsent(kase, k -> new ArrayList<>()).add(r);
          } catch (BenchException e) {
            LOG.warn("{} ({}) failed: {} (child logs in {})", kase, compression, e.getMessage(), logs);
            failures.add(kase + " (" + compression + "), round " + round + ": " + e.getMessage());
          }
        }
      }
      runs.values().forEach(rs -> results.add(ResultTable.median(rs)));
    }
    List<JsonObject> latencies = new ArrayList<>();
    if (o.latencyEvents() > 0) {
      for (String kase : List.of("latency", "latency-cluster")) {
        LOG.info("running {} at {}/s, {} events", kase, o.latencyRate(), o.latencyEvents());
        try {
          JsonObject r = runOne(o, kase, "zlib-stream", o.latencyEvents(), o.latencyRate(), true, logs);
          LOG.info("{}: {}", kase, r.encode());
          latencies.add(r);
        } catch (BenchException e) {
          LOG.warn("{} failed: {} (child logs in {})", kase, e.getMessage(), logs);
          failures.add(kase + ": " + e.getMessage());
        }
      }
    }
    String report = report(o, machine, results, latencies, failures);
    Files.createDirectories(o.out());
    Files.writeString(o.out().resolve(LocalDate.now() + ".md"), report);
    Files.writeString(o.out().resolve("latest.md"), report);
    return report;
  }

  static JsonObject runOne(BenchOptions o, String kase, String compression, int events, int perSecond,
      boolean latencyRun, Path logs) {
    double loadStart = MachineInfo.loadAverage();
    List<String> jvm = List.of("-Xms" + o.heap(), "-Xmx" + o.heap(), o.gcFlag(), "-Dcordbus.bench.gc=" + o.gc(),
        "-D" + BenchCluster.VERTX_METRICS + "=" + o.vertxMetrics());
    Map<String, String> env = Map.of(SimChild.TOKEN_ENV, "bench-" + UUID.randomUUID());
    String tag = kase.replace('+', '-') + "-" + compression;
    List<String> clientJvm = new ArrayList<>(jvm);
    clientJvm.addAll(BenchOptions.diagnosticJvmArgs());
    boolean warmPhase = latencyRun && perSecond > 0 && o.latencyWarmup() > 0;
    if (warmPhase) {
      clientJvm.add("-D" + ClientChild.LATENCY_MARK + "=true");
    }
    Path jfr = logs.resolve(tag + ".jfr");
    boolean profiled = o.profile() && !kase.equals(Cases.DISCORDJS);
    if (profiled) {
      clientJvm.addAll(Profiles.jfrFlags(jfr));
      clientJvm.add("-Dcordbus.bench.histogram=true");
    }
    Path nodeDir = null;
    if (kase.equals(Cases.DISCORDJS)) {
      nodeDir = NodeClient.dir();
      NodeClient.ensureInstalled(nodeDir);
    }
    // the latency run too: the simulator stands in for Discord, whose emitter is never cold; a cold one JIT-compiles
    // during the measured window, on the cores the clients need
    int warmup = o.simWarmup();
    try (Child sim = Child.start("simulator", jvm, SimChild.class, List.of(Integer.toString(o.guilds()),
        Integer.toString(o.members()), Integer.toString(warmup), o.simZlib(), compression), env,
        logs.resolve(tag + "-simulator.log"))) {
      JsonObject urls = new JsonObject(sim.await("SIM", SIM_START_MS + 2 * SimWarmup.STEP_TIMEOUT_MS));
      ClientCase.Spec where = new ClientCase.Spec(compression, urls.getString("rest"), urls.getString("gateway"),
          null, o.guilds(), o.members());
      List<String> args = List.of(compression, where.restBaseUrl(), where.gatewayUrl(), Integer.toString(o.guilds()),
          Integer.toString(o.members()));
      try (ClientRun client = switch (kase) {
        case Cases.TWO_NODE, Cases.FLOOR_TWO_NODE -> TwoNodeRun.start(kase, clientJvm,
            gatewayJvm(jvm, profiled, logs, tag), compression, where, env, logs, tag);
        case Cases.DISCORDJS -> new ClientRun.Single(Child.startCommand(kase, NodeClient.command(nodeDir, o.heap(),
            concat(args, List.of(Integer.toString(CordbusCase.intentMask())))), env, logs.resolve(tag + "-client.log")));
        default -> new ClientRun.Single(Child.start(kase, clientJvm, ClientChild.class, concat(List.of(kase), args),
            env, logs.resolve(tag + "-client.log")));
      }) {
        client.awaitReady();
        if (warmPhase) {
          // the JVMs' JIT compiles during the first seconds at the rate: a backlog built then is warm-up, not latency
          sim.send("fire " + o.latencyWarmup() + " " + perSecond);
          sim.await("FIRED", FIRE_MS);
          client.mark();
        }
        sim.send("fire " + events + " " + perSecond);
        JsonObject fired = new JsonObject(sim.await("FIRED", FIRE_MS));
        JsonObject r = client.finish();
        sim.send("quit");
        r.put("written", fired.getLong("written")).put("fireMs", fired.getLong("ms"))
            .put("wireBytes", fired.getLong("wireBytes", 0L))
            .put("simCpuSeconds", fired.getDouble("cpuSeconds", 0.0));
        if (profiled) {
          client.close(); // the children write their JFR recordings as they exit
          r.put("hottest", Cases.twoNodes(kase) ? "bot JVM:\n\n" + hottest(jfr) + "\ngateway JVM:\n\n"
              + hottest(logs.resolve(tag + "-gateway.jfr")) : hottest(jfr));
        }
        return r.put("loadStart", loadStart).put("loadEnd", MachineInfo.loadAverage());
      }
    }
  }

  /** The two-node gateway JVM's flags: the same as every client's, its own JFR file when profiling. */
  private static List<String> gatewayJvm(List<String> jvm, boolean profiled, Path logs, String tag) {
    List<String> flags = concat(jvm, BenchOptions.diagnosticJvmArgs());
    return profiled ? concat(flags, Profiles.jfrFlags(logs.resolve(tag + "-gateway.jfr"))) : flags;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String hottest(Path jfr) {
    try {
      return Profiles.hottest(jfr, 15) + "\n    C2 compilations by area, then by method:\n\n"
          + Profiles.compilations(jfr, 15);
    } catch (IOException e) {
      return "    no JFR recording: " + e.getMessage();
    }
  }

  /** One line per cordbus result with the gateway's flow-control figures (two-node: its JVM's). Pure. */
  static List<String> flowLines(List<JsonObject> results) {
    List<String> out = new ArrayList<>();
    for (JsonObject r : results) {
      JsonObject flow = r.getJsonObject("parts", new JsonObject()).getJsonObject("gateway", new JsonObject())
          .getJsonObject("flow", r.getJsonObject("extra", new JsonObject()).getJsonObject("flow"));
      if (flow != null) {
        out.add(String.format(java.util.Locale.ROOT, "- %s (%s): %,d pauses, %.2f s paused", r.getString("case"),
            r.getString("compression"), flow.getLong("pauses", 0L), flow.getDouble("pausedSeconds", 0.0)));
      }
    }
    return out;
  }

  static String report(BenchOptions o, String machine, List<JsonObject> results, List<JsonObject> latencies,
      List<String> failures) {
    StringBuilder b = new StringBuilder();
    b.append("# cordbus vs JDA ").append(net.dv8tion.jda.api.JDAInfo.VERSION).append(" and @discordjs/ws ")
        .append(DISCORDJS_WS_VERSION).append(", ").append(LocalDate.now()).append("\n\n");
    b.append("World ").append(o.guilds()).append(" guilds × ").append(o.members()).append(" members; firehose of ")
        .append(o.events()).append(" dispatches (85% ~1.4 KB MESSAGE_CREATE, the rest GUILD_MEMBER_UPDATE,"
            + " PRESENCE_UPDATE, MESSAGE_REACTION_ADD) ").append(o.rate() > 0 ? "at " + o.rate() + " dispatches/s"
            : "at full speed").append(". Each row: a fresh simulator JVM and a fresh"
            + " client JVM (two for two-node), `-Xms").append(o.heap()).append(" -Xmx").append(o.heap())
        .append(' ').append(o.gcFlag()).append("`; discordjs: `node --expose-gc --max-old-space-size=")
        .append(NodeClient.heapMiB(o.heap())).append("`. The simulator first warms its firehose up with ")
        .append(o.simWarmup()).append(" dispatches per compression on a throw-away session; under zlib-stream it ")
        .append(o.simZlib().equals("splice") ? "splices pre-deflated frames into each connection's stream (each piece"
            + " compressed on its own: a valid stream, a lower ratio than Discord's long shared context)"
            : "deflates every frame through the connection's context").append(". The cordbus cases' Vert.x runs with")
        .append(o.vertxMetrics() ? " its Micrometer metrics on, as `java -jar cordbus.jar` builds it (event-bus meters"
            + " per address; `--vertx-metrics true`)" : "out Vert.x's Micrometer metrics, which `java -jar cordbus.jar`"
            + " turns on (`--vertx-metrics true` measures that)").append(".\n\n");
    if (o.compressions().contains("zstd-stream")) {
      b.append("zstd-stream: the simulator compresses every frame through the connection's zstd context (level ")
          .append(dev.cordbus.simulator.gateway.ZstdStreamEncoder.LEVEL).append(", flushed per message); ")
          .append(Cases.NO_ZSTD).append(".\n\n");
    }
    b.append("Machine: ").append(machine).append(".\n\n");
    b.append(ResultTable.table(results)).append('\n');
    b.append(ResultTable.LEGEND).append("\n\n");
    List<String> repeats = ResultTable.repeats(results);
    if (!repeats.isEmpty()) {
      b.append("Each case ran ").append(o.repeat()).append(" times, round after round; each row is the run with the"
          + " median CPU µs/event (whole run), and the ratios compare those runs. Every run, in the order they"
          + " ran:\n");
      repeats.forEach(l -> b.append(l).append('\n'));
      b.append('\n');
    }
    b.append("Targets:\n");
    ResultTable.verdicts(results).forEach(l -> b.append(l).append('\n'));
    List<String> byCompression = ResultTable.compressions(results);
    if (!byCompression.isEmpty()) {
      b.append("\nBy compression:\n");
      byCompression.forEach(l -> b.append(l).append('\n'));
    }
    List<String> flow = flowLines(results);
    if (!flow.isEmpty()) {
      b.append("\nFlow control (the gateway's groups paused reading while the consumers of its own JVM or, two-node,")
          .append(" the bot node were more than ").append(dev.cordbus.gateway.publish.FlowGate.WINDOW)
          .append(" dispatches behind), during the firehose:\n");
      flow.forEach(l -> b.append(l).append('\n'));
    }
    if (!latencies.isEmpty()) {
      b.append("\n## Delivery latency at ").append(o.latencyRate()).append(" dispatches/s (zlib-stream, ")
          .append(o.latencyEvents()).append(" dispatches measured, MESSAGE_CREATE timed; ")
          .append(o.latencyWarmup() > 0 ? "after a warm-up phase of " + o.latencyWarmup() + " dispatches at the same"
              + " rate, handled by every handler before the measured phase starts)\n\n"
              : "the first " + ClientChild.LATENCY_WARMUP + " MESSAGE_CREATE excluded as warm-up)\n\n");
      b.append("From the gateway reading the frame (`received-nanos` header) to the bot handler running;"
          + " the same node is a consumer on the gateway's Vert.x; the other node is a separate JVM (BotNodeMain)"
          + " in the gateway's Hazelcast cluster, reached over the gateway's dispatch stream (TCP on 127.0.0.1); both JVMs"
          + " read the host's monotonic clock. Collector: `" + o.gcFlag() + "` in every JVM. GC pauses = the"
          + " stop-the-world pauses of the JVM running that handler (the gateway's JVM for the same node) that ended"
          + " while its events were measured; a pause of P ms at 5,000 events/s holds about 5 × P events. CPU while"
          + " measured = that JVM's thread CPU from the start of the measured phase to its summary, in cores busy on"
          + " average (the JIT compiler threads, the collector's, the rest); the machine has "
          + Runtime.getRuntime().availableProcessors() + " cores, which the simulator's JVM shares (and, clustered,"
          + " both JVMs): a compiler still at work takes them from the handlers.\n\n");
      b.append(LatencyTable.table(latencies)).append('\n');
      LatencyTable.verdicts(latencies).forEach(l -> b.append(l).append('\n'));
    }
    if (o.profile()) {
      b.append("\n## Profiles (JFR execution samples of each client JVM, whole process; its C2 compilations, each"
          + " timed by JFR on the compiler thread; live-heap histogram after the run)\n");
      for (JsonObject r : results) {
        b.append("\n### ").append(r.getString("case")).append(" (").append(r.getString("compression"))
            .append(")\n\nHottest methods:\n\n").append(r.getString("hottest", "")).append("\nHeap:\n\n");
        r.getString("histogram", "").lines().forEach(l -> b.append("    ").append(l).append('\n'));
      }
    }
    if (!failures.isEmpty()) {
      b.append("\nFailed runs:\n");
      failures.forEach(f -> b.append("- ").append(f).append('\n'));
    }
    return b.toString();
  }
}
