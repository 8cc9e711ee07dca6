package dev.cordbus.bench;

import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulator in its own JVM, driven over stdin: {@code fire COUNT PER_SECOND} runs a firehose and answers
 * {@code FIRED {"written":n,"ms":t,"cpuSeconds":c,"wireBytes":b}} (c = this JVM's CPU time during the firehose,
 * rendering included; b = the bytes the gateway wrote to its sockets meanwhile, WebSocket headers included);
 * {@code quit} or end of input stops it. Args: {@code GUILDS MEMBERS [WARMUP [ZLIB [COMPRESSION]]]}: the
 * firehose is first warmed up with {@code WARMUP} dispatches per compression ({@link SimWarmup}, default 0; none,
 * zlib-stream and the run's {@code COMPRESSION}) before {@code SIM} is printed; {@code ZLIB} {@code deflate} turns
 * {@code firehoseSplice} off (default {@code splice}). The token comes from the environment variable {@value #TOKEN_ENV}.
 */
public final class SimChild {

  /** Environment variable carrying the simulated bot token to the children. */
  public static final String TOKEN_ENV = "CORDBUS_BENCH_TOKEN";

  private SimChild() {
  }

  public static void main(String[] args) throws Exception {
    int guilds = Integer.parseInt(args[0]);
    int members = Integer.parseInt(args[1]);
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    boolean splice = args.length <= 3 || !args[3].equals("deflate");
    String compression = args.length > 4 ? args[4] : "none";
    Vertx vertx = Vertx.vertx();
    try {
      SimulatorOptions options = new SimulatorOptions().world(World.generate(guilds, members, 42L))
          .tokens(List.of(System.getenv(TOKEN_ENV))).identifyWindowMs(0).firehoseSplice(splice);
      DiscordSimulator sim = DiscordSimulator.start(vertx, options).toCompletionStage().toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
      SimWarmup.run(vertx, sim, System.getenv(TOKEN_ENV), guilds, warmup, compression);
      System.out.println("SIM " + new JsonObject().put("rest", sim.restBaseUrl()).put("gateway", sim.gatewayUrl())
          .encode());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals("quit")) {
        String[] p = line.trim().split("\\s+");
        if (p.length == 3 && p[0].equals("fire")) {
          long t0 = System.nanoTime();
          long cpu0 = ClientChild.cpuNanos();
          long wire0 = sim.log().wireBytes();
          long written = sim.scenario().firehose(Integer.parseInt(p[1]), Integer.parseInt(p[2]))
              .toCompletionStage().toCompletableFuture().get(600, TimeUnit.SECONDS);
          System.out.println("FIRED " + new JsonObject().put("written", written)
              .put("ms", (System.nanoTime() - t0) / 1_000_000)
              .put("cpuSeconds", (ClientChild.cpuNanos() - cpu0) / 1e9)
              .put("wireBytes", sim.log().wireBytes() - wire0).encode());
        }
      }
    } catch (Exception e) {
      System.out.println("FAILED " + e);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
