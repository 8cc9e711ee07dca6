package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A Discord <a href="https://discord.com/developers/docs/resources/user#user-object">user</a>: the fields bots use;
 * every other key Discord sends (flags, banner, avatar decoration...) is kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(String id, String username, String discriminator,
    @JsonProperty("global_name") String globalName, String avatar, boolean bot,
    @JsonProperty("public_flags") int publicFlags,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /** The name shown in Discord: the global name when set, else the username. */
  public String displayName() {
    return globalName != null ? globalName : username;
  }
}
