package dev.cordbus.rest.error;

import dev.cordbus.api.rest.RestFailure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The REST verticle's one error type. Its {@link RestFailure.Kind} says what went wrong; {@link #failure()} is what
 * the caller receives (as a {@link ReplyException}). Messages never contain the token or a full request path
 * (paths can hold interaction and webhook tokens): only route templates.
 */
public final class RestException extends RuntimeException {

  private final transient RestFailure failure;

  /** Wraps a failure. */
  public RestException(RestFailure failure) {
    super(failure.toJson().encode(), null, false, false);
    this.failure = failure;
  }

  /** A failure of a local kind, without an HTTP status. */
  public static RestException of(RestFailure.Kind kind, String message) {
    return new RestException(new RestFailure(kind, 0, 0, message, null, 0));
  }

  /**
   * Maps an HTTP error response: Discord's JSON {@code {code, message, errors?}} when present, else the status
   * line. {@code route} names the call in the message when Discord gave none.
   */
  public static RestException fromResponse(int status, Buffer body, String route) {
    int code = 0;
    String message = null;
    JsonObject errors = null;
    if (body != null && body.length() > 0) {
      try {
        Object decoded = Json.decodeValue(body);
        if (decoded instanceof JsonObject json) {
          Object c = json.getValue("code");
          code = c instanceof Number n ? n.intValue() : 0;
          Object m = json.getValue("message");
          message = m instanceof String s ? s : null;
          Object e = json.getValue("errors");
          errors = e instanceof JsonObject o ? o : null;
        }
      } catch (DecodeException e) {
        // not JSON (a proxy's HTML error page): keep the status only
      }
    }
    if (message == null) {
      message = "HTTP " + status + " on " + route;
    }
    return new RestException(new RestFailure(RestFailure.Kind.HTTP, status, code, message, errors, 0));
  }

  /** A 429 that outlived the retry budget. */
  public static RestException rateLimited(String route, String scope, long retryAfterMs, int attempts) {
    return new RestException(new RestFailure(RestFailure.Kind.RATE_LIMITED, 429, 0,
        "rate limited (" + scope + ") on " + route + " after " + attempts + " attempt(s); retry after "
            + retryAfterMs + " ms", null, retryAfterMs));
  }

  /** The failure as the caller sees it. */
  public RestFailure failure() {
    return failure;
  }

  /** The kind. */
  public RestFailure.Kind kind() {
    return failure.kind();
  }

  /** For failing an event-bus reply. */
  public ReplyException toReplyException() {
    return failure.toReplyException();
  }
}
