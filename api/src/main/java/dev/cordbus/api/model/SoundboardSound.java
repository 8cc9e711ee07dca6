package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A <a href="https://discord.com/developers/docs/resources/soundboard#soundboard-sound-object">soundboard sound</a>. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SoundboardSound(@JsonProperty("sound_id") String soundId, String name, double volume,
    @JsonProperty("emoji_id") String emojiId, @JsonProperty("emoji_name") String emojiName,
    @JsonProperty("guild_id") String guildId, boolean available, User user,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
