package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An <a href="https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object">audit-log entry</a> (GUILD_AUDIT_LOG_ENTRY_CREATE, with {@code guildId}). Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditLogEntry(String id, @JsonProperty("guild_id") String guildId, @JsonProperty("user_id") String userId,
    @JsonProperty("target_id") String targetId, @JsonProperty("action_type") int actionType,
    List<Map<String, Object>> changes, Map<String, Object> options, String reason,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
