package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A <a href="https://discord.com/developers/docs/resources/guild#guild-member-object">guild member</a> with its user
 * ({@code user} is absent in the partial member of MESSAGE_CREATE); {@code guildId} is set on GUILD_MEMBER_ADD /
 * UPDATE and state events. Unknown keys are kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(User user, String nick, String avatar, List<String> roles,
    @JsonProperty("joined_at") String joinedAt, @JsonProperty("premium_since") String premiumSince,
    boolean deaf, boolean mute, boolean pending, int flags,
    @JsonProperty("communication_disabled_until") String communicationDisabledUntil,
    @JsonProperty("guild_id") String guildId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /** Nickname when set, else the user's display name. */
  public String displayName() {
    return nick != null ? nick : user == null ? null : user.displayName();
  }
}
