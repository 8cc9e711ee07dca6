package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A message (common fields). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(String id, @JsonProperty("channel_id") String channelId,
    @JsonProperty("guild_id") String guildId, User author, String content, String timestamp,
    @JsonProperty("edited_timestamp") String editedTimestamp, int type, boolean pinned,
    @JsonProperty("webhook_id") String webhookId) {
}
