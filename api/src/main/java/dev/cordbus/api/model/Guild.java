package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A <a href="https://discord.com/developers/docs/resources/guild#guild-object">guild</a>: the top-level fields, roles,
 * emojis and stickers, and, on GUILD_CREATE only, the lists Discord adds (members, channels, threads, presences, voice
 * states...; null elsewhere: the state queries serve members and channels on their own). Also an unavailable stub
 * {@code {id, unavailable:true}}. Unknown keys are kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Guild(String id, String name, String icon, String description, @JsonProperty("owner_id") String ownerId,
    @JsonProperty("member_count") int memberCount, boolean unavailable, List<Role> roles,
    @JsonProperty("preferred_locale") String preferredLocale, List<String> features,
    @JsonProperty("system_channel_id") String systemChannelId, List<Emoji> emojis, List<Sticker> stickers,
    @JsonProperty("joined_at") String joinedAt, Boolean large, List<Member> members, List<Channel> channels,
    List<Channel> threads, List<Presence> presences, @JsonProperty("voice_states") List<VoiceState> voiceStates,
    @JsonProperty("stage_instances") List<StageInstance> stageInstances,
    @JsonProperty("guild_scheduled_events") List<ScheduledEvent> scheduledEvents,
    @JsonProperty("soundboard_sounds") List<SoundboardSound> soundboardSounds,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
