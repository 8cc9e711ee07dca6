package dev.cordbus.api.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DispatchWireTest {

  private static final String D = "{\"id\":\"1534984653373571072\",\"n\":12345678901234,\"f\":1.5,\"ok\":true,"
      + "\"none\":null,\"content\":\"h\\u00e9 \\uD83D\\uDD25\",\"a\":[1,{\"b\":\"c\"}]}";

  @Test
  void aBodyIsTheJsonObjectOfItsBytesAndParsesOnlyWhenRead() {
    byte[] bytes = ("xx" + D + "yy").getBytes(StandardCharsets.UTF_8);
    JsonObject body = DispatchBody.json(bytes, 2, bytes.length - 4);
    DispatchBody raw = DispatchBody.of(body);
    assertNotNull(raw);
    assertFalse(raw.isParsed(), "nothing parsed until a field is read");
    assertEquals(D, raw.toBuffer().toString());
    assertEquals(new JsonObject(D), body, "field for field what Vert.x would build");
    assertTrue(raw.isParsed());
    assertEquals(12345678901234L, body.getLong("n"));
    assertEquals("c", body.getJsonArray("a").getJsonObject(1).getString("b"));
    assertEquals(new JsonObject(D), body.copy());
    assertEquals(new JsonObject(D), new JsonObject(body.encode()));
    assertNull(DispatchBody.of(new JsonObject(D)), "a body built another way has no bytes");
    assertEquals(new JsonObject(D), new JsonObject(DispatchBody.bytesOf(new JsonObject(D))));
  }

  @Test
  void aBrokenBodyFailsWhenReadNotBefore() {
    byte[] bytes = "{\"a\":".getBytes(StandardCharsets.UTF_8);
    JsonObject body = DispatchBody.json(bytes, 0, bytes.length);
    assertThrows(DecodeException.class, () -> body.getString("a"));
  }

  @Test
  void concurrentReadersShareOneTree() throws Exception {
    byte[] bytes = D.getBytes(StandardCharsets.UTF_8);
    JsonObject body = DispatchBody.json(bytes, 0, bytes.length);
    var arrays = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(4);
    for (int i = 0; i < 4; i++) {
      new Thread(() -> {
        arrays.add(System.identityHashCode(body.getJsonArray("a").getList()));
        done.countDown();
      }).start();
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(1, arrays.size(), "one tree, built once");
  }

  @Test
  void aBatchCrossesTheWireWithItsBytesAndFacts() {
    DispatchBatch batch = new DispatchBatch();
    byte[] a = ("__" + D).getBytes(StandardCharsets.UTF_8);
    batch.add(new DispatchFrame(3, 7, "MESSAGE_CREATE", "9", "sess", 11, 12, a, 2, a.length - 2));
    batch.add(new DispatchFrame(3, 8, "MESSAGE_CREATE", "9", "sess", 11, 12, a, 2, a.length - 2));
    batch.add(new DispatchFrame(3, 9, "MESSAGE_CREATF", "9", "sesz", 11, 12, a, 2, a.length - 2));
    byte[] b = "{}".getBytes(StandardCharsets.UTF_8);
    batch.add(new DispatchFrame(0, Long.MAX_VALUE, "TYPING_START", null, null, -1, 0, b, 0, 2));
    DispatchBatchCodec codec = new DispatchBatchCodec();
    Buffer wire = Buffer.buffer("prefix");
    codec.encodeToWire(wire, batch);
    DispatchBatch back = codec.decodeFromWire(6, wire);
    List<DispatchFrame> f = back.frames();
    assertEquals(4, f.size());
    assertSame(f.get(0).event(), f.get(1).event(), "a repeated event name is decoded once");
    assertEquals(List.of("MESSAGE_CREATF", "sesz"), List.of(f.get(2).event(), f.get(2).session()));
    assertEquals(List.of(3, 7L, "MESSAGE_CREATE", "9", "sess", 11L, 12L),
        List.of(f.get(0).shard(), f.get(0).seq(), f.get(0).event(), f.get(0).guild(), f.get(0).session(),
            f.get(0).nanos(), f.get(0).millis()));
    assertEquals(new JsonObject(D), DispatchBody.json(f.get(0).array(), f.get(0).offset(), f.get(0).length()));
    assertEquals(Long.MAX_VALUE, f.get(3).seq());
    assertNull(f.get(3).guild());
    assertNull(f.get(3).session());
    assertEquals(new JsonObject(), DispatchBody.json(f.get(3).array(), f.get(3).offset(), f.get(3).length()));
    assertSame(batch, codec.transform(batch), "within a node the batch is passed by reference");
    // as the event bus hands a message over: a buffer of its own, exactly its bytes; read in place, same frames
    Buffer own = Buffer.buffer(wire.getBytes());
    List<DispatchFrame> inPlace = codec.decodeFromWire(6, own).frames();
    assertEquals(own.length(), inPlace.get(0).array().length, "the frames are slices of the message's own array");
    for (int i = 0; i < 4; i++) {
      DispatchFrame x = inPlace.get(i);
      DispatchFrame y = f.get(i);
      assertEquals(List.of(y.shard(), y.seq(), y.event(), String.valueOf(y.guild()), String.valueOf(y.session()),
          y.nanos(), y.millis()), List.of(x.shard(), x.seq(), x.event(), String.valueOf(x.guild()),
          String.valueOf(x.session()), x.nanos(), x.millis()));
      assertEquals(DispatchBody.json(y.array(), y.offset(), y.length()),
          DispatchBody.json(x.array(), x.offset(), x.length()));
    }
  }

  @Test
  void aBatchEncodesTheSameIntoHeapAndDirectBuffersWithNonAsciiFacts() {
    DispatchBatch batch = new DispatchBatch();
    byte[] a = D.getBytes(StandardCharsets.UTF_8);
    batch.add(new DispatchFrame(1, 2, "MESSAGE_CREATE", "g\u00e9", "s\uD83D\uDD25", 3, 4, a, 0, a.length));
    batch.add(new DispatchFrame(1, 3, "READY", null, "plain", 5, 6, a, 0, a.length));
    DispatchBatchCodec codec = new DispatchBatchCodec();
    Buffer heap = Buffer.buffer("pre");
    Buffer direct = io.vertx.core.internal.buffer.BufferInternal.buffer(io.netty.buffer.Unpooled.directBuffer(4))
        .appendString("pre");
    codec.encodeToWire(heap, batch);
    codec.encodeToWire(direct, batch);
    assertEquals(heap, direct, "the same bytes, written in place or through a copy");
    assertEquals(heap.length() - 3, heap.getInt(3), "the record's length is its first int");
    for (Buffer wire : List.of(heap, direct)) {
      List<DispatchFrame> f = codec.decodeFromWire(3, wire).frames();
      assertEquals(List.of("g\u00e9", "s\uD83D\uDD25", "READY", "plain"),
          List.of(f.get(0).guild(), f.get(0).session(), f.get(1).event(), f.get(1).session()));
      assertEquals(new JsonObject(D), DispatchBody.json(f.get(1).array(), f.get(1).offset(), f.get(1).length()));
    }
  }
}
