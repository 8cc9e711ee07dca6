package dev.cordbus.bench;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The least a Vert.x gateway client can do per dispatch: a {@link WebSocketClient} with the gateway verticle's
 * options, reading the socket's frames, inflating them under zlib-stream, and handing each message's bytes to a
 * {@link Sink} without looking into them. It parses HELLO (for the heartbeat interval), IDENTIFYs, and heartbeats
 * with {@code d: null}; nothing else is read, kept or answered. The floor cases ({@link Cases#FLOOR},
 * {@link Cases#FLOOR_TWO_NODE}) measure with it what any client built on Vert.x pays before the first byte of JSON is
 * parsed: the bound under which no cordbus code can go.
 */
final class FloorSocket {

  /** Where each message's bytes go: {@code bytes[offset, offset + length)}, valid during the call only. */
  interface Sink {
    void message(byte[] bytes, int offset, int length);
  }

  /** zlib-stream's end of message: a sync flush. */
  private static final int SYNC_FLUSH = 0x0000ffff;

  private final Vertx vertx;
  private final Sink sink;
  /** In a field: an unreferenced client is closed by GC. */
  private WebSocketClient client;
  private WebSocket ws;
  private Inflater inflater;
  private byte[] out = new byte[1 << 16];
  private int outLength;
  /** A text message's frames until its final one (the gateway's messages fit one frame; kept for the rare split). */
  private Buffer partial;
  /** The heartbeat timer, started at HELLO (the first message); -1 before. */
  private long heartbeat = -1;

  FloorSocket(Vertx vertx, Sink sink) {
    this.vertx = vertx;
    this.sink = sink;
  }

  /** Connects to {@code spec}'s gateway; completes with the socket once open. */
  Future<WebSocket> connect(ClientCase.Spec spec) {
    boolean zlib = spec.compression().equals("zlib-stream");
    if (!zlib && !spec.compression().equals("none")) {
      return Future.failedFuture(new BenchException(BenchException.Kind.BAD_ARGUMENT, "the floor reads none and"
          + " zlib-stream only, not " + spec.compression()));
    }
    inflater = zlib ? new Inflater() : null;
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1024 * 1024)
        .setMaxMessageSize(16 * 1024 * 1024));
    String url = spec.gatewayUrl() + "?v=10&encoding=json" + (zlib ? "&compress=zlib-stream" : "");
    return client.connect(new WebSocketConnectOptions().setAbsoluteURI(url)).onSuccess(w -> {
      ws = w;
      w.frameHandler(f -> frame(f, spec));
    });
  }

  /** The open socket (to pause while a forwarder's queue is full). */
  WebSocket socket() {
    return ws;
  }

  private void frame(WebSocketFrame f, ClientCase.Spec spec) {
    if (f.isClose() || f.isPing() || f.type() == io.vertx.core.http.WebSocketFrameType.PONG) {
      return;
    }
    ByteBuf buf = ((BufferInternal) f.binaryData()).getByteBuf();
    if (inflater != null) {
      inflate(buf, spec);
      return;
    }
    if (!f.isFinal() || partial != null) {
      partial = partial == null ? Buffer.buffer() : partial;
      partial.appendBuffer(f.binaryData());
      if (!f.isFinal()) {
        return;
      }
      buf = ((BufferInternal) partial).getByteBuf();
      partial = null;
    }
    if (buf.hasArray()) {
      deliver(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes(), spec);
    } else {
      byte[] copy = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), copy);
      deliver(copy, 0, copy.length, spec);
    }
  }

  private void inflate(ByteBuf buf, ClientCase.Spec spec) {
    int n = buf.readableBytes();
    boolean end = n >= 4 && buf.getInt(buf.writerIndex() - 4) == SYNC_FLUSH;
    inflater.setInput(buf.nioBuffer());
    try {
      while (!inflater.needsInput()) {
        if (outLength == out.length) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        outLength += inflater.inflate(out, outLength, out.length - outLength);
      }
    } catch (DataFormatException e) {
      ws.close((short) 4000, "bad zlib-stream");
      return;
    }
    if (end) {
      int length = outLength;
      outLength = 0;
      deliver(out, 0, length, spec);
    }
  }

  private void deliver(byte[] bytes, int offset, int length, ClientCase.Spec spec) {
    if (heartbeat < 0) {
      long interval = new JsonObject(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, offset, offset + length)))
          .getJsonObject("d").getLong("heartbeat_interval");
      ws.writeTextMessage(FrameCounterCase.identify(spec));
      heartbeat = vertx.setPeriodic(interval, t -> ws.writeTextMessage("{\"op\":1,\"d\":null}"));
    }
    sink.message(bytes, offset, length);
  }

  /** Closes the socket and the client, bounded by the caller. */
  Future<Void> close() {
    if (heartbeat >= 0) {
      vertx.cancelTimer(heartbeat);
    }
    Future<Void> closing = ws == null ? Future.succeededFuture() : ws.close();
    return closing.eventually(() -> client == null ? Future.succeededFuture() : client.close());
  }
}
