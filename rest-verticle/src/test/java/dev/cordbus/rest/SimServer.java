package dev.cordbus.rest;

import dev.cordbus.simulator.rest.RateLimitSim;
import dev.cordbus.simulator.rest.RestSim;
import dev.cordbus.simulator.rest.RestSimStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's REST side ({@code dev.cordbus.simulator.rest}) on a real HTTP server on 127.0.0.1 with an ephemeral port, seeded
 * with guild G1 from the recorded GUILD_CREATE fixture. (The simulator's own server has no hook for these routes
 * yet, so tests mount them on their own router.)
 */
final class SimServer {

  static final String TOKEN = "simulated-bot-token";
  static final String GUILD = "41771983423143937";
  static final String GENERAL = "290926798999357250";
  static final String MASON = "53908099506183680";
  static final String NELLY = "80351110224678912";
  static final String LUIGI = "96008815106887111";
  static final String ROLE_BOYZ = "41771983423143936";

  final RestSim sim;
  final List<JsonObject> dispatches = new CopyOnWriteArrayList<>();
  final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private SimServer(RestSim sim) {
    this.sim = sim;
  }

  static Path fixtures() {
    return Path.of(System.getProperty("cordbus.fixtures", "../fixtures"));
  }

  static JsonObject fixtureD(String name) {
    try {
      return new JsonObject(Files.readString(fixtures().resolve("gateway").resolve(name))).getJsonObject("d");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a server with the given rate limits. */
  static Future<SimServer> start(Vertx vertx, RateLimitSim limits) {
    RestSimStore store = RestSimStore.withDefaultBot().addGuild(fixtureD("006_s2c_GUILD_CREATE.json"))
        .addMessage(fixtureD("017_s2c_MESSAGE_CREATE.json"));
    SimServer s = new SimServer(new RestSim(store, limits, Set.of(TOKEN)));
    s.sim.onDispatch((t, d) -> s.dispatches.add(new JsonObject().put("t", t).put("d", d)))
        .onRequest(s.requests::add);
    Router router = Router.router(vertx);
    s.sim.mount(router, "/api/v10");
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(router).listen().map(srv -> {
          s.server = srv;
          return s;
        });
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/api/v10";
  }

  List<JsonObject> dispatched(String event) {
    return dispatches.stream().filter(d -> event.equals(d.getString("t"))).map(d -> d.getJsonObject("d"))
        .toList();
  }

  /** A config for the REST verticle against this server; {@code extra} overrides. */
  JsonObject restConfig(JsonObject extra) {
    return new JsonObject().put("token", TOKEN).put("restBaseUrl", baseUrl()).put("resetMarginMs", 10)
        .put("serverErrorBackoffMs", 50).mergeIn(extra);
  }
}
