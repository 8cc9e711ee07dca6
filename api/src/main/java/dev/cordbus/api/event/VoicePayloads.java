package dev.cordbus.api.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Voice dispatches that are not a voice state. Every record keeps the keys it does not name in {@code extra}. */
public final class VoicePayloads {

  private VoicePayloads() {
  }

  /** VOICE_SERVER_UPDATE: the voice connection's token and endpoint (null = wait for the next one). */
  public record ServerUpdate(String token, @JsonProperty("guild_id") String guildId, String endpoint, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** VOICE_CHANNEL_EFFECT_SEND. */
  public record ChannelEffect(@JsonProperty("channel_id") String channelId, @JsonProperty("guild_id") String guildId,
      @JsonProperty("user_id") String userId, Map<String, Object> emoji,
      @JsonProperty("animation_type") Integer animationType, @JsonProperty("animation_id") Long animationId,
      @JsonProperty("sound_id") Object soundId, @JsonProperty("sound_volume") Double soundVolume, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }
}
