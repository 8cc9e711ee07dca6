package dev.cordbus.api.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import dev.cordbus.api.model.User;

/**
 * The bodies cordbus itself publishes: shard lifecycle ({@code discord.shard.*}), group and bot readiness, the REST
 * observability event ({@code discord.rest}) and {@code discord.error}. Names are the JSON keys (camelCase, as the
 * gateway and REST verticles write them); fields a publisher does not set are null, and keys added later are kept in
 * {@code extra}.
 */
public final class Lifecycle {

  private Lifecycle() {
  }

  /** {@code discord.shard.connect}: a shard opened its WebSocket. */
  public record ShardConnect(int shard, int shardCount, String group, String url, boolean resuming, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /**
   * {@code discord.shard.ready}: a shard received READY. {@code guilds} is the number of guilds in READY; {@code v},
   * {@code user}, {@code application} and {@code unavailableGuilds} are null until the gateway publishes them.
   */
  public record ShardReady(int shard, int shardCount, String group, String sessionId, String resumeGatewayUrl,
      int guilds, Integer v, User user, SessionPayloads.Application application, List<String> unavailableGuilds,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@code discord.shard.resume}: RESUMED received after replaying {@code replayed} dispatches. */
  public record ShardResume(int shard, int shardCount, String group, String sessionId, int replayed, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@code discord.shard.disconnect}: the WebSocket closed; {@code action} is what the shard does next. */
  public record ShardDisconnect(int shard, int shardCount, String group, int code, String reason, String initiator,
      boolean resumable, String action, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@code discord.shard.reconnect}: the shard reconnects after {@code delayMs}. */
  public record ShardReconnect(int shard, int shardCount, String group, int attempt, long delayMs, boolean resume,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@code discord.shard.invalid-session}: op 9. */
  public record ShardInvalidSession(int shard, int shardCount, String group, boolean resumable, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /**
   * {@code discord.shard.error}: a bad frame ({@code reason}, {@code seq}), a fatal close ({@code code},
   * {@code privilegedIntents}) or repeated identify rejections ({@code attempts}).
   */
  public record ShardError(int shard, int shardCount, String group, String kind, String message, String reason,
      Long seq, Integer code, Integer attempts, List<String> privilegedIntents, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@code discord.shard.sent}: a payload the shard sent (the token replaced by {@code ***}). */
  public record ShardSent(int shard, int shardCount, String group, int op, Map<String, Object> payload, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@code discord.shard.group-ready}: every shard of a gateway verticle's group is READY. */
  public record GroupReady(String group, List<Integer> shards, int shardCount, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@code discord.bot.ready}: every shard of the configured shard count is READY, wherever it runs. */
  public record BotReady(int shardCount, List<Integer> shards, long readyMs, Long readyAt, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /**
   * {@code discord.rest}: one HTTP response of the REST verticle (route template, no secret): rate-limit headers
   * ({@code -1} when absent), latency and time queued in ms, the attempt number, and the 429 scope / global flag.
   */
  public record RestResponse(String method, String route, int status, String bucket, int limit, int remaining,
      long resetAfterMs, double latencyMs, double queuedMs, int attempt, String scope, Boolean global, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /**
   * {@code discord.error}: {@code kind} is one of {@link dev.cordbus.api.ErrorKinds}; {@code message} says what
   * failed and what to do; {@code shard}, {@code group}, {@code event} where they apply; {@code cause} the exception
   * ({@code class: message}).
   */
  public record ErrorEvent(String kind, String message, Integer shard, String group, String event, String cause, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }
}
