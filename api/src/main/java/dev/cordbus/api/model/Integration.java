package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A guild <a href="https://discord.com/developers/docs/resources/guild#integration-object">integration</a> (INTEGRATION_CREATE / _UPDATE, with {@code guildId}). Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Integration(String id, String name, String type, Boolean enabled, @JsonProperty("guild_id") String guildId,
    Map<String, Object> account, Map<String, Object> application,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
