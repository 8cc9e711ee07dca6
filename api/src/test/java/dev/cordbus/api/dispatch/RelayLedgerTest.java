package dev.cordbus.api.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's jobs besides fanning out: reporting dispatches the cluster dropped on their way to this node,
 * acknowledging what its consumers have taken (flow control), and building no message for an address nobody on this
 * node consumes. A real Vert.x; batches reach the relay on its
 * address as they would from a gateway of another node, some of them "dropped" by not being sent.
 */
class RelayLedgerTest {

  private final Vertx vertx = Vertx.vertx();
  /** The seqs of the MESSAGE_CREATE dispatches the relay handed out here ({@link #listen}). */
  private final List<Long> seqs = new CopyOnWriteArrayList<>();
  /** What {@code discord.error} got here ({@link #listen}). */
  private final List<JsonObject> errors = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void dispatchesTheClusterDroppedAreReportedOnDiscordErrorWithTheirCount() throws Exception {
    listen();
    RelayLedger.Sender sender = new RelayLedger.Sender("group-0");
    long lostBefore = RelayLedger.lost();
    for (int b = 0; b < 6; b++) {
      DispatchBatch batch = three(3 * b + 1);
      DeliveryOptions options = sender.next(DispatchRelay.nodeId(vertx), batch.frames().size(),
          new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME));
      if (b == 2 || b == 3) {
        continue; // the cluster dropped batches 2 and 3: 6 dispatches
      }
      vertx.eventBus().publish(Addresses.dispatches(DispatchRelay.nodeId(vertx)), batch, options);
    }
    waitFor(() -> seqs.size() == 12 && errors.size() == 1);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 13L, 14L, 15L, 16L, 17L, 18L), seqs);
    JsonObject error = errors.get(0);
    assertEquals(ErrorKinds.DISPATCHES_LOST, error.getString("kind"));
    assertEquals(6, error.getLong("lost"), error.encode());
    assertTrue(error.getString("sender").startsWith("group-0/"), error.encode());
    assertTrue(error.getString("message").contains("never reached this node"), error.encode());
    assertEquals(6, RelayLedger.lost() - lostBefore);
  }

  @Test
  void aSeqNoPublisherDeliveredIsReportedAfterTheGracePeriodWhileLateOnesFromAnotherPublisherAreNot()
      throws Exception {
    System.setProperty(ShardSeqs.GRACE_PROPERTY, "400");
    try {
      listen();
    } finally {
      System.clearProperty(ShardSeqs.GRACE_PROPERTY);
    }
    // the shard's group moved: the new holder's stream (seqs 7 to 12) arrives before the old holder's tail (4 to 5),
    // and seq 6 never comes (no ledger sees it: each sender's own numbering has no gap)
    RelayLedger.Sender old = new RelayLedger.Sender("group-0");
    RelayLedger.Sender moved = new RelayLedger.Sender("group-0");
    String node = DispatchRelay.nodeId(vertx);
    DeliveryOptions base = new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME);
    vertx.eventBus().publish(Addresses.dispatches(node), three(1), old.next(node, 3, base));
    vertx.eventBus().publish(Addresses.dispatches(node), three(7), moved.next(node, 3, base));
    vertx.eventBus().publish(Addresses.dispatches(node), three(10), moved.next(node, 3, base));
    DispatchBatch tail = new DispatchBatch();
    tail.add(frame(4));
    tail.add(frame(5));
    vertx.eventBus().publish(Addresses.dispatches(node), tail, old.next(node, 2, base));
    waitFor(() -> seqs.size() == 11 && errors.size() == 1);
    JsonObject error = errors.get(0);
    assertEquals(ErrorKinds.DISPATCHES_LOST, error.getString("kind"));
    assertEquals(1, error.getLong("lost"), error.encode());
    assertEquals(0, error.getInteger("shard"), error.encode());
    assertEquals(6, error.getLong("fromSeq"), error.encode());
    assertEquals(6, error.getLong("toSeq"), error.encode());
    assertTrue(error.getString("message").contains("never reached this node"), error.encode());
    Thread.sleep(1_500);
    assertEquals(1, errors.size(), "reported once: " + errors);
  }

  @Test
  void theFirstBatchOfASenderIsTheBaselineAndAnUnbrokenStreamReportsNothing() throws Exception {
    listen();
    RelayLedger.Sender sender = new RelayLedger.Sender("group-1");
    for (int b = 0; b < 40; b++) {
      DispatchBatch batch = new DispatchBatch();
      batch.add(frame(b + 1));
      DeliveryOptions options = sender.next(DispatchRelay.nodeId(vertx), 1,
          new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME));
      if (b < 10) {
        continue; // sent before this node's relay was known to the sender (a node that joins late)
      }
      vertx.eventBus().publish(Addresses.dispatches(DispatchRelay.nodeId(vertx)), batch, options);
    }
    waitFor(() -> seqs.size() == 30);
    Thread.sleep(200);
    assertEquals(List.of(), errors);
  }

  @Test
  void theRelaySeesWhichAddressesHaveAConsumerHereAndPublishesEverythingWhileAnInterceptorWatches() throws Exception {
    await(DispatchRelay.install(vertx));
    String address = Addresses.dispatch("MESSAGE_CREATE");
    java.util.Map<String, ?> table = LocalHandlers.of(vertx.eventBus());
    assertTrue(table != null && !table.containsKey(address), "no consumer yet: the relay skips the address");
    assertTrue(LocalHandlers.unheard(vertx, address), "a publish would reach no one");
    List<Long> seqs = new CopyOnWriteArrayList<>();
    var consumer = vertx.eventBus().consumer(address, m -> seqs.add(Long.parseLong(m.headers().get("seq"))));
    assertTrue(LocalHandlers.of(vertx.eventBus()).containsKey(address), "seen from the moment consumer() returns");
    assertTrue(!LocalHandlers.unheard(vertx, address));
    await(consumer.completion());
    DispatchBatch batch = new DispatchBatch();
    batch.add(frame(1));
    DispatchRelay.fanOut(vertx.eventBus(), batch);
    waitFor(() -> seqs.size() == 1);
    await(consumer.unregister());
    assertTrue(!LocalHandlers.of(vertx.eventBus()).containsKey(address), "gone with the consumer");
    AtomicInteger intercepted = new AtomicInteger();
    vertx.eventBus().addOutboundInterceptor(ctx -> {
      if (ctx.message().address().equals(address)) {
        intercepted.incrementAndGet();
      }
      ctx.next();
    });
    assertEquals(null, LocalHandlers.of(vertx.eventBus()), "an interceptor sees every dispatch, as before");
    assertTrue(!LocalHandlers.unheard(vertx, address), "nor is any other publish skipped while it watches");
    DispatchRelay.fanOut(vertx.eventBus(), batch);
    assertEquals(1, intercepted.get());
  }

  /**
   * The flow control: a relay acknowledges a publisher's dispatches only once this node's consumers have taken them
   * (a slow consumer holds the acknowledgement back), and the publisher's {@link RelayLedger.Sender} turns the
   * acknowledgements into how far the slowest node is behind.
   */
  @Test
  void anAcknowledgementNeverRunsAheadOfASlowConsumer() throws Exception {
    await(DispatchRelay.install(vertx));
    AtomicInteger handled = new AtomicInteger();
    await(vertx.eventBus().consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
      long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(500); // a slow consumer: 0.5 ms a dispatch
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      handled.incrementAndGet();
    }).completion());
    RelayLedger.Sender sender = new RelayLedger.Sender("group-0");
    List<long[]> acks = new CopyOnWriteArrayList<>(); // {acked, handled when it arrived}
    List<String> nodes = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().<JsonObject>consumer(Addresses.relayAck(sender.id()), m -> {
      acks.add(new long[] {m.body().getLong("acked"), handled.get()});
      nodes.add(m.body().getString("node"));
    }).completion());
    String node = DispatchRelay.nodeId(vertx);
    long total = 5 * 500;
    long seq = 0;
    for (int b = 0; b < 5; b++) {
      DispatchBatch batch = new DispatchBatch();
      for (int i = 0; i < 500; i++) {
        batch.add(frame(++seq));
      }
      vertx.eventBus().publish(Addresses.dispatches(node), batch, sender.next(node, batch.frames().size(),
          new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME)));
    }
    waitFor(() -> handled.get() == total);
    Thread.sleep(300);
    assertTrue(!acks.isEmpty(), "acknowledged");
    for (long[] a : acks) {
      assertTrue(a[0] <= a[1], "acknowledged " + a[0] + " when the consumer had handled " + a[1]);
      assertTrue(a[0] >= RelayAcks.ACK_EVERY, "no round before " + RelayAcks.ACK_EVERY + " were handed out: " + a[0]);
    }
    long last = acks.get(acks.size() - 1)[0];
    assertTrue(total - last < RelayAcks.ACK_EVERY, "what is left unacknowledged is below a round: " + last);
    assertEquals(List.of(node), nodes.stream().distinct().toList());
    assertEquals(0, sender.behind(), "a node that never answered is not waited for");
    sender.acked(node, 500);
    assertEquals(total - 500, sender.behind());
    sender.acked(node, total + 1);
    assertEquals(total - 500, sender.behind(), "more than was sent is ignored");
    sender.acked(node, 300);
    assertEquals(total - 500, sender.behind(), "an older acknowledgement changes nothing");
    sender.acked(node, total);
    assertEquals(0, sender.behind());
    String other = "frozen-node";
    long big = toBoth(sender, 10_000, node, other); // a batch of 10,000 to both nodes
    sender.acked(node, big);
    sender.acked(other, total + 1);
    assertEquals(9_999, sender.behind(), "the frozen node is waited for");
    sender.skipLagging(4096); // the gateway's pause ran out
    assertEquals(0, sender.behind(), "not any more: it stalled the gateway for the longest pause");
    long after = toBoth(sender, 100, node, other);
    assertEquals(100, sender.behind(), "the others still are");
    sender.acked(other, total + 2);
    assertEquals(after - total - 2, sender.behind(), "it acknowledged something: waited for again");
    sender.retain(List.of(node));
    assertEquals(100, sender.behind(), "a node that left is forgotten");
    sender.acked(node, after);
    assertEquals(0, sender.behind());
    sender.retain(List.of(node, other));
    long back = toBoth(sender, 10, node, other);
    assertEquals(10, sender.behind(), "one that is back is not waited for until it answers");
    sender.acked(other, back - 5);
    assertEquals(10, sender.behind());
    sender.acked(node, back);
    assertEquals(5, sender.behind());
  }

  /**
   * A node out of the sender's view of the cluster for a while (split off, then merged back with the same id) is
   * sent nothing meanwhile, and on its return its relay reports what was published without it.
   */
  @Test
  void aNodeBackInTheSendersViewReportsWhatWasPublishedWhileItWasOut() throws Exception {
    listen();
    RelayLedger.Sender sender = new RelayLedger.Sender("group-2");
    String node = DispatchRelay.nodeId(vertx);
    long lostBefore = RelayLedger.lost();
    for (int b = 0; b < 6; b++) {
      DispatchBatch batch = three(3 * b + 1);
      boolean away = b == 2 || b == 3; // batches 2 and 3 (6 dispatches) go to the gateway's node only
      sender.retain(away ? List.of("gateway-node") : List.of("gateway-node", node));
      long number = sender.number(batch.frames().size());
      if (!away) {
        vertx.eventBus().publish(Addresses.dispatches(node), batch, sender.options(node, number,
            new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME)));
      }
    }
    waitFor(() -> seqs.size() == 12 && errors.size() == 1);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 13L, 14L, 15L, 16L, 17L, 18L), seqs);
    assertEquals(ErrorKinds.DISPATCHES_LOST, errors.get(0).getString("kind"));
    assertEquals(6, errors.get(0).getLong("lost"), errors.get(0).encode());
    assertEquals(6, RelayLedger.lost() - lostBefore);
  }

  /** Installs the relay and records what it hands out ({@link #seqs}) and what {@code discord.error} gets. */
  private void listen() throws Exception {
    await(DispatchRelay.install(vertx));
    await(vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"),
        m -> seqs.add(Long.parseLong(m.headers().get("seq")))).completion());
    await(vertx.eventBus().<JsonObject>consumer(Addresses.ERROR, m -> errors.add(m.body())).completion());
  }

  /** A batch of three dispatches, seqs {@code first} to {@code first + 2}. */
  private static DispatchBatch three(long first) {
    DispatchBatch batch = new DispatchBatch();
    for (long seq = first; seq < first + 3; seq++) {
      batch.add(frame(seq));
    }
    return batch;
  }

  /** Numbers a batch of {@code size} dispatches sent to both nodes; returns its number. */
  private static long toBoth(RelayLedger.Sender sender, int size, String a, String b) {
    long number = sender.number(size);
    sender.options(a, number, new DeliveryOptions());
    sender.options(b, number, new DeliveryOptions());
    return number;
  }

  private static DispatchFrame frame(long seq) {
    byte[] d = ("{\"id\":\"" + seq + "\",\"content\":\"hi\"}").getBytes(StandardCharsets.UTF_8);
    return new DispatchFrame(0, seq, "MESSAGE_CREATE", "7", "session", System.nanoTime(), System.currentTimeMillis(),
        d, 0, d.length);
  }

  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(done.getAsBoolean(), "timed out");
  }
}
