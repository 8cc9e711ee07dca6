package dev.cordbus.api.rest;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A failed REST call as a bot sees it. The REST verticle fails the reply with a {@link ReplyException} whose
 * {@code failureCode()} is either the HTTP status Discord answered (400..599) or one of the local kinds below
 * (1..99), and whose message is a JSON object {@code {kind, status, code, message, errors?, retryAfter?}}:
 * {@code status} the HTTP status (0 when no response), {@code code} Discord's JSON error code (e.g. 10003 unknown
 * channel, 50035 invalid form body; 0 when none), {@code message} Discord's or the verticle's message, and
 * {@code errors} the field errors of a 400. The bot token never appears in it.
 *
 * @param kind what went wrong
 * @param status HTTP status, 0 without a response
 * @param code Discord's JSON error code, 0 if none
 * @param message human-readable message
 * @param errors Discord's nested field errors (400 invalid form body), or null
 * @param retryAfterMs for {@link Kind#RATE_LIMITED}: how long Discord asked to wait, else 0
 */
public record RestFailure(Kind kind, int status, int code, String message, JsonObject errors, long retryAfterMs) {

  /** Failure code of a request that waited in a bucket queue that was full. */
  public static final int QUEUE_FULL = 1;
  /** Failure code of a request still rate limited (429) after the configured number of retries. */
  public static final int RATE_LIMITED = 2;
  /** Failure code of a request that got no HTTP response (connection refused, reset, timeout). */
  public static final int NETWORK = 3;
  /** Failure code of a malformed event-bus request (missing method or path...). */
  public static final int INVALID_REQUEST = 4;
  /** Failure code once Discord rejected the token (401): the verticle stops calling Discord. */
  public static final int TOKEN_REJECTED = 5;

  /** The kinds of failure; {@link #HTTP} carries Discord's status and error code. */
  public enum Kind {
    /** Discord answered with an error status (4xx other than 429, or 5xx after retries). */
    HTTP,
    /** The bucket's queue was full: fail fast instead of waiting. */
    QUEUE_FULL,
    /** 429 after the retry budget. */
    RATE_LIMITED,
    /** No HTTP response. */
    NETWORK,
    /** The event-bus request was malformed. */
    INVALID_REQUEST,
    /** The token was rejected earlier (401); no more calls are made. */
    TOKEN_REJECTED;

    /** The {@link ReplyException#failureCode()} this kind uses for a given HTTP status. */
    public int failureCode(int status) {
      return switch (this) {
        case HTTP -> status;
        case QUEUE_FULL -> RestFailure.QUEUE_FULL;
        case RATE_LIMITED -> RestFailure.RATE_LIMITED;
        case NETWORK -> RestFailure.NETWORK;
        case INVALID_REQUEST -> RestFailure.INVALID_REQUEST;
        case TOKEN_REJECTED -> RestFailure.TOKEN_REJECTED;
      };
    }
  }

  /** The JSON message carried by the {@link ReplyException}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("kind", kind.name()).put("status", status).put("code", code)
        .put("message", message);
    if (errors != null) {
      json.put("errors", errors);
    }
    if (retryAfterMs > 0) {
      json.put("retryAfterMs", retryAfterMs);
    }
    return json;
  }

  /** The failure as a {@link ReplyException} to fail an event-bus reply with. */
  public ReplyException toReplyException() {
    return new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, kind.failureCode(status),
        toJson().encode());
  }

  /**
   * Decodes a failure received from the REST verticle. Any other throwable (for example an event-bus timeout)
   * becomes a {@link Kind#NETWORK} failure with its message.
   */
  public static RestFailure from(Throwable failure) {
    if (failure instanceof ReplyException reply && reply.getMessage() != null
        && reply.getMessage().startsWith("{")) {
      try {
        JsonObject json = new JsonObject(reply.getMessage());
        Kind kind = Kind.valueOf(json.getString("kind", Kind.HTTP.name()));
        return new RestFailure(kind, json.getInteger("status", 0), json.getInteger("code", 0),
            json.getString("message", ""), json.getJsonObject("errors"), json.getLong("retryAfterMs", 0L));
      } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
        // not one of ours: fall through
      }
    }
    return new RestFailure(Kind.NETWORK, 0, 0, String.valueOf(failure.getMessage()), null, 0);
  }

  @Override
  public String toString() {
    return "RestFailure" + toJson().encode();
  }
}
