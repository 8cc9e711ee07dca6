package dev.cordbus.simulator.support;

import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers: start a simulator, await futures, read fixtures, poll conditions. */
public final class Sims {

  /** The fixtures' example token. */
  public static final String FIXTURE_TOKEN = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs";

  private Sims() {
  }

  public static Path fixtures() {
    return Path.of(System.getProperty("cordbus.fixtures", "../fixtures"));
  }

  public static String fixture(String relative) throws Exception {
    return Files.readString(fixtures().resolve(relative), StandardCharsets.UTF_8);
  }

  /** Short heartbeat, short windows: test defaults. */
  public static SimulatorOptions fast() {
    return new SimulatorOptions().heartbeatIntervalMs(1000).identifyWindowMs(0).reconnectCloseDelayMs(500);
  }

  public static DiscordSimulator start(Vertx vertx, SimulatorOptions options) throws Exception {
    return await(DiscordSimulator.start(vertx, options));
  }

  public static <T> T await(Future<T> f) throws Exception {
    return await(f, 20);
  }

  /** Waits at most {@code seconds} (long streams on a loaded machine). */
  public static <T> T await(Future<T> f, int seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  /** Polls every 20 ms for at most {@code timeoutMs}. */
  public static void waitFor(BooleanSupplier c, long timeoutMs, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!c.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
