package dev.cordbus.gateway.config;

import dev.cordbus.api.Intent;
import dev.cordbus.api.config.OptionReader;
import dev.cordbus.gateway.error.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Configuration of a {@code GatewayVerticle}, parsed once from JSON (keys = field names) plus environment overrides.
 * Invalid values fail with one {@link GatewayException} (kind CONFIG) naming every bad field. The token comes from
 * the JSON key {@code token} or else from {@code DISCORD_TOKEN}; it never appears in {@link #toString()} or
 * {@link #toJson()}. Environment variables {@code CORDBUS_REST_URL}, {@code CORDBUS_GATEWAY_URL},
 * {@code CORDBUS_SHARD_COUNT}, {@code CORDBUS_SHARDS}, {@code CORDBUS_INTENTS}, {@code CORDBUS_COMPRESSION} override
 * the JSON values.
 */
public final class GatewayOptions {

  public static final int DEFAULT_INTENTS = Intent.NON_PRIVILEGED;
  public static final String DEFAULT_REST_BASE_URL = "https://discord.com/api/v10";
  public static final Compression DEFAULT_COMPRESSION = Compression.ZLIB_STREAM;
  public static final int DEFAULT_LARGE_THRESHOLD = 250;
  public static final String DEFAULT_GROUP = "default";
  public static final boolean DEFAULT_PUBLISH_RAW = false;
  /** Dispatches of one event-loop turn leave as one event-bus message (false: one message per dispatch). */
  public static final boolean DEFAULT_BATCH_DISPATCHES = true;
  /** Dispatches another node may be behind before a group's sockets pause (0: never pause). */
  public static final int DEFAULT_FLOW_WINDOW = 4096;
  public static final long DEFAULT_BACKOFF_BASE_MS = 1000;
  public static final long DEFAULT_BACKOFF_MAX_MS = 60_000;
  public static final long DEFAULT_INVALID_SESSION_WAIT_MIN_MS = 1000;
  public static final long DEFAULT_INVALID_SESSION_WAIT_MAX_MS = 5000;
  public static final long DEFAULT_IDENTIFY_INTERVAL_MS = 5000;
  public static final int DEFAULT_SEND_LIMIT = 120;
  public static final long DEFAULT_SEND_WINDOW_MS = 60_000;
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
  public static final boolean DEFAULT_KEEP_SESSION_ON_STOP = false;
  /** The User-Agent Discord asks bots to send, on every REST request and WebSocket handshake (the REST verticle sends the same). */
  public static final String DEFAULT_USER_AGENT = "DiscordBot (https://github.com/cordbus/cordbus, 0.1.0)";
  /**
   * How long a shard keeps trying to RESUME a session whose connections fail to open (resume URL, then the main
   * gateway URL, with backoff) before it gives the session up and IDENTIFYs. Discord does not document how long a
   * session stays resumable; sessions are commonly resumable for a few minutes.
   */
  public static final long DEFAULT_RESUME_RETRY_MS = 120_000;

  /** The bot token, without "Bot ". Never logged. */
  private final String token;
  /** Intent bitmask sent in IDENTIFY. */
  private final int intents;
  /** Total shard count, or null for "auto" ({@code /gateway/bot} {@code shards}). */
  private final Integer shardCount;
  /** Shard ids of this group, or null for all. */
  private final List<Integer> shards;
  private final String restBaseUrl;
  /** Gateway URL override, or null to use {@code /gateway/bot}'s. */
  private final String gatewayUrl;
  private final Compression compression;
  private final int largeThreshold;
  /** Initial presence (IDENTIFY {@code presence}), or null. */
  private final JsonObject presence;
  private final String group;
  private final boolean publishRaw;
  private final boolean batchDispatches;
  private final int flowWindow;
  private final long backoffBaseMs;
  private final long backoffMaxMs;
  private final long invalidSessionWaitMinMs;
  private final long invalidSessionWaitMaxMs;
  private final long identifyIntervalMs;
  private final int sendLimit;
  private final long sendWindowMs;
  private final long connectTimeoutMs;
  /** Sent as {@code User-Agent} on the {@code /gateway/bot} request and on every WebSocket handshake. */
  private final String userAgent;
  /** How long a session whose connections fail to open is still resumed before identifying. */
  private final long resumeRetryMs;
  /** When true, {@code stop()} closes with 4000 so the sessions stay resumable; else 1000 (sessions end). */
  private final boolean keepSessionOnStop;
  /** Leases, session store and cluster identify queue settings. */
  private final ClusterOptions cluster;

  /** Parses {@code json} with the process environment. */
  public GatewayOptions(JsonObject json) {
    this(json, System::getenv);
  }

  /** Parses {@code json} with an injectable environment lookup (tests pass {@code name -> null}). */
  public GatewayOptions(JsonObject json, Function<String, String> env) {
    JsonObject j = json == null ? new JsonObject() : json;
    List<String> errors = new ArrayList<>();
    OptionsParser p = new OptionsParser(j, env, errors);
    OptionReader r = new OptionReader(j, env, errors);
    this.token = p.token();
    this.intents = p.intents();
    this.shardCount = p.shardCount();
    this.shards = p.shards(shardCount);
    this.restBaseUrl = r.url("restBaseUrl", "CORDBUS_REST_URL", DEFAULT_REST_BASE_URL, "http://", "https://");
    this.gatewayUrl = r.url("gatewayUrl", "CORDBUS_GATEWAY_URL", null, "ws://", "wss://");
    this.compression = p.compression();
    this.largeThreshold = r.intValue("largeThreshold", DEFAULT_LARGE_THRESHOLD, 50, 250);
    this.presence = r.object("presence");
    this.group = r.string("group", DEFAULT_GROUP);
    this.publishRaw = r.bool("publishRaw", DEFAULT_PUBLISH_RAW);
    this.batchDispatches = r.bool("batchDispatches", DEFAULT_BATCH_DISPATCHES);
    this.flowWindow = r.intValue("flowWindow", DEFAULT_FLOW_WINDOW, 0, 100_000_000);
    this.backoffBaseMs = r.longValue("backoffBaseMs", DEFAULT_BACKOFF_BASE_MS, 10, 3_600_000);
    this.backoffMaxMs = r.longValue("backoffMaxMs", DEFAULT_BACKOFF_MAX_MS, 10, 3_600_000);
    if (backoffMaxMs < backoffBaseMs) {
      errors.add("backoffMaxMs: must be >= backoffBaseMs (" + backoffBaseMs + "), was " + backoffMaxMs);
    }
    this.invalidSessionWaitMinMs =
        r.longValue("invalidSessionWaitMinMs", DEFAULT_INVALID_SESSION_WAIT_MIN_MS, 0, 600_000);
    this.invalidSessionWaitMaxMs =
        r.longValue("invalidSessionWaitMaxMs", DEFAULT_INVALID_SESSION_WAIT_MAX_MS, 0, 600_000);
    if (invalidSessionWaitMaxMs < invalidSessionWaitMinMs) {
      errors.add("invalidSessionWaitMaxMs: must be >= invalidSessionWaitMinMs (" + invalidSessionWaitMinMs
          + "), was " + invalidSessionWaitMaxMs);
    }
    this.identifyIntervalMs = r.longValue("identifyIntervalMs", DEFAULT_IDENTIFY_INTERVAL_MS, 0, 600_000);
    this.sendLimit = r.intValue("sendLimit", DEFAULT_SEND_LIMIT, 1, 100_000);
    this.sendWindowMs = r.longValue("sendWindowMs", DEFAULT_SEND_WINDOW_MS, 1, 3_600_000);
    this.connectTimeoutMs = r.longValue("connectTimeoutMs", DEFAULT_CONNECT_TIMEOUT_MS, 1, 600_000);
    this.keepSessionOnStop = r.bool("keepSessionOnStop", DEFAULT_KEEP_SESSION_ON_STOP);
    this.userAgent = r.string("userAgent", DEFAULT_USER_AGENT);
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      errors.add("userAgent: must be a non-empty header value without control characters");
    }
    this.resumeRetryMs = r.longValue("resumeRetryMs", DEFAULT_RESUME_RETRY_MS, 0, 3_600_000);
    this.cluster = ClusterOptions.parse(r, j, group, shardCount, shards, errors);
    r.throwIfInvalid("gateway", message -> new GatewayException(GatewayException.Kind.CONFIG, message));
  }

  /** The bot token (never log it). */
  public String token() {
    return token;
  }

  public int intents() {
    return intents;
  }

  /** The configured shard count, or null for "auto". */
  public Integer shardCount() {
    return shardCount;
  }

  /** The shard ids of this group, or null for every shard. */
  public List<Integer> shards() {
    return shards;
  }

  public String restBaseUrl() {
    return restBaseUrl;
  }

  /** Gateway URL override, or null. */
  public String gatewayUrl() {
    return gatewayUrl;
  }

  public Compression compression() {
    return compression;
  }

  public int largeThreshold() {
    return largeThreshold;
  }

  /** The initial presence, or null. */
  public JsonObject presence() {
    return presence == null ? null : presence.copy();
  }

  public String group() {
    return group;
  }

  public boolean publishRaw() {
    return publishRaw;
  }

  /**
   * Dispatches another node of the cluster may be behind what a group sent it before the group's sockets pause
   * (flow control; resumed at half); 0 never pauses.
   */
  public int flowWindow() {
    return flowWindow;
  }

  /** Whether the dispatches of one event-loop turn are published as one batch. */
  public boolean batchDispatches() {
    return batchDispatches;
  }

  public long backoffBaseMs() {
    return backoffBaseMs;
  }

  public long backoffMaxMs() {
    return backoffMaxMs;
  }

  public long invalidSessionWaitMinMs() {
    return invalidSessionWaitMinMs;
  }

  public long invalidSessionWaitMaxMs() {
    return invalidSessionWaitMaxMs;
  }

  public long identifyIntervalMs() {
    return identifyIntervalMs;
  }

  public int sendLimit() {
    return sendLimit;
  }

  public long sendWindowMs() {
    return sendWindowMs;
  }

  public long connectTimeoutMs() {
    return connectTimeoutMs;
  }

  public boolean keepSessionOnStop() {
    return keepSessionOnStop;
  }

  /** The User-Agent of every REST request and WebSocket handshake. */
  public String userAgent() {
    return userAgent;
  }

  /** How long a session whose connections fail to open is still resumed before the shard identifies. */
  public long resumeRetryMs() {
    return resumeRetryMs;
  }

  /** The cluster settings (leases, session store, cluster identify queue). */
  public ClusterOptions cluster() {
    return cluster;
  }

  /**
   * The shard ids this group runs once the total is known; fails (kind CONFIG, naming {@code shards}) when an id is
   * outside {@code [0, total)}.
   */
  public List<Integer> shardIds(int total) {
    if (shards == null) {
      List<Integer> all = new ArrayList<>(total);
      for (int i = 0; i < total; i++) {
        all.add(i);
      }
      return all;
    }
    for (int id : shards) {
      if (id >= total) {
        throw new GatewayException(GatewayException.Kind.CONFIG,
            "invalid gateway configuration: shards: shard id " + id + " is not below shardCount " + total);
      }
    }
    return shards;
  }

  /** The options as JSON, WITHOUT the token. */
  public JsonObject toJson() {
    JsonObject j = new JsonObject()
        .put("intents", intents)
        .put("shardCount", shardCount == null ? "auto" : shardCount)
        .put("restBaseUrl", restBaseUrl)
        .put("compression", compression.value())
        .put("largeThreshold", largeThreshold)
        .put("group", group)
        .put("publishRaw", publishRaw)
        .put("batchDispatches", batchDispatches)
        .put("flowWindow", flowWindow)
        .put("backoffBaseMs", backoffBaseMs)
        .put("backoffMaxMs", backoffMaxMs)
        .put("invalidSessionWaitMinMs", invalidSessionWaitMinMs)
        .put("invalidSessionWaitMaxMs", invalidSessionWaitMaxMs)
        .put("identifyIntervalMs", identifyIntervalMs)
        .put("sendLimit", sendLimit)
        .put("sendWindowMs", sendWindowMs)
        .put("connectTimeoutMs", connectTimeoutMs)
        .put("keepSessionOnStop", keepSessionOnStop)
        .put("userAgent", userAgent)
        .put("resumeRetryMs", resumeRetryMs);
    j.mergeIn(cluster.toJson());
    if (cluster.autoGroup()) {
      j.put("groups", cluster.autoGroups());
    }
    if (shards != null) {
      j.put("shards", new JsonArray(new ArrayList<>(shards)));
    }
    if (gatewayUrl != null) {
      j.put("gatewayUrl", gatewayUrl);
    }
    if (presence != null) {
      j.put("presence", presence.copy());
    }
    return j;
  }

  @Override
  public String toString() {
    return "GatewayOptions" + toJson().put("token", token == null ? null : "***").encode();
  }
}
