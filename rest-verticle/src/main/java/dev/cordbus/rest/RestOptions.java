package dev.cordbus.rest;

import dev.cordbus.api.config.OptionReader;
import dev.cordbus.api.rest.RestAddresses;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Configuration of {@link RestVerticle}, parsed once from the verticle's JSON config (keys = field names). The token
 * comes from {@code token} or the {@code DISCORD_TOKEN} environment variable and is never printed.
 */
public final class RestOptions {

  /** Discord's API base. */
  public static final String DEFAULT_REST_BASE_URL = "https://discord.com/api/v10";
  /** The User-Agent Discord requires. */
  public static final String DEFAULT_USER_AGENT = "DiscordBot (https://github.com/cordbus/cordbus, 0.1.0)";
  /** Global requests per window. */
  public static final int DEFAULT_GLOBAL_LIMIT = 50;
  /** Global window. */
  public static final long DEFAULT_GLOBAL_WINDOW_MS = 1000;
  /** Retries of a 429 (or 502/503/504) before the call fails. */
  public static final int DEFAULT_MAX_RETRIES = 3;
  /** Most requests waiting per route and major parameter. */
  public static final int DEFAULT_MAX_QUEUE = 1000;
  /** HTTP request timeout. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
  /** Added to every bucket reset. */
  public static final long DEFAULT_RESET_MARGIN_MS = 25;
  /** HTTP/1 connections to Discord. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;
  /** First backoff of a 5xx retry (doubles). */
  public static final long DEFAULT_SERVER_ERROR_BACKOFF_MS = 500;

  private final String token;
  private final String restBaseUrl;
  private final String userAgent;
  private final String address;
  private final int globalLimit;
  private final long globalWindowMs;
  private final int maxRetries;
  private final int maxQueue;
  private final long requestTimeoutMs;
  private final long resetMarginMs;
  private final int maxConnections;
  private final long serverErrorBackoffMs;
  private final boolean publishEvents;
  /** {@code auto} (shared when clustered), {@code true} or {@code false}. */
  private final String sharedBuckets;
  /** Whether the global limit is counted over the cluster. */
  private final boolean sharedGlobal;

  /** Parses {@code json}, reading {@code DISCORD_TOKEN} and {@code CORDBUS_REST_URL} when the keys are absent. */
  public RestOptions(JsonObject json) {
    this(json, System.getenv());
  }

  /**
   * Parses {@code json} with {@code env} as the environment (JSON keys win over {@code DISCORD_TOKEN} and
   * {@code CORDBUS_REST_URL}); one {@link IllegalArgumentException} names every bad field, never the token.
   */
  public RestOptions(JsonObject json, Map<String, String> env) {
    OptionReader r = new OptionReader(json);
    String t = r.raw("token") instanceof String s ? s : env.get("DISCORD_TOKEN");
    if (r.has("token") && !(r.raw("token") instanceof String)) {
      r.fail("token", "must be a string; or remove the key and set DISCORD_TOKEN");
    } else if (t == null || t.isBlank()) {
      r.fail("token", "missing; set \"token\" or the DISCORD_TOKEN environment variable");
    }
    this.token = t;
    this.restBaseUrl = r.url("restBaseUrl", null, env.getOrDefault("CORDBUS_REST_URL", DEFAULT_REST_BASE_URL),
        "http://", "https://");
    this.userAgent = r.string("userAgent", DEFAULT_USER_AGENT);
    this.address = r.string("address", RestAddresses.REQUEST);
    this.globalLimit = r.intValue("globalLimit", DEFAULT_GLOBAL_LIMIT, 1, Integer.MAX_VALUE);
    this.globalWindowMs = r.longValue("globalWindowMs", DEFAULT_GLOBAL_WINDOW_MS, 1, Long.MAX_VALUE);
    this.maxRetries = r.intValue("maxRetries", DEFAULT_MAX_RETRIES, 0, Integer.MAX_VALUE);
    this.maxQueue = r.intValue("maxQueue", DEFAULT_MAX_QUEUE, 1, Integer.MAX_VALUE);
    this.requestTimeoutMs = r.longValue("requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS, 1, Long.MAX_VALUE);
    this.resetMarginMs = r.longValue("resetMarginMs", DEFAULT_RESET_MARGIN_MS, 0, Long.MAX_VALUE);
    this.maxConnections = r.intValue("maxConnections", DEFAULT_MAX_CONNECTIONS, 1, Integer.MAX_VALUE);
    this.serverErrorBackoffMs = r.longValue("serverErrorBackoffMs", DEFAULT_SERVER_ERROR_BACKOFF_MS, 0,
        Long.MAX_VALUE);
    this.publishEvents = r.bool("publishEvents", true);
    Object shared = r.raw("sharedBuckets");
    if (shared != null && !(shared instanceof Boolean) && !"auto".equals(shared)) {
      r.fail("sharedBuckets", "must be true, false or \"auto\", was " + shared);
    }
    this.sharedBuckets = shared instanceof Boolean ? String.valueOf(shared) : "auto";
    this.sharedGlobal = r.bool("sharedGlobal", false);
    r.throwIfInvalid("rest", IllegalArgumentException::new);
  }

  /** The bot token (never logged). */
  String token() {
    return token;
  }

  /** API base without trailing slash. */
  public String restBaseUrl() {
    return restBaseUrl;
  }

  /** User-Agent header. */
  public String userAgent() {
    return userAgent;
  }

  /** The request-reply address the verticle consumes. */
  public String address() {
    return address;
  }

  /** Global requests per window. */
  public int globalLimit() {
    return globalLimit;
  }

  /** Global window length. */
  public long globalWindowMs() {
    return globalWindowMs;
  }

  /** Retries of a 429 or 5xx. */
  public int maxRetries() {
    return maxRetries;
  }

  /** Queue size per route and major parameter. */
  public int maxQueue() {
    return maxQueue;
  }

  /** HTTP timeout. */
  public long requestTimeoutMs() {
    return requestTimeoutMs;
  }

  /** Margin added to resets. */
  public long resetMarginMs() {
    return resetMarginMs;
  }

  /** Connection pool size. */
  public int maxConnections() {
    return maxConnections;
  }

  /** First 5xx backoff. */
  public long serverErrorBackoffMs() {
    return serverErrorBackoffMs;
  }

  /** Whether {@code discord.rest} events are published. */
  public boolean publishEvents() {
    return publishEvents;
  }

  /**
   * Whether route buckets live in the cluster's shared data ({@code sharedBuckets}: {@code auto} = when
   * {@code clustered}); otherwise they stay in this verticle only (the fast path).
   */
  public boolean sharedBuckets(boolean clustered) {
    return "auto".equals(sharedBuckets) ? clustered : Boolean.parseBoolean(sharedBuckets);
  }

  /** Whether the global limit ({@code globalLimit} per {@code globalWindowMs}) is counted over the cluster. */
  public boolean sharedGlobal() {
    return sharedGlobal;
  }

  @Override
  public String toString() {
    return "RestOptions{restBaseUrl=" + restBaseUrl + ", token=***, address=" + address + ", globalLimit="
        + globalLimit + "/" + globalWindowMs + "ms, maxRetries=" + maxRetries + ", maxQueue=" + maxQueue
        + ", requestTimeoutMs=" + requestTimeoutMs + ", resetMarginMs=" + resetMarginMs + ", sharedBuckets="
        + sharedBuckets + ", sharedGlobal=" + sharedGlobal + "}";
  }
}
