package dev.cordbus.simulator.rest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Discord's REST rate limits, simulated: per-route buckets (a bucket hash per route rule, counted per major
 * parameter) in fixed windows that start with the first request, a global limit (50 per second) for every route
 * except interaction callbacks and webhooks with a token, 429s with {@code retry_after} and scope
 * {@code user|global|shared}, and 429s on demand. Counts every request that arrives in each window so tests can
 * assert that a client never sent more than a bucket allows. Thread-safe.
 */
public final class RateLimitSim {

  /** Scopes of a 429 ({@code X-RateLimit-Scope}). */
  public enum Scope {
    /** The bot exceeded a route bucket. */
    USER,
    /** The bot exceeded the global limit. */
    GLOBAL,
    /** The resource is hot for everyone; does not count as an invalid request. */
    SHARED;

    /** Header value. */
    public String header() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A bucket rule: routes with the same {@code hash} share one budget per major parameter.
   *
   * @param hash the {@code X-RateLimit-Bucket} value
   * @param limit requests per window
   * @param windowMs window length
   */
  public record Rule(String hash, int limit, long windowMs) {
  }

  /**
   * One finished or current window of a bucket.
   *
   * @param bucket {@code hash:major}
   * @param startMs window start (monotonic ms)
   * @param arrived every request that arrived in the window (accepted or not)
   * @param accepted requests that were not answered 429
   * @param limit the bucket's limit
   */
  public record WindowStat(String bucket, long startMs, int arrived, int accepted, int limit) {
  }

  /**
   * What {@link #check} decided.
   *
   * @param allowed true to serve the request
   * @param headers response headers to set (rate-limit headers; on a 429 also {@code Retry-After})
   * @param scope the 429's scope, null when allowed
   * @param retryAfterMs the 429's retry_after
   */
  public record Decision(boolean allowed, Map<String, String> headers, Scope scope, long retryAfterMs) {
  }

  private record Forced(Scope scope, long retryAfterMs, String route) {
  }

  private static final class Window {
    final String bucket;
    final long start;
    final long length;
    final int limit;
    int arrived;
    int accepted;

    Window(String bucket, long start, long length, int limit) {
      this.bucket = bucket;
      this.start = start;
      this.length = length;
      this.limit = limit;
    }

    WindowStat stat() {
      return new WindowStat(bucket, start, arrived, accepted, limit);
    }
  }

  private final Map<String, Rule> rules = new HashMap<>();
  private Rule defaultRule = new Rule(null, 5, 5000);
  private int globalLimit = 50;
  private long globalWindowMs = 1000;
  private final Map<String, Window> windows = new HashMap<>();
  private final List<WindowStat> history = new ArrayList<>();
  private final ArrayDeque<Forced> forced = new ArrayDeque<>();
  private final Map<Scope, Integer> rejected = new EnumMap<>(Scope.class);
  private Window globalWindow;
  private int globalMaxArrived;
  private long totalRequests;

  /** Realistic defaults: message create 5/5 s per channel, reactions 1/250 ms sharing one bucket, ... */
  public RateLimitSim() {
    rule("POST /channels/{channel_id}/messages", "b05c1b3b1e6a4c9f", 5, 5000);
    rule("PATCH /channels/{channel_id}/messages/{message_id}", "8e2ab7410bd10e5d", 5, 5000);
    rule("DELETE /channels/{channel_id}/messages/{message_id}", "3d7aa9f0c1b24e61", 5, 1000);
    rule("PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", "reactions0a1b2c3d", 1, 250);
    rule("DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", "reactions0a1b2c3d", 1,
        250);
    rule("GET /channels/{channel_id}", "c4a1f3d9e0b27a55", 5, 5000);
    rule("PATCH /channels/{channel_id}", "c4a1f3d9e0b27a55", 5, 5000);
  }

  /** Sets the rule of a route ({@code METHOD template}, templates as in {@link RestSimRoutes}). */
  public synchronized RateLimitSim rule(String route, String hash, int limit, long windowMs) {
    rules.put(route, new Rule(hash, limit, windowMs));
    return this;
  }

  /** The rule for every route without one (each such route gets its own hash). */
  public synchronized RateLimitSim defaultRule(int limit, long windowMs) {
    defaultRule = new Rule(null, limit, windowMs);
    return this;
  }

  /** Sets the global limit. */
  public synchronized RateLimitSim global(int limit, long windowMs) {
    globalLimit = limit;
    globalWindowMs = windowMs;
    return this;
  }

  /**
   * The next {@code count} requests (of {@code route}, or of any route when null) are answered 429 with this scope
   * and {@code retry_after}, whatever their budget.
   */
  public synchronized RateLimitSim force429(Scope scope, long retryAfterMs, int count, String route) {
    for (int i = 0; i < count; i++) {
      forced.add(new Forced(scope, retryAfterMs, route));
    }
    return this;
  }

