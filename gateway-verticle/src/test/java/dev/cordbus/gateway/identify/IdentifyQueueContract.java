package dev.cordbus.gateway.identify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract every {@link IdentifyQueue} implementation must pass; subclasses provide {@link #create}. Intervals
 * are short (200 ms) so the suite runs in a few seconds.
 */
@ExtendWith(VertxExtension.class)
public abstract class IdentifyQueueContract {

  protected static final long INTERVAL = 200;
  /**
   * For the checks that something does NOT wait: an interval long enough that a loaded machine's scheduling delays
   * (a cluster map round trip, a starved event loop) stay well below it.
   */
  protected static final long LONG_INTERVAL = 1000;

  /** A fresh queue with the given identify interval and session start limit. */
  protected abstract IdentifyQueue create(Vertx vertx, long intervalMs, SessionStartLimit limit);

  private Future<List<Long>> acquireAll(IdentifyQueue q, int... shards) {
    long start = System.nanoTime();
    List<Future<Long>> all = new ArrayList<>();
    for (int s : shards) {
      all.add(q.acquire(s).map(v -> (System.nanoTime() - start) / 1_000_000));
    }
    return Future.all(all).map(cf -> cf.<Long>list());
  }

  @Test
  void sameBucketIsSpacedByTheInterval(Vertx vertx, VertxTestContext ctx) {
    IdentifyQueue q = create(vertx, LONG_INTERVAL, new SessionStartLimit(1000, 1000, 86_400_000L, 1));
    acquireAll(q, 0, 1, 2).onComplete(ctx.succeeding(times -> ctx.verify(() -> {
      List<Long> sorted = new ArrayList<>(times);
      sorted.sort(null);
      for (int i = 1; i < sorted.size(); i++) {
        assertTrue(sorted.get(i) - sorted.get(i - 1) >= LONG_INTERVAL - 20, "spacing " + sorted);
      }
      assertTrue(sorted.get(0) < LONG_INTERVAL, "the first goes at once: " + sorted);
      ctx.completeNow();
    })));
  }

  @Test
  void bucketsAreIndependent(Vertx vertx, VertxTestContext ctx) {
    IdentifyQueue q = create(vertx, INTERVAL, new SessionStartLimit(1000, 1000, 86_400_000L, 4));
    acquireAll(q, 0, 1, 2, 3).onComplete(ctx.succeeding(times -> ctx.verify(() -> {
      // none waits for another (one bucket would spread them over 3 intervals); on a loaded machine the first
      // answer itself may take longer than an interval, so the spread is measured, not the absolute time
      long spread = times.stream().mapToLong(Long::longValue).max().orElseThrow()
          - times.stream().mapToLong(Long::longValue).min().orElseThrow();
      assertTrue(spread < INTERVAL, "four buckets, all at once: " + times);
      ctx.completeNow();
    })));
  }

  @Test
  void shardsOfOneBucketGoInOrderAndOtherBucketsInterleave(Vertx vertx, VertxTestContext ctx) {
    IdentifyQueue q = create(vertx, INTERVAL, new SessionStartLimit(1000, 1000, 86_400_000L, 2));
    Map<Integer, Long> at = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    List<Future<Void>> all = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      int shard = s;
      all.add(q.acquire(shard).onSuccess(v -> at.put(shard, (System.nanoTime() - start) / 1_000_000)));
    }
    Future.all(all).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertTrue(at.get(2) - at.get(0) >= INTERVAL - 20, "bucket 0: " + at);
      assertTrue(at.get(3) - at.get(1) >= INTERVAL - 20, "bucket 1: " + at);
      // in one bucket shard 1 would come an interval after shard 0; measured from shard 0's answer, not from the
      // start, so a slow first answer on a loaded machine does not count
      assertTrue(at.get(1) - at.get(0) < INTERVAL - 20, "bucket 1 does not wait for bucket 0: " + at);
      ctx.completeNow();
    })));
  }

  @Test
  void aLateIdentifyPushesTheNextOfItsBucketBack(Vertx vertx, VertxTestContext ctx) {
    // Discord measures the spacing of the IDENTIFYs it receives: shard 0 is written 150 ms after its slot, so shard 1
    // (same bucket) must not go before 150 ms + the interval
    IdentifyQueue q = create(vertx, INTERVAL, new SessionStartLimit(1000, 1000, 86_400_000L, 1));
    long start = System.nanoTime();
    q.acquire(0).onSuccess(v -> vertx.setTimer(150, t -> q.identified(0)));
    q.acquire(1).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      long at = (System.nanoTime() - start) / 1_000_000;
      assertTrue(at >= 150 + INTERVAL, "shard 1 went " + at + " ms after the start, before 150 + " + INTERVAL);
      ctx.completeNow();
    })));
  }

  @Test
  void waitsForTheResetWhenTheDailyBudgetIsUsedUp(Vertx vertx, VertxTestContext ctx) {
    IdentifyQueue q = create(vertx, 10, new SessionStartLimit(1000, 1, 2 * LONG_INTERVAL, 1));
    acquireAll(q, 0, 0).onComplete(ctx.succeeding(times -> ctx.verify(() -> {
      assertTrue(times.get(0) < LONG_INTERVAL, "first within budget: " + times);
      assertTrue(times.get(1) >= 2 * LONG_INTERVAL - 50, "second waits for reset_after: " + times);
      ctx.completeNow();
    })));
  }

  @Test
  void closeFailsPendingAcquisitions(Vertx vertx, VertxTestContext ctx) {
    IdentifyQueue q = create(vertx, 5000, new SessionStartLimit(1000, 1000, 86_400_000L, 1));
    q.acquire(0).compose(v -> {
      Future<Void> second = q.acquire(0);
      q.close();
      return second;
    }).onComplete(ctx.failing(e -> ctx.completeNow()));
  }
}
