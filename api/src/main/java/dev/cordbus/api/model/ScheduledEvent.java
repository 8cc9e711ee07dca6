package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A <a href="https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-object">guild scheduled event</a>; {@code userCount} is kept up to date by the state cache. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(String id, @JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId,
    @JsonProperty("creator_id") String creatorId, String name, String description,
    @JsonProperty("scheduled_start_time") String scheduledStartTime,
    @JsonProperty("scheduled_end_time") String scheduledEndTime, @JsonProperty("privacy_level") int privacyLevel,
    int status, @JsonProperty("entity_type") int entityType, @JsonProperty("entity_id") String entityId,
    @JsonProperty("user_count") Integer userCount, User creator,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
