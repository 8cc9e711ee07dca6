package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A member's <a href="https://discord.com/developers/docs/resources/voice#voice-state-object">voice state</a>;
 * {@code channelId} null = left voice. VOICE_STATE_UPDATE carries the {@code member} in guilds. Unknown keys are
 * kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoiceState(@JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId,
    @JsonProperty("user_id") String userId, @JsonProperty("session_id") String sessionId, boolean deaf, boolean mute,
    @JsonProperty("self_deaf") boolean selfDeaf, @JsonProperty("self_mute") boolean selfMute,
    @JsonProperty("self_video") boolean selfVideo, boolean suppress, Member member,
    @JsonProperty("self_stream") Boolean selfStream,
    @JsonProperty("request_to_speak_timestamp") String requestToSpeakTimestamp,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