  /** The rule that applies to a route. */
  public synchronized Rule ruleOf(String route) {
    Rule r = rules.get(route);
    if (r != null) {
      return r;
    }
    return new Rule(Integer.toHexString(route.hashCode() & 0x7fffffff) + "d3f", defaultRule.limit(),
        defaultRule.windowMs());
  }

  /**
   * Counts a request of {@code route} ({@code METHOD template}) with major parameter {@code major} at monotonic
   * time {@code nowMs} and decides whether it is served.
   */
  public synchronized Decision check(String route, String major, boolean globalExempt, long nowMs) {
    totalRequests++;
    Rule rule = ruleOf(route);
    String bucket = rule.hash() + ":" + major;
    Window w = windows.get(bucket);
    if (w == null || nowMs >= w.start + w.length) {
      if (w != null) {
        history.add(w.stat());
      }
      w = new Window(bucket, nowMs, rule.windowMs(), rule.limit());
      windows.put(bucket, w);
    }
    w.arrived++;
    Forced f = takeForced(route);
    if (f != null) {
      return reject(f.scope(), f.retryAfterMs(), w, rule, nowMs);
    }
    if (!globalExempt) {
      if (globalWindow == null || nowMs >= globalWindow.start + globalWindow.length) {
        globalWindow = new Window("global", nowMs, globalWindowMs, globalLimit);
      }
      globalWindow.arrived++;
      globalMaxArrived = Math.max(globalMaxArrived, globalWindow.arrived);
      if (globalWindow.arrived > globalLimit) {
        return reject(Scope.GLOBAL, globalWindow.start + globalWindow.length - nowMs, w, rule, nowMs);
      }
    }
    if (w.accepted >= w.limit) {
      return reject(Scope.USER, w.start + w.length - nowMs, w, rule, nowMs);
    }
    w.accepted++;
    return new Decision(true, bucketHeaders(w, rule, nowMs), null, 0);
  }

  private Forced takeForced(String route) {
    Iterator<Forced> it = forced.iterator();
    while (it.hasNext()) {
      Forced f = it.next();
      if (f.route() == null || f.route().equals(route)) {
        it.remove();
        return f;
      }
    }
    return null;
  }

  private Decision reject(Scope scope, long retryAfterMs, Window w, Rule rule, long nowMs) {
    rejected.merge(scope, 1, Integer::sum);
    Map<String, String> headers = scope == Scope.GLOBAL ? new HashMap<>() : bucketHeaders(w, rule, nowMs);
    if (scope == Scope.USER) {
      headers.put("X-RateLimit-Remaining", "0");
      headers.put("X-RateLimit-Reset-After", seconds(retryAfterMs));
    }
    if (scope == Scope.GLOBAL) {
      headers.put("X-RateLimit-Global", "true");
    }
    headers.put("X-RateLimit-Scope", scope.header());
    headers.put("Retry-After", Long.toString((retryAfterMs + 999) / 1000));
    return new Decision(false, headers, scope, retryAfterMs);
  }

  private static Map<String, String> bucketHeaders(Window w, Rule rule, long nowMs) {
    long resetAfter = Math.max(0, w.start + w.length - nowMs);
    Map<String, String> h = new HashMap<>();
    h.put("X-RateLimit-Limit", Integer.toString(w.limit));
    h.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, w.limit - w.accepted)));
    h.put("X-RateLimit-Reset-After", seconds(resetAfter));
    h.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f",
        (System.currentTimeMillis() + resetAfter) / 1000.0));
    h.put("X-RateLimit-Bucket", rule.hash());
    return h;
  }

  /** Milliseconds as Discord's seconds with 3 decimals (rounded up so a client never resets early). */
  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.3f", Math.max(0, ms) / 1000.0);
  }

  /** Every window so far (finished and current), for assertions. */
  public synchronized List<WindowStat> windows() {
    List<WindowStat> all = new ArrayList<>(history);
    windows.values().forEach(w -> all.add(w.stat()));
    return all;
  }

  /** The most requests that arrived in one window of any bucket whose id starts with {@code hash}. */
  public synchronized int maxArrivedInWindow(String hash) {
    return windows().stream().filter(s -> s.bucket().startsWith(hash + ":")).mapToInt(WindowStat::arrived)
        .max().orElse(0);
  }

  /** How many 429s of that scope were answered. */
  public synchronized int rejected(Scope scope) {
    return rejected.getOrDefault(scope, 0);
  }

  /** All 429s answered. */
  public synchronized int rejected() {
    return rejected.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The most non-exempt requests that arrived in one global window. */
  public synchronized int globalMaxInWindow() {
    return globalMaxArrived;
  }

  /** Requests checked. */
  public synchronized long total() {
    return totalRequests;
  }
}
