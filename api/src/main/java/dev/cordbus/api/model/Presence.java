package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A member's presence in a guild. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Presence(User user, @JsonProperty("guild_id") String guildId, String status,
    List<Activity> activities, @JsonProperty("client_status") Map<String, String> clientStatus) {

  /** An activity (playing, streaming, custom status...). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Activity(String name, int type, String state, String details, String url) {
  }
}
