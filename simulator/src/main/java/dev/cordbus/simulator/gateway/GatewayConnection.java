package dev.cordbus.simulator.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client WebSocket: its lifecycle (close and cut), what it received, the per-connection limits (4096-byte
 * payloads, the send rate) and heartbeat bookkeeping. How its payloads are written (compression, back-pressure) is the
 * {@link PayloadWriter}'s; protocol decisions live in {@link GatewayProtocol}. Event loop only.
 */
public final class GatewayConnection {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
  /** Discord's limit on a client payload (GATEWAY.md §10). */
  public static final int MAX_PAYLOAD_BYTES = 4096;

  /** Lifecycle of a connection. */
  public enum State {
    /** HELLO sent; waiting for IDENTIFY or RESUME. */
    AWAITING_IDENTIFY,
    /** Attached to a session. */
    IDENTIFIED,
    /** Closed (by whoever). */
    CLOSED
  }

  /** Who ended the connection. */
  public enum Initiator {
    SERVER, CLIENT, CUT;

    String label() {
      return name().toLowerCase();
    }
  }

  final String id;
  final String path;
  private final GatewayHub hub;
  private final ServerWebSocket ws;
  private final HttpConnection http;
  private final SendLimiter limiter;
  private final PayloadWriter writer;
  private final List<JsonObject> earlyFrames = new ArrayList<>();
  private State state = State.AWAITING_IDENTIFY;
  private Initiator initiator;
  private int closeCode;
  private Session session;
  private int shard = -1;
  private long lastBeatAt;
  private long reconnectTimer = -1;

  GatewayConnection(GatewayHub hub, String id, String path, ServerWebSocket ws, HttpConnection http,
      PayloadWriter.Compression compression) {
    this.hub = hub;
    this.id = id;
    this.path = path;
    this.ws = ws;
    this.http = http;
    this.writer = new PayloadWriter(id, ws, http, hub.context, hub.options, compression);
    this.limiter = new SendLimiter(hub.options.sendLimit(), hub.options.sendWindowMs());
    this.lastBeatAt = System.currentTimeMillis();
  }

