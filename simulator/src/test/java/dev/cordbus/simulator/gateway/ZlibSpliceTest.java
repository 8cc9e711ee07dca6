package dev.cordbus.simulator.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.simulator.gateway.RenderedDispatch.Part;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * Spliced firehose frames and the connection's own deflater share one zlib stream: a single Inflater (one context per
 * connection, as every client keeps it) must read every payload back, in any interleaving.
 */
class ZlibSpliceTest {

  private static final String TAIL = "\",\"content\":\"a sentence — with some text that repeats, repeats, repeats\","
      + "\"embeds\":[{\"title\":\"\uD83D\uDD25 fire\"}]}}";

  private static RenderedDispatch message(String id) {
    Part head = Part.variable("{\"id\":\"" + id);
    return new RenderedDispatch(RenderedDispatch.Event.inGuild("MESSAGE_CREATE"), 1L,
        new Part[] {head, Part.constant(TAIL)}, new Part[] {head, Part.constant("\",\"content\":\"\"}}")});
  }

  private static RenderedDispatch reaction(String messageId) {
    return new RenderedDispatch(RenderedDispatch.Event.inGuild("MESSAGE_REACTION_ADD"), 1L,
        new Part[] {Part.constant("{\"user_id\":\"1\",\"message_id\":\""), Part.variable(messageId + "\"}}")},
        null);
  }

  /** Inflates one payload through the connection's inflater (it must end with the flush marker). */
  private static String inflate(Inflater in, Buffer payload) throws DataFormatException {
    return inflate(in, payload.getBytes());
  }

  private static String inflate(Inflater in, byte[] b) throws DataFormatException {
    int n = b.length;
    assertTrue(n >= 4 && b[n - 4] == 0 && b[n - 3] == 0 && b[n - 2] == (byte) 0xff && b[n - 1] == (byte) 0xff,
        "every payload ends with 00 00 ff ff");
    in.setInput(b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    while (!in.needsInput()) {
      int k = in.inflate(chunk);
      out.write(chunk, 0, k);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void splicedFramesAndLivePayloadsReadBackThroughOneInflater() throws Exception {
    ZlibStreamEncoder live = new ZlibStreamEncoder();
    Inflater in = new Inflater();
    try {
      String hello = Frames.hello(41_250);
      assertEquals(hello, inflate(in, live.encode(hello.getBytes(StandardCharsets.UTF_8))));
      long seq = 0;
      for (int round = 0; round < 50; round++) {
        for (int i = 0; i < round % 4; i++) {
          RenderedDispatch d = round % 3 == 0 ? reaction("9" + round) : message("10" + round + i);
          boolean blank = round % 5 == 0;
          ByteBuf payload = Unpooled.buffer(16);
          live.writeSpliced(payload, d, ++seq, blank);
          assertTrue(payload.readableBytes() <= d.zlibSize(seq, blank) + 16, "zlibSize bounds the splice");
          String expected = new String(d.text(seq, blank), StandardCharsets.UTF_8);
          assertEquals(expected, inflate(in, ByteBufUtil.getBytes(payload)));
          assertEquals(expected, d.textString(seq, blank));
          assertEquals(d.text(seq, blank).length, d.size(seq, blank));
        }
        String ack = round % 2 == 0 ? Frames.heartbeatAck() : Frames.dispatch(++seq, "GUILD_CREATE",
            "{\"id\":\"1\",\"name\":\"a guild — with a name that repeats, repeats\",\"members\":[]}");
        assertEquals(ack, inflate(in, live.encode(ack.getBytes(StandardCharsets.UTF_8))),
            "the live deflater never refers back across spliced bytes");
      }
    } finally {
      live.end();
      in.end();
    }
  }

  @Test
  void renderedTextIsTheFrameFramesWouldWrite() {
    RenderedDispatch d = message("123");
    assertArrayEquals(Frames.dispatch(7, "MESSAGE_CREATE", "{\"id\":\"123" + TAIL.substring(0, TAIL.length() - 1))
        .getBytes(StandardCharsets.UTF_8), d.text(7, false));
    assertEquals(Frames.dispatch(8, "MESSAGE_CREATE", "{\"id\":\"123\",\"content\":\"\"}"), d.textString(8, true));
  }

  @Test
  void sequenceNumbersOfAnyLengthAreWrittenAsDigits() {
    RenderedDispatch d = message("1");
    for (long seq : new long[] {1, 9, 10, 99, 100, 123_456_789L, Long.MAX_VALUE}) {
      ByteBuf out = Unpooled.buffer();
      d.writeText(out, seq, false);
      assertEquals(Frames.dispatch(seq, "MESSAGE_CREATE", "{\"id\":\"1" + TAIL.substring(0, TAIL.length() - 1)),
          out.toString(StandardCharsets.UTF_8));
      assertEquals(out.readableBytes(), d.size(seq, false));
    }
  }
}
