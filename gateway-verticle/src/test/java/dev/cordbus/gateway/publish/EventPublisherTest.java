package dev.cordbus.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.gateway.compression.Utf8;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.api.dispatch.DispatchRelay;
import io.vertx.core.Context;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Publishing dispatches on a plain (non-clustered) Vert.x: one parse, every local consumer gets the body. */
class EventPublisherTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void everyLocalConsumerReceivesTheParsedBodyWithTheHeadersAndNoCopy() throws Exception {
    List<Message<JsonObject>> got = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 2; i++) {
      vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), got::add).completion().await();
    }
    DispatchRelay.install(vertx).await(5, TimeUnit.SECONDS);
    Context ctx = vertx.getOrCreateContext();
    EventPublisher[] publisher = new EventPublisher[1];
    Frame f = new FrameParser().parse("{\"op\":0,\"s\":7,\"t\":\"MESSAGE_CREATE\",\"d\":{\"id\":\"5\","
        + "\"guild_id\":\"9\",\"content\":\"hé\",\"embeds\":[{\"title\":\"x\"}]}}");
    ctx.runOnContext(v -> {
      publisher[0] = new EventPublisher(vertx, "g", false);
      new EventPublisher(vertx, "g2", false); // a second gateway verticle on the same Vert.x is fine
      publisher[0].dispatch(3, f, "sess", 11L, 12L);
    });
    long deadline = System.currentTimeMillis() + 5_000;
    while (got.size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(2, got.size());
    for (Message<JsonObject> m : got) {
      assertEquals("hé", m.body().getString("content"));
      assertEquals("x", m.body().getJsonArray("embeds").getJsonObject(0).getString("title"));
      assertEquals("3", m.headers().get(Headers.SHARD));
      assertEquals("7", m.headers().get(Headers.SEQ));
      assertEquals("MESSAGE_CREATE", m.headers().get(Headers.EVENT));
      assertEquals("9", m.headers().get(Headers.GUILD));
      assertEquals("sess", m.headers().get(Headers.SESSION));
      assertEquals("11", m.headers().get(Headers.RECEIVED_NANOS));
    }
    assertSame(got.get(0).body(), got.get(1).body(), "one parsed body, shared read-only by local consumers");
    assertTrue(DispatchBody.of(got.get(0).body()) != null, "the body keeps the received bytes");
  }

  @Test
  void utf8FastPathKeepsStrictness() {
    assertEquals("h\u00e9 \uD83D\uDD25", Utf8.decodeStrict("h\u00e9 \uD83D\uDD25".getBytes(StandardCharsets.UTF_8)));
    assertEquals("a\uFFFDb", Utf8.decodeStrict("a\uFFFDb".getBytes(StandardCharsets.UTF_8)),
        "a genuine U+FFFD is kept");
    for (byte[] ok : List.of("h\u00e9 \uD83D\uDD25 \u20ac".getBytes(StandardCharsets.UTF_8), new byte[0])) {
      assertTrue(Utf8.isValid(ok, 0, ok.length));
    }
    for (byte[] bad : List.of(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, new byte[] {'a', (byte) 0xC3},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
        new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80})) {
      assertFalse(Utf8.isValid(bad, 0, bad.length), java.util.Arrays.toString(bad));
    }
    for (byte[] bad : List.of(new byte[] {'a', (byte) 0xC3}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF})) {
      try {
        Utf8.decodeStrict(bad);
        throw new AssertionError("accepted malformed UTF-8");
      } catch (dev.cordbus.gateway.error.GatewayException expected) {
        assertEquals(dev.cordbus.gateway.error.GatewayException.Kind.BAD_FRAME, expected.kind());
      }
    }
  }
}