  void start() {
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> {
      if (initiator == null) {
        hub.log.received(shard, new JsonObject().put("_binary", b.length()));
        close(CloseCode.DECODE_ERROR.code(), "Binary payloads are not accepted with encoding=json.");
      }
    });
    ws.drainHandler(v -> writer.runWaiters());
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(e -> LOG.debug("connection {}: {}", id, e.toString()));
    write(Frames.hello(hub.options.heartbeatIntervalMs()));
  }

  public State state() {
    return state;
  }

  /** The shard the connection identified or resumed on, -1 before. */
  public int shard() {
    return shard;
  }

  public Session session() {
    return session;
  }

  long lastBeatAt() {
    return lastBeatAt;
  }

  void heartbeatReceived(long now) {
    lastBeatAt = now;
  }

  /** Whether a close has been started (by anyone) or completed. */
  boolean closing() {
    return initiator != null || state == State.CLOSED;
  }

  void usePayloadCompression() {
    writer.usePayloadCompression();
  }

  void attach(Session s) {
    session = s;
    shard = s.shard;
    state = State.IDENTIFIED;
    s.attach(this);
    for (JsonObject f : earlyFrames) {
      hub.log.received(shard, f);
    }
    earlyFrames.clear();
  }

  /** Forgets the session (op 9 false on this connection): the client may IDENTIFY again. */
  void unbind() {
    if (session != null) {
      hub.log.detached(shard);
    }
    session = null;
    shard = -1;
    state = State.AWAITING_IDENTIFY;
  }

  void recordReceived(JsonObject frame) {
    if (state == State.IDENTIFIED) {
      hub.log.received(shard, frame);
    } else {
      earlyFrames.add(frame);
    }
  }

  /** Writes a dispatch frame (counted in the log). */
  Future<Void> writeDispatch(String frame) {
    hub.log.dispatched(shard, 1);
    return write(frame);
  }

  /** Writes a dispatch rendered ahead (the firehose), counted in the log (see {@link PayloadWriter}). */
  Future<Void> writeDispatch(RenderedDispatch d, long seq, boolean blank) {
    if (state == State.CLOSED || ws.isClosed()) {
      return Future.failedFuture("connection " + id + " is closed");
    }
    hub.log.dispatched(shard, 1);
    return writer.write(d, seq, blank);
  }

  /** Writes a server payload with this connection's compression. */
  public Future<Void> write(String text) {
    return writer.write(text);
  }

  /** Writes a text frame as is (no compression). */
  Future<Void> writeRaw(String text) {
    return writer.writeRaw(text);
  }

  /** Writes a binary frame as is. */
  Future<Void> writeRawBinary(Buffer bytes) {
    return writer.writeRawBinary(bytes);
  }

  /** Whether the socket's write queue is full (back-pressure), Vert.x's queue or, for the firehose, the channel's. */
  public boolean writeQueueFull() {
    return writer.writeQueueFull();
  }

  /** Runs {@code r} once the write queue has room (at once if it has, or if the connection is closed). */
  public void whenWritable(Runnable r) {
    writer.whenWritable(r);
  }

  /** Server-side close with a close frame. */
  public Future<Void> close(int code, String reason) {
    if (closing()) {
      return Future.succeededFuture();
    }
    initiator = Initiator.SERVER;
    closeCode = code;
    LOG.info("closing connection {} (shard {}) with {} {}", id, shard, code, reason);
    Future<Void> f = ws.close((short) code, reason);
    hub.vertx.setTimer(5000, t -> {
      if (state != State.CLOSED) {
        abort(http);
      }
    });
    return f;
  }

  /** Abrupt TCP close without a close frame. */
  public Future<Void> cut() {
    if (closing()) {
      return Future.succeededFuture();
    }
    initiator = Initiator.CUT;
    closeCode = 1006;
    LOG.info("cutting connection {} (shard {}) without a close frame", id, shard);
    return abort(http);
  }

  /**
   * Closes the TCP connection under the WebSocket without a close frame. Vert.x has no public API for this; its
   * connection implementation exposes the Netty channel ({@code ConnectionBase#channel()}), closed from the head of
   * the pipeline (Netty's WebSocket close handler would otherwise send a 1000 close frame); else a connection close.
   */
  static Future<Void> abort(HttpConnection http) {
    if (http instanceof io.vertx.core.net.impl.ConnectionBase cb) {
      io.vertx.core.Promise<Void> p = io.vertx.core.Promise.promise();
      io.netty.channel.Channel ch = cb.channel();
      // close from the first handler so that no WebSocket handler of the pipeline can add a close frame
      io.netty.channel.ChannelHandlerContext first = ch.pipeline().firstContext();
      (first != null ? first.close() : ch.close()).addListener(f -> p.tryComplete());
      return p.future();
    }
    return http.close();
  }

  /** After op 7: closes the socket later unless the client already did. */
  void scheduleReconnectClose(long delayMs) {
    if (reconnectTimer >= 0) {
      return;
    }
    reconnectTimer = hub.vertx.setTimer(Math.max(1, delayMs), t -> {
      reconnectTimer = -1;
      close(1001, "Discord WebSocket requesting client reconnect.");
    });
  }

  private void onText(String text) {
    if (closing()) {
      return;
    }
    long now = System.currentTimeMillis();
    if (!limiter.tryAcquire(now)) {
      recordReceived(new JsonObject().put("_rate_limited", true));
      close(CloseCode.RATE_LIMITED.code(), "You are being rate limited.");
      return;
    }
    if (text.length() > MAX_PAYLOAD_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      recordReceived(new JsonObject().put("_oversized", text.getBytes(StandardCharsets.UTF_8).length));
      close(CloseCode.DECODE_ERROR.code(), "Error while decoding payload.");
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      recordReceived(new JsonObject().put("_raw", text));
      close(CloseCode.DECODE_ERROR.code(), "Error while decoding payload.");
      return;
    }
    recordReceived(Frames.redact(frame));
    hub.protocol.handle(this, frame, now);
  }

  private void onClosed() {
    if (state == State.CLOSED) {
      return;
    }
    Initiator who = initiator != null ? initiator : Initiator.CLIENT;
    Short clientCode = ws.closeStatusCode();
    int code = who == Initiator.CLIENT ? (clientCode == null ? 1006 : clientCode) : closeCode;
    state = State.CLOSED;
    if (reconnectTimer >= 0) {
      hub.vertx.cancelTimer(reconnectTimer);
    }
    writer.end();
    hub.connectionClosed(this, who, code, who == Initiator.CLIENT ? clientCode : null);
    writer.runWaiters();
  }

  /** Releases the session reference after close; returns the session this connection held. */
  Session releaseSession() {
    Session s = session;
    session = null;
    return s;
  }

  @Override
  public String toString() {
    return "GatewayConnection[" + id + ", shard " + shard + ", " + state + "]";
  }
}
