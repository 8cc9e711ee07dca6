package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A member's voice state. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoiceState(@JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId,
    @JsonProperty("user_id") String userId, @JsonProperty("session_id") String sessionId, boolean deaf, boolean mute,
    @JsonProperty("self_deaf") boolean selfDeaf, @JsonProperty("self_mute") boolean selfMute,
    @JsonProperty("self_video") boolean selfVideo, boolean suppress) {
}
