package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Discord user (the fields bots use; unknown keys are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(String id, String username, String discriminator,
    @JsonProperty("global_name") String globalName, String avatar, boolean bot,
    @JsonProperty("public_flags") int publicFlags) {

  /** The name shown in Discord: the global name when set, else the username. */
  public String displayName() {
    return globalName != null ? globalName : username;
  }
}
