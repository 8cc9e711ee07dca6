package dev.cordbus.rest;

import dev.cordbus.api.dispatch.LocalHandlers;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.rest.ratelimit.RateLimitHeaders;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Publishes the {@code discord.rest} observability event of each response (route templates only, no secret), unless
 * nobody consumes it, here or on another node ({@link LocalHandlers#unheard}: on a cluster, a publish to an address
 * nobody consumes would ask Hazelcast for it on every call).
 */
final class RestEvents {

  private final Vertx vertx;
  private final boolean enabled;

  RestEvents(Vertx vertx, boolean enabled) {
    this.vertx = vertx;
    this.enabled = enabled;
  }

  void response(PendingCall call, int status, RateLimitHeaders headers, long latencyNanos) {
    if (!enabled || LocalHandlers.unheard(vertx, RestAddresses.RESPONSE_EVENT)) {
      return;
    }
    JsonObject event = new JsonObject()
        .put("method", call.route.method())
        .put("route", call.route.template())
        .put("status", status)
        .put("bucket", headers == null ? null : headers.bucket())
        .put("limit", headers == null ? -1 : headers.limit())
        .put("remaining", headers == null ? -1 : headers.remaining())
        .put("resetAfterMs", headers == null ? -1 : headers.resetAfterMs())
        .put("latencyMs", latencyNanos / 1_000_000.0)
        .put("queuedMs", (call.sentNanos - call.receivedNanos) / 1_000_000.0)
        .put("attempt", call.ticket.attempts());
    if (headers != null && headers.scope() != null) {
      event.put("scope", headers.scope());
    }
    if (headers != null && headers.global()) {
      event.put("global", true);
    }
    vertx.eventBus().publish(RestAddresses.RESPONSE_EVENT, event);
  }
}
