package dev.cordbus.simulator.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client WebSocket: transport (compression, write back-pressure, close and cut), the per-connection limits
 * (4096-byte payloads, the send rate) and heartbeat bookkeeping. Protocol decisions live in {@link GatewayProtocol}.
 * Event loop only.
 */
public final class GatewayConnection {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
  /** Discord's limit on a client payload (GATEWAY.md §10). */
  public static final int MAX_PAYLOAD_BYTES = 4096;
  /** Identify-{@code compress:true} compresses server payloads at least this long. */
  static final int PAYLOAD_COMPRESSION_MIN_CHARS = 1024;

  /** Lifecycle of a connection. */
  public enum State {
    /** HELLO sent; waiting for IDENTIFY or RESUME. */
    AWAITING_IDENTIFY,
    /** Attached to a session. */
    IDENTIFIED,
    /** Closed (by whoever). */
    CLOSED
  }

  /** How server payloads are encoded on this connection. */
  public enum Compression {
    NONE, ZLIB_STREAM, ZSTD_STREAM, PAYLOAD
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
  private final List<JsonObject> earlyFrames = new ArrayList<>();
  private final List<Runnable> writableWaiters = new ArrayList<>();
  /** The firehose's write path, or null when the channel is out of reach. */
  private final RawFrameWriter raw;
  private Compression compression;
  private ZlibStreamEncoder zlib;
  /** The zstd-stream context of this connection, or null. */
  private final ZstdStreamEncoder zstd;
  private State state = State.AWAITING_IDENTIFY;
  private Initiator initiator;
  private int closeCode;
  private Session session;
  private int shard = -1;
  private long lastBeatAt;
  private long payloadsWritten;
  private long reconnectTimer = -1;

