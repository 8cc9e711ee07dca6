package dev.cordbus.simulator;

import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * Command line: {@code java -cp ... dev.cordbus.simulator.SimulatorMain [--port N] [--guilds G] [--members M]
 * [--shards S] [--heartbeat-ms H] [--lively-ms L] [--seed X]}. Prints the REST and gateway URLs and the token, runs
 * until killed.
 */
public final class SimulatorMain {

  private SimulatorMain() {
  }

  public static void main(String[] args) throws Exception {
    SimulatorOptions options = new SimulatorOptions();
    int guilds = 3;
    int members = 25;
    long seed = SimulatorOptions.DEFAULT_WORLD_SEED;
    long livelyMs = 0;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        usage();
        return;
      }
      if (i + 1 >= args.length) {
        fail("missing value after " + flag);
      }
      String v = args[++i];
      try {
        switch (flag) {
          case "--port" -> options.port(Integer.parseInt(v));
          case "--host" -> options.host(v);
          case "--guilds" -> guilds = Integer.parseInt(v);
          case "--members" -> members = Integer.parseInt(v);
          case "--shards" -> options.recommendedShards(Integer.parseInt(v));
          case "--heartbeat-ms" -> options.heartbeatIntervalMs(Integer.parseInt(v));
          case "--lively-ms" -> livelyMs = Long.parseLong(v);
          case "--seed" -> seed = Long.parseLong(v);
          case "--token" -> options.tokens(java.util.List.of(v));
          default -> fail("unknown flag " + flag);
        }
      } catch (NumberFormatException e) {
        fail(flag + " needs a number, got '" + v + "'");
      }
    }
    options.world(World.generate(guilds, members, seed));
    Vertx vertx = Vertx.vertx();
    DiscordSimulator sim;
    try {
      sim = DiscordSimulator.start(vertx, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      fail(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      return;
    }
    if (livelyMs > 0) {
      sim.scenario().lively(livelyMs);
    }
    System.out.println("REST    " + sim.restBaseUrl());
    System.out.println("gateway " + sim.gatewayUrl() + "/?v=10&encoding=json");
    System.out.println("token   " + sim.token() + "  (simulated; accepted by this simulator only)");
    System.out.println("guilds  " + sim.world().guildIds().size() + " x " + members + " members, "
        + options.recommendedShards() + " recommended shard(s)");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        sim.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // shutting down anyway
      }
      vertx.close();
    }));
    Thread.currentThread().join();
  }

  private static void usage() {
    System.out.println("usage: SimulatorMain [--port N] [--host H] [--guilds G] [--members M] [--shards S]"
        + " [--heartbeat-ms H] [--lively-ms L] [--seed X] [--token T]");
  }

  private static void fail(String message) {
    System.err.println("SimulatorMain: " + message);
    usage();
    System.exit(2);
  }
}
