package dev.cordbus.api.event;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a bot handler that threw (or whose future failed) as one {@link Addresses#ERROR} event
 * {@code {kind, event, message, cause}} and one log line with the stack trace. The consumer that ran the handler
 * keeps receiving: one bad event never stops the others.
 */
public final class HandlerErrors {

  private static final Logger LOG = LoggerFactory.getLogger(HandlerErrors.class);

  private HandlerErrors() {
  }

  /** Publishes {@code {kind:"handler", event, message, cause}} for a handler of {@code event} that threw. */
  public static JsonObject handlerFailed(EventBus bus, String event, Throwable failure) {
    return report(bus, ErrorKinds.HANDLER, event, "the handler of " + event + " threw " + describe(failure)
        + "; this event was skipped for that handler and it keeps receiving the next ones. Fix the handler (the stack"
        + " trace is in this node's log)", failure, null);
  }

  /**
   * Publishes an error of {@code kind} for {@code event} with {@code message}, the {@code cause} of
   * {@code failure}, and the keys of {@code more}; logs it at ERROR with the stack trace.
   */
  public static JsonObject report(EventBus bus, String kind, String event, String message, Throwable failure,
      JsonObject more) {
    JsonObject body = new JsonObject().put("kind", kind).put("event", event).put("message", message)
        .put("cause", failure == null ? null : cause(failure));
    if (more != null) {
      more.forEach(e -> body.put(e.getKey(), e.getValue()));
    }
    LOG.error("{}: {}", kind, message, failure);
    bus.publish(Addresses.ERROR, body);
    return body;
  }

  /** {@code SimpleName: message}. */
  static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** The exception and its causes, {@code class: message; caused by class: message}. */
  static String cause(Throwable t) {
    StringBuilder sb = new StringBuilder(t.toString());
    Throwable c = t.getCause();
    for (int i = 0; c != null && c != t && i < 5; i++, c = c.getCause()) {
      sb.append("; caused by ").append(c);
    }
    return sb.toString();
  }
}
