package dev.cordbus.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bot JVM of {@value Cases#FLOOR_TWO_NODE}, run by {@link ClientChild}: a clustered Vert.x like
 * {@link TwoNodeBotCase}'s, with a TCP server on 127.0.0.1 that the floor gateway JVM ({@link FloorForwarder}) writes
 * its batches to, each message behind a 4-byte length. It splits the stream into messages and counts them, nothing
 * more: no JSON, no state, no event-bus message. Its handshake address answers with the server's port.
 */
final class FloorBotCase implements ClientCase {

  private Vertx vertx;
  private NetServer server;
  /** Messages split so far (on the server's event loop), to know when the world is in. */
  private int counted;
  private volatile long readyAtMs;

  @Override
  public CompletableFuture<Void> start(Spec spec, Counter counter) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    int world = spec.guilds() + 2;
    BenchCluster.start(System.getenv(TwoNodeBotCase.CLUSTER_ENV),
        Integer.parseInt(System.getenv(TwoNodeBotCase.BASE_PORT_ENV))).compose(v -> {
          vertx = v;
          server = v.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0));
          server.connectHandler(s -> s.handler(new Splitter(() -> {
            counter.hit();
            if (!ready.isDone() && ++counted == world) {
              readyAtMs = System.currentTimeMillis();
              ready.complete(null);
            }
          })));
          return server.listen();
        }).compose(s -> vertx.eventBus().consumer(TwoNodeBotCase.PING, m -> m.reply(Integer.toString(s.actualPort())))
            .completion())
        .onSuccess(v -> System.out.println("CLUSTERED {}")).onFailure(ready::completeExceptionally);
    return ready;
  }

  /** Splits a stream of length-prefixed messages, calling {@code onMessage} for each. */
  static final class Splitter implements io.vertx.core.Handler<Buffer> {
    private final Runnable onMessage;
    /** The start of a message cut by the end of the last chunk, or null. */
    private Buffer carry;

    Splitter(Runnable onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    public void handle(Buffer chunk) {
      Buffer data = carry == null ? chunk : carry.appendBuffer(chunk);
      int at = 0;
      int n = data.length();
      while (n - at >= 4) {
        int length = data.getInt(at);
        if (n - at - 4 < length) {
          break;
        }
        at += 4 + length;
        onMessage.run();
      }
      carry = at == n ? null : data.getBuffer(at, n);
    }
  }

  @Override
  public JsonObject cached() {
    return new JsonObject();
  }

  @Override
  public JsonObject extra() {
    return new JsonObject().put("readyAtMs", readyAtMs);
  }

  @Override
  public void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
  }
}
