package dev.cordbus.simulator.core;

import dev.cordbus.api.Intent;
import dev.cordbus.api.config.OptionReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * Options of the {@link dev.cordbus.simulator.DiscordSimulator}. JSON-constructible: the keys are the field names (for example
 * {@code {"port":0,"heartbeatIntervalMs":1000,"world":{"guilds":3,"membersPerGuild":20,"seed":42}}}); unknown keys are
 * ignored. Fluent setters have the field's name and return {@code this}; the no-argument method of the same name is the
 * getter. {@link #validate()} throws a {@link SimulatorException} of kind {@code INVALID_OPTION} naming the bad field.
 *
 * <p>Defaults follow Discord's own numbers (<a href="https://discord.com/developers/docs/events/gateway">gateway
 * docs</a>); tests shorten the heartbeat and the windows.
 */
public final class SimulatorOptions {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 0;
  public static final String DEFAULT_TOKEN = "simulated-bot-token";
  public static final int DEFAULT_RECOMMENDED_SHARDS = 1;
  public static final int DEFAULT_SESSION_START_TOTAL = 1000;
  public static final int DEFAULT_MAX_CONCURRENCY = 1;
  public static final long DEFAULT_SESSION_START_RESET_AFTER_MS = 86_400_000L;
  public static final long DEFAULT_IDENTIFY_WINDOW_MS = 5000;
  public static final int DEFAULT_HEARTBEAT_INTERVAL_MS = 41250;
  /** A connection silent for longer than {@code heartbeatIntervalMs * this} is closed with 4009. */
  public static final double DEFAULT_HEARTBEAT_GRACE_FACTOR = 1.5;
  public static final int DEFAULT_ALLOWED_INTENTS = Intent.ALL;
  public static final long DEFAULT_RESUME_WINDOW_MS = 120_000;
  public static final int DEFAULT_SEND_LIMIT = 120;
  public static final long DEFAULT_SEND_WINDOW_MS = 60_000;
  public static final int DEFAULT_MAX_GUILDS_PER_SHARD = 2500;
  public static final int DEFAULT_CHUNK_SIZE = 1000;
  public static final int DEFAULT_REPLAY_BUFFER_SIZE = 10_000;
  public static final long DEFAULT_REPLAY_BUFFER_BYTES = 64L * 1024 * 1024;
  public static final long DEFAULT_RECONNECT_CLOSE_DELAY_MS = 3000;
  public static final boolean DEFAULT_CLOSE_OLDER_ON_RESUME = true;
  public static final int DEFAULT_ZLIB_SPLIT_EVERY = 0;
  /**
   * Under zlib-stream the firehose splices pre-deflated frames into each connection's stream (fast; each piece is
   * compressed on its own, so the ratio is lower than a long shared context gives); false deflates every frame through
   * the connection's context like any payload (Discord's ratio; 13–50 µs per frame on a small box).
   */
  public static final boolean DEFAULT_FIREHOSE_SPLICE = true;
  public static final int DEFAULT_MESSAGE_RATE_LIMIT = 5;
  public static final long DEFAULT_MESSAGE_RATE_WINDOW_MS = 5000;
  public static final long DEFAULT_REQUEST_ALL_MEMBERS_COOLDOWN_MS = 30_000;
  public static final long DEFAULT_WORLD_SEED = 42L;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private List<String> tokens = List.of(DEFAULT_TOKEN);
  private int recommendedShards = DEFAULT_RECOMMENDED_SHARDS;
  private int sessionStartTotal = DEFAULT_SESSION_START_TOTAL;
  private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
  private long sessionStartResetAfterMs = DEFAULT_SESSION_START_RESET_AFTER_MS;
  private long identifyWindowMs = DEFAULT_IDENTIFY_WINDOW_MS;
  private int heartbeatIntervalMs = DEFAULT_HEARTBEAT_INTERVAL_MS;
  private double heartbeatGraceFactor = DEFAULT_HEARTBEAT_GRACE_FACTOR;
  private int allowedIntents = DEFAULT_ALLOWED_INTENTS;
  private long resumeWindowMs = DEFAULT_RESUME_WINDOW_MS;
  private int sendLimit = DEFAULT_SEND_LIMIT;
  private long sendWindowMs = DEFAULT_SEND_WINDOW_MS;
  private int maxGuildsPerShard = DEFAULT_MAX_GUILDS_PER_SHARD;
  private int chunkSize = DEFAULT_CHUNK_SIZE;
  private int replayBufferSize = DEFAULT_REPLAY_BUFFER_SIZE;
  private long replayBufferBytes = DEFAULT_REPLAY_BUFFER_BYTES;
  private long reconnectCloseDelayMs = DEFAULT_RECONNECT_CLOSE_DELAY_MS;
  private int zlibSplitEvery = DEFAULT_ZLIB_SPLIT_EVERY;
  private boolean firehoseSplice = DEFAULT_FIREHOSE_SPLICE;
  private int messageRateLimit = DEFAULT_MESSAGE_RATE_LIMIT;
  private long messageRateWindowMs = DEFAULT_MESSAGE_RATE_WINDOW_MS;
  private long requestAllMembersCooldownMs = DEFAULT_REQUEST_ALL_MEMBERS_COOLDOWN_MS;
  private boolean closeOlderOnResume = DEFAULT_CLOSE_OLDER_ON_RESUME;
  private World world;

