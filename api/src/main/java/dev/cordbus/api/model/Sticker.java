package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A guild <a href="https://discord.com/developers/docs/resources/sticker#sticker-object">sticker</a>. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Sticker(String id, String name, String description, String tags, int type,
    @JsonProperty("format_type") int formatType, Boolean available, @JsonProperty("guild_id") String guildId, User user,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
