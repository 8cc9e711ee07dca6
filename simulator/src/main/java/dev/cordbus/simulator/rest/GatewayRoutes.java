package dev.cordbus.simulator.rest;

import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.gateway.GatewayHub;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /gateway} and {@code GET /gateway/bot} (REST.md "Gateway discovery"), outside the rate limits and REST
 * storms; {@code /gateway/bot} needs the bot token and its {@code session_start_limit} reflects the identifies
 * actually made.
 */
final class GatewayRoutes {

  private final GatewayHub hub;
  private final SimulatorOptions options;

  GatewayRoutes(GatewayHub hub, SimulatorOptions options) {
    this.hub = hub;
    this.options = options;
  }

  void register(RestSimRoutes r) {
    r.unlimited(HttpMethod.GET, "/gateway", RestSimRoutes.Auth.NONE,
        ctx -> RestSimRoutes.write(ctx, 200, new JsonObject().put("url", hub.gatewayUrl())));
    r.unlimited(HttpMethod.GET, "/gateway/bot", RestSimRoutes.Auth.BOT,
        ctx -> RestSimRoutes.write(ctx, 200, new JsonObject().put("url", hub.gatewayUrl())
            .put("shards", options.recommendedShards()).put("session_start_limit", hub.sessionStartLimit())));
  }
}
