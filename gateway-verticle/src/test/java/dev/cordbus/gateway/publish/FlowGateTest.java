package dev.cordbus.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The flow gate on a real WebSocket (a server on 127.0.0.1 sending a frame every millisecond, bounded): more than
 * {@link FlowGate#WINDOW} dispatches behind pauses reading, an acknowledgement back within {@link FlowGate#RESUME_AT}
 * resumes it, and a pause that runs out resumes by itself and tells its owner (which stops waiting for the nodes
 * still behind: {@code RelayLedgerTest}).
 */
class FlowGateTest {

  private static final int FRAMES = 20_000;
  private final Vertx vertx = Vertx.vertx();
  private WebSocketClient client;

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void farBehindPausesTheSocketsAndAnAcknowledgementOrTheMaxPauseResumesThem() throws Exception {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .webSocketHandler(ws -> {
          AtomicInteger sent = new AtomicInteger();
          long timer = vertx.setPeriodic(1, t -> {
            if (sent.incrementAndGet() <= FRAMES && !ws.isClosed()) {
              ws.writeTextMessage("{\"op\":11}");
            }
          });
          ws.closeHandler(v -> vertx.cancelTimer(timer));
        });
    int port = await(server.listen()).actualPort();
    Context ctx = ((io.vertx.core.internal.VertxInternal) vertx).createEventLoopContext();
    AtomicInteger timeouts = new AtomicInteger();
    FlowGate gate = on(ctx, () -> new FlowGate(vertx, "g", FlowGate.WINDOW, 400, timeouts::incrementAndGet));
    client = vertx.createWebSocketClient();
    AtomicInteger received = new AtomicInteger();
    WebSocket ws = await(on(ctx, () -> client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(port).setURI("/"))));
    ws.textMessageHandler(m -> received.incrementAndGet());
    on(ctx, () -> {
      gate.watch(ws);
      return null;
    });
    waitFor(() -> received.get() > 20);

    on(ctx, () -> {
      gate.sent(FlowGate.WINDOW); // at the window: still reading
      return null;
    });
    assertFalse(gate.paused());
    on(ctx, () -> {
      gate.sent(FlowGate.WINDOW + 1);
      return null;
    });
    assertTrue(gate.paused());
    Thread.sleep(50); // what was already read is delivered
    int atPause = received.get();
    Thread.sleep(200);
    assertEquals(atPause, received.get(), "nothing read while paused");
    on(ctx, () -> {
      gate.acknowledged(FlowGate.RESUME_AT + 1); // still too far behind
      return null;
    });
    assertTrue(gate.paused());
    on(ctx, () -> {
      gate.acknowledged(FlowGate.RESUME_AT);
      return null;
    });
    assertFalse(gate.paused());
    waitFor(() -> received.get() > atPause + 20);
    assertEquals(1, gate.pauses());

    on(ctx, () -> {
      gate.sent(FlowGate.WINDOW * 10); // a node that stops answering
      return null;
    });
    assertTrue(gate.paused());
    waitFor(() -> !gate.paused()); // after 400 ms, by itself
    assertTrue(gate.pausedMs() >= 400, "paused " + gate.pausedMs() + " ms");
    assertEquals(1, timeouts.get(), "the owner heard that the pause ran out");
    int afterTimeout = received.get();
    waitFor(() -> received.get() > afterTimeout + 20);
    on(ctx, () -> {
      gate.sent(FlowGate.WINDOW * 10); // the owner still reports a node that far behind: paused again
      return null;
    });
    assertTrue(gate.paused());
    on(ctx, () -> {
      gate.close();
      return null;
    });
    assertFalse(gate.paused());
    FlowGate never = on(ctx, () -> new FlowGate(vertx, "g0", 0, 400, timeouts::incrementAndGet));
    on(ctx, () -> {
      never.watch(ws); // flowWindow 0: never pauses
      never.sent(Long.MAX_VALUE);
      return null;
    });
    assertFalse(never.paused());
    FlowGate small = on(ctx, () -> new FlowGate(vertx, "g100", 100, 400, timeouts::incrementAndGet));
    on(ctx, () -> {
      small.watch(ws);
      small.sent(101);
      return null;
    });
    assertTrue(small.paused(), "a window of 100");
    on(ctx, () -> {
      small.acknowledged(50);
      return null;
    });
    assertFalse(small.paused(), "resumed at half of it");
    int atClose = received.get();
    waitFor(() -> received.get() > atClose + 20);
  }

  private static <T> T on(Context ctx, Supplier<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    ctx.runOnContext(v -> {
      try {
        result.complete(work.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(done.getAsBoolean(), "timed out");
  }
}
