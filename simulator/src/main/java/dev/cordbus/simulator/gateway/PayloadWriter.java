package dev.cordbus.simulator.gateway;

import dev.cordbus.simulator.core.SimulatorOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the server payloads of one {@link GatewayConnection} reach the wire: its compression (and the zlib-stream or
 * zstd-stream context it owns), the firehose's raw write path, zlib-stream splits, and write back-pressure with the
 * tasks waiting for room. Event loop only.
 */
final class PayloadWriter {

  /** Identify-{@code compress:true} compresses server payloads at least this long. */
  static final int PAYLOAD_COMPRESSION_MIN_CHARS = 1024;

  /** How server payloads are encoded on a connection. */
  enum Compression {
    NONE, ZLIB_STREAM, ZSTD_STREAM, PAYLOAD
  }

  private final String connectionId;
  private final ServerWebSocket ws;
  private final SimulatorOptions options;
  private final List<Runnable> writableWaiters = new ArrayList<>();
  /** The firehose's write path, or null when the channel is out of reach. */
  private final RawFrameWriter raw;
  private final ZlibStreamEncoder zlib;
  private final ZstdStreamEncoder zstd;
  private Compression compression;
  private long payloadsWritten;
  private boolean ended;

  PayloadWriter(String connectionId, ServerWebSocket ws, HttpConnection http, Context context,
      SimulatorOptions options, Compression compression) {
    this.connectionId = connectionId;
    this.ws = ws;
    this.options = options;
    this.compression = compression;
    this.zlib = compression == Compression.ZLIB_STREAM ? new ZlibStreamEncoder() : null;
    this.zstd = compression == Compression.ZSTD_STREAM ? new ZstdStreamEncoder() : null;
    this.raw = RawFrameWriter.of(http, context, this::runWaiters);
  }

  /** IDENTIFY {@code compress:true}: long payloads go out as standalone zlib messages (no transport compression). */
  void usePayloadCompression() {
    if (compression == Compression.NONE) {
      compression = Compression.PAYLOAD;
    }
  }

  private boolean closed() {
    return ended || ws.isClosed();
  }

  private Future<Void> refused() {
    return Future.failedFuture("connection " + connectionId + " is closed");
  }

  /** Writes a server payload with this connection's compression. */
  Future<Void> write(String text) {
    if (closed()) {
      return refused();
    }
    payloadsWritten++;
    return switch (compression) {
      case ZLIB_STREAM -> writeZlib(zlib.encode(text.getBytes(StandardCharsets.UTF_8)));
      case ZSTD_STREAM -> ws.writeBinaryMessage(zstd.encode(text.getBytes(StandardCharsets.UTF_8)));
      case PAYLOAD -> text.length() >= PAYLOAD_COMPRESSION_MIN_CHARS
          ? ws.writeBinaryMessage(ZlibStreamEncoder.blob(text.getBytes(StandardCharsets.UTF_8)))
          : ws.writeTextMessage(text);
      case NONE -> ws.writeTextMessage(text);
    };
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
  Future<Void> write(RenderedDispatch d, long seq, boolean blank) {
    if (closed()) {
      return refused();
    }
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
    byte[] deflated = zlibStream && !options.firehoseSplice() ? zlib.encode(d.text(seq, blank)).getBytes() : null;
    int size = deflated != null ? deflated.length : zlibStream ? d.zlibSize(seq, blank) + 16 : d.size(seq, blank);
    Consumer<ByteBuf> payload = deflated != null ? b -> b.writeBytes(deflated)
        : zlibStream ? b -> zlib.writeSpliced(b, d, seq, blank) : b -> d.writeText(b, seq, blank);
    if (raw != null && !(zlibStream && splitsNow()) && size <= RawFrameWriter.MAX_FRAME && !writeQueueFull()) {
      return raw.write(zlibStream, size, payload);
    }
    if (!zlibStream) {
      return ws.writeTextMessage(d.textString(seq, blank));
    }
    ByteBuf b = Unpooled.buffer(size);
    payload.accept(b);
    return writeZlib(Buffer.buffer(ByteBufUtil.getBytes(b)));
  }

  /** Whether this payload is one that {@code zlibSplitEvery} splits over two messages. */
  private boolean splitsNow() {
    int every = options.zlibSplitEvery();
    return every > 0 && payloadsWritten % every == 0;
  }

  /** Writes one zlib-stream payload, split over two messages every {@code zlibSplitEvery} payloads. */
  private Future<Void> writeZlib(Buffer encoded) {
    int at = splitsNow() ? ZlibStreamEncoder.splitPoint(encoded) : -1;
    if (at > 0) {
      ws.writeBinaryMessage(encoded.getBuffer(0, at));
      return ws.writeBinaryMessage(encoded.getBuffer(at, encoded.length()));
    }
    return ws.writeBinaryMessage(encoded);
  }

  /** Writes a text frame as is (no compression). */
  Future<Void> writeRaw(String text) {
    return closed() ? refused() : ws.writeTextMessage(text);
  }

  /** Writes a binary frame as is. */
  Future<Void> writeRawBinary(Buffer bytes) {
    return closed() ? refused() : ws.writeBinaryMessage(bytes);
  }

  /** Whether the socket's write queue is full (back-pressure), Vert.x's queue or, for the firehose, the channel's. */
  boolean writeQueueFull() {
    if (closed()) {
      return false;
    }
    try {
      return ws.writeQueueFull() || (raw != null && !raw.writable());
    } catch (IllegalStateException closedMeanwhile) {
      return false;
    }
  }

  /** Runs {@code r} once the write queue has room (at once if it has, or if the connection is closed). */
  void whenWritable(Runnable r) {
    if (!writeQueueFull()) {
      r.run();
    } else {
      writableWaiters.add(r);
    }
  }

  /** Runs the tasks waiting for room (the socket drained, or closed). */
  void runWaiters() {
    List<Runnable> ready = new ArrayList<>(writableWaiters);
    writableWaiters.clear();
    ready.forEach(Runnable::run);
  }

  /** The connection closed: frees the compression context; later writes fail (waiting tasks: {@link #runWaiters}). */
  void end() {
    ended = true;
    if (zlib != null) {
      zlib.end();
    }
    if (zstd != null) {
      zstd.end();
    }
  }
}
