package dev.cordbus.api.state;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cordbus.api.model.Emoji;
import dev.cordbus.api.model.Member;
import dev.cordbus.api.model.Message;
import dev.cordbus.api.model.Role;
import dev.cordbus.api.model.ScheduledEvent;
import dev.cordbus.api.model.SoundboardSound;
import dev.cordbus.api.model.User;
import dev.cordbus.api.model.VoiceState;
import java.util.List;
import java.util.Map;

/**
 * The typed bodies of the state events ({@code discord.state.<NAME>}, see {@link StateEvents} and
 * {@link StateKeys}). Updates and creates are a {@link Change}; each delete has its own record carrying the
 * dispatch's ids <em>and</em> the cached object ({@code before}, null when it was not cached), so an uncached delete
 * still says what was deleted. Keys a record does not name are kept in {@code extra}.
 */
public final class StateBodies {

  private StateBodies() {
  }

  /**
   * An update ({@code before} and {@code after}) or a creation ({@code before} null) of a cached object.
   *
   * @param <T> the model type
   */
  public record Change<T>(@JsonProperty("guild_id") String guildId, T before, T after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /**
   * A deletion by id ({@code id}: channel, thread, scheduled event, stage instance; for GUILD_REMOVE / GUILD_UNAVAILABLE the guild, whose id may be only in {@code guildId}); {@code before} the
   * cached object or null; {@code parentId} on THREAD_DELETE.
   *
   * @param <T> the model type
   */
  public record Deleted<T>(@JsonProperty("guild_id") String guildId, String id,
      @JsonProperty("parent_id") String parentId, T before, T after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_ROLE_DELETE: the role id and the cached role. */
  public record RoleDeleted(@JsonProperty("guild_id") String guildId, @JsonProperty("role_id") String roleId,
      Role before, Role after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_SOUNDBOARD_SOUND_DELETE: the sound id and the cached sound. */
  public record SoundDeleted(@JsonProperty("guild_id") String guildId, @JsonProperty("sound_id") String soundId,
      SoundboardSound before, SoundboardSound after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** MESSAGE_DELETE: the ids and the cached message (null when it was not cached). */
  public record MessageDeleted(@JsonProperty("guild_id") String guildId, String id,
      @JsonProperty("channel_id") String channelId, Message before, Message after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** MESSAGE_DELETE_BULK: every deleted id and the cached messages among them. */
  public record MessagesDeleted(@JsonProperty("guild_id") String guildId, List<String> ids,
      @JsonProperty("channel_id") String channelId, List<Message> before, Object after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_MEMBER_REMOVE: the user Discord sent and the cached member (null when it was not cached). */
  public record MemberRemoved(@JsonProperty("guild_id") String guildId, User user, Member before, Member after,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@link StateEvents#GUILD_MEMBER_BAN}: the banned user and the cached member. */
  public record MemberBanned(@JsonProperty("guild_id") String guildId, User user, Member before, Member after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /**
   * MESSAGE_REACTION_ADD / _REMOVE / _REMOVE_ALL / _REMOVE_EMOJI: who reacted with what ({@code user} and
   * {@code member} from the cache or the payload, null when unknown), and the cached message before and after (null
   * when the message is not cached).
   */
  public record ReactionChange(@JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId,
      @JsonProperty("message_id") String messageId, @JsonProperty("user_id") String userId, Emoji emoji,
      Boolean burst, User user, Member member, Message before, Message after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** TYPING_START with the member or user from the cache; {@code timestamp} in Unix seconds. */
  public record Typing(@JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId,
      @JsonProperty("user_id") String userId, Long timestamp, Member member, User user, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** VOICE_STATE_UPDATE: the previous and new voice state and the member. */
  public record VoiceChange(@JsonProperty("guild_id") String guildId, VoiceState before, VoiceState after,
      Member member, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /**
   * GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE: the user (and member) and the scheduled event before and after its
   * {@code user_count} changed (null when it is not cached).
   */
  public record ScheduledEventUser(@JsonProperty("guild_id") String guildId,
      @JsonProperty("guild_scheduled_event_id") String scheduledEventId, @JsonProperty("user_id") String userId,
      User user, Member member, ScheduledEvent before, ScheduledEvent after, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@code THREAD_MEMBER_JOIN} / {@code THREAD_MEMBER_LEAVE} (derived from THREAD_MEMBERS_UPDATE): a user joined or left a thread. */
  public record ThreadMemberChange(@JsonProperty("guild_id") String guildId,
      @JsonProperty("thread_id") String threadId, @JsonProperty("user_id") String userId, Member member, User user,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_EMOJIS_UPDATE's before/after: the full list. */
  public record Emojis(List<Emoji> emojis, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_STICKERS_UPDATE's before/after: the full list. */
  public record Stickers(List<dev.cordbus.api.model.Sticker> stickers, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** {@link StateEvents#SHARD_CACHE_READY}: every guild of the shard's READY arrived. */
  public record ShardCacheReady(int shard, @JsonProperty("session_id") String sessionId, int guilds, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }
}
