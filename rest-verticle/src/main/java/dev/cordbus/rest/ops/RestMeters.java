package dev.cordbus.rest.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/**
 * The REST verticle's meters ({@code cordbus_rest_*}, label {@code node}): requests by route template, method and
 * status (a timer: count and latency), bucket waits, global-limit waits, 429s by scope, and invalid requests (401,
 * 403 and 429 other than {@code shared}, the responses Discord counts towards its 10,000 per 10 minutes ban). Route
 * templates have their ids replaced ({@code /channels/{channel_id}/messages}), so labels stay few and carry no ids.
 */
public final class RestMeters {

  /** Buckets with at most this share of their limit left show on the console as near their limit. */
  static final double NEAR_LIMIT = 0.2;

  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter bucketWaits;
  private final Counter globalWaits;

  public RestMeters(MeterRegistry registry, String node) {
    this.registry = registry;
    this.tags = Tags.of("node", node);
    bucketWaits = Counter.builder("cordbus.rest.bucket.waits").description("requests that waited for their route "
        + "bucket's reset").tags(tags).register(registry);
    globalWaits = Counter.builder("cordbus.rest.global.waits").description("requests that waited for the global "
        + "limit").tags(tags).register(registry);
  }

  /** A response (status 0: none, network failure) after {@code latencyNanos}. */
  public void response(String method, String route, int status, long latencyNanos) {
    Timer.builder("cordbus.rest.requests").description("REST requests by route template, method and status")
        .tags(tags.and("method", method, "route", route, "status", Integer.toString(status))).register(registry)
        .record(latencyNanos, TimeUnit.NANOSECONDS);
    if (status == 401 || status == 403) {
      invalid(status);
    }
  }

  /** A 429 with {@code scope} ({@code user}, {@code global} or {@code shared}). */
  public void rateLimited(String scope) {
    registry.counter("cordbus.rest.rate.limited", tags.and("scope", scope)).increment();
    if (!"shared".equals(scope)) {
      invalid(429);
    }
  }

  private void invalid(int status) {
    registry.counter("cordbus.rest.invalid.requests", tags.and("status", Integer.toString(status))).increment();
  }

  /** A request waited for its bucket. */
  public void bucketWait() {
    bucketWaits.increment();
  }

  /** A request waited for the global limit. */
  public void globalWait() {
    globalWaits.increment();
  }

  /** The console's section from the limiter's status: buckets near their limit or with requests queued. */
  public static JsonObject section(JsonObject limiterStatus) {
    JsonArray near = new JsonArray();
    for (Object o : limiterStatus.getJsonArray("buckets", new JsonArray())) {
      JsonObject b = (JsonObject) o;
      int limit = b.getInteger("limit", -1);
      int remaining = b.getInteger("remaining", -1);
      int queued = b.getInteger("queued", 0);
      boolean low = limit > 0 && remaining >= 0 && remaining <= Math.max(1, limit * NEAR_LIMIT);
      if (low || queued > 0) {
        near.add(new JsonObject().put("bucket", b.getJsonArray("routes", new JsonArray()).isEmpty()
            ? b.getString("bucket") : String.join(", ", b.getJsonArray("routes").getList()))
            .put("remaining", remaining).put("limit", limit).put("resetInMs", b.getValue("resetInMs"))
            .put("queued", queued));
      }
    }
    return new JsonObject().put("kind", "rest").put("queued", limiterStatus.getValue("queued")).put("nearLimit", near);
  }
}
