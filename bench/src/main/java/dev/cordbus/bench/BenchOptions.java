package dev.cordbus.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of {@link BenchMain}: {@code --guilds G --members M --events F --heap 1g
 * --cases frames,floor,floor-two-node,gateway,gateway+state,gateway+state-nomsg,two-node,jda,discordjs
 * --compression none,zlib-stream,zstd-stream
 * --out bench/results --latency-events 25000 --latency-rate 5000 --latency-warmup 25000 --sim-warmup 30000
 * --sim-zlib splice}; the latency run first fires {@code --latency-warmup} dispatches at the same rate, waits until
 * every handler has handled them and gone idle, then measures the {@code --latency-events} that follow
 * ({@code --latency-warmup 0}: one phase, the first 5,000 MESSAGE_CREATE of each handler excluded instead);
 * {@code --latency-events 0} skips the latency run; {@code --cases none} runs only the latency run; {@code --sim-warmup 0} skips warming the simulator's firehose up;
 * {@code --sim-zlib deflate} makes the firehose deflate every frame through the connection's zlib context instead of
 * splicing pre-deflated frames (Discord's compression ratio, a much lower emit ceiling); {@code --profile true}
 * records the Java clients with JFR and adds the hottest methods and a heap histogram; {@code --gc g1|zgc|shenandoah|parallel}
 * picks the garbage collector of every JVM of the run (G1 by default; the same for every case); {@code --rate R} paces
 * the firehose at R dispatches/s instead of full speed (CPU per event at a bot's usual load rather than at
 * saturation; the latency run keeps its own rate); {@code --repeat N} runs every case N times, round after round,
 * and reports for each the run with the median CPU per event (with every run's figure beside it);
 * {@code --vertx-metrics true} builds the cordbus cases' Vert.x with its Micrometer metrics on, as {@code java -jar
 * cordbus.jar} does (event-bus meters per address), where by default they are off.
 */
public record BenchOptions(int guilds, int members, int events, String heap, List<String> cases,
    List<String> compressions, Path out, int latencyEvents, int latencyRate, int latencyWarmup, boolean profile,
    int simWarmup,
    String simZlib, String gc, int rate, int repeat, boolean vertxMetrics) {

  public static final int DEFAULT_GUILDS = 100;
  public static final int DEFAULT_MEMBERS = 100;
  public static final int DEFAULT_EVENTS = 50_000;
  public static final String DEFAULT_HEAP = "1g";
  public static final List<String> DEFAULT_CASES = Cases.ALL;
  public static final List<String> DEFAULT_COMPRESSIONS = List.of("none", "zlib-stream", "zstd-stream");
  /** Every transport compression the gateway and the simulator speak. */
  public static final List<String> COMPRESSIONS = DEFAULT_COMPRESSIONS;
  public static final Path DEFAULT_OUT = Path.of("bench", "results");
  public static final int DEFAULT_LATENCY_EVENTS = 25_000;
  public static final int DEFAULT_LATENCY_RATE = 5_000;
  /** Dispatches of the latency run's warm-up phase (same rate; handled and drained before the measured phase). */
  public static final int DEFAULT_LATENCY_WARMUP = 25_000;
  /** Firehose dispatches per compression the simulator sends itself before the clients connect (JIT warm-up). */
  public static final int DEFAULT_SIM_WARMUP = 30_000;
  /** How the firehose compresses under zlib-stream: {@code splice} (pre-deflated) or {@code deflate} (per frame). */
  public static final String DEFAULT_SIM_ZLIB = "splice";
  /** The garbage collector of every JVM of a run. */
  public static final String DEFAULT_GC = "g1";

  /** The JVM flag selecting {@link #gc()}. */
  public String gcFlag() {
    return gcFlag(gc);
  }

  /** The JVM flag selecting the collector named {@code gc} (g1, zgc, shenandoah or parallel). */
  public static String gcFlag(String gc) {
    return switch (gc) {
      case "zgc" -> "-XX:+UseZGC";
      case "shenandoah" -> "-XX:+UseShenandoahGC";
      case "parallel" -> "-XX:+UseParallelGC";
      default -> "-XX:+UseG1GC";
    };
  }

  /** Parses the flags; throws {@link BenchException} naming the bad flag. */
  public static BenchOptions parse(String[] args) {
    int guilds = DEFAULT_GUILDS;
    int members = DEFAULT_MEMBERS;
    int events = DEFAULT_EVENTS;
    String heap = DEFAULT_HEAP;
    List<String> cases = DEFAULT_CASES;
    List<String> compressions = DEFAULT_COMPRESSIONS;
    Path out = DEFAULT_OUT;
    int latencyEvents = DEFAULT_LATENCY_EVENTS;
    int latencyRate = DEFAULT_LATENCY_RATE;
    int latencyWarmup = DEFAULT_LATENCY_WARMUP;
    boolean profile = false;
    int simWarmup = DEFAULT_SIM_WARMUP;
    String simZlib = DEFAULT_SIM_ZLIB;
    String gc = DEFAULT_GC;
    int rate = 0;
    int repeat = 1;
    boolean vertxMetrics = false;
    for (int i = 0; i < args.length; i += 2) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw bad(flag, "needs a value");
      }
      String v = args[i + 1];
      switch (flag) {
        case "--guilds" -> guilds = positive(flag, v);
        case "--members" -> members = positive(flag, v);
        case "--events" -> events = positive(flag, v);
        case "--heap" -> heap = v;
        case "--cases" -> cases = v.equals("none") ? List.of() : List.of(v.split(","));
        case "--compression" -> compressions = List.of(v.split(","));
        case "--out" -> out = Path.of(v);
        case "--latency-events" -> latencyEvents = v.equals("0") ? 0 : positive(flag, v);
        case "--latency-rate" -> latencyRate = positive(flag, v);
        case "--latency-warmup" -> latencyWarmup = v.equals("0") ? 0 : positive(flag, v);
        case "--profile" -> profile = bool(flag, v);
        case "--sim-warmup" -> simWarmup = v.equals("0") ? 0 : positive(flag, v);
        case "--sim-zlib" -> simZlib = v;
        case "--gc" -> gc = v;
        case "--rate" -> rate = v.equals("0") ? 0 : positive(flag, v);
        case "--repeat" -> repeat = positive(flag, v);
        case "--vertx-metrics" -> vertxMetrics = bool(flag, v);
        default -> throw bad(flag, "unknown flag");
      }
    }
    for (String c : cases) {
      Cases.check(c);
    }
    for (String c : compressions) {
      if (!COMPRESSIONS.contains(c)) {
        throw bad("--compression", "none, zlib-stream or zstd-stream, got " + c);
      }
    }
    if (!simZlib.equals("splice") && !simZlib.equals("deflate")) {
      throw bad("--sim-zlib", "splice or deflate, got " + simZlib);
    }
    if (!List.of("g1", "zgc", "shenandoah", "parallel").contains(gc)) {
      throw bad("--gc", "g1, zgc, shenandoah or parallel, got " + gc);
    }
    if (!heap.matches("[0-9]+[kmgKMG]?")) {
      throw bad("--heap", "a -Xmx size like 1g, got " + heap);
    }
    return new BenchOptions(guilds, members, events, heap, cases, compressions, out, latencyEvents, latencyRate,
        latencyWarmup, profile,
        simWarmup, simZlib, gc, rate, repeat, vertxMetrics);
  }

  private static int positive(String flag, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(flag, "a positive integer, got " + v);
  }

  /** {@code true} or {@code false}; anything else fails, naming the flag (a typo must not switch a run's setup). */
  private static boolean bool(String flag, String v) {
    if (!v.equals("true") && !v.equals("false")) {
      throw bad(flag, "true or false, not " + v);
    }
    return v.equals("true");
  }

  private static BenchException bad(String flag, String why) {
    return new BenchException(BenchException.Kind.BAD_ARGUMENT, flag + ": " + why);
  }

  /**
   * Extra flags for every client JVM (the latency run's bot node too), from the system property
   * {@code cordbus.bench.jvmArgs} (space-separated, e.g. {@code -Xlog:safepoint:file=/tmp/sp-%p.log}), plus
   * {@code -Dcordbus.bench.timeline=DIR} when that property is set (the latency run then writes its per-event
   * timelines there). For diagnosis; the report does not show them.
   */
  static java.util.List<String> diagnosticJvmArgs() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String a : System.getProperty("cordbus.bench.jvmArgs", "").trim().split("\\s+")) {
      if (!a.isEmpty()) {
        out.add(a);
      }
    }
    String timeline = System.getProperty(TIMELINE);
    if (timeline != null) {
      out.add("-D" + TIMELINE + "=" + timeline);
    }
    String jvmArgs = System.getProperty("cordbus.bench.jvmArgs");
    if (jvmArgs != null) {
      out.add("-Dcordbus.bench.jvmArgs=" + jvmArgs); // for the JVMs a child starts (the latency run's bot node)
    }
    return out;
  }

  /** System property: a directory where the latency run writes each handler's per-event timeline. */
  static final String TIMELINE = "cordbus.bench.timeline";
}
