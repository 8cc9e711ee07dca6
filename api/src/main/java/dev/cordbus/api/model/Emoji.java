package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A guild or unicode <a href="https://discord.com/developers/docs/resources/emoji#emoji-object">emoji</a> ({@code id} null for unicode). Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Emoji(String id, String name, Boolean animated, List<String> roles, User user,
    @JsonProperty("require_colons") Boolean requireColons, Boolean managed, Boolean available,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
