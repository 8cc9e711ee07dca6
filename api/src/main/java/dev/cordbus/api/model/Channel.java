package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A <a href="https://discord.com/developers/docs/resources/channel#channel-object">channel or thread</a> (common
 * fields; THREAD_CREATE adds {@code newlyCreated} or the bot's thread {@code member}). Unknown keys (permission
 * overwrites, thread metadata, bitrate...) are kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Channel(String id, int type, @JsonProperty("guild_id") String guildId, String name, int position,
    @JsonProperty("parent_id") String parentId, String topic, boolean nsfw,
    @JsonProperty("last_message_id") String lastMessageId,
    @JsonProperty("rate_limit_per_user") int rateLimitPerUser,
    @JsonProperty("member_count") Integer memberCount, @JsonProperty("owner_id") String ownerId,
    @JsonProperty("newly_created") Boolean newlyCreated, ThreadMember member,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
