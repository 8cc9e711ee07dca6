package dev.cordbus.simulator.gateway;

import dev.cordbus.simulator.core.SimulatorLog;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.vertx.core.http.HttpConnection;

/**
 * Counts the bytes a gateway connection writes to its socket ({@link SimulatorLog#wireBytes()}): a Netty handler at
 * the head of the connection's pipeline, so it sees every frame as it goes to the socket, whichever path wrote it
 * (Vert.x's WebSocket or {@link RawFrameWriter}). One per connection, event loop only.
 */
final class WireCounter extends ChannelOutboundHandlerAdapter {

  private static final String NAME = "cordbus-wire-counter";

  private final SimulatorLog log;

  private WireCounter(SimulatorLog log) {
    this.log = log;
  }

  /** Installs the counter on {@code http}'s channel; does nothing when the channel is out of reach. */
  static void install(HttpConnection http, SimulatorLog log) {
    if (http instanceof io.vertx.core.net.impl.ConnectionBase cb && cb.channel().pipeline().get(NAME) == null) {
      cb.channel().pipeline().addFirst(NAME, new WireCounter(log));
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf b) {
      log.wrote(b.readableBytes());
    } else if (msg instanceof ByteBufHolder h) {
      log.wrote(h.content().readableBytes());
    }
    ctx.write(msg, promise);
  }
}
