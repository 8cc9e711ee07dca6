package dev.cordbus.gateway.publish;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.api.Headers;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Publishes what a bot operator should see on {@link Addresses#ERROR}: {@code {kind, message, shard?, group?, cause?}}
 * plus kind-specific fields, {@code kind} one of {@link ErrorKinds}. The bot token is replaced by {@code ***} in every
 * string it publishes (a cause's message may quote a URL or a header). Any thread.
 */
public final class ErrorPublisher {

  private final Vertx vertx;
  private final String group;
  private final String secret;

  /**
   * @param group the shard group the errors belong to, or null (node-wide: the identify queue)
   * @param secret the bot token, removed from every published string (null: nothing to remove)
   */
  public ErrorPublisher(Vertx vertx, String group, String secret) {
    this.vertx = vertx;
    this.group = group;
    this.secret = secret == null || secret.isEmpty() ? null : secret;
  }

  /** Publishes an error of {@code kind} for {@code shard} (null: the group or node), with an optional cause. */
  public void publish(String kind, Integer shard, String message, Throwable cause) {
    publish(kind, shard, message, cause, null);
  }

  /** As {@link #publish(String, Integer, String, Throwable)} with {@code extra} fields (copied in, never replacing). */
  public void publish(String kind, Integer shard, String message, Throwable cause, JsonObject extra) {
    JsonObject body = body(kind, shard, message, cause == null ? null : cause.toString());
    if (extra != null) {
      extra.forEach(e -> {
        if (!body.containsKey(e.getKey())) {
          body.put(e.getKey(), e.getValue() instanceof String s ? redact(s) : e.getValue());
        }
      });
    }
    DeliveryOptions options = new DeliveryOptions();
    if (shard != null) {
      options.addHeader(Headers.SHARD, Integer.toString(shard));
    }
    vertx.eventBus().publish(Addresses.ERROR, body, options);
  }

  /** The body: {@code {kind, message, shard?, group?, cause?}} with the token removed. */
  JsonObject body(String kind, Integer shard, String message, String cause) {
    JsonObject body = new JsonObject().put("kind", kind).put("message", redact(message));
    if (shard != null) {
      body.put("shard", shard);
    }
    if (group != null) {
      body.put("group", group);
    }
    if (cause != null) {
      body.put("cause", redact(cause));
    }
    return body;
  }

  /** {@code text} with every occurrence of the token replaced by {@code ***}. */
  String redact(String text) {
    return text == null || secret == null ? text : text.replace(secret, "***");
  }
}
