package dev.cordbus.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a shard's connection assembles WebSocket messages from frames (it does so itself, as bytes). */
class ConnectionMessageTest {

  private final Connection c = new Connection(null, "ws://127.0.0.1", null);

  @Test
  void aWholeTextFrameIsOneTextMessage() throws GatewayException {
    Buffer m = message(c, WebSocketFrame.textFrame("{\"op\":11,\"d\":\"é\"}", true));
    assertEquals("{\"op\":11,\"d\":\"é\"}", new String(m.getBytes(), StandardCharsets.UTF_8));
    assertTrue(c.text());
  }

  @Test
  void fragmentsAreJoinedInOrderKeepingTheFirstFramesKind() throws GatewayException {
    assertNull(message(c, WebSocketFrame.binaryFrame(Buffer.buffer("ab"), false)));
    assertNull(message(c, WebSocketFrame.pingFrame(Buffer.buffer("p"))));
    assertNull(message(c, WebSocketFrame.continuationFrame(Buffer.buffer("cd"), false)));
    Buffer m = message(c, WebSocketFrame.continuationFrame(Buffer.buffer("ef"), true));
    assertEquals("abcdef", m.toString());
    assertFalse(c.text());

    // a split multi-byte character is joined as bytes, not decoded per fragment
    byte[] e = "é".getBytes(StandardCharsets.UTF_8);
    assertNull(message(c, WebSocketFrame.textFrame("\"x", false)));
    assertNull(message(c, WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {e[0]}), false)));
    m = message(c, WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {e[1], '"'}), true));
    assertEquals("\"xé\"", new String(m.getBytes(), StandardCharsets.UTF_8));
    assertTrue(c.text());
  }

  @Test
  void aStrayContinuationIsIgnored() throws GatewayException {
    assertNull(message(c, WebSocketFrame.continuationFrame(Buffer.buffer("zz"), true)));
  }

  @Test
  void aMessageLargerThanTheLimitIsABadFrameAndTheNextMessageIsClean() throws GatewayException {
    byte[] mib = new byte[1024 * 1024];
    assertNull(message(c, WebSocketFrame.binaryFrame(Buffer.buffer(mib), false)));
    GatewayException e = null;
    for (int i = 0; i < 20 && e == null; i++) {
      try {
        message(c, WebSocketFrame.continuationFrame(Buffer.buffer(mib), false));
      } catch (GatewayException tooBig) {
        e = tooBig;
      }
    }
    assertEquals(GatewayException.Kind.BAD_FRAME, e.kind());
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    assertNull(message(c, WebSocketFrame.continuationFrame(Buffer.buffer(mib), true)), "the rest is dropped");
    assertEquals("{}", message(c, WebSocketFrame.textFrame("{}", true)).toString());
  }

  /** As the shard hands a frame over: with its data, asked for once. */
  private static Buffer message(Connection c, WebSocketFrame frame) throws GatewayException {
    return c.message(frame, frame.binaryData());
  }
}
