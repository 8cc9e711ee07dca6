package dev.cordbus.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The gateway's frame slabs in a socket pipeline (Netty's embedded channel, a handler named "handler" standing where
 * Vert.x's is): frames come out over slab bytes equal to what was read, a slab is written again only once every frame
 * in it was released, and bytes still held are never overwritten however many frames follow.
 */
class FrameSlabsTest {

  private final FrameSlabs slabs = new FrameSlabs();
  /** What reached the handler after the slabs, in order. */
  private final List<WebSocketFrame> out = new ArrayList<>();
  private final EmbeddedChannel socket = new EmbeddedChannel();

  FrameSlabsTest() {
    socket.pipeline().addLast("handler", new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        out.add((WebSocketFrame) msg);
      }
    });
    assertTrue(slabs.install(socket.pipeline()), "installed before the handler on the socket's own event loop");
  }

  /** Reads a text frame of {@code n} bytes of {@code fill} (in a pooled buffer, as Netty's decoder makes them). */
  private WebSocketFrame read(int n, char fill) {
    ByteBuf content = PooledByteBufAllocator.DEFAULT.buffer(n);
    byte[] bytes = new byte[n];
    Arrays.fill(bytes, (byte) fill);
    content.writeBytes(bytes);
    socket.writeInbound(new TextWebSocketFrame(true, 0, content));
    return out.get(out.size() - 1);
  }

  private static byte[] bytes(WebSocketFrame f) {
    ByteBuf c = f.content();
    byte[] b = new byte[c.readableBytes()];
    c.getBytes(c.readerIndex(), b);
    return b;
  }

  private static byte[] filled(int n, char fill) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) fill);
    return b;
  }

  private static byte[] array(WebSocketFrame f) {
    return f.content().array();
  }

  @Test
  void aFrameComesOutOverSlabBytesEqualToWhatWasReadAndTheReadBufferIsFreed() {
    ByteBuf content = PooledByteBufAllocator.DEFAULT.buffer(16);
    content.writeBytes("{\"op\":11}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    TextWebSocketFrame in = new TextWebSocketFrame(true, 0, content);
    socket.writeInbound(in);
    WebSocketFrame f = out.get(0);
    assertTrue(f instanceof TextWebSocketFrame && f.isFinalFragment());
    assertEquals("{\"op\":11}", ((TextWebSocketFrame) f).text());
    assertTrue(f.content().hasArray());
    assertTrue(slabs.lends(array(f)), "its bytes are lent by a slab");
    assertEquals(0, in.refCnt(), "the pooled buffer went back to its pool");
    assertEquals(1, slabs.allocated());
  }

  @Test
  void heldBytesAreNeverOverwrittenAndASlabIsReusedOnlyOnceAllItsFramesWereReleased() {
    WebSocketFrame held = read(10_000, 'A');
    byte[] heldArray = array(held);
    // 2 MB more through the slabs, each frame released once handled, while the first frame is held
    for (int i = 0; i < 200; i++) {
      WebSocketFrame f = read(10_000, (char) ('B' + i % 20));
      assertArrayEquals(filled(10_000, (char) ('B' + i % 20)), bytes(f));
      slabs.release(array(f));
    }
    assertArrayEquals(filled(10_000, 'A'), bytes(held), "the held frame's bytes are intact");
    assertEquals(2, slabs.allocated(), "one slab held by the first frame, one reused for all the others");
    slabs.release(heldArray);
    for (int i = 0; i < 200; i++) {
      slabs.release(array(read(10_000, 'C')));
    }
    assertEquals(2, slabs.allocated(), "nothing new once the first slab is free again");
  }

  @Test
  void whenEverySlabIsHeldNewOnesAreMadeAndNoHeldFrameIsTouched() {
    List<WebSocketFrame> held = new ArrayList<>();
    for (int i = 0; i < 65; i++) { // 650 KB: more than the ring's four slabs
      held.add(read(10_000, (char) ('a' + i % 26)));
    }
    for (int i = 0; i < held.size(); i++) {
      assertArrayEquals(filled(10_000, (char) ('a' + i % 26)), bytes(held.get(i)), "frame " + i);
    }
    assertEquals(5, slabs.allocated(), "650 KB of held frames: five 128 KB slabs, one more than the ring keeps");
    // released in any order, including the frames of the slab that left the ring (nothing to do for those)
    for (int i = held.size() - 1; i >= 0; i--) {
      slabs.release(array(held.get(i)));
    }
    for (int i = 0; i < 130; i++) {
      WebSocketFrame f = read(10_000, 'z');
      assertArrayEquals(filled(10_000, 'z'), bytes(f));
      slabs.release(array(f));
    }
    assertEquals(5, slabs.allocated(), "the ring's slabs are reused once released");
  }

  @Test
  void largeFramesAndControlFramesPassUntouched() {
    ByteBuf big = PooledByteBufAllocator.DEFAULT.buffer(FrameSlabs.MAX_FRAME_BYTES + 1);
    big.writeBytes(new byte[FrameSlabs.MAX_FRAME_BYTES + 1]);
    TextWebSocketFrame large = new TextWebSocketFrame(true, 0, big);
    socket.writeInbound(large);
    assertSame(large, out.get(0), "a frame past " + FrameSlabs.MAX_FRAME_BYTES + " bytes keeps its buffer");
    PingWebSocketFrame ping = new PingWebSocketFrame();
    socket.writeInbound(ping);
    assertSame(ping, out.get(1));
    assertEquals(0, slabs.allocated());
    large.release();
  }

  @Test
  void binaryAndContinuationFramesKeepTheirKindAndFlags() {
    ByteBuf a = PooledByteBufAllocator.DEFAULT.buffer(3);
    a.writeBytes(new byte[] {1, 2, 3});
    socket.writeInbound(new BinaryWebSocketFrame(false, 4, a));
    ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(2);
    b.writeBytes(new byte[] {4, 5});
    socket.writeInbound(new ContinuationWebSocketFrame(true, 0, b));
    assertTrue(out.get(0) instanceof BinaryWebSocketFrame);
    assertFalse(out.get(0).isFinalFragment());
    assertEquals(4, out.get(0).rsv());
    assertArrayEquals(new byte[] {1, 2, 3}, bytes(out.get(0)));
    assertTrue(out.get(1) instanceof ContinuationWebSocketFrame);
    assertTrue(out.get(1).isFinalFragment());
    assertArrayEquals(new byte[] {4, 5}, bytes(out.get(1)));
  }

  @Test
  void onAnotherThreadNothingIsLentAndNothingIsReleased() throws Exception {
    WebSocketFrame held = read(10_000, 'x');
    byte[] array = array(held);
    assertTrue(slabs.lends(array));
    CompletableFuture<Boolean> lentThere = CompletableFuture.supplyAsync(() -> {
      slabs.release(array);
      return slabs.lends(array);
    });
    assertFalse(lentThere.get());
    // the release over there did not count: the frame still holds its slab, which is never written over
    for (int i = 0; i < 20; i++) {
      slabs.release(array(read(10_000, 'y')));
    }
    assertArrayEquals(filled(10_000, 'x'), bytes(held));
    assertEquals(2, slabs.allocated());
  }

  @Test
  void notInstalledOffTheSocketsEventLoop() throws Exception {
    EmbeddedChannel other = new EmbeddedChannel();
    other.pipeline().addLast("handler", new ChannelInboundHandlerAdapter());
    FrameSlabs elsewhere = new FrameSlabs();
    assertTrue(elsewhere.install(other.pipeline()));
    // a second socket whose reads would happen on another thread than the first's is left to Vert.x's copy
    EmbeddedChannel second = new EmbeddedChannel();
    second.pipeline().addLast("handler", new ChannelInboundHandlerAdapter());
    assertFalse(CompletableFuture.supplyAsync(() -> elsewhere.install(second.pipeline())).get());
    assertNull(second.pipeline().get("cordbus-frame-slabs"));
    assertNotNull(other.pipeline().get("cordbus-frame-slabs"));
  }
}
