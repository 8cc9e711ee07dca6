package dev.cordbus.simulator.rest;

import java.util.Set;

import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.gateway.Dispatch;
import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.gateway.IdentifyValidator;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Discord's HTTP API v10 as far as a bot needs it, mounted under {@code /api/v10}: request recording, bot-token
 * authentication (401 code 0), then one small route class per resource. Unknown routes answer 404 code 0.
 */
public final class RestApi {

  /** Path prefix of the API. */
  public static final String BASE_PATH = "/api/v10";
  /** Largest request body accepted (Discord: 25 MiB). */
  static final long MAX_BODY = 25L * 1024 * 1024;

  private final GatewayHub hub;
  private final SimulatorOptions options;
  private final SimulatorLog log;
  private final WorldModel world;

  public RestApi(GatewayHub hub, SimulatorOptions options, SimulatorLog log) {
    this.hub = hub;
    this.options = options;
    this.log = log;
    this.world = options.world().model();
  }

  private final RestStorm storm = new RestStorm();

  /** REST fault injection (5xx and 429 storms). */
  public RestStorm storm() {
    return storm;
  }

  /** Mounts the API on {@code root} under {@link #BASE_PATH}. */
  public void mount(Vertx vertx, Router root) {
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create().setBodyLimit(MAX_BODY).setDeleteUploadedFilesOnEnd(true)
        .setUploadsDirectory(System.getProperty("java.io.tmpdir") + "/cordbus-simulator-uploads"));
    api.route().handler(this::record);
    api.route().handler(storm::handle);
    GatewayRoutes gateway = new GatewayRoutes(hub, options);
    api.get("/gateway").handler(gateway::gateway);
    api.get("/gateway/bot").handler(this::authenticate).handler(gateway::gatewayBot);
    // Every other endpoint (users, channels, messages, reactions, guilds, members, bans, DMs, interactions, commands)
    // comes from RestSim (same package), which checks the token itself (interaction callbacks need none) and applies
    // Discord's rate limits. It reads and changes the same world the gateway side renders from: a mutation applies
    // its event to the world, then the hub routes it to the sessions.
    RestSimStore store = RestSimStore.fromWorld(options.world());
    RateLimitSim limits = new RateLimitSim().rule("POST /channels/{channel_id}/messages", "b05c1b3b1e6a4c9f",
        options.messageRateLimit(), options.messageRateWindowMs());
    new RestSim(store, limits, Set.copyOf(options.tokens()))
        .onDispatch((t, d) -> hub.route(Dispatch.of(t, d, world.botId()))).mount(api, "");
    api.route().last().handler(rc -> RestErrors.send(rc, 404, 0, "404: Not Found"));
    root.route(BASE_PATH + "/*").subRouter(api);
  }

  private void record(RoutingContext rc) {
    JsonObject body = null;
    try {
      if (rc.body() != null && rc.body().length() > 0) {
        body = rc.body().asJsonObject();
      }
    } catch (RuntimeException e) {
      body = null;
    }
    log.rest(new JsonObject().put("method", rc.request().method().name()).put("path", rc.request().path())
        .put("body", body));
    rc.next();
  }

  private void authenticate(RoutingContext rc) {
    String auth = rc.request().getHeader("Authorization");
    if (auth == null || !auth.startsWith("Bot ")
        || !IdentifyValidator.tokenOk(auth.substring(4), options.tokens())) {
      RestErrors.unauthorized(rc);
      return;
    }
    rc.next();
  }
}
