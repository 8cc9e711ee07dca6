package dev.cordbus.rest;

import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.rest.ratelimit.RateLimitHeaders;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Publishes the {@code discord.rest} observability event of each response (route templates only, no secret). */
final class RestEvents {

  private final EventBus bus;
  private final boolean enabled;

  RestEvents(EventBus bus, boolean enabled) {
    this.bus = bus;
    this.enabled = enabled;
  }

  void response(PendingCall call, int status, RateLimitHeaders headers, long latencyNanos) {
    if (!enabled) {
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
    bus.publish(RestAddresses.RESPONSE_EVENT, event);
  }
}