  GatewayConnection(GatewayHub hub, String id, String path, ServerWebSocket ws, HttpConnection http,
      Compression compression) {
    this.hub = hub;
    this.id = id;
    this.path = path;
    this.ws = ws;
    this.http = http;
    this.compression = compression;
    this.zlib = compression == Compression.ZLIB_STREAM ? new ZlibStreamEncoder() : null;
    this.zstd = compression == Compression.ZSTD_STREAM ? new ZstdStreamEncoder() : null;
    this.raw = RawFrameWriter.of(http, hub.context, this::runWaiters);
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
    ws.drainHandler(v -> runWaiters());
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
    if (compression == Compression.NONE) {
      compression = Compression.PAYLOAD;
    }
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

  /**
   * Writes a dispatch rendered ahead (the firehose) without encoding it again: without compression the frame's bytes
   * go out as a text frame; under zlib-stream the deflater's history is reset and the pre-deflated frame spliced in
   * ({@link ZlibSplice}), or, with {@code firehoseSplice} off, the frame is deflated through the connection's context
   * as any payload; under zstd-stream the frame is compressed through the connection's context straight into the
   * frame buffer; payload compression takes the ordinary path. Frames go through {@link RawFrameWriter} (one flush
   * per event-loop task) unless Vert.x holds writes queued or the payload is to be split, in which case Vert.x's own
   * queue keeps them in order.
   */
  Future<Void> writeDispatch(RenderedDispatch d, long seq, boolean blank) {
    if (state == State.CLOSED || ws.isClosed()) {
      return Future.failedFuture("connection " + id + " is closed");
    }
    hub.log.dispatched(shard, 1);
    if (compression == Compression.PAYLOAD) {
      return write(d.textString(seq, blank));
    }
    payloadsWritten++;
    if (compression == Compression.ZSTD_STREAM) {
      byte[] text = d.text(seq, blank);
      int bound = ZstdStreamEncoder.bound(text.length);
      if (raw != null && bound <= RawFrameWriter.MAX_FRAME && !writeQueueFull()) {
        return raw.write(true, bound, b -> zstd.encodeInto(b, text));
      }
      return ws.writeBinaryMessage(zstd.encode(text));
    }
    boolean zlibStream = compression == Compression.ZLIB_STREAM;
    byte[] deflated = zlibStream && !hub.options.firehoseSplice() ? zlib.encode(d.text(seq, blank)).getBytes() : null;
    int size = deflated != null ? deflated.length : zlibStream ? d.zlibSize(seq, blank) + 16 : d.size(seq, blank);
    Consumer<ByteBuf> payload = deflated != null ? b -> b.writeBytes(deflated)
        : zlibStream ? b -> zlib.writeSpliced(b, d, seq, blank) : b -> d.writeText(b, seq, blank);
    int every = hub.options.zlibSplitEvery();
    boolean split = zlibStream && every > 0 && payloadsWritten % every == 0;
    if (raw != null && !split && size <= RawFrameWriter.MAX_FRAME && !writeQueueFull()) {
      return raw.write(zlibStream, size, payload);
    }
    if (!zlibStream) {
      return ws.writeTextMessage(d.textString(seq, blank));
    }
    ByteBuf b = Unpooled.buffer(size);
    payload.accept(b);
    return writeZlib(Buffer.buffer(ByteBufUtil.getBytes(b)));
  }

  /** Writes a server payload with this connection's compression. */
  public Future<Void> write(String text) {
    if (state == State.CLOSED || ws.isClosed()) {
      return Future.failedFuture("connection " + id + " is closed");
    }
    payloadsWritten++;
    switch (compression) {
      case ZLIB_STREAM -> {
        return writeZlib(zlib.encode(text.getBytes(StandardCharsets.UTF_8)));
      }
      case ZSTD_STREAM -> {
        return ws.writeBinaryMessage(zstd.encode(text.getBytes(StandardCharsets.UTF_8)));
      }
      case PAYLOAD -> {
        if (text.length() >= PAYLOAD_COMPRESSION_MIN_CHARS) {
          return ws.writeBinaryMessage(ZlibStreamEncoder.blob(text.getBytes(StandardCharsets.UTF_8)));
        }
        return ws.writeTextMessage(text);
      }
      default -> {
        return ws.writeTextMessage(text);
      }
    }
  }

  /** Writes one zlib-stream payload, split over two messages every {@code zlibSplitEvery} payloads. */
  private Future<Void> writeZlib(Buffer encoded) {
    int every = hub.options.zlibSplitEvery();
    int at = every > 0 && payloadsWritten % every == 0 ? ZlibStreamEncoder.splitPoint(encoded) : -1;
    if (at > 0) {
      ws.writeBinaryMessage(encoded.getBuffer(0, at));
      return ws.writeBinaryMessage(encoded.getBuffer(at, encoded.length()));
    }
    return ws.writeBinaryMessage(encoded);
  }

  /** Writes a text frame as is (no compression). */
  Future<Void> writeRaw(String text) {
    if (state == State.CLOSED || ws.isClosed()) {
      return Future.failedFuture("connection " + id + " is closed");
    }
    return ws.writeTextMessage(text);
  }

  /** Writes a binary frame as is. */
  Future<Void> writeRawBinary(Buffer bytes) {
    if (state == State.CLOSED || ws.isClosed()) {
      return Future.failedFuture("connection " + id + " is closed");
    }
    return ws.writeBinaryMessage(bytes);
  }

  /** Whether the socket's write queue is full (back-pressure), Vert.x's queue or, for the firehose, the channel's. */
  public boolean writeQueueFull() {
    if (state == State.CLOSED || ws.isClosed()) {
      return false;
    }
    try {
      return ws.writeQueueFull() || (raw != null && !raw.writable());
    } catch (IllegalStateException closedMeanwhile) {
      return false;
    }
  }

  /** Runs {@code r} once the write queue has room (at once if it has, or if the connection is closed). */
  public void whenWritable(Runnable r) {
    if (!writeQueueFull()) {
      r.run();
    } else {
      writableWaiters.add(r);
    }
  }

  private void runWaiters() {
    List<Runnable> ready = new ArrayList<>(writableWaiters);
    writableWaiters.clear();
    ready.forEach(Runnable::run);
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
    if (zlib != null) {
      zlib.end();
    }
    if (zstd != null) {
      zstd.end();
    }
    hub.connectionClosed(this, who, code, who == Initiator.CLIENT ? clientCode : null);
    runWaiters();
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
