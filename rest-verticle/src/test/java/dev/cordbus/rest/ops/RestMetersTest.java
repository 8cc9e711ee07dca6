package dev.cordbus.rest.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** REST meters by route template and status, 429 scopes, invalid requests; the console's buckets near their limit. */
class RestMetersTest {

  @Test
  void countsByRouteStatusAndScope() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RestMeters m = new RestMeters(registry, "n1");
    m.response("POST", "/channels/{channel_id}/messages", 200, 1_000_000);
    m.response("POST", "/channels/{channel_id}/messages", 200, 3_000_000);
    m.response("GET", "/guilds/{guild_id}", 403, 1_000_000);
    m.rateLimited("user");
    m.rateLimited("shared");
    m.bucketWait();
    m.globalWait();
    assertEquals(2, registry.get("cordbus.rest.requests").tag("route", "/channels/{channel_id}/messages")
        .tag("status", "200").timer().count());
    assertEquals(1.0, registry.get("cordbus.rest.rate.limited").tag("scope", "shared").counter().count());
    assertEquals(1.0, registry.get("cordbus.rest.invalid.requests").tag("status", "403").counter().count());
    assertEquals(1.0, registry.get("cordbus.rest.invalid.requests").tag("status", "429").counter().count(),
        "a shared-scope 429 does not count as invalid");
    assertEquals(1.0, registry.get("cordbus.rest.bucket.waits").counter().count());
    assertEquals(1.0, registry.get("cordbus.rest.global.waits").counter().count());
  }

  @Test
  void bucketsNearTheirLimitOrWithAQueue() {
    JsonObject status = new JsonObject().put("queued", 3).put("buckets", new JsonArray()
        .add(bucket("a", 5, 1, 0, "POST /channels/1/messages"))
        .add(bucket("b", 5, 5, 0, "GET /users/@me"))
        .add(bucket("c", 50, 40, 3, "PUT /reactions")));
    JsonArray near = RestMeters.section(status).getJsonArray("nearLimit");
    assertEquals(2, near.size(), near.encode());
    assertEquals("POST /channels/1/messages", near.getJsonObject(0).getString("bucket"));
    assertEquals(3, near.getJsonObject(1).getInteger("queued"));
  }

  private static JsonObject bucket(String hash, int limit, int remaining, int queued, String route) {
    return new JsonObject().put("bucket", hash).put("limit", limit).put("remaining", remaining)
        .put("resetInMs", 800).put("queued", queued).put("routes", new JsonArray().add(route));
  }
}
