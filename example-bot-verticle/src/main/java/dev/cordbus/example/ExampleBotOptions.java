package dev.cordbus.example;

import dev.cordbus.api.config.OptionReader;
import io.vertx.core.json.JsonObject;

/**
 * Configuration of {@link ExampleBotVerticle}. JSON keys: {@code prefix} (default {@code !}), {@code welcome}
 * (default true), {@code registerCommands} (default true: register the {@code /ping} slash command at READY),
 * {@code reactionWaitMs} (default 60000, 1..900000: how long {@code !react} waits for a reaction).
 * The bot holds no token: it calls Discord through the REST verticle over the event bus.
 */
public final class ExampleBotOptions {

  /** Command prefix the bot answers to. */
  public static final String DEFAULT_PREFIX = "!";
  /** Default of {@code reactionWaitMs}. */
  public static final long DEFAULT_REACTION_WAIT_MS = 60_000;

  private final String prefix;
  private final boolean welcome;
  private final boolean registerCommands;
  private final long reactionWaitMs;

  /** Parses {@code json}; one {@link IllegalArgumentException} names every bad field. */
  public ExampleBotOptions(JsonObject json) {
    OptionReader r = new OptionReader(json);
    this.prefix = r.string("prefix", DEFAULT_PREFIX);
    this.welcome = r.bool("welcome", true);
    this.registerCommands = r.bool("registerCommands", true);
    this.reactionWaitMs = r.longValue("reactionWaitMs", DEFAULT_REACTION_WAIT_MS, 1, 900_000);
    r.throwIfInvalid("example bot", IllegalArgumentException::new);
  }

  /** Command prefix. */
  public String prefix() {
    return prefix;
  }

  /** Whether new members are welcomed. */
  public boolean welcome() {
    return welcome;
  }

  /** Whether the {@code /ping} command is registered at READY. */
  public boolean registerCommands() {
    return registerCommands;
  }

  /** How long {@code !react} waits for a reaction, in ms. */
  public long reactionWaitMs() {
    return reactionWaitMs;
  }
}