  /** Default options with {@code World.small(42)}. */
  public SimulatorOptions() {
  }

  /**
   * Options from JSON (keys = field names). {@code world} is either {@code {"guilds":G,"membersPerGuild":M,"seed":S}}
   * or {@code {"fixtures":"path/to/fixtures"}}; absent means {@code World.small(42)}.
   */
  public SimulatorOptions(JsonObject json) {
    OptionReader r = new OptionReader(json);
    final int maxInt = Integer.MAX_VALUE;
    final long maxLong = Long.MAX_VALUE;
    host = r.string("host", host);
    port = r.intValue("port", port, 0, 65535);
    Object t = r.raw("tokens");
    if (t instanceof JsonArray a && !a.isEmpty() && a.stream().allMatch(o -> o instanceof String s && !s.isBlank())) {
      tokens = a.stream().map(String.class::cast).toList();
    } else if (t instanceof String s && !s.isBlank()) {
      tokens = List.of(s);
    } else if (t != null) {
      r.fail("tokens", "must be a non-empty array of non-empty strings (or one string)");
    }
    recommendedShards = r.intValue("recommendedShards", recommendedShards, 1, maxInt);
    sessionStartTotal = r.intValue("sessionStartTotal", sessionStartTotal, 0, maxInt);
    maxConcurrency = r.intValue("maxConcurrency", maxConcurrency, 1, maxInt);
    sessionStartResetAfterMs = r.longValue("sessionStartResetAfterMs", sessionStartResetAfterMs, 1, maxLong);
    identifyWindowMs = r.longValue("identifyWindowMs", identifyWindowMs, 0, maxLong);
    heartbeatIntervalMs = r.intValue("heartbeatIntervalMs", heartbeatIntervalMs, 1, maxInt);
    heartbeatGraceFactor = r.decimal("heartbeatGraceFactor", heartbeatGraceFactor, 1.0, 100.0);
    allowedIntents = r.intValue("allowedIntents", allowedIntents, 0, Intent.ALL);
    resumeWindowMs = r.longValue("resumeWindowMs", resumeWindowMs, 1, maxLong);
    sendLimit = r.intValue("sendLimit", sendLimit, 1, maxInt);
    sendWindowMs = r.longValue("sendWindowMs", sendWindowMs, 1, maxLong);
    maxGuildsPerShard = r.intValue("maxGuildsPerShard", maxGuildsPerShard, 1, maxInt);
    chunkSize = r.intValue("chunkSize", chunkSize, 1, maxInt);
    replayBufferSize = r.intValue("replayBufferSize", replayBufferSize, 1, maxInt);
    replayBufferBytes = r.longValue("replayBufferBytes", replayBufferBytes, 1, maxLong);
    reconnectCloseDelayMs = r.longValue("reconnectCloseDelayMs", reconnectCloseDelayMs, 0, maxLong);
    zlibSplitEvery = r.intValue("zlibSplitEvery", zlibSplitEvery, 0, maxInt);
    firehoseSplice = r.bool("firehoseSplice", firehoseSplice);
    messageRateLimit = r.intValue("messageRateLimit", messageRateLimit, 1, maxInt);
    messageRateWindowMs = r.longValue("messageRateWindowMs", messageRateWindowMs, 1, maxLong);
    requestAllMembersCooldownMs = r.longValue("requestAllMembersCooldownMs", requestAllMembersCooldownMs, 0, maxLong);
    closeOlderOnResume = r.bool("closeOlderOnResume", closeOlderOnResume);
    if (r.has("world") && !(r.raw("world") instanceof JsonObject)) {
      r.fail("world", "must be an object {guilds, membersPerGuild, seed} or {fixtures}");
    } else if (r.has("world")) {
      world = worldFromJson(r.section("world"));
    }
    r.throwIfInvalid("simulator", m -> new SimulatorException(SimulatorException.Kind.INVALID_OPTION, m));
    validate();
  }

