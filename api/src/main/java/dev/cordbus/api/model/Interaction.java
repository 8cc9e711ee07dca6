package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An <a href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object">interaction</a> (INTERACTION_CREATE): {@code member} in guilds, {@code user} in DMs; answer it within 3 s (see {@code Interactions}). Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Interaction(String id, @JsonProperty("application_id") String applicationId, int type, InteractionData data,
    @JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId, Member member, User user,
    String token, int version, @JsonProperty("app_permissions") String appPermissions, String locale,
    @JsonProperty("guild_locale") String guildLocale, Message message,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
