package dev.cordbus.gateway.shard;

import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.compression.FrameDecoder;
import dev.cordbus.gateway.heartbeat.HeartbeatTracker;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.util.ArrayDeque;

/**
 * Everything that lives exactly as long as one WebSocket of a shard: the socket, its decompression context, heartbeat
 * bookkeeping, send limiter, timers and queued commands. A shard ignores callbacks of a connection that is no
 * longer its current one.
 */
final class Connection {

  /** A gateway command waiting for room in the send limit. */
  record Pending(String text, io.vertx.core.json.JsonObject payload, Promise<Void> promise) {
  }

  final WebSocket ws;
  final String url;
  /** The zlib-stream or zstd-stream context of this socket, or null without transport compression. */
  final FrameDecoder decoder;
  final HeartbeatTracker heartbeat = new HeartbeatTracker();
  final ArrayDeque<Pending> commands = new ArrayDeque<>();
  /** Set on HELLO (the interval is known then). */
  SendLimiter limiter;
  long heartbeatTimer = -1;
  long drainTimer = -1;
  /** The HELLO's heartbeat_interval in ms (set when a valid HELLO arrives). */
  long helloIntervalMs;
  /** Dispatches received since RESUME was sent (reported with RESUMED). */
  long replayed;
  /** The parts of a fragmented message so far, or null. */
  private Buffer parts;
  /** Whether the message being assembled (or the last one completed) is text rather than binary. */
  private boolean text;

  /** The largest message assembled from fragments (Discord's largest payloads are a few MiB). */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  Connection(WebSocket ws, String url, FrameDecoder decoder) {
    this.ws = ws;
    this.url = url;
    this.decoder = decoder;
  }

  /**
   * Assembles messages from frames (a text or binary frame and its continuations), so the bytes reach the decoder or
   * the parser as received. Vert.x's own aggregation (a message handler) would also decode every text message into a
   * String that nobody reads: about a sixth of the gateway's CPU without transport compression.
   *
   * @return the payload of the message completed by {@code frame} ({@link #text()} says which kind), else null
   * @throws GatewayException (BAD_FRAME) when a message grows past {@link #MAX_MESSAGE_BYTES}; its parts are dropped
   */
  Buffer message(WebSocketFrame frame, Buffer data) throws GatewayException {
    if (frame.isText() || frame.isBinary()) {
      text = frame.isText();
      if (frame.isFinal()) {
        parts = null;
        return data;
      }
      parts = Buffer.buffer().appendBuffer(data);
    } else if (frame.isContinuation() && parts != null) {
      parts.appendBuffer(data);
      if (parts.length() > MAX_MESSAGE_BYTES) {
        parts = null;
        throw new GatewayException(GatewayException.Kind.BAD_FRAME,
            "a WebSocket message is larger than " + MAX_MESSAGE_BYTES + " bytes");
      }
      if (frame.isFinal()) {
        Buffer whole = parts;
        parts = null;
        return whole;
      }
    }
    return null;
  }

  /** Whether the last message {@link #message} completed is a text message (else binary). */
  boolean text() {
    return text;
  }

  /** Cancels timers, fails queued commands, releases the decompression context. */
  void release(Vertx vertx, String why) {
    for (long t : new long[] {heartbeatTimer, drainTimer}) {
      if (t >= 0) {
        vertx.cancelTimer(t);
      }
    }
    heartbeatTimer = drainTimer = -1;
    Pending p;
    while ((p = commands.poll()) != null) {
      p.promise().tryFail(new GatewayException(GatewayException.Kind.NOT_CONNECTED,
          "the connection closed before the command was sent (" + why + ")"));
    }
    if (decoder != null) {
      decoder.close();
    }
  }
}
