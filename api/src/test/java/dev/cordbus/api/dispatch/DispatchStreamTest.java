package dev.cordbus.api.dispatch;

import static dev.cordbus.api.dispatch.Waits.await;
import static dev.cordbus.api.dispatch.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiving end of the dispatch streams over real TCP on 127.0.0.1: batches arrive whole, in order and equal to
 * what was sent however the bytes are cut, the first batches of a stream wait for what its publisher sent over the
 * event bus before, and a connection sending garbage is closed without disturbing the others.
 */
class DispatchStreamTest {

  private Vertx vertx;
  private NetClient client;
  private RelayLedger ledger;
  private StreamServer server;
  private ContextInternal context;
  private final List<Object[]> delivered = new CopyOnWriteArrayList<>();
  private final long lostBefore = RelayLedger.lost();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    client = vertx.createNetClient();
    ledger = new RelayLedger();
    context = ((VertxInternal) vertx).createEventLoopContext();
    CompletableFuture<Void> listening = new CompletableFuture<>();
    context.runOnContext(v -> {
      server = new StreamServer((VertxInternal) vertx, ledger, (sender, sent, batch) -> {
        ledger.arrived(vertx.eventBus(), sender, sent, batch.frames().size());
        delivered.add(new Object[] {sender, sent, batch});
      });
      server.listen("127.0.0.1", 0).onComplete(ar -> {
        if (ar.succeeded()) {
          listening.complete(null);
        } else {
          listening.completeExceptionally(ar.cause());
        }
      });
    });
    listening.get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void batchesArriveWholeInOrderAndEqualHoweverTheBytesAreCut() throws Exception {
    Random random = new Random(42);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    append(wire, DispatchStreams.helloRecord(0, "group-0/abc"));
    List<DispatchBatch> sent = new ArrayList<>();
    long count = 0;
    for (int i = 0; i < 61; i++) {
      // the last one is 3 MB: past StreamServer.GROW_FROM its array grows as its bytes arrive
      DispatchBatch batch = i < 60 ? batch(random, i) : big(random);
      sent.add(batch);
      count += batch.frames().size();
      append(wire, DispatchStreams.batchRecord(count, batch));
    }
    byte[] all = wire.toByteArray();
    NetSocket socket = connect();
    // pieces of 1 byte to 40 KB: lengths, headers and bodies cut everywhere, several records in one piece
    for (int p = 0; p < all.length; ) {
      int n = Math.min(all.length - p, random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 1 + random.nextInt(40_000));
      await(socket.write(Buffer.buffer().appendBytes(all, p, n)));
      p += n;
    }
    waitFor(() -> delivered.size() == sent.size());
    long expected = 0;
    for (int i = 0; i < sent.size(); i++) {
      expected += sent.get(i).frames().size();
      assertEquals("group-0/abc", delivered.get(i)[0]);
      assertEquals(expected, delivered.get(i)[1], "numbered as sent, in order");
      assertSame(sent.get(i), (DispatchBatch) delivered.get(i)[2]);
    }
    assertEquals(0, RelayLedger.lost() - lostBefore, "nothing reported lost");
  }

  @Test
  void aStreamsFirstBatchesWaitForWhatItsPublisherSentOverTheBusBefore() throws Exception {
    Random random = new Random(7);
    NetSocket socket = connect();
    DispatchBatch first = batch(random, 1);
    int size = first.frames().size();
    // the publisher sent 10 dispatches over the event bus, then switched to its stream
    await(socket.write(buffer(DispatchStreams.helloRecord(10, "p"))));
    await(socket.write(buffer(DispatchStreams.batchRecord(10 + size, first))));
    Thread.sleep(300);
    assertEquals(0, delivered.size(), "the stream's batch waits while the bus's 10 dispatches are on their way");
    context.runOnContext(v -> { // on the relay's context, as the bus consumer does
      ledger.arrived(vertx.eventBus(), "p", 10, 10); // the relay hands out the bus's batch
      delivered.add(new Object[] {"p", 10L, null});
      server.busArrived("p");
    });
    waitFor(() -> delivered.size() == 2);
    assertEquals(10L, delivered.get(0)[1], "the bus's batch first");
    assertEquals(10L + size, delivered.get(1)[1], "then the stream's");

    // a stream whose earlier bus batches never come goes on after HOLD_MS
    NetSocket other = connect();
    long start = System.nanoTime();
    await(other.write(buffer(DispatchStreams.helloRecord(5, "q"))));
    await(other.write(buffer(DispatchStreams.batchRecord(5 + size, first))));
    waitFor(() -> delivered.size() == 3);
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(waited >= StreamServer.HOLD_MS - 100, "waited " + waited + " ms for the bus");
    assertEquals("q", delivered.get(2)[0]);
  }

