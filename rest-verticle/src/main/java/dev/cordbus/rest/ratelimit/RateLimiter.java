package dev.cordbus.rest.ratelimit;

import dev.cordbus.rest.route.RouteKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Discord's rate limits on the client side, single-threaded (the verticle's event loop). Requests queue per route
 * and major parameter; a queue spends the budget of its {@link Bucket} (shared by every route Discord puts in the
 * same bucket hash, per major parameter) and of the {@link GlobalLimiter}, and waits for the reset instead of
 * failing. See <a href="https://discord.com/developers/docs/topics/rate-limits">Rate Limits</a>.
 */
public final class RateLimiter {

  private final Scheduler scheduler;
  private final GlobalLimiter global;
  private final long marginMs;
  private final int maxQueue;
  private final Consumer<Ticket> sender;
  /** Route id ({@code METHOD template}) to learned bucket hash. */
  private final Map<String, String> routeHashes = new HashMap<>();
  /** Bucket id to bucket. */
  private final Map<String, Bucket> buckets = new HashMap<>();
  /** Provisional bucket id (route + major) to queue. */
  private final Map<String, BucketQueue> queues = new HashMap<>();

  /**
   * @param scheduler clock and timers
   * @param global the global limiter
   * @param marginMs added to every reset
   * @param maxQueue most requests waiting per queue
   * @param sender sends a ticket's request; must answer later through {@link #onResponse}, {@link #onRateLimited}
   *     or {@link #onFailure}
   */
  public RateLimiter(Scheduler scheduler, GlobalLimiter global, long marginMs, int maxQueue,
      Consumer<Ticket> sender) {
    this.scheduler = scheduler;
    this.global = global;
    this.marginMs = marginMs;
    this.maxQueue = maxQueue;
    this.sender = sender;
  }

  private Runnable onBucketWait = () -> { };
  private Runnable onGlobalWait = () -> { };

  /** Called when a request waits for its bucket ({@code bucket}) or for the global limit (metrics). */
  public void onWait(Runnable bucket, Runnable global) {
    this.onBucketWait = bucket;
    this.onGlobalWait = global;
  }

  /** Queues a request; false when its queue already holds {@code maxQueue} requests. */
  public boolean submit(Ticket ticket) {
    BucketQueue queue = queueOf(ticket.route());
    if (queue.pending.size() >= maxQueue) {
      return false;
    }
    queue.pending.addLast(ticket);
    drain(queue);
    return true;
  }

  /** Puts a request that must be retried back at the head of its queue. */
  public void retry(Ticket ticket) {
    BucketQueue queue = queueOf(ticket.route());
    queue.pending.addFirst(ticket);
    drain(queue);
  }

  /** A response that was not a 429: learns the bucket and its budget. */
  public void onResponse(Ticket ticket, RateLimitHeaders headers) {
    long now = scheduler.now();
    Bucket reserved = ticket.reserved();
    reserved.release();
    answeredGlobally(ticket, now);
    BucketQueue queue = queueOf(ticket.route());
    learn(queue, headers.bucket());
    queue.bucket.update(headers, now);
    wake(queue.bucket);
    if (reserved != queue.bucket) {
      wake(reserved);
    }
  }

  /**
   * A 429. {@code global} pauses every request; otherwise (scope user or shared) the request's bucket waits
   * {@code retryAfterMs}. The caller then either {@link #retry}s the ticket or fails it.
   */
  public void onRateLimited(Ticket ticket, RateLimitHeaders headers, long retryAfterMs, boolean isGlobal) {
    long now = scheduler.now();
    Bucket reserved = ticket.reserved();
    reserved.release();
    answeredGlobally(ticket, now);
    BucketQueue queue = queueOf(ticket.route());
    learn(queue, headers.bucket());
    if (isGlobal) {
      global.pause(retryAfterMs, now);
    } else {
      if (headers.hasBucketState()) {
        queue.bucket.update(headers, now);
      }
      queue.bucket.rateLimited(retryAfterMs, now);
    }
    wake(queue.bucket);
  }

