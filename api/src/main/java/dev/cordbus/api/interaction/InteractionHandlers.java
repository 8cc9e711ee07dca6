package dev.cordbus.api.interaction;

import dev.cordbus.api.ErrorKinds;
import dev.cordbus.api.event.Event;
import dev.cordbus.api.event.Events;
import dev.cordbus.api.event.HandlerErrors;
import dev.cordbus.api.rest.RestClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link InteractionHandler}s on the split interaction addresses and answers for them when they fail: one
 * {@code discord.error} {@code {kind:"interaction-handler", event:"INTERACTION_CREATE", interaction, message, cause}}
 * and, unless the handler answered already, the default ephemeral reply {@link #DEFAULT_REPLY} (callback type 4,
 * flags 64) so the user sees what happened instead of "This interaction failed".
 */
public final class InteractionHandlers {

  /** The content of the default reply to an interaction whose handler failed. */
  public static final String DEFAULT_REPLY = "Something went wrong while handling this. Please try again later.";

  private static final Logger LOG = LoggerFactory.getLogger(InteractionHandlers.class);

  private InteractionHandlers() {
  }

  /**
   * Registers {@code handler} for interactions of {@code kind} on this Vert.x (starting the local splitter); the
   * future completes when both are registered.
   */
  public static Future<MessageConsumer<JsonObject>> register(Vertx vertx, RestClient rest, InteractionKind kind,
      InteractionHandler handler) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(kind.address(), msg -> run(vertx, rest,
        new InteractionEvent(new Event<>(Events.INTERACTION_CREATE, msg.headers(), msg.body()), rest), handler));
    return Interactions.split(vertx).compose(v -> consumer.completion()).map(v -> consumer);
  }

  /** Runs one handler and handles its failure. */
  static void run(Vertx vertx, RestClient rest, InteractionEvent interaction, InteractionHandler handler) {
    Future<?> done;
    try {
      done = handler.handle(interaction);
    } catch (Exception | LinkageError | AssertionError e) {
      done = Future.failedFuture(e);
    }
    if (done != null) {
      done.onFailure(e -> failed(vertx, interaction, e));
    }
  }

  private static void failed(Vertx vertx, InteractionEvent interaction, Throwable failure) {
    JsonObject json = interaction.json();
    boolean answer = !interaction.answered();
    String what = describe(json);
    String message = "the interaction handler of " + what + " failed (" + failure + "); "
        + (answer ? "the user got the default ephemeral reply" : "it had answered already, so no default reply")
        + ". Fix the handler (the stack trace is in this node's log)";
    HandlerErrors.report(vertx.eventBus(), ErrorKinds.INTERACTION_HANDLER, "INTERACTION_CREATE", message, failure,
        new JsonObject().put("interaction", json.getString("id")));
    if (answer) {
      interaction.reply(DEFAULT_REPLY, true).onFailure(e -> LOG.warn(
          "could not send the default reply to interaction {} ({}): {}", json.getString("id"), what, e.toString()));
    }
  }

  /** {@code /name} for a command, {@code custom_id 'x'} for a component or modal. */
  private static String describe(JsonObject interaction) {
    JsonObject data = interaction.getJsonObject("data");
    if (data == null) {
      return "interaction " + interaction.getString("id");
    }
    if (data.getString("name") != null) {
      return "/" + data.getString("name");
    }
    return "custom_id '" + data.getString("custom_id") + "'";
  }
}