  private static World worldFromJson(OptionReader w) {
    String fixtures = w.string("fixtures", null);
    if (fixtures != null) {
      return World.fromFixtures(Path.of(fixtures));
    }
    long seed = w.longValue("seed", DEFAULT_WORLD_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    if (!w.has("guilds") && !w.has("membersPerGuild")) {
      return World.small(seed);
    }
    int guilds = w.intValue("guilds", 3, 0, 100_000);
    int members = w.intValue("membersPerGuild", 25, 1, 10_000_000);
    return World.generate(guilds, members, seed);
  }

  private static SimulatorException invalid(String field, String what) {
    return new SimulatorException(SimulatorException.Kind.INVALID_OPTION, "simulator option '" + field + "' " + what);
  }

  /** Throws {@link SimulatorException} (INVALID_OPTION) naming the first bad field; returns {@code this}. */
  public SimulatorOptions validate() {
    if (host == null || host.isBlank()) {
      throw invalid("host", "must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw invalid("port", "must be in [0, 65535], was " + port);
    }
    if (tokens == null || tokens.isEmpty() || tokens.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw invalid("tokens", "must hold at least one non-empty token");
    }
    positive("recommendedShards", recommendedShards);
    nonNegative("sessionStartTotal", sessionStartTotal);
    positive("maxConcurrency", maxConcurrency);
    positive("sessionStartResetAfterMs", sessionStartResetAfterMs);
    nonNegative("identifyWindowMs", identifyWindowMs);
    positive("heartbeatIntervalMs", heartbeatIntervalMs);
    if (!(heartbeatGraceFactor >= 1.0)) {
      throw invalid("heartbeatGraceFactor", "must be >= 1.0, was " + heartbeatGraceFactor);
    }
    if ((allowedIntents & ~Intent.ALL) != 0) {
      throw invalid("allowedIntents", "has undocumented bits: " + (allowedIntents & ~Intent.ALL));
    }
    positive("resumeWindowMs", resumeWindowMs);
    positive("sendLimit", sendLimit);
    positive("sendWindowMs", sendWindowMs);
    positive("maxGuildsPerShard", maxGuildsPerShard);
    positive("chunkSize", chunkSize);
    positive("replayBufferSize", replayBufferSize);
    positive("replayBufferBytes", replayBufferBytes);
    nonNegative("reconnectCloseDelayMs", reconnectCloseDelayMs);
    nonNegative("zlibSplitEvery", zlibSplitEvery);
    positive("messageRateLimit", messageRateLimit);
    positive("messageRateWindowMs", messageRateWindowMs);
    nonNegative("requestAllMembersCooldownMs", requestAllMembersCooldownMs);
    return this;
  }

  private static void positive(String field, long value) {
    if (value <= 0) {
      throw invalid(field, "must be > 0, was " + value);
    }
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw invalid(field, "must be >= 0, was " + value);
    }
  }

  /** The options as JSON (the tokens are not included: they are secrets). The world is given by its recipe. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("host", host).put("port", port).put("recommendedShards", recommendedShards)
        .put("sessionStartTotal", sessionStartTotal).put("maxConcurrency", maxConcurrency)
        .put("sessionStartResetAfterMs", sessionStartResetAfterMs).put("identifyWindowMs", identifyWindowMs)
        .put("heartbeatIntervalMs", heartbeatIntervalMs).put("heartbeatGraceFactor", heartbeatGraceFactor)
        .put("allowedIntents", allowedIntents).put("resumeWindowMs", resumeWindowMs)
        .put("sendLimit", sendLimit).put("sendWindowMs", sendWindowMs).put("maxGuildsPerShard", maxGuildsPerShard)
        .put("chunkSize", chunkSize).put("replayBufferSize", replayBufferSize)
        .put("replayBufferBytes", replayBufferBytes).put("reconnectCloseDelayMs", reconnectCloseDelayMs)
        .put("zlibSplitEvery", zlibSplitEvery).put("firehoseSplice", firehoseSplice)
        .put("messageRateLimit", messageRateLimit)
        .put("messageRateWindowMs", messageRateWindowMs)
        .put("requestAllMembersCooldownMs", requestAllMembersCooldownMs)
        .put("closeOlderOnResume", closeOlderOnResume)
        .put("world", world().recipe());
  }

  @Override
  public String toString() {
    return "SimulatorOptions" + toJson().encode();
  }

  // ---- getters and fluent setters ----

  public String host() { return host; }
  public SimulatorOptions host(String v) { host = v; return this; }
  public int port() { return port; }
  public SimulatorOptions port(int v) { port = v; return this; }
  public List<String> tokens() { return tokens; }
  public SimulatorOptions tokens(List<String> v) { tokens = v == null ? null : List.copyOf(v); return this; }
  public int recommendedShards() { return recommendedShards; }
  public SimulatorOptions recommendedShards(int v) { recommendedShards = v; return this; }
  public int sessionStartTotal() { return sessionStartTotal; }
  public SimulatorOptions sessionStartTotal(int v) { sessionStartTotal = v; return this; }
  public int maxConcurrency() { return maxConcurrency; }
  public SimulatorOptions maxConcurrency(int v) { maxConcurrency = v; return this; }
  public long sessionStartResetAfterMs() { return sessionStartResetAfterMs; }
  public SimulatorOptions sessionStartResetAfterMs(long v) { sessionStartResetAfterMs = v; return this; }
  public long identifyWindowMs() { return identifyWindowMs; }
  public SimulatorOptions identifyWindowMs(long v) { identifyWindowMs = v; return this; }
  public int heartbeatIntervalMs() { return heartbeatIntervalMs; }
  public SimulatorOptions heartbeatIntervalMs(int v) { heartbeatIntervalMs = v; return this; }
  public double heartbeatGraceFactor() { return heartbeatGraceFactor; }
  public SimulatorOptions heartbeatGraceFactor(double v) { heartbeatGraceFactor = v; return this; }
  public int allowedIntents() { return allowedIntents; }
  public SimulatorOptions allowedIntents(int v) { allowedIntents = v; return this; }
  public long resumeWindowMs() { return resumeWindowMs; }
  public SimulatorOptions resumeWindowMs(long v) { resumeWindowMs = v; return this; }
  public int sendLimit() { return sendLimit; }
  public SimulatorOptions sendLimit(int v) { sendLimit = v; return this; }
  public long sendWindowMs() { return sendWindowMs; }
  public SimulatorOptions sendWindowMs(long v) { sendWindowMs = v; return this; }
  public int maxGuildsPerShard() { return maxGuildsPerShard; }
  public SimulatorOptions maxGuildsPerShard(int v) { maxGuildsPerShard = v; return this; }
  /** Members per GUILD_MEMBERS_CHUNK (Discord: 1000). */
  public int chunkSize() { return chunkSize; }
  public SimulatorOptions chunkSize(int v) { chunkSize = v; return this; }
  /** Dispatches kept per session for RESUME replay. */
  public int replayBufferSize() { return replayBufferSize; }
  public SimulatorOptions replayBufferSize(int v) { replayBufferSize = v; return this; }
  /** Bytes of dispatches kept per session for RESUME replay (older ones are dropped first). */
  public long replayBufferBytes() { return replayBufferBytes; }
  public SimulatorOptions replayBufferBytes(long v) { replayBufferBytes = v; return this; }
  /** After op 7 the server closes the socket this much later if the client has not. */
  /**
   * Whether a RESUME of a session whose connection is still open closes that older connection (with 4000, after the
   * new one took the session). Discord does not document this; closing is the likely behaviour and the default.
   * With false both stay open: the older one receives nothing more (every new dispatch goes to the newer one).
   */
  public boolean closeOlderOnResume() { return closeOlderOnResume; }
  public SimulatorOptions closeOlderOnResume(boolean v) { closeOlderOnResume = v; return this; }
  public long reconnectCloseDelayMs() { return reconnectCloseDelayMs; }
  public SimulatorOptions reconnectCloseDelayMs(long v) { reconnectCloseDelayMs = v; return this; }
  /** With zlib-stream, every Nth payload is split over two WebSocket messages (0 = never). */
  public int zlibSplitEvery() { return zlibSplitEvery; }
  public SimulatorOptions zlibSplitEvery(int v) { zlibSplitEvery = v; return this; }
  public boolean firehoseSplice() { return firehoseSplice; }
  public SimulatorOptions firehoseSplice(boolean v) { firehoseSplice = v; return this; }
  /** REST message routes: requests per channel bucket per window, else 429. */
  public int messageRateLimit() { return messageRateLimit; }
  public SimulatorOptions messageRateLimit(int v) { messageRateLimit = v; return this; }
  public long messageRateWindowMs() { return messageRateWindowMs; }
  public SimulatorOptions messageRateWindowMs(long v) { messageRateWindowMs = v; return this; }
  /** One "all members" op 8 per guild per this many ms, else RATE_LIMITED. */
  public long requestAllMembersCooldownMs() { return requestAllMembersCooldownMs; }
  public SimulatorOptions requestAllMembersCooldownMs(long v) { requestAllMembersCooldownMs = v; return this; }
  /** The world; {@code World.small(42)} unless set. */
  public synchronized World world() {
    if (world == null) {
      world = World.small(DEFAULT_WORLD_SEED);
    }
    return world;
  }
  public synchronized SimulatorOptions world(World v) { world = v; return this; }
}