  @Test
  void aConnectionSendingGarbageIsClosedAndTheOthersGoOn() throws Exception {
    Random random = new Random(3);
    NetSocket good = connect();
    await(good.write(buffer(DispatchStreams.helloRecord(0, "good"))));
    NetSocket bad = connect();
    CompletableFuture<Void> badClosed = new CompletableFuture<>();
    bad.closeHandler(v -> badClosed.complete(null));
    await(bad.write(Buffer.buffer("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));
    badClosed.get(10, TimeUnit.SECONDS);

    NetSocket noHello = connect();
    CompletableFuture<Void> noHelloClosed = new CompletableFuture<>();
    noHello.closeHandler(v -> noHelloClosed.complete(null));
    await(noHello.write(buffer(DispatchStreams.batchRecord(1, batch(random, 0)))));
    noHelloClosed.get(10, TimeUnit.SECONDS);

    DispatchBatch batch = batch(random, 2);
    await(good.write(buffer(DispatchStreams.batchRecord(batch.frames().size(), batch))));
    waitFor(() -> delivered.size() == 1);
    assertEquals("good", delivered.get(0)[0]);
    assertSame(batch, (DispatchBatch) delivered.get(0)[2]);
  }

  /** A batch of 1 to 64 dispatches of 2 bytes to 8 KB, UTF-8 text included, some without guild or session. */
  private static DispatchBatch batch(Random random, int i) {
    DispatchBatch batch = new DispatchBatch();
    int n = 1 + random.nextInt(64);
    for (int k = 0; k < n; k++) {
      StringBuilder d = new StringBuilder("{\"content\":\"h\u00e9 \uD83D\uDD25 ");
      int len = random.nextInt(8_000);
      for (int c = 0; c < len; c++) {
        d.append((char) ('a' + random.nextInt(26)));
      }
      byte[] bytes = ("xx" + d + "\"}").getBytes(StandardCharsets.UTF_8);
      batch.add(new DispatchFrame(i % 3, i * 100L + k, k % 2 == 0 ? "MESSAGE_CREATE" : "TYPING_START",
          k % 5 == 0 ? null : "81384788765712384", k % 7 == 0 ? null : "s\u00e9ss", System.nanoTime(),
          System.currentTimeMillis(), bytes, 2, bytes.length - 2));
    }
    return batch;
  }

  /** 40 dispatches of 80 KB. */
  private static DispatchBatch big(Random random) {
    DispatchBatch batch = new DispatchBatch();
    for (int k = 0; k < 40; k++) {
      byte[] bytes = new byte[80_000];
      for (int c = 0; c < bytes.length; c++) {
        bytes[c] = (byte) ('a' + random.nextInt(26));
      }
      bytes[0] = '"';
      bytes[bytes.length - 1] = '"';
      batch.add(new DispatchFrame(1, 10_000 + k, "GUILD_CREATE", "1", "s", 0, 0, bytes, 0, bytes.length));
    }
    return batch;
  }

  private static void assertSame(DispatchBatch expected, DispatchBatch actual) {
    assertEquals(expected.frames().size(), actual.frames().size());
    for (int k = 0; k < expected.frames().size(); k++) {
      DispatchFrame e = expected.frames().get(k);
      DispatchFrame a = actual.frames().get(k);
      assertEquals(List.of(e.shard(), e.seq(), e.nanos(), e.millis()), List.of(a.shard(), a.seq(), a.nanos(),
          a.millis()));
      assertEquals(e.event(), a.event());
      assertEquals(e.guild(), a.guild());
      assertEquals(e.session(), a.session());
      assertEquals(new String(e.array(), e.offset(), e.length(), StandardCharsets.UTF_8),
          new String(a.array(), a.offset(), a.length(), StandardCharsets.UTF_8));
    }
  }

  private NetSocket connect() throws Exception {
    return await(client.connect(server.endpoint().getInteger("port"), "127.0.0.1"));
  }

  private static Buffer buffer(ByteBuf record) {
    byte[] bytes = new byte[record.readableBytes()];
    record.readBytes(bytes);
    record.release();
    return Buffer.buffer(bytes);
  }

  private static void append(ByteArrayOutputStream out, ByteBuf record) {
    out.writeBytes(buffer(record).getBytes());
  }
}
