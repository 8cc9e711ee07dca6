package dev.cordbus.simulator.rest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A Discord error response ({@code {message, code, errors?}}, REST.md "Errors") raised by a simulated endpoint: the
 * one way the simulator's REST side answers an error ({@link RestSimRoutes#fail}).
 */
final class SimError extends RuntimeException {

  final int status;
  final int code;
  final JsonObject errors;

  SimError(int status, int code, String message, JsonObject errors) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }

  /** 401 code 0: no or a wrong {@code Authorization: Bot <token>}. */
  static SimError unauthorized() {
    return new SimError(401, 0, "401: Unauthorized", null);
  }

  static SimError notFound(int code, String message) {
    return new SimError(404, code, message, null);
  }

  /** 400 50035 with one field error, e.g. {@code field("content", "BASE_TYPE_MAX_LENGTH", "...")}. */
  static SimError field(String field, String errorCode, String message) {
    JsonObject errors = new JsonObject().put(field, new JsonObject().put("_errors",
        new JsonArray().add(new JsonObject().put("code", errorCode).put("message", message))));
    return new SimError(400, 50035, "Invalid Form Body", errors);
  }

  JsonObject body() {
    JsonObject body = new JsonObject().put("message", getMessage()).put("code", code);
    if (errors != null) {
      body.put("errors", errors);
    }
    return body;
  }
}
