package dev.cordbus.simulator.rest;

import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.gateway.Dispatch;
import dev.cordbus.simulator.gateway.GatewayHub;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.Set;

/**
 * Discord's HTTP API v10 as the simulator serves it under {@code /api/v10}: the {@link RestSim} endpoints over the
 * simulator's world (one request pipeline: body, request log into the {@link SimulatorLog}, REST storms, bot-token
 * check, rate limits, Discord's error JSON, 404 code 0 for unknown routes) plus gateway discovery. A mutation applies
 * its gateway event to the world the gateway side renders from, then the hub routes it to the sessions.
 */
public final class RestApi {

  /** Path prefix of the API. */
  public static final String BASE_PATH = "/api/v10";

  private final GatewayHub hub;
  private final SimulatorOptions options;
  private final RestSim sim;

  public RestApi(GatewayHub hub, SimulatorOptions options, SimulatorLog log) {
    this.hub = hub;
    this.options = options;
    long botId = options.world().model().botId();
    RateLimitSim limits = new RateLimitSim().rule("POST /channels/{channel_id}/messages", "b05c1b3b1e6a4c9f",
        options.messageRateLimit(), options.messageRateWindowMs());
    this.sim = new RestSim(RestSimStore.fromWorld(options.world()), limits, Set.copyOf(options.tokens()))
        .onDispatch((t, d) -> hub.route(Dispatch.of(t, d, botId))).onRequest(log::rest);
  }

  /** REST fault injection (5xx and 429 storms). */
  public RestStorm storm() {
    return sim.storm();
  }

  /** Mounts the API on {@code root} under {@link #BASE_PATH}. */
  public void mount(Vertx vertx, Router root) {
    Router api = Router.router(vertx);
    new GatewayRoutes(hub, options).register(RestSimRoutes.mount(api, "", sim));
    root.route(BASE_PATH + "/*").subRouter(api);
  }
}
