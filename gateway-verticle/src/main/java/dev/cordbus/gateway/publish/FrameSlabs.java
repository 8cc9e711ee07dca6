package dev.cordbus.gateway.publish;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Reused arrays for the WebSocket frames of one gateway group's sockets (without transport compression), so reading a
 * frame allocates nothing.
 *
 * <p>Vert.x copies the content of every frame it reads into a fresh heap buffer ({@code VertxHandler.safeBuffer}):
 * two thirds of what a gateway node that only forwards dispatches to other nodes allocated, and (new heap pages to
 * fault in, then collections) about a sixth of its event loop's samples. A handler placed
 * before Vert.x's in each socket's pipeline ({@link #install}) copies a frame's content into the current slab of
 * {@value #SLAB_BYTES} bytes instead and passes a frame over that slice on, which Vert.x hands over as it is.
 *
 * <p>A frame's bytes are <em>lent</em>: they stay valid until the frame is {@linkplain #release released}, exactly
 * once, by whoever holds it last: the shard, for a frame that did not become a queued dispatch (a heartbeat ACK, a
 * part of a fragmented message, anything dropped), or the {@link
 * EventPublisher} once the dispatch's batch has gone out ({@link dev.cordbus.api.dispatch.DispatchBatch#lend}: what
 * keeps bytes beyond that copies them). A slab is written again only when every frame in it was released; one with
 * a frame never released (its socket closed with frames queued) leaves the ring and is collected. Frames larger
 * than {@value #MAX_FRAME_BYTES} bytes keep Vert.x's own copy. All of it runs on the group's event loop; a socket on
 * another thread gets no handler.
 */
public final class FrameSlabs {

  /** The size of one slab. */
  public static final int SLAB_BYTES = 128 * 1024;
  /** Larger frames are not copied into slabs (Vert.x's copy is theirs). */
  public static final int MAX_FRAME_BYTES = 16 * 1024;
  /** Slabs kept for reuse at most. */
  public static final int RING_SIZE = 4;
  /** System property: {@code false} leaves every frame to Vert.x's copy (to measure what the slabs save). */
  public static final String OFF_PROPERTY = "cordbus.gateway.frameSlabs";

  /** Frames read into slabs, and slabs made, by every group of this JVM. */
  private static final java.util.concurrent.atomic.LongAdder FRAMES = new java.util.concurrent.atomic.LongAdder();
  private static final java.util.concurrent.atomic.LongAdder SLABS = new java.util.concurrent.atomic.LongAdder();

  private final Slab[] ring = new Slab[RING_SIZE];
  private int slabs;
  private Slab current;
  private Thread owner;
  private long allocated;

  private static final class Slab {
    final byte[] bytes = new byte[SLAB_BYTES];
    /** The next free byte. */
    int at;
    /** Frames copied in and not released yet. */
    int live;
  }

  /** Whether frame slabs are on in this JVM ({@value #OFF_PROPERTY}, default true). */
  public static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(OFF_PROPERTY));
  }

  /**
   * Places a slab handler in {@code pipeline}, before Vert.x's handler: only when called on the socket's own event
   * loop and on the same one as every earlier socket of these slabs. Returns whether it did.
   */
  public boolean install(ChannelPipeline pipeline) {
    if (!pipeline.channel().eventLoop().inEventLoop() || (owner != null && owner != Thread.currentThread())
        || pipeline.get("handler") == null) {
      return false;
    }
    owner = Thread.currentThread();
    pipeline.addBefore("handler", "cordbus-frame-slabs", new Handler());
    return true;
  }

  /** Whether {@code array} is one of these slabs (it lends a frame's bytes); on another thread always false. */
  public boolean lends(byte[] array) {
    return find(array) != null;
  }

  /** One frame whose bytes lie in {@code array} is done with; nothing when {@code array} is not a slab of these. */
  public void release(byte[] array) {
    Slab s = find(array);
    if (s == null || s.live <= 0) {
      return;
    }
    if (--s.live == 0 && s == current) {
      s.at = 0;
    }
  }

  /** Slabs made so far (a steady stream reuses the first few). */
  public long allocated() {
    return allocated;
  }

  /** Frames read into slabs by every group of this JVM so far. */
  public static long framesCopied() {
    return FRAMES.sum();
  }

  /** Slabs made by every group of this JVM so far. */
  public static long slabsMade() {
    return SLABS.sum();
  }

  private Slab find(byte[] array) {
    if (array == null || Thread.currentThread() != owner) {
      return null;
    }
    for (int i = 0; i < slabs; i++) {
      if (ring[i].bytes == array) {
        return ring[i];
      }
    }
    return null;
  }

  /** Copies {@code n} bytes of {@code content} into a slab; returns the slice holding them. */
  ByteBuf copy(ByteBuf content, int n) {
    Slab s = current;
    if (s == null || s.at + n > SLAB_BYTES) {
      s = next();
    }
    int at = s.at;
    content.getBytes(content.readerIndex(), s.bytes, at, n);
    s.at = at + n;
    s.live++;
    FRAMES.increment();
    return Unpooled.wrappedBuffer(s.bytes, at, n);
  }

  /** A slab with room: a free one of the ring, a new one while the ring has room, else a new one for the oldest. */
  private Slab next() {
    for (int i = 0; i < slabs; i++) {
      Slab s = ring[i];
      if (s != current && s.live == 0) {
        s.at = 0;
        return current = s;
      }
    }
    Slab fresh = new Slab();
    allocated++;
    SLABS.increment();
    if (slabs < RING_SIZE) {
      ring[slabs++] = fresh;
    } else {
      // every slab still has frames out: the oldest leaves the ring (never written again) and is collected later
      System.arraycopy(ring, 1, ring, 0, RING_SIZE - 1);
      ring[RING_SIZE - 1] = fresh;
    }
    return current = fresh;
  }

  /** Copies text, binary and continuation frames of one socket into the slabs. */
  private final class Handler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof WebSocketFrame f && (f instanceof TextWebSocketFrame || f instanceof BinaryWebSocketFrame
          || f instanceof ContinuationWebSocketFrame)) {
        ByteBuf content = f.content();
        int n = content.readableBytes();
        if (n > 0 && n <= MAX_FRAME_BYTES) {
          ByteBuf slice = copy(content, n);
          boolean last = f.isFinalFragment();
          WebSocketFrame g = f instanceof TextWebSocketFrame ? new TextWebSocketFrame(last, f.rsv(), slice)
              : f instanceof BinaryWebSocketFrame ? new BinaryWebSocketFrame(last, f.rsv(), slice)
              : new ContinuationWebSocketFrame(last, f.rsv(), slice);
          f.release();
          ctx.fireChannelRead(g);
          return;
        }
      }
      ctx.fireChannelRead(msg);
    }
  }
}
