package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One client case in its own JVM. Args: {@code CASE COMPRESSION REST_URL GATEWAY_URL GUILDS MEMBERS}; token from
 * {@link SimChild#TOKEN_ENV}. Prints {@code READY {"readyMs":..}} once the world is loaded, then waits for
 * {@code done} on stdin (the firehose has been written), waits until no event arrived for {@value #IDLE_MS} ms
 * (bounded), and prints {@code RESULT {...}}: counts, rates, heap after GC, CPU seconds, cached guilds/members.
 */
public final class ClientChild {

  static final long IDLE_MS = 1000;
  static final long READY_TIMEOUT_MS = 180_000;
  static final long DRAIN_TIMEOUT_MS = 300_000;

  /**
   * Events dropped from the latency figures as warm-up when the run has no warm-up phase ({@code --latency-warmup 0}:
   * one second at 5,000/s); with a warm-up phase, every event of the measured phase counts.
   */
  static final int LATENCY_WARMUP = 5_000;

  private ClientChild() {
  }

  static ClientCase create(String name) {
    return switch (name) {
      case "frames" -> new FrameCounterCase();
      case "gateway" -> new CordbusCase(false);
      case "gateway+state" -> new CordbusCase(true);
      case "gateway+state-nomsg" -> new CordbusCase(true, new JsonObject().put("messageCacheSize", 0));
      case "jda" -> new JdaCase();
      case Cases.TWO_NODE_BOT -> new TwoNodeBotCase();
      case Cases.FLOOR -> new FloorCase();
      case Cases.FLOOR_TWO_NODE_BOT -> new FloorBotCase();
      case "latency" -> new LatencyCase(false, latencyWarmup());
      case "latency-cluster" -> new LatencyCase(true, latencyWarmup());
      default -> throw new BenchException(BenchException.Kind.BAD_ARGUMENT, "unknown case " + name);
    };
  }

  /** System property set by the bench when the latency run has a warm-up phase (measure from {@code mark} on). */
  static final String LATENCY_MARK = "cordbus.bench.latencyMark";

  /** -1 (measure from {@code mark}) with a warm-up phase, else {@link #LATENCY_WARMUP} events. */
  static int latencyWarmup() {
    return Boolean.getBoolean(LATENCY_MARK) ? -1 : LATENCY_WARMUP;
  }

  public static void main(String[] args) throws Exception {
    ClientCase c = create(args[0]);
    ClientCase.Spec spec = new ClientCase.Spec(args[1], args[2], args[3], System.getenv(SimChild.TOKEN_ENV),
        Integer.parseInt(args[4]), Integer.parseInt(args[5]));
    Counter counter = new Counter();
    try {
      long t0 = System.nanoTime();
      c.start(spec, counter).get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      long readyMs = (System.nanoTime() - t0) / 1_000_000;
      counter.arm();
      long cpuReady = cpuNanos();
      ThreadCpu.Split threadsReady = ThreadCpu.now();
      MemoryTouch touchReady = MemoryTouch.now();
      System.out.println("READY " + new JsonObject().put("readyMs", readyMs).encode());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      while ("mark".equals(line)) {
        awaitIdle(counter);
        c.mark();
        System.out.println("MARKED {}");
        line = in.readLine();
      }
      if (line == null || !line.startsWith("done")) {
        System.out.println("FAILED expected 'done', got " + line);
        return;
      }
      awaitIdle(counter);
      long cpuRun = cpuNanos() - cpuReady;
      JsonObject threads = ThreadCpu.now().minus(threadsReady).json();
      JsonObject touched = MemoryTouch.now().since(touchReady);
      JsonObject cached = c.cached();
      long heap = usedHeapAfterGc();
      System.out.println("RESULT " + new JsonObject().put("case", args[0]).put("compression", spec.compression())
          .put("events", counter.count()).put("rate", counter.rate()).put("rate2", counter.secondHalfRate())
          .put("half", counter.secondHalf())
          .put("readyMs", readyMs).put("heapBytes", heap).put("cpuRunSeconds", cpuRun / 1e9).put("threads", threads)
          .put("memory", touched)
          .put("cpuTotalSeconds", cpuNanos() / 1e9).put("cached", cached).put("extra", c.extra())
          .put("histogram", Boolean.getBoolean("cordbus.bench.histogram") ? Profiles.classHistogram(15) : null)
          .encode());
    } catch (Exception e) {
      System.out.println("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      c.stop();
      System.exit(0);
    }
  }

  /** Waits (bounded) until events were counted and none arrived for {@value #IDLE_MS} ms. */
  static void awaitIdle(Counter counter) throws InterruptedException {
    long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline
        && (counter.count() == 0 || System.nanoTime() - counter.lastNanos() < IDLE_MS * 1_000_000)) {
      Thread.sleep(50);
    }
  }

  static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
  }

  static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
