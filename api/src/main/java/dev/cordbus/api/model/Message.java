package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A <a href="https://discord.com/developers/docs/resources/message#message-object">message</a>, as MESSAGE_CREATE /
 * MESSAGE_UPDATE deliver it ({@code member} is the author's partial member in guilds) and the state cache keeps it.
 * Embeds, attachments, components and reactions stay JSON-shaped maps; every other key is kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(String id, @JsonProperty("channel_id") String channelId,
    @JsonProperty("guild_id") String guildId, User author, String content, String timestamp,
    @JsonProperty("edited_timestamp") String editedTimestamp, int type, boolean pinned,
    @JsonProperty("webhook_id") String webhookId, Member member, List<User> mentions,
    List<Map<String, Object>> embeds, List<Map<String, Object>> attachments,
    List<Map<String, Object>> reactions, Integer flags,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
