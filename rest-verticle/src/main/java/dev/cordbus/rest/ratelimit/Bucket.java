package dev.cordbus.rest.ratelimit;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The limiter's knowledge of one Discord bucket (per bucket hash and major parameter, or per route before the
 * hash is known). Pure state and decisions; the caller passes the clock. Accounting is conservative: requests in
 * flight are subtracted from what Discord reported, and the local window ends {@code marginMs} after the
 * reported {@code Reset-After}, measured from when the response was read (so never before Discord's).
 */
public final class Bucket {

  /** What the limiter knows about the bucket. */
  public enum Phase {
    /** No response yet: one probe request at a time until the headers arrive. */
    UNKNOWN,
    /** Limit, remaining and reset are known from headers. */
    KNOWN,
    /** The route answered without rate-limit headers: only the global limit applies. */
    UNLIMITED
  }

  /** Returned by {@link #waitMillis(long)} when the bucket waits for an in-flight response, not for time. */
  public static final long AWAIT_RESPONSE = -1;
  /**
   * A response whose reset lies this much beyond the current one belongs to a new window; closer, it is an older
   * answer of the same window arriving late (latency jitter) and may only lower the budget.
   */
  static final long NEW_WINDOW_SLACK_MS = 250;

  private final String id;
  private final long marginMs;
  /** Current knowledge. */
  private Phase phase = Phase.UNKNOWN;
  /** The bucket hash, when Discord sent one. */
  private String hash;
  /** Requests per window. */
  private int limit = -1;
  /** Requests still allowed in the current local window (after subtracting those in flight). */
  private int remaining = -1;
  /** When the local window ends (millis on the caller's clock). */
  private long resetAt;
  /** Requests sent and not yet answered. */
  private int inFlight;
  private final Set<BucketQueue> queues = new LinkedHashSet<>();

  /** A bucket named {@code id}, with {@code marginMs} added to every reset. */
  public Bucket(String id, long marginMs) {
    this.id = id;
    this.marginMs = marginMs;
  }

  /** 0 to send now, {@link #AWAIT_RESPONSE} to wait for an answer, else milliseconds to wait. */
  public long waitMillis(long now) {
    switch (phase) {
      case UNLIMITED:
        return 0;
      case UNKNOWN:
        return inFlight > 0 ? AWAIT_RESPONSE : 0;
      default:
        if (now >= resetAt) {
          if (limit < 0) {
            phase = Phase.UNKNOWN; // a 429 taught a wait but no limit: probe again
            return inFlight > 0 ? AWAIT_RESPONSE : 0;
          }
          remaining = Math.max(0, limit - inFlight);
          resetAt = Long.MAX_VALUE; // unknown until the next response; the budget above bounds the burst
        }
        if (remaining > 0) {
          return 0;
        }
        if (resetAt == Long.MAX_VALUE) {
          return inFlight > 0 ? AWAIT_RESPONSE : 0;
        }
        return Math.max(1, resetAt - now);
    }
  }

  /** Takes one request out of the budget; call right before sending. */
  public void reserve() {
    inFlight++;
    if (phase == Phase.KNOWN && remaining > 0) {
      remaining--;
    }
  }

  /** A request reserved here got an answer (any), or failed without one. */
  public void release() {
    if (inFlight > 0) {
      inFlight--;
    }
  }

  /** Applies the headers of a response read at {@code now} (after {@link #release()} of its request). */
  public void update(RateLimitHeaders headers, long now) {
    if (headers.bucket() != null) {
      hash = headers.bucket();
    }
    if (!headers.hasBucketState()) {
      if (phase == Phase.UNKNOWN) {
        phase = Phase.UNLIMITED;
      }
      return;
    }
    long newReset = now + headers.resetAfterMs() + marginMs;
    int reported = Math.max(0, headers.remaining() - inFlight);
    limit = headers.limit();
    if (phase != Phase.KNOWN || resetAt == Long.MAX_VALUE || newReset > resetAt + NEW_WINDOW_SLACK_MS + 2 * marginMs
        || now >= resetAt) {
      remaining = reported; // a new window (or first knowledge)
      resetAt = newReset;
    } else {
      remaining = Math.min(remaining, reported); // same window: an older answer must not raise the budget
      resetAt = Math.max(resetAt, newReset);
    }
    phase = Phase.KNOWN;
  }

  /** A 429 for this bucket: nothing more until {@code retryAfterMs} from now. */
  public void rateLimited(long retryAfterMs, long now) {
    phase = Phase.KNOWN;
    remaining = 0;
    long until = now + retryAfterMs + marginMs;
    resetAt = resetAt == Long.MAX_VALUE ? until : Math.max(resetAt, until);
  }

  /** Copies the knowledge of a provisional bucket into this one (when a hash is first learned). */
  void adopt(Bucket other) {
    phase = other.phase;
    limit = other.limit;
    remaining = other.remaining;
    resetAt = other.resetAt;
    hash = other.hash;
  }

  /** The bucket's state as JSON (for the cluster-wide copy in {@link SharedBuckets}; queues are local). */
  public JsonObject toJson() {
    return new JsonObject().put("phase", phase.name()).put("hash", hash).put("limit", limit)
        .put("remaining", remaining).put("resetAt", resetAt).put("inFlight", inFlight);
  }

  /** A bucket with the state of {@link #toJson()} (fields missing or malformed: a fresh UNKNOWN bucket). */
  public static Bucket fromJson(String id, long marginMs, JsonObject json) {
    Bucket b = new Bucket(id, marginMs);
    if (json == null) {
      return b;
    }
    try {
      b.phase = Phase.valueOf(json.getString("phase", Phase.UNKNOWN.name()));
      b.hash = json.getString("hash");
      b.limit = json.getInteger("limit", -1);
      b.remaining = json.getInteger("remaining", -1);
      b.resetAt = json.getLong("resetAt", 0L);
      b.inFlight = Math.max(0, json.getInteger("inFlight", 0));
    } catch (RuntimeException e) {
      return new Bucket(id, marginMs);
    }
    return b;
  }

  /** Forgets requests in flight (their node is gone: they will never be answered here). */
  void forgetInFlight() {
    inFlight = 0;
  }

  /** The queues that draw on this bucket. */
  Set<BucketQueue> queues() {
    return queues;
  }

  /** Bucket id ({@code hash|major} or {@code METHOD template|major}). */
  public String id() {
    return id;
  }

  /** The learned hash, or null. */
  public String hash() {
    return hash;
  }

  /** Current phase. */
  public Phase phase() {
    return phase;
  }

  /** Limit per window, -1 when unknown. */
  public int limit() {
    return limit;
  }

  /** Remaining budget, -1 when unknown. */
  public int remaining() {
    return remaining;
  }

  /** Requests in flight. */
  public int inFlight() {
    return inFlight;
  }

  /** Milliseconds until the local window ends (0 when over or unknown). */
  public long resetInMillis(long now) {
    return resetAt == Long.MAX_VALUE ? 0 : Math.max(0, resetAt - now);
  }
}
