package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A <a href="https://discord.com/developers/docs/resources/channel#thread-member-object">thread member</a> ({@code id} = the thread); THREAD_MEMBERS_UPDATE adds the guild {@code member} and {@code presence}, THREAD_MEMBER_UPDATE the {@code guildId}. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThreadMember(String id, @JsonProperty("user_id") String userId,
    @JsonProperty("join_timestamp") String joinTimestamp, int flags, Member member, Presence presence,
    @JsonProperty("guild_id") String guildId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
