package dev.cordbus.bench;

import dev.cordbus.simulator.DiscordSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms the simulator's firehose up before any client under test connects, so that the clients race a compiled
 * emitter rather than an interpreted one: for each compression, a throw-away session in the simulator's own JVM
 * (a Vert.x WebSocket that only counts messages) receives {@code count} firehose dispatches and closes with 1000,
 * which ends its session (it receives nothing of the measured runs); then it waits for the JIT to settle. Every wait is
 * bounded.
 */
final class SimWarmup {

  static final long STEP_TIMEOUT_MS = 120_000;
  static final long JIT_QUIET_MS = 300;
  static final long JIT_QUIET_MAX_MS = 10_000;

  private SimWarmup() {
  }

  /** Runs the warm-up for none, zlib-stream and {@code compression} (the run's); {@code count} 0 skips it. */
  static void run(Vertx vertx, DiscordSimulator sim, String token, int guilds, int count, String compression)
      throws Exception {
    if (count <= 0) {
      return;
    }
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    try {
      Set<String> compressions = new LinkedHashSet<>(List.of("none", "zlib-stream", compression));
      for (String c : compressions) {
        once(client, sim, token, guilds, count, c);
      }
      awaitJitQuiet();
    } finally {
      client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** Waits (at most {@value #JIT_QUIET_MAX_MS} ms) until the JIT has compiled nothing for {@value #JIT_QUIET_MS} ms. */
  private static void awaitJitQuiet() throws InterruptedException {
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long deadline = System.currentTimeMillis() + JIT_QUIET_MAX_MS;
    long last = jit.getTotalCompilationTime();
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(JIT_QUIET_MS);
      long now = jit.getTotalCompilationTime();
      if (now == last) {
        return;
      }
      last = now;
    }
  }

  private static void once(WebSocketClient client, DiscordSimulator sim, String token, int guilds, int count,
      String compression) throws Exception {
    AtomicLong messages = new AtomicLong();
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    CompletableFuture<Void> drained = new CompletableFuture<>();
    long warm = guilds + 2L;
    String query = "/?v=10&encoding=json" + (compression.equals("none") ? "" : "&compress=" + compression);
    // the handler goes on in the connect callback, on the event loop, before HELLO can be read
    WebSocket ws = client.connect(new WebSocketConnectOptions().setAbsoluteURI(sim.gatewayUrl() + query)).map(w -> {
      w.frameHandler(f -> {
        if (!f.isFinal() || !(f.isText() || f.isBinary() || f.isContinuation())) {
          return;
        }
        long n = messages.incrementAndGet();
        if (n == 1) {
          JsonObject d = new JsonObject().put("token", token).put("intents", CordbusCase.intentMask())
              .put("properties", new JsonObject().put("os", "linux").put("browser", "cordbus-bench-warmup")
                  .put("device", "cordbus-bench-warmup"));
          w.writeTextMessage(new JsonObject().put("op", 2).put("d", d).encode());
        } else if (n == warm) {
          loaded.complete(null);
        } else if (n == warm + count) {
          drained.complete(null);
        }
      });
      return w;
    }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      loaded.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      sim.scenario().firehose(count, 0).toCompletionStage().toCompletableFuture()
          .get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      drained.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } finally {
      ws.close((short) 1000, "warm-up done").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
