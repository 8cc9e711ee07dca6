package dev.cordbus.api.interaction;

import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.rest.RestClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Splits {@code discord.INTERACTION_CREATE} by {@link InteractionKind} and answers interactions through the REST
 * verticle's callback helpers.
 *
 * <p>{@link #split(Vertx)} registers one consumer per Vert.x instance that republishes each interaction, with its
 * headers, on its kind's address (and every component interaction on {@link InteractionKind#COMPONENT} too)
 * <em>locally</em> (so in a cluster every node splits for its own consumers and
 * nothing is delivered twice). Calling it again on the same instance does nothing.
 *
 * <p>Handlers registered with {@code CordbusClient.onInteraction} ({@link InteractionHandlers}) get a typed
 * {@link InteractionEvent}, and a default ephemeral reply is sent for them when they fail.
 */
public final class Interactions {

  /** Callback type 4: reply with a message. */
  public static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
  /** Callback type 5: "thinking...", edit the original response later. */
  public static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
  /** Callback type 6: acknowledge a component, edit its message later. */
  public static final int DEFERRED_UPDATE_MESSAGE = 6;
  /** Callback type 7: edit the message the component is attached to. */
  public static final int UPDATE_MESSAGE = 7;
  /** Callback type 8: autocomplete choices. */
  public static final int AUTOCOMPLETE_RESULT = 8;
  /** Callback type 9: open a modal. */
  public static final int MODAL = 9;
  /** Message flag EPHEMERAL (only the invoking user sees the reply). */
  public static final int EPHEMERAL = 1 << 6;

  private static final String LOCAL_MAP = "cordbus.interactions";

  private Interactions() {
  }

  /** Starts the local splitter on this Vert.x instance (idempotent); completes when it is registered. */
  public static Future<Void> split(Vertx vertx) {
    if (vertx.sharedData().<String, Boolean>getLocalMap(LOCAL_MAP).putIfAbsent("splitter", Boolean.TRUE) != null) {
      return Future.succeededFuture();
    }
    return DispatchRelay.install(vertx).compose(v -> vertx.eventBus().<JsonObject>consumer(
        Addresses.dispatch("INTERACTION_CREATE"), msg -> {
          DeliveryOptions options = new DeliveryOptions().setLocalOnly(true).setHeaders(msg.headers());
          vertx.eventBus().publish(InteractionKind.of(msg.body()).address(), msg.body(), options);
          if (InteractionKind.isComponent(msg.body())) {
            vertx.eventBus().publish(InteractionKind.COMPONENT, msg.body(), options);
          }
        }).completion());
  }

  /** Answers with a message ({@code {content}}), ephemeral or not. */
  public static Future<Void> reply(RestClient rest, JsonObject interaction, String content, boolean ephemeral) {
    JsonObject data = new JsonObject().put("content", content);
    if (ephemeral) {
      data.put("flags", EPHEMERAL);
    }
    return respond(rest, interaction, CHANNEL_MESSAGE_WITH_SOURCE, data);
  }

  /** Acknowledges now and answers later with {@link RestClient#editOriginalResponse}. */
  public static Future<Void> defer(RestClient rest, JsonObject interaction) {
    return respond(rest, interaction, DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, null);
  }

  /** Edits the message a button or select menu belongs to. */
  public static Future<Void> updateMessage(RestClient rest, JsonObject interaction, JsonObject message) {
    return respond(rest, interaction, UPDATE_MESSAGE, message);
  }

  /** Answers an autocomplete with choices {@code [{name, value}]}. */
  public static Future<Void> autocomplete(RestClient rest, JsonObject interaction, JsonArray choices) {
    return respond(rest, interaction, AUTOCOMPLETE_RESULT, new JsonObject().put("choices", choices));
  }

  /** Opens a modal {@code {custom_id, title, components}}. */
  public static Future<Void> modal(RestClient rest, JsonObject interaction, JsonObject modal) {
    return respond(rest, interaction, MODAL, modal);
  }

  /** Any callback type with optional data. */
  public static Future<Void> respond(RestClient rest, JsonObject interaction, int type, JsonObject data) {
    JsonObject response = new JsonObject().put("type", type);
    if (data != null) {
      response.put("data", data);
    }
    return rest.interactionCallback(interaction.getString("id"), interaction.getString("token"), response);
  }
}
