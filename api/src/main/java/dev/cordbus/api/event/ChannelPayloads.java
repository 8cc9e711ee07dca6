package dev.cordbus.api.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import dev.cordbus.api.model.Channel;
import dev.cordbus.api.model.ThreadMember;

/**
 * Channel and thread dispatches whose {@code d} is not a channel object. Every record keeps the keys it does not
 * name in {@code extra}.
 */
public final class ChannelPayloads {

  private ChannelPayloads() {
  }

  /** CHANNEL_PINS_UPDATE. */
  public record PinsUpdate(@JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId,
      @JsonProperty("last_pin_timestamp") String lastPinTimestamp, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** CHANNEL_INFO (the reply to op 43): ephemeral voice status and start time per channel. */
  public record Info(@JsonProperty("guild_id") String guildId, List<InfoEntry> channels, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** One channel of CHANNEL_INFO; {@code voiceStartTime} in Unix seconds. */
  public record InfoEntry(String id, String status, @JsonProperty("voice_start_time") Long voiceStartTime, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** VOICE_CHANNEL_STATUS_UPDATE. */
  public record VoiceStatus(String id, @JsonProperty("guild_id") String guildId, String status, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** VOICE_CHANNEL_START_TIME_UPDATE; {@code voiceStartTime} in Unix seconds, null when the call ended. */
  public record VoiceStartTime(String id, @JsonProperty("guild_id") String guildId,
      @JsonProperty("voice_start_time") Long voiceStartTime, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** THREAD_LIST_SYNC: the threads of {@code channelIds} (every channel when null) and the bot's memberships. */
  public record ThreadListSync(@JsonProperty("guild_id") String guildId,
      @JsonProperty("channel_ids") List<String> channelIds, List<Channel> threads, List<ThreadMember> members, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** THREAD_MEMBERS_UPDATE: members added (with guild member and presence) and removed. */
  public record ThreadMembersUpdate(String id, @JsonProperty("guild_id") String guildId,
      @JsonProperty("member_count") int memberCount,
      @JsonProperty("added_members") List<ThreadMember> addedMembers,
      @JsonProperty("removed_member_ids") List<String> removedMemberIds, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }
}
