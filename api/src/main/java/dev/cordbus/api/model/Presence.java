package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A member's <a href="https://discord.com/developers/docs/events/gateway-events#presence-update">presence</a> in a
 * guild (PRESENCE_UPDATE's {@code user} may hold only {@code id}). Unknown keys are kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Presence(User user, @JsonProperty("guild_id") String guildId, String status,
    List<Activity> activities, @JsonProperty("client_status") Map<String, String> clientStatus,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /** An activity (playing, streaming, custom status...); unknown keys (timestamps, assets...) in {@code extra}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Activity(String name, int type, String state, String details, String url,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }
}
