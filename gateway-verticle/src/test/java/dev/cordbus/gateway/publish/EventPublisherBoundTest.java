package dev.cordbus.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.dispatch.DispatchRelay;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A long event-loop turn (a backlog read after a pause) does not hold its dispatches until it ends: a batch leaves as
 * soon as it is full or its first dispatch is {@value EventPublisher#MAX_BATCH_AGE_MICROS} µs old, so a consumer on
 * another thread gets the first ones while the turn is still reading. The turn here blocks its event loop until the
 * consumer has them (bounded), which it never would if the batch waited for the end of the turn.
 */
class EventPublisherBoundTest {

  private static final long WAIT_MS = 5_000;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private record Setup(ContextInternal gateway, List<Long> seqs, List<String> threads) {
  }

  /** A consumer of MESSAGE_CREATE on one event loop, a gateway context on another. */
  private Setup setup() throws Exception {
    DispatchRelay.install(vertx).await(5, TimeUnit.SECONDS);
    ContextInternal consumerCtx = ((VertxInternal) vertx).createEventLoopContext();
    ContextInternal gateway = ((VertxInternal) vertx).createEventLoopContext();
    List<Long> seqs = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> registered = new CompletableFuture<>();
    consumerCtx.runOnContext(v -> vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
      threads.add(Thread.currentThread().getName());
      seqs.add(Long.parseLong(m.headers().get(Headers.SEQ)));
    }).completion().onComplete(ar -> registered.complete(null)));
    registered.get(5, TimeUnit.SECONDS);
    return new Setup(gateway, seqs, threads);
  }

  private static Frame frame(long seq) {
    return new FrameParser().parse("{\"op\":0,\"s\":" + seq + ",\"t\":\"MESSAGE_CREATE\",\"d\":{\"id\":\"" + seq
        + "\",\"content\":\"x\"}}");
  }

  /** Waits on the gateway's event loop (this turn) until the consumer has {@code n} dispatches; their count. */
  private static int awaitInTurn(List<Long> seqs, int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (seqs.size() < n && System.currentTimeMillis() < deadline) {
      Thread.sleep(1);
    }
    return seqs.size();
  }

  @Test
  void aFullBatchReachesConsumersBeforeTheTurnEnds() throws Exception {
    Setup s = setup();
    int full = EventPublisher.MAX_BATCH_FRAMES;
    CompletableFuture<int[]> seen = new CompletableFuture<>();
    s.gateway().runOnContext(v -> {
      EventPublisher publisher = new EventPublisher(vertx, "g", false);
      String gatewayThread = Thread.currentThread().getName();
      try {
        for (int i = 1; i <= full + 3; i++) {
          publisher.dispatch(0, frame(i), "sess", 1_000L, 1L); // all read "at once": only the size bound applies
        }
        int midTurn = awaitInTurn(s.seqs(), full);
        seen.complete(new int[] {midTurn, !s.threads().isEmpty() && s.threads().get(0).equals(gatewayThread) ? 1 : 0});
      } catch (InterruptedException e) {
        seen.completeExceptionally(e);
      }
    });
    int[] r = seen.get(WAIT_MS * 2, TimeUnit.MILLISECONDS);
    assertEquals(full, r[0], "the first " + full + " dispatches reached the consumer while the turn was still running,"
        + " and the 3 after them waited for the next bound or the end of the turn");
    assertEquals(0, r[1], "the consumer ran on another event loop than the gateway");
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (s.seqs().size() < full + 3 && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(full + 3, s.seqs().size(), "the rest left at the end of the turn");
    for (int i = 0; i < s.seqs().size(); i++) {
      assertEquals(i + 1, s.seqs().get(i), "gateway order");
    }
  }

  @Test
  void aBatchWhoseFirstDispatchIsOldLeavesAtOnce() throws Exception {
    Setup s = setup();
    CompletableFuture<Integer> seen = new CompletableFuture<>();
    long t0 = System.nanoTime();
    long age = EventPublisher.MAX_BATCH_AGE_MICROS * 1000;
    s.gateway().runOnContext(v -> {
      EventPublisher publisher = new EventPublisher(vertx, "g", false);
      try {
        publisher.dispatch(0, frame(1), "sess", t0, 1L);
        publisher.dispatch(0, frame(2), "sess", t0 + age / 2, 1L); // still young: waits
        publisher.dispatch(0, frame(3), "sess", t0 + age, 1L); // read a bound after the first: all three go
        seen.complete(awaitInTurn(s.seqs(), 3));
      } catch (InterruptedException e) {
        seen.completeExceptionally(e);
      }
    });
    assertEquals(3, seen.get(WAIT_MS * 2, TimeUnit.MILLISECONDS),
        "three dispatches spanning the age bound reached the consumer before the turn ended");
    assertEquals(List.of(1L, 2L, 3L), s.seqs());
  }
}
