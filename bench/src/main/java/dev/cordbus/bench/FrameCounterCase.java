package dev.cordbus.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that only counts WebSocket frames (no inflating, no parsing): the simulator's emit ceiling. It IDENTIFYs
 * on the first frame and heartbeats blindly every {@value #HEARTBEAT_MS} ms. Ready = HELLO + READY + one frame per
 * GUILD_CREATE.
 */
final class FrameCounterCase implements ClientCase {

  static final long HEARTBEAT_MS = 10_000;

  private Vertx vertx;
  private WebSocketClient client;

  @Override
  public CompletableFuture<Void> start(Spec spec, Counter counter) {
    vertx = Vertx.vertx();
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1024 * 1024)
        .setMaxMessageSize(16 * 1024 * 1024));
    CompletableFuture<Void> ready = new CompletableFuture<>();
    URI uri = URI.create(spec.gatewayUrl());
    String query = "/?v=10&encoding=json" + (spec.compression().equals("none") ? "" : "&compress=zlib-stream");
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
        .setURI((uri.getPath() == null ? "" : uri.getPath()) + query);
    AtomicInteger frames = new AtomicInteger();
    int warmup = spec.guilds() + 2;
    client.connect(o).onSuccess(ws -> {
      ws.frameHandler(f -> {
        if (!f.isFinal()) {
          return;
        }
        int n = frames.incrementAndGet();
        if (n == 1) {
          identify(ws, spec);
        } else if (n == warmup) {
          ready.complete(null);
        } else if (n > warmup) {
          counter.hit();
        }
      });
      vertx.setPeriodic(HEARTBEAT_MS, t -> ws.writeTextMessage("{\"op\":1,\"d\":null}"));
    }).onFailure(ready::completeExceptionally);
    return ready;
  }

  private static void identify(WebSocket ws, Spec spec) {
    JsonObject d = new JsonObject().put("token", spec.token()).put("intents", CordbusCase.intentMask())
        .put("properties", new JsonObject().put("os", "linux").put("browser", "cordbus-bench")
            .put("device", "cordbus-bench"));
    ws.writeTextMessage(new JsonObject().put("op", 2).put("d", d).encode());
  }

  @Override
  public JsonObject cached() {
    return new JsonObject();
  }

  @Override
  public void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
