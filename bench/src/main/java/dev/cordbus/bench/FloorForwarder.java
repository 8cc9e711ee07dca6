package dev.cordbus.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * The gateway JVM of {@value Cases#FLOOR_TWO_NODE}: a {@link FloorSocket} whose messages go, each behind a 4-byte
 * length, into one buffer per event-loop turn, written to the bot JVM's {@link FloorBotCase} server over one TCP
 * connection (the shape of cordbus's dispatch stream, without its header per dispatch, its pooled buffers or its
 * acknowledgements). The socket pauses while the connection's write queue is full.
 */
final class FloorForwarder {

  private final Vertx vertx;
  /** In a field: an unreferenced client is closed by GC. */
  private NetClient client;
  private NetSocket out;
  private FloorSocket socket;
  private Context context;
  private Buffer pending;

  FloorForwarder(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Connects to the bot JVM's port, then to the gateway; completes once both are open. */
  Future<Void> start(int botPort, ClientCase.Spec spec) {
    Context ctx = vertx.getOrCreateContext();
    context = ctx;
    client = vertx.createNetClient();
    socket = new FloorSocket(vertx, this::message);
    return Future.<Void>future(p -> ctx.runOnContext(v -> client.connect(botPort, "127.0.0.1").compose(s -> {
      out = s;
      return socket.connect(spec);
    }).<Void>mapEmpty().onComplete(p)));
  }

  private void message(byte[] bytes, int offset, int length) {
    if (pending == null) {
      pending = Buffer.buffer(1 << 16);
      context.runOnContext(v -> flush());
    }
    pending.appendInt(length).appendBytes(bytes, offset, length);
  }

  private void flush() {
    Buffer b = pending;
    pending = null;
    out.write(b);
    if (out.writeQueueFull()) {
      socket.socket().pause();
      out.drainHandler(v -> socket.socket().resume());
    }
  }

  Future<Void> close() {
    return socket == null ? Future.succeededFuture() : socket.close().eventually(() -> client.close());
  }
}
