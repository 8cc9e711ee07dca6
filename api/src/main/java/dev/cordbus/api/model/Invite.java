package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An invite as INVITE_CREATE sends it. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Invite(@JsonProperty("channel_id") String channelId, String code,
    @JsonProperty("created_at") String createdAt, @JsonProperty("guild_id") String guildId, User inviter,
    @JsonProperty("max_age") int maxAge, @JsonProperty("max_uses") int maxUses,
    @JsonProperty("target_type") Integer targetType, @JsonProperty("target_user") User targetUser,
    boolean temporary, int uses, @JsonProperty("expires_at") String expiresAt,
    @JsonProperty("role_ids") List<String> roleIds,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
