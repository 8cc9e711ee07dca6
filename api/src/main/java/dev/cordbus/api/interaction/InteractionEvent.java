package dev.cordbus.api.interaction;

import dev.cordbus.api.event.Event;
import dev.cordbus.api.model.Interaction;
import dev.cordbus.api.rest.RestClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One interaction handed to an {@link InteractionHandler}: the typed event (headers, JSON, the lazily decoded
 * {@link Interaction}) and the ways to answer it through the REST verticle. It remembers whether an answer was sent,
 * so a failing handler that already answered does not get the default reply on top.
 */
public final class InteractionEvent {

  private final Event<Interaction> event;
  private final RestClient rest;
  private boolean answered;

  InteractionEvent(Event<Interaction> event, RestClient rest) {
    this.event = event;
    this.rest = rest;
  }

  /** The typed event (shard, seq, guild headers; JSON; record). */
  public Event<Interaction> event() {
    return event;
  }

  /** The interaction, decoded on first use. */
  public Interaction data() {
    return event.data();
  }

  /** The interaction as JSON (read only). */
  public JsonObject json() {
    return event.json();
  }

  /** Whether an answer (reply, defer, update, autocomplete, modal) was sent or attempted. */
  public boolean answered() {
    return answered;
  }

  /** Answers with a message, ephemeral or not (callback type 4). */
  public Future<Void> reply(String content, boolean ephemeral) {
    answered = true;
    return Interactions.reply(rest, json(), content, ephemeral);
  }

  /** "Thinking..." now, edit the original response later (callback type 5). */
  public Future<Void> defer() {
    answered = true;
    return Interactions.defer(rest, json());
  }

  /** Edits the message of the button or select menu (callback type 7). */
  public Future<Void> updateMessage(JsonObject message) {
    answered = true;
    return Interactions.updateMessage(rest, json(), message);
  }

  /** Answers an autocomplete (callback type 8). */
  public Future<Void> autocomplete(JsonArray choices) {
    answered = true;
    return Interactions.autocomplete(rest, json(), choices);
  }

  /** Opens a modal (callback type 9). */
  public Future<Void> modal(JsonObject modal) {
    answered = true;
    return Interactions.modal(rest, json(), modal);
  }

  /** Any callback type with optional data. */
  public Future<Void> respond(int type, JsonObject data) {
    answered = true;
    return Interactions.respond(rest, json(), type, data);
  }
}
