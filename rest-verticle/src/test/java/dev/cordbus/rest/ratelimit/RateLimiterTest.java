package dev.cordbus.rest.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.rest.route.Routes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The limiter's decisions on a manual clock, no Vert.x. */
class RateLimiterTest {

  /** Manual clock with timers that fire on {@link #advance}. */
  static final class ManualScheduler implements Scheduler {
    long now = 1_000;
    long nextId;
    final TreeMap<Long, List<Runnable>> timers = new TreeMap<>();
    final Map<Long, Long> due = new HashMap<>();

    @Override
    public long now() {
      return now;
    }

    @Override
    public long schedule(long delayMs, Runnable task) {
      timers.computeIfAbsent(now + delayMs, k -> new ArrayList<>()).add(task);
      return nextId++;
    }

    @Override
    public void cancel(long id) {
    }

    void advance(long ms) {
      long target = now + ms;
      while (!timers.isEmpty() && timers.firstKey() <= target) {
        Map.Entry<Long, List<Runnable>> e = timers.pollFirstEntry();
        now = e.getKey();
        e.getValue().forEach(Runnable::run);
      }
      now = target;
    }
  }

  static RateLimitHeaders headers(String bucket, int limit, int remaining, long resetAfterMs) {
    return new RateLimitHeaders(limit, remaining, resetAfterMs, bucket, null, false, -1);
  }

  final ManualScheduler clock = new ManualScheduler();
  final List<Ticket> sent = new ArrayList<>();
  final RateLimiter limiter = new RateLimiter(clock, new GlobalLimiter(50, 1000), 0, 100, sent::add);

  Ticket ticket(String method, String path) {
    return new Ticket(Routes.of(method, path), null);
  }

  @Test
  void unknownBucketSendsOneProbeThenSpendsTheAnnouncedBudget() {
    for (int i = 0; i < 6; i++) {
      assertTrue(limiter.submit(ticket("POST", "/channels/1/messages")));
    }
    assertEquals(1, sent.size(), "one probe until the headers are known");
    limiter.onResponse(sent.get(0), headers("abc", 5, 4, 5000));
    assertEquals(5, sent.size(), "then the remaining 4 go at once");
    for (int i = 1; i < 5; i++) {
      limiter.onResponse(sent.get(i), headers("abc", 5, 4 - i, 5000 - i));
    }
    assertEquals(5, sent.size(), "remaining 0: the sixth waits for the reset");
    clock.advance(4_990);
    assertEquals(5, sent.size());
    clock.advance(20);
    assertEquals(6, sent.size(), "sent right after the reset");
  }

  @Test
  void routesSharingABucketHashShareTheBudgetPerMajorParameter() {
    limiter.submit(ticket("GET", "/channels/1"));
    limiter.onResponse(sent.get(0), headers("shared", 2, 1, 1000));
    limiter.submit(ticket("PATCH", "/channels/1"));
    limiter.onResponse(sent.get(1), headers("shared", 2, 0, 900));
    // PATCH's queue learned the hash: the next GET and PATCH on channel 1 both wait
    limiter.submit(ticket("GET", "/channels/1"));
    limiter.submit(ticket("PATCH", "/channels/1"));
    assertEquals(2, sent.size());
    // another channel is another bucket (new probe)
    limiter.submit(ticket("GET", "/channels/2"));
    assertEquals(3, sent.size());
    clock.advance(1000);
    assertEquals(5, sent.size());
  }

  @Test
  void a429WaitsRetryAfterBeforeTheRetry() {
    limiter.submit(ticket("POST", "/channels/1/messages"));
    Ticket first = sent.get(0);
    limiter.onRateLimited(first, headers("abc", 5, 0, 700), 700, false);
    limiter.retry(first);
    assertEquals(1, sent.size());
    clock.advance(699);
    assertEquals(1, sent.size());
    clock.advance(2);
    assertEquals(2, sent.size());
    assertEquals(2, first.attempts());
  }

