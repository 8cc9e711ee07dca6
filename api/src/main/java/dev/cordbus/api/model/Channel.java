package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A guild channel or thread (common fields). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Channel(String id, int type, @JsonProperty("guild_id") String guildId, String name, int position,
    @JsonProperty("parent_id") String parentId, String topic, boolean nsfw,
    @JsonProperty("last_message_id") String lastMessageId,
    @JsonProperty("rate_limit_per_user") int rateLimitPerUser,
    @JsonProperty("member_count") Integer memberCount, @JsonProperty("owner_id") String ownerId) {
}
