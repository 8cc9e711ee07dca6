package dev.cordbus.example;

import io.vertx.core.json.JsonObject;

/**
 * Configuration of {@link ExampleBotVerticle}. JSON keys: {@code prefix} (default {@code !}), {@code welcome}
 * (default true), {@code registerCommands} (default true: register the {@code /ping} slash command at READY),
 * {@code reactionWaitMs} (default 60000: how long {@code !react} waits for a reaction, 1..900000).
 * The bot holds no token: it calls Discord through the REST verticle over the event bus.
 */
public final class ExampleBotOptions {

  /** Command prefix the bot answers to. */
  public static final String DEFAULT_PREFIX = "!";

  private final String prefix;
  private final boolean welcome;
  private final boolean registerCommands;
  private final long reactionWaitMs;

  /** Default of {@code reactionWaitMs}. */
  public static final long DEFAULT_REACTION_WAIT_MS = 60_000;

  /** Parses {@code json}; fails naming the bad field. */
  public ExampleBotOptions(JsonObject json) {
    Object p = json.getValue("prefix", DEFAULT_PREFIX);
    if (!(p instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("prefix: expected a non-empty string, got " + p);
    }
    this.prefix = s;
    this.welcome = bool(json, "welcome");
    this.registerCommands = bool(json, "registerCommands");
    Object w = json.getValue("reactionWaitMs", DEFAULT_REACTION_WAIT_MS);
    if (!(w instanceof Number n) || n.longValue() != n.doubleValue() || n.longValue() < 1
        || n.longValue() > 900_000) {
      throw new IllegalArgumentException("reactionWaitMs: expected milliseconds between 1 and 900000, got " + w);
    }
    this.reactionWaitMs = n.longValue();
  }

  private static boolean bool(JsonObject json, String name) {
    Object v = json.getValue(name, Boolean.TRUE);
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException(name + ": expected true or false, got " + v);
    }
    return b;
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
