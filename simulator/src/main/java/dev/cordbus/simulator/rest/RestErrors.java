package dev.cordbus.simulator.rest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Discord error bodies (REST.md "Errors", fixtures/rest/error_*.json) and the helpers that send them. */
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

  public static void unknownChannel(RoutingContext rc) {
    send(rc, 404, 10003, "Unknown Channel");
  }

  public static void unknownMessage(RoutingContext rc) {
    send(rc, 404, 10008, "Unknown Message");
  }

  public static void unknownEmoji(RoutingContext rc) {
    send(rc, 400, 10014, "Unknown Emoji");
  }

  public static void emptyMessage(RoutingContext rc) {
    send(rc, 400, 50006, "Cannot send an empty message");
  }

  public static void invalidJson(RoutingContext rc) {
    send(rc, 400, 50109, "The request body contains invalid JSON.");
  }

  public static void cannotEditOthers(RoutingContext rc) {
    send(rc, 403, 50005, "Cannot edit a message authored by another user");
  }

  /** 400 / 50035 with one field error, nested as Discord does. */
  public static void invalidFormBody(RoutingContext rc, String field, String code, String message) {
    JsonObject errors = new JsonObject().put(field, new JsonObject().put("_errors",
        new JsonArray().add(new JsonObject().put("code", code).put("message", message))));
    json(rc, 400, new JsonObject().put("code", 50035).put("message", "Invalid Form Body").put("errors", errors));
  }

  /** Ends the request with a JSON body. */
  public static void json(RoutingContext rc, int status, Object body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body instanceof JsonObject j ? j.encode() : ((JsonArray) body).encode());
  }

  /** 204 No Content. */
  public static void noContent(RoutingContext rc) {
    rc.response().setStatusCode(204).end();
  }
}
