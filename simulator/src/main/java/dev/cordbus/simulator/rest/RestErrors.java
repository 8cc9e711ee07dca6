package dev.cordbus.simulator.rest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Responses of the simulator's own routes (gateway discovery, {@code /users/@me}, 401, 404). The Discord endpoints
 * answer through {@code SimError} (RestSim's routes).
 */
public final class RestErrors {

  private RestErrors() {
  }

  /** Ends the request with {@code status} and {@code {"message", "code"}}. */
  public static void send(RoutingContext rc, int status, int code, String message) {
    json(rc, status, new JsonObject().put("message", message).put("code", code));
  }

  public static void unauthorized(RoutingContext rc) {
    send(rc, 401, 0, "401: Unauthorized");
  }

  /** Ends the request with a JSON body. */
  public static void json(RoutingContext rc, int status, Object body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body instanceof JsonObject j ? j.encode() : ((JsonArray) body).encode());
  }
}
