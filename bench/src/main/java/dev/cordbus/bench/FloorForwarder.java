package dev.cordbus.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetClient;

/**
 * The gateway JVM of {@value Cases#FLOOR_TWO_NODE}: a {@link FloorSocket} whose messages go, each behind a 4-byte
 * length, into one buffer per event-loop turn, written to the bot JVM's {@link FloorBotCase} server over one TCP
 * connection (the shape of cordbus's dispatch stream, without its header per dispatch, its pooled buffers or its
 * acknowledgements; like it, a pooled direct buffer per batch). The socket pauses while the connection's write queue
 * is full.
 */
final class FloorForwarder {

  private final Vertx vertx;
  /** In a field: an unreferenced client is closed by GC. */
  private NetClient client;
  private NetSocketInternal out;
  private FloorSocket socket;
  private Context context;
  /** This turn's messages, in a pooled direct buffer (released by Netty once written). */
  private ByteBuf pending;

  FloorForwarder(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Connects to the bot JVM's port, then to the gateway; completes once both are open. */
  Future<Void> start(int botPort, ClientCase.Spec spec) {
    Context ctx = vertx.getOrCreateContext();
    context = ctx;
    client = vertx.createNetClient(new io.vertx.core.net.NetClientOptions().setTcpNoDelay(true));
    socket = new FloorSocket(vertx, this::message);
    return Future.<Void>future(p -> ctx.runOnContext(v -> client.connect(botPort, "127.0.0.1").compose(s -> {
      out = (NetSocketInternal) s;
      return socket.connect(spec);
    }).<Void>mapEmpty().onComplete(p)));
  }

  private void message(byte[] bytes, int offset, int length) {
    if (pending == null) {
      pending = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 16);
      context.runOnContext(v -> flush());
    }
    pending.writeInt(length).writeBytes(bytes, offset, length);
  }

  private void flush() {
    ByteBuf b = pending;
    pending = null;
    out.writeMessage(b);
    if (out.writeQueueFull()) {
      socket.socket().pause();
      out.drainHandler(v -> socket.socket().resume());
    }
  }

  Future<Void> close() {
    return socket == null ? Future.succeededFuture() : socket.close().eventually(() -> client.close());
  }
}
