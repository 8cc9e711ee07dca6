package dev.cordbus.simulator.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpConnection;
import java.util.function.Consumer;

/**
 * The firehose's write path on one connection: each frame is built in one pooled direct buffer (the WebSocket header,
 * RFC 6455 §5.2, unmasked as a server's, followed by the payload) and written to the Netty channel under the
 * WebSocket, without a flush; one flush at the end of the event-loop task sends the whole burst with one
 * {@code writev}. Per frame that saves the payload copies, the frame objects and the encoder of Vert.x's
 * {@code writeTextMessage}, and a system call. Vert.x has no public API for this: {@code ConnectionBase#channel()}
 * gives the channel (as {@link GatewayConnection#abort} uses it); Netty's WebSocket encoder passes buffers through.
 * Only for connections without a WebSocket extension (the simulator negotiates none, see DiscordSimulator), where a
 * frame is exactly header + payload. The caller keeps order with Vert.x's own writes (it uses Vert.x's path while
 * Vert.x holds writes queued). Event loop only.
 */
final class RawFrameWriter {

  /** Largest frame written here (Vert.x's default maximum frame size; larger payloads take Vert.x's path). */
  static final int MAX_FRAME = 65_536;
  private static final int MAX_HEADER = 10;
  /** Vert.x's handler in the pipeline; the writability watch goes before it (Vert.x does not pass the event on). */
  private static final String VERTX_HANDLER = "handler";
  private static final String WATCH = "cordbus-firehose-writability";

  private final Channel channel;
  private final Context context;
  private boolean flushScheduled;
  /** Completes once every frame written since the last flush has been written to the socket. */
  private Promise<Void> batch;

  private RawFrameWriter(Channel channel, Context context) {
    this.channel = channel;
    this.context = context;
  }

  /**
   * The writer for a WebSocket upgraded on {@code http}, or null when its channel is out of reach. Vert.x reports a
   * full write queue and a drain only for writes that went through its own queue, so the writer watches the channel's
   * writability itself: {@code onWritable} runs (on the event loop) when the channel can take writes again.
   */
  static RawFrameWriter of(HttpConnection http, Context context, Runnable onWritable) {
    if (!(http instanceof io.vertx.core.net.impl.ConnectionBase cb)) {
      return null;
    }
    ChannelPipeline pipeline = cb.channel().pipeline();
    for (String name : pipeline.names()) {
      if (name.toLowerCase(java.util.Locale.ROOT).contains("deflate")) {
        return null;
      }
    }
    ChannelInboundHandlerAdapter watch = new ChannelInboundHandlerAdapter() {
      @Override
      public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
          onWritable.run();
        }
        ctx.fireChannelWritabilityChanged();
      }
    };
    if (pipeline.get(VERTX_HANDLER) != null) {
      pipeline.addBefore(VERTX_HANDLER, WATCH, watch);
    } else {
      pipeline.addLast(WATCH, watch);
    }
    return new RawFrameWriter(cb.channel(), context);
  }

  /** Whether the channel takes writes without growing its outbound buffer past the high-water mark. */
  boolean writable() {
    return channel.isWritable();
  }

  /**
   * Writes one final frame (binary when {@code binary}, else text) whose payload {@code payload} writes into the
   * buffer ({@code sizeHint} bytes expected, at most {@link #MAX_FRAME}); returns the future of its flush batch.
   */
  Future<Void> write(boolean binary, int sizeHint, Consumer<ByteBuf> payload) {
    ByteBuf buf = channel.alloc().ioBuffer(MAX_HEADER + sizeHint);
    buf.writerIndex(MAX_HEADER);
    payload.accept(buf);
    int len = buf.writerIndex() - MAX_HEADER;
    int header = len < 126 ? 2 : len <= 0xFFFF ? 4 : MAX_HEADER;
    int at = MAX_HEADER - header;
    buf.setByte(at, binary ? 0x82 : 0x81);
    if (header == 2) {
      buf.setByte(at + 1, len);
    } else if (header == 4) {
      buf.setByte(at + 1, 126).setShort(at + 2, len);
    } else {
      buf.setByte(at + 1, 127).setLong(at + 2, len);
    }
    buf.readerIndex(at);
    channel.write(buf, channel.voidPromise());
    if (batch == null) {
      batch = Promise.promise();
    }
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
    return batch.future();
  }

  private void flush() {
    flushScheduled = false;
    Promise<Void> done = batch;
    batch = null;
    ChannelPromise written = channel.newPromise();
    channel.writeAndFlush(Unpooled.EMPTY_BUFFER, written);
    written.addListener(f -> {
      if (f.isSuccess()) {
        done.tryComplete();
      } else {
        done.tryFail(f.cause());
      }
    });
  }
}
