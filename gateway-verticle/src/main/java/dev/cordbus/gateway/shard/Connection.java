package dev.cordbus.gateway.shard;

import dev.cordbus.gateway.GatewayException;
import dev.cordbus.gateway.compression.ZlibStreamDecoder;
import dev.cordbus.gateway.heartbeat.HeartbeatTracker;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.ArrayDeque;

/**
 * Everything that lives exactly as long as one WebSocket of a shard: the socket, its inflate context, heartbeat
 * bookkeeping, send limiter, timers and queued commands. A shard ignores callbacks of a connection that is no
 * longer its current one.
 */
final class Connection {

  /** A gateway command waiting for room in the send limit. */
  record Pending(String text, io.vertx.core.json.JsonObject payload, Promise<Void> promise) {
  }

  final WebSocket ws;
  final String url;
  /** The zlib-stream context of this socket, or null without transport compression. */
  final ZlibStreamDecoder decoder;
  final HeartbeatTracker heartbeat = new HeartbeatTracker();
  final ArrayDeque<Pending> commands = new ArrayDeque<>();
  /** Set on HELLO (the interval is known then). */
  SendLimiter limiter;
  long heartbeatTimer = -1;
  long drainTimer = -1;
  /** Dispatches received since RESUME was sent (reported with RESUMED). */
  long replayed;
  /** The parts of a fragmented text message so far, or null. */
  private io.vertx.core.buffer.Buffer textParts;

  Connection(WebSocket ws, String url, ZlibStreamDecoder decoder) {
    this.ws = ws;
    this.url = url;
    this.decoder = decoder;
  }

  /**
   * Assembles text messages from frames (text and its continuations; binary messages are assembled by Vert.x), so
   * the bytes reach the parser as received, with no String in between.
   *
   * @return the bytes of a text message completed by {@code frame}, else null
   */
  byte[] textMessage(io.vertx.core.http.WebSocketFrame frame) {
    if (frame.isText()) {
      if (frame.isFinal()) {
        return frame.binaryData().getBytes();
      }
      textParts = io.vertx.core.buffer.Buffer.buffer().appendBuffer(frame.binaryData());
    } else if (frame.isContinuation() && textParts != null) {
      textParts.appendBuffer(frame.binaryData());
      if (frame.isFinal()) {
        byte[] whole = textParts.getBytes();
        textParts = null;
        return whole;
      }
    }
    return null;
  }

  /** Cancels timers, fails queued commands, releases the inflater. */
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
