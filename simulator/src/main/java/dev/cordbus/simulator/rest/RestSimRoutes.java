package dev.cordbus.simulator.rest;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the simulated REST endpoints: the one pipeline every request under the prefix goes through. First, for every
 * request (known route or not): body (25 MiB), request log ({@link RestSim#onRequest}), REST storm ({@link RestStorm}).
 * Then per endpoint: {@code Authorization: Bot <token>} check (401 code 0; interaction callbacks and webhooks with a
 * token need none), rate limit ({@link RateLimitSim}; headers on every response, 429s with {@code retry_after}), the
 * handler, whose {@link SimError} becomes Discord's error JSON. Any other path answers 404 code 0. Templates
 * ({@code METHOD /channels/{channel_id}/messages}) are the rate-limit rule keys.
 */
final class RestSimRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(RestSimRoutes.class);
  /** Discord's request size limit. */
  static final long MAX_BODY = 25L * 1024 * 1024;

  /** Whether an endpoint needs the bot token. */
  enum Auth {
    /** {@code Authorization: Bot <token>}. */
    BOT,
    /** Authenticated by the token in the path (interactions, webhooks). */
    PATH_TOKEN,
    /** No token (gateway discovery, {@code GET /gateway}). */
    NONE
  }

  private final Router router;
  private final String prefix;
  private final RestSim sim;
  private final BodyHandler body;

  private RestSimRoutes(Router router, String prefix, RestSim sim) {
    this.router = router;
    this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    this.sim = sim;
    this.body = BodyHandler.create().setBodyLimit(MAX_BODY).setDeleteUploadedFilesOnEnd(true)
        .setUploadsDirectory(System.getProperty("java.io.tmpdir") + "/cordbus-simulator-uploads");
  }

  /**
   * Adds the pipeline and every endpoint to {@code router} under {@code prefix}; returns the routes so that the
   * caller may add endpoints of its own (they come before the final 404).
   */
  static RestSimRoutes mount(Router router, String prefix, RestSim sim) {
    RestSimRoutes routes = new RestSimRoutes(router, prefix, sim);
    String all = routes.prefix + "/*";
    router.route(all).handler(routes.body).handler(routes::logged).handler(sim.storm()::handle);
    for (Routes family : List.of(new UserRoutes(sim), new MessageRoutes(sim), new ReactionRoutes(sim),
        new GuildRoutes(sim), new InteractionRoutes(sim))) {
      family.register(routes);
    }
    router.route(all).last().handler(ctx -> fail(ctx, SimError.notFound(0, "404: Not Found")));
    return routes;
  }

  private void logged(RoutingContext ctx) {
    sim.logRequest(new JsonObject().put("method", ctx.request().method().name())
        .put("path", ctx.request().path().substring(prefix.length())).put("body", loggedBody(ctx)));
    ctx.next();
  }

  /**
   * Registers one rate-limited endpoint. {@code template} uses {@code {name}} placeholders; {@code major} names the
   * major parameter ({@code channel_id}, {@code guild_id}, {@code application_id}...) or is null.
   */
  void endpoint(HttpMethod method, String template, String major, Auth auth, Handler<RoutingContext> handler) {
    String route = method.name() + " " + template;
    register(method, template, auth, ctx -> {
      String majorValue = major == null ? "" : ctx.pathParam(major);
      if (auth == Auth.PATH_TOKEN && ctx.pathParam("interaction_token") != null) {
        majorValue = majorValue + ":" + ctx.pathParam("interaction_token").hashCode();
      }
      RateLimitSim.Decision decision = sim.rateLimits().check(route, majorValue, auth == Auth.PATH_TOKEN,
          System.nanoTime() / 1_000_000L);
      decision.headers().forEach(ctx.response()::putHeader);
      if (!decision.allowed()) {
        write(ctx, 429, rateLimited(decision.scope() == RateLimitSim.Scope.SHARED
            ? "The resource is being rate limited." : "You are being rate limited.", decision.retryAfterMs(),
            decision.scope() == RateLimitSim.Scope.GLOBAL));
        return;
      }
      handler.handle(ctx);
    });
  }

  /** Registers an endpoint outside the rate limits (gateway discovery). */
  void unlimited(HttpMethod method, String template, Auth auth, Handler<RoutingContext> handler) {
    register(method, template, auth, handler);
  }

  private void register(HttpMethod method, String template, Auth auth, Handler<RoutingContext> handler) {
    String route = method.name() + " " + template;
    router.route(method, prefix + template.replaceAll("\\{(\\w+)}", ":$1")).handler(ctx -> {
      if (auth == Auth.BOT && !authorized(ctx)) {
        fail(ctx, SimError.unauthorized());
        return;
      }
      try {
        handler.handle(ctx);
      } catch (SimError e) {
        fail(ctx, e);
      } catch (RuntimeException e) {
        LOG.warn("simulated {} failed", route, e);
        fail(ctx, new SimError(500, 0, "500: Internal Server Error", null));
      }
    });
  }

  /** A 429 body: {@code {message, retry_after (seconds), global}}. */
  static JsonObject rateLimited(String message, long retryAfterMs, boolean global) {
    return new JsonObject().put("message", message)
        .put("retry_after", Double.parseDouble(RateLimitSim.seconds(retryAfterMs))).put("global", global);
  }

  private boolean authorized(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.startsWith("Bot ") && sim.acceptsToken(header.substring(4));
  }

  /** The JSON object body as logged ({@code payload_json} when multipart); null when none or not an object. */
  private static JsonObject loggedBody(RoutingContext ctx) {
    try {
      return jsonPayload(ctx);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The JSON object body, from {@code payload_json} when multipart; null when there is none. */
  static JsonObject jsonPayload(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && contentType.startsWith("multipart/form-data")) {
      String payload = ctx.request().getFormAttribute("payload_json");
      return payload == null ? new JsonObject() : parse(payload);
    }
    if (ctx.body() == null || ctx.body().length() == 0) {
      return null;
    }
    Object value;
    try {
      value = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw new SimError(400, 50109, "The request body contains invalid JSON.", null);
    }
    return (JsonObject) value;
  }

  /** The JSON object body or an empty object. */
  static JsonObject jsonBody(RoutingContext ctx) {
    JsonObject body = jsonPayload(ctx);
    return body == null ? new JsonObject() : body;
  }

  /** The JSON array body (bulk command overwrite). */
  static JsonArray jsonArrayBody(RoutingContext ctx) {
    try {
      JsonArray array = ctx.body().asJsonArray();
      if (array == null) {
        throw new SimError(400, 50109, "The request body contains invalid JSON.", null);
      }
      return array;
    } catch (DecodeException | ClassCastException e) {
      throw new SimError(400, 50109, "The request body contains invalid JSON.", null);
    }
  }

  private static JsonObject parse(String json) {
    try {
      return new JsonObject(json);
    } catch (DecodeException e) {
      throw new SimError(400, 50109, "The request body contains invalid JSON.", null);
    }
  }

  /** Attachments of a multipart request, as Discord's attachment objects. */
  static JsonArray attachments(RoutingContext ctx, RestSimStore store) {
    JsonArray list = new JsonArray();
    for (FileUpload upload : ctx.fileUploads()) {
      String id = store.newId();
      list.add(new JsonObject().put("id", id).put("filename", upload.fileName()).put("size", upload.size())
          .put("content_type", upload.contentType())
          .put("url", "https://cdn.discordapp.com/attachments/" + ctx.pathParam("channel_id") + "/" + id + "/"
              + upload.fileName()));
    }
    return list;
  }

  /**
   * A read-only route: {@code answer} runs while holding {@code world}'s lock and its JSON is written with 200 (a
   * {@link SimError} it throws becomes the route's error, as for every endpoint).
   */
  static Handler<RoutingContext> read(Object world, Function<RoutingContext, Object> answer) {
    return ctx -> {
      synchronized (world) {
        write(ctx, 200, answer.apply(ctx));
      }
    };
  }

  /**
   * A mutation answered 204: {@code event}'s {@code d} is built by {@code build} under the world's lock, then applied
   * and dispatched ({@link RestSim#change}).
   */
  static Handler<RoutingContext> mutation(RestSim sim, String event, Function<RoutingContext, JsonObject> build) {
    return ctx -> {
      sim.change(event, () -> build.apply(ctx));
      noContent(ctx);
    };
  }

  /** Ends the request with Discord's error JSON for {@code e}. */
  static void fail(RoutingContext ctx, SimError e) {
    write(ctx, e.status, e.body());
  }

  /** Ends the request (unless it has ended) with {@code status} and a JSON object or array. */
  static void write(RoutingContext ctx, int status, Object json) {
    if (ctx.response().ended()) {
      return;
    }
    String text = json instanceof JsonArray a ? a.encode() : ((JsonObject) json).encode();
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
  }

  static void noContent(RoutingContext ctx) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(204).end();
    }
  }
}
