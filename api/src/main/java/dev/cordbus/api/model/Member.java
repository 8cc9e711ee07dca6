package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A guild member with its user. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(User user, String nick, String avatar, List<String> roles,
    @JsonProperty("joined_at") String joinedAt, @JsonProperty("premium_since") String premiumSince,
    boolean deaf, boolean mute, boolean pending, int flags,
    @JsonProperty("communication_disabled_until") String communicationDisabledUntil) {

  /** Nickname when set, else the user's display name. */
  public String displayName() {
    return nick != null ? nick : user == null ? null : user.displayName();
  }
}
