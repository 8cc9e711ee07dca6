package dev.cordbus.api.interaction;

import io.vertx.core.Future;

/**
 * A bot's handler of one kind of interaction. Return the future of the work (e.g. the reply's), or null when done.
 * A handler that throws, or whose future fails, is reported on {@code discord.error} (kind
 * {@code interaction-handler}) and, unless it answered already, the user gets the default ephemeral reply
 * ({@link InteractionHandlers#DEFAULT_REPLY}) instead of Discord's "This interaction failed".
 */
@FunctionalInterface
public interface InteractionHandler {

  /** Handles one interaction; answer it through {@code interaction.reply(...)} and friends within 3 s. */
  Future<?> handle(InteractionEvent interaction) throws Exception;
}
