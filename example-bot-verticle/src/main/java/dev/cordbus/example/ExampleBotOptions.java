package dev.cordbus.example;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Configuration of {@link ExampleBotVerticle}. JSON keys: {@code restBaseUrl}, {@code token} (default: the
 * {@code DISCORD_TOKEN} environment variable), {@code prefix} (default {@code !}), {@code welcome} (default true).
 */
public final class ExampleBotOptions {

  /** Discord's REST API base. */
  public static final String DEFAULT_REST_BASE_URL = "https://discord.com/api/v10";
  /** Command prefix the bot answers to. */
  public static final String DEFAULT_PREFIX = "!";

  private final String restBaseUrl;
  private final String token;
  private final String prefix;
  private final boolean welcome;

  /** Parses {@code json}, falling back to {@code env} for the token; fails naming the bad field. */
  public ExampleBotOptions(JsonObject json, Function<String, String> env) {
    this.restBaseUrl = stringField(json, "restBaseUrl", DEFAULT_REST_BASE_URL);
    String t = json.getValue("token") instanceof String s ? s : env.apply("DISCORD_TOKEN");
    if (t == null || t.isBlank()) {
      throw new IllegalArgumentException("token: no bot token; set the DISCORD_TOKEN environment variable");
    }
    this.token = t.trim();
    this.prefix = stringField(json, "prefix", DEFAULT_PREFIX);
    Object w = json.getValue("welcome", Boolean.TRUE);
    if (!(w instanceof Boolean b)) {
      throw new IllegalArgumentException("welcome: expected true or false, got " + w);
    }
    this.welcome = b;
  }

  private static String stringField(JsonObject json, String name, String def) {
    Object v = json.getValue(name, def);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(name + ": expected a non-empty string, got " + v);
    }
    return s;
  }

  /** REST base URL, without a trailing slash. */
  public String restBaseUrl() {
    return restBaseUrl.endsWith("/") ? restBaseUrl.substring(0, restBaseUrl.length() - 1) : restBaseUrl;
  }

  /** The bot token; never log it. */
  String token() {
    return token;
  }

  /** Command prefix. */
  public String prefix() {
    return prefix;
  }

  /** Whether new members are welcomed. */
  public boolean welcome() {
    return welcome;
  }

  @Override
  public String toString() {
    return "ExampleBotOptions{restBaseUrl=" + restBaseUrl + ", prefix=" + prefix + ", welcome=" + welcome
        + ", token=***}";
  }
}
