package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An <a href="https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-rule-object">auto-moderation rule</a>. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AutoModRule(String id, @JsonProperty("guild_id") String guildId, String name,
    @JsonProperty("creator_id") String creatorId, @JsonProperty("event_type") int eventType,
    @JsonProperty("trigger_type") int triggerType,
    @JsonProperty("trigger_metadata") Map<String, Object> triggerMetadata, List<Map<String, Object>> actions,
    boolean enabled, @JsonProperty("exempt_roles") List<String> exemptRoles,
    @JsonProperty("exempt_channels") List<String> exemptChannels,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
