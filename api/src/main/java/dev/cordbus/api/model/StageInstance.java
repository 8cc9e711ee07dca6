package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A <a href="https://discord.com/developers/docs/resources/stage-instance#stage-instance-object">stage instance</a>. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageInstance(String id, @JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId,
    String topic, @JsonProperty("privacy_level") int privacyLevel,
    @JsonProperty("guild_scheduled_event_id") String guildScheduledEventId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
