package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Every chunk of one Request Guild Members gathered: members, presences and the ids that matched nobody. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembersChunk(@JsonProperty("guild_id") String guildId, String nonce,
    @JsonProperty("chunk_count") int chunkCount, List<Member> members, List<Presence> presences,
    @JsonProperty("not_found") List<String> notFound) {
}
