package dev.cordbus.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Case {@value Cases#FLOOR}: one JVM, a {@link FloorSocket} counting every message after the world (HELLO, READY and
 * one GUILD_CREATE per guild): Vert.x's WebSocket client and the inflater, with no JSON parsed, nothing published and
 * nothing cached. What it costs per dispatch is the floor of any Vert.x gateway client on this machine, cordbus's
 * gateway + state included.
 */
final class FloorCase implements ClientCase {

  private Vertx vertx;
  private FloorSocket socket;

  @Override
  public CompletableFuture<Void> start(Spec spec, Counter counter) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    vertx = Vertx.vertx();
    int world = spec.guilds() + 2;
    int[] seen = new int[1];
    socket = new FloorSocket(vertx, (bytes, offset, length) -> {
      if (++seen[0] == world) {
        ready.complete(null);
      }
      counter.hit();
    });
    vertx.runOnContext(v -> socket.connect(spec).onFailure(ready::completeExceptionally));
    return ready;
  }

  @Override
  public JsonObject cached() {
    return new JsonObject();
  }

  @Override
  public void stop() throws Exception {
    if (vertx != null) {
      socket.close().eventually(() -> vertx.close()).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    }
  }
}
