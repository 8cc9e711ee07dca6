package dev.cordbus.simulator.rest;

import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.gateway.GatewayHub;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /gateway} and {@code GET /gateway/bot} (REST.md "Gateway discovery"). */
final class GatewayRoutes {

  private final GatewayHub hub;
  private final SimulatorOptions options;

  GatewayRoutes(GatewayHub hub, SimulatorOptions options) {
    this.hub = hub;
    this.options = options;
  }

  void gateway(RoutingContext rc) {
    RestErrors.json(rc, 200, new JsonObject().put("url", hub.gatewayUrl()));
  }

  /** The limit reflects the identifies actually made. */
  void gatewayBot(RoutingContext rc) {
    RestErrors.json(rc, 200, new JsonObject().put("url", hub.gatewayUrl())
        .put("shards", options.recommendedShards())
        .put("session_start_limit", hub.sessionStartLimit()));
  }
}
