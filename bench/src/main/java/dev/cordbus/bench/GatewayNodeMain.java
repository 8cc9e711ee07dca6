package dev.cordbus.bench;

import dev.cordbus.gateway.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The gateway JVM of the {@code two-node} case: a clustered Vert.x joining the bot JVM's cluster
 * ({@link TwoNodeBotCase}) with the {@link GatewayVerticle} alone. Before deploying it, it asks the bot node's
 * handshake address until a reply comes back (the bot's consumers are registered by then, and the first cross-node
 * message, which can take 0.5–0.8 s, is behind us: a publish finding no consumer would be dropped). Args:
 * {@code CLUSTER BASE_PORT COMPRESSION REST_URL GATEWAY_URL GUILDS MEMBERS [floor]}; token from
 * {@link SimChild#TOKEN_ENV}. With {@value #FLOOR} it runs a {@link FloorForwarder} to the port the bot node's
 * handshake answers with ({@link FloorBotCase}) instead of the gateway verticle.
 * Prints {@code DEPLOYING {"atMs":..,"handshakeMs":..}} (wall clock) and {@code STARTED {}}; on stdin {@code arm}
 * it notes its CPU time, starts a {@link CpuTrace} and prints {@code ARMED {}}; on {@code done [FROM TO]} it prints
 * {@code RESULT {"cpuRunSeconds":..,"halfCpuSeconds":..,"cpuTotalSeconds":..,"heapBytes":..}} (half: its CPU between
 * the two {@code System.nanoTime()} instants, the bot's second half; -1 without them) and exits.
 */
public final class GatewayNodeMain {

  static final long HANDSHAKE_TIMEOUT_MS = 60_000;
  static final long PING_TIMEOUT_MS = 2_000;
  /** The last argument that makes this JVM the floor's gateway ({@link Cases#FLOOR_TWO_NODE}). */
  static final String FLOOR = "floor";

  private GatewayNodeMain() {
  }

  /** The flow control's pauses and seconds paused, summed over the groups ({@code /metrics}' counters). */
  record Flow(double pauses, double seconds) {

    static Flow now(Vertx vertx) {
      var registry = dev.cordbus.ops.Ops.of(vertx).registry();
      return new Flow(sum(registry, dev.cordbus.gateway.ops.GroupMonitor.FLOW_PAUSES),
          sum(registry, dev.cordbus.gateway.ops.GroupMonitor.FLOW_PAUSED_SECONDS));
    }

    private static double sum(io.micrometer.core.instrument.MeterRegistry registry, String name) {
      return registry.find(name).functionCounters().stream().mapToDouble(c -> c.count()).sum();
    }

    JsonObject since(Flow armed) {
      return new JsonObject().put("pauses", (long) (pauses - armed.pauses)).put("pausedSeconds", seconds - armed.seconds);
    }
  }

  public static void main(String[] args) throws Exception {
    ClientCase.Spec spec = new ClientCase.Spec(args[2], args[3], args[4], System.getenv(SimChild.TOKEN_ENV),
        Integer.parseInt(args[5]), Integer.parseInt(args[6]));
    Vertx vertx = null;
    try {
      vertx = BenchCluster.start(args[0], Integer.parseInt(args[1])).toCompletionStage().toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      String answer = handshake(vertx);
      long handshakeMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("DEPLOYING " + new JsonObject().put("atMs", System.currentTimeMillis())
          .put("handshakeMs", handshakeMs).encode());
      boolean floor = args.length > 7 && args[7].equals(FLOOR);
      Future<?> started = floor ? new FloorForwarder(vertx).start(Integer.parseInt(answer), spec)
          : vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions()
              .setConfig(CordbusCase.gatewayConfig(spec)));
      started.toCompletionStage().toCompletableFuture().get(ClientChild.READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      System.out.println("STARTED {}");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      long cpuArmed = ClientChild.cpuNanos();
      ThreadCpu.Split threadsArmed = ThreadCpu.now();
      MemoryTouch touchArmed = MemoryTouch.now();
      CpuTrace trace = null;
      Flow flowArmed = Flow.now(vertx);
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("arm")) {
          cpuArmed = ClientChild.cpuNanos();
          threadsArmed = ThreadCpu.now();
          touchArmed = MemoryTouch.now();
          flowArmed = Flow.now(vertx);
          trace = CpuTrace.start();
          System.out.println("ARMED {}");
        } else if (line.startsWith("done")) {
          long cpuRun = ClientChild.cpuNanos() - cpuArmed;
          // "done FROM TO": the bot's second half (System.nanoTime() of this host), whose CPU here is wanted too
          String[] window = line.split(" ");
          double half = trace == null || window.length < 3 ? -1
              : trace.secondsBetween(Long.parseLong(window[1]), Long.parseLong(window[2]));
          System.out.println("RESULT " + new JsonObject().put("cpuRunSeconds", cpuRun / 1e9)
              .put("halfCpuSeconds", half)
              .put("threads", ThreadCpu.now().minus(threadsArmed).json())
              .put("memory", MemoryTouch.now().since(touchArmed))
              .put("cpuTotalSeconds", ClientChild.cpuNanos() / 1e9)
              .put("flow", Flow.now(vertx).since(flowArmed))
              .put("heapBytes", ClientChild.usedHeapAfterGc()).encode());
          break;
        }
      }
    } catch (Exception e) {
      System.out.println("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      }
    }
    System.exit(0);
  }

  /** Asks the bot node until it answers; returns its answer. */
  private static String handshake(Vertx vertx) throws Exception {
    long deadline = System.currentTimeMillis() + HANDSHAKE_TIMEOUT_MS;
    Exception last = null;
    while (System.currentTimeMillis() < deadline) {
      try {
        return String.valueOf(vertx.eventBus().request(TwoNodeBotCase.PING, "ping", new DeliveryOptions()
            .setSendTimeout(PING_TIMEOUT_MS)).toCompletionStage().toCompletableFuture()
            .get(PING_TIMEOUT_MS + 1_000, TimeUnit.MILLISECONDS).body());
      } catch (Exception e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new BenchException(BenchException.Kind.TIMEOUT, "the bot node never answered " + TwoNodeBotCase.PING
        + " within " + HANDSHAKE_TIMEOUT_MS + " ms: " + last);
  }
}
