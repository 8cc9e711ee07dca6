package dev.cordbus.api.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import dev.cordbus.api.model.User;

/**
 * The session dispatches (<a href="https://discord.com/developers/docs/events/gateway-events#ready">READY</a>,
 * RESUMED, RATE_LIMITED). Every record keeps the keys it does not name in {@code extra}.
 */
public final class SessionPayloads {

  private SessionPayloads() {
  }

  /** READY: the bot user, the guild stubs, the session and resume URL, the shard and the application. */
  public record Ready(int v, User user, List<UnavailableGuild> guilds, @JsonProperty("session_id") String sessionId,
      @JsonProperty("resume_gateway_url") String resumeGatewayUrl, List<Integer> shard, Application application,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** The application of READY: {@code id} and {@code flags}. */
  public record Application(String id, Long flags, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** A guild stub {@code {id, unavailable}} (READY's guilds, GUILD_DELETE). */
  public record UnavailableGuild(String id, Boolean unavailable, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** RESUMED: nothing documented; whatever arrives is kept in {@code extra}. */
  public record Resumed(@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** RATE_LIMITED: a gateway command (op 8) was rate limited; {@code retryAfter} in seconds. */
  public record RateLimited(int opcode, @JsonProperty("retry_after") double retryAfter, Map<String, Object> meta,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }
}