  /** No response (network error): frees the slot. */
  public void onFailure(Ticket ticket) {
    Bucket reserved = ticket.reserved();
    reserved.release();
    answeredGlobally(ticket, scheduler.now());
    wake(reserved);
  }

  private void answeredGlobally(Ticket ticket, long now) {
    if (!ticket.route().globalExempt()) {
      global.answered(now);
    }
  }

  private BucketQueue queueOf(RouteKey route) {
    return queues.computeIfAbsent(route.provisionalBucket(), key -> {
      String hash = routeHashes.get(route.routeId());
      String bucketId = hash == null ? key : route.bucket(hash);
      return new BucketQueue(route, bucket(bucketId));
    });
  }

  private Bucket bucket(String id) {
    return buckets.computeIfAbsent(id, key -> new Bucket(key, marginMs));
  }

  private void learn(BucketQueue queue, String hash) {
    if (hash == null || hash.isEmpty()) {
      return;
    }
    routeHashes.put(queue.route.routeId(), hash);
    String id = queue.route.bucket(hash);
    if (!queue.bucket.id().equals(id)) {
      Bucket previous = queue.bucket;
      Bucket target = buckets.get(id);
      if (target == null) {
        target = bucket(id);
        target.adopt(previous);
      }
      queue.moveTo(target);
    }
  }

  private void wake(Bucket bucket) {
    for (BucketQueue queue : new ArrayList<>(bucket.queues())) {
      drain(queue);
    }
  }

  private void drain(BucketQueue queue) {
    if (queue.timerId >= 0) {
      return;
    }
    while (!queue.pending.isEmpty()) {
      long now = scheduler.now();
      long wait = queue.bucket.waitMillis(now);
      if (wait == Bucket.AWAIT_RESPONSE) {
        return;
      }
      boolean globalWait = false;
      if (wait == 0 && !queue.route.globalExempt()) {
        wait = global.waitMillis(now);
        globalWait = wait > 0;
        if (wait == 0) {
          global.record(now);
        }
      }
      if (wait > 0) {
        (globalWait ? onGlobalWait : onBucketWait).run();
        queue.timerId = scheduler.schedule(wait, () -> {
          queue.timerId = -1;
          drain(queue);
        });
        return;
      }
      Ticket ticket = queue.pending.pollFirst();
      queue.bucket.reserve();
      ticket.sent(queue.bucket);
      sender.accept(ticket);
    }
  }

  /** Forgets idle queues and buckets with nothing in flight whose window is over (bounded memory). */
  public void sweep() {
    long now = scheduler.now();
    Iterator<BucketQueue> it = queues.values().iterator();
    while (it.hasNext()) {
      BucketQueue queue = it.next();
      if (queue.pending.isEmpty() && queue.timerId < 0 && queue.bucket.inFlight() == 0
          && queue.bucket.resetInMillis(now) == 0) {
        queue.bucket.queues().remove(queue);
        it.remove();
      }
    }
    buckets.values().removeIf(b -> b.queues().isEmpty() && b.inFlight() == 0 && b.resetInMillis(now) == 0);
  }

  /** Requests waiting in all queues. */
  public int queued() {
    return queues.values().stream().mapToInt(q -> q.pending.size()).sum();
  }

  /** Snapshot for the status address: buckets with their budget and queued requests. */
  public JsonObject status() {
    long now = scheduler.now();
    JsonArray list = new JsonArray();
    for (Bucket b : buckets.values()) {
      int waiting = b.queues().stream().mapToInt(q -> q.pending.size()).sum();
      List<String> routes = b.queues().stream().map(q -> q.route.routeId()).distinct().toList();
      list.add(new JsonObject().put("bucket", b.hash()).put("phase", b.phase().name()).put("limit", b.limit())
          .put("remaining", b.remaining()).put("resetInMs", b.resetInMillis(now)).put("inFlight", b.inFlight())
          .put("queued", waiting).put("routes", new JsonArray(new ArrayList<>(routes))));
    }
    return new JsonObject().put("buckets", list).put("queued", queued())
        .put("globalInWindow", global.inWindow(now));
  }
}
