package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A GUILD_MEMBERS_CHUNK, or every chunk of one Request Guild Members gathered: members, presences and the ids that
 * matched nobody. Unknown keys are kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembersChunk(@JsonProperty("guild_id") String guildId, String nonce,
    @JsonProperty("chunk_index") int chunkIndex, @JsonProperty("chunk_count") int chunkCount, List<Member> members,
    List<Presence> presences, @JsonProperty("not_found") List<Object> notFound,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