  @Test
  void a429WithoutBucketHeadersProbesAgainAfterRetryAfter() {
    limiter.submit(ticket("GET", "/guilds/1"));
    Ticket first = sent.get(0);
    limiter.onRateLimited(first, new RateLimitHeaders(-1, -1, -1, null, "shared", false, 300), 300, false);
    limiter.retry(first);
    limiter.submit(ticket("GET", "/guilds/1"));
    clock.advance(299);
    assertEquals(1, sent.size());
    clock.advance(2);
    assertEquals(2, sent.size(), "one probe after the wait");
    limiter.onResponse(sent.get(1), headers("g", 5, 4, 1000));
    assertEquals(3, sent.size());
  }

  @Test
  void aGlobal429PausesEveryRouteButInteractionCallbacks() {
    limiter.submit(ticket("GET", "/users/@me"));
    limiter.onRateLimited(sent.get(0), new RateLimitHeaders(-1, -1, -1, null, "global", true, 2000), 2000,
        true);
    limiter.submit(ticket("GET", "/guilds/5"));
    assertEquals(1, sent.size(), "global pause applies to other routes");
    limiter.submit(ticket("POST", "/interactions/1/tok/callback"));
    assertEquals(2, sent.size(), "interaction callbacks are exempt");
    clock.advance(2000);
    assertEquals(3, sent.size());
  }

  @Test
  void theGlobalLimitCountsARequestUntilAWindowAfterItsAnswer() {
    RateLimiter small = new RateLimiter(clock, new GlobalLimiter(3, 1000), 0, 100, sent::add);
    for (int i = 0; i < 7; i++) {
      small.submit(ticket("GET", "/guilds/" + i));
    }
    assertEquals(3, sent.size());
    clock.advance(2000);
    assertEquals(3, sent.size(), "all three still in flight: nothing else goes");
    for (int i = 0; i < 3; i++) {
      small.onResponse(sent.get(i), headers("g", 5, 4, 1000));
    }
    clock.advance(999);
    assertEquals(3, sent.size(), "answered less than a window ago");
    clock.advance(10);
    assertEquals(6, sent.size());
    sent.subList(3, 6).forEach(t -> small.onResponse(t, headers("g", 5, 4, 1000)));
    clock.advance(1010);
    assertEquals(7, sent.size());
  }

  @Test
  void aFullQueueRefusesInsteadOfGrowing() {
    RateLimiter tiny = new RateLimiter(clock, new GlobalLimiter(50, 1000), 0, 2, sent::add);
    assertTrue(tiny.submit(ticket("POST", "/channels/1/messages"))); // sent (probe)
    assertTrue(tiny.submit(ticket("POST", "/channels/1/messages")));
    assertTrue(tiny.submit(ticket("POST", "/channels/1/messages")));
    assertFalse(tiny.submit(ticket("POST", "/channels/1/messages")), "two waiting: the third is refused");
    assertTrue(tiny.submit(ticket("POST", "/channels/2/messages")), "other queues are unaffected");
  }

  @Test
  void anOutOfOrderOlderAnswerDoesNotRaiseTheBudget() {
    Bucket bucket = new Bucket("b", 0);
    bucket.reserve();
    bucket.release();
    bucket.update(headers("h", 5, 4, 5000), 0);
    bucket.reserve();
    bucket.reserve();
    bucket.release();
    bucket.update(headers("h", 5, 2, 4900), 100);
    bucket.release();
    assertEquals(1, bucket.remaining(), "reported 2 minus the one still in flight");
    bucket.update(headers("h", 5, 3, 4950), 110); // older answer arriving late
    assertEquals(1, bucket.remaining());
  }

  @Test
  void headersParseDiscordsFormats() {
    Map<String, String> h = Map.of("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
        "X-RateLimit-Reset-After", "64.57", "X-RateLimit-Bucket", "abcd1234", "Retry-After", "65",
        "X-RateLimit-Scope", "user");
    RateLimitHeaders parsed = RateLimitHeaders.parse(h::get);
    assertEquals(64_570, parsed.resetAfterMs());
    assertEquals(65_000, parsed.retryAfterMs());
    assertEquals("abcd1234", parsed.bucket());
    assertTrue(parsed.hasBucketState());
    assertFalse(RateLimitHeaders.parse(k -> null).hasBucketState());
    assertEquals(-1, RateLimitHeaders.secondsToMillis("NaN"));
  }
}
