package dev.cordbus.api.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import dev.cordbus.api.model.Emoji;
import dev.cordbus.api.model.Member;

/**
 * Message dispatches whose {@code d} is not a message: deletes, reactions, poll votes and typing. Every record keeps
 * the keys it does not name in {@code extra}.
 */
public final class MessagePayloads {

  private MessagePayloads() {
  }

  /** MESSAGE_DELETE. */
  public record Delete(String id, @JsonProperty("channel_id") String channelId,
      @JsonProperty("guild_id") String guildId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** MESSAGE_DELETE_BULK. */
  public record DeleteBulk(List<String> ids, @JsonProperty("channel_id") String channelId,
      @JsonProperty("guild_id") String guildId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /**
   * MESSAGE_REACTION_ADD / MESSAGE_REACTION_REMOVE: who reacted with what ({@code member} on ADD in guilds,
   * {@code burst} = a super reaction).
   */
  public record Reaction(@JsonProperty("user_id") String userId, @JsonProperty("channel_id") String channelId,
      @JsonProperty("message_id") String messageId, @JsonProperty("guild_id") String guildId, Member member,
      Emoji emoji, @JsonProperty("message_author_id") String messageAuthorId, boolean burst,
      @JsonProperty("burst_colors") List<String> burstColors, int type, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** MESSAGE_REACTION_REMOVE_ALL. */
  public record ReactionRemoveAll(@JsonProperty("channel_id") String channelId,
      @JsonProperty("message_id") String messageId, @JsonProperty("guild_id") String guildId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** MESSAGE_REACTION_REMOVE_EMOJI. */
  public record ReactionRemoveEmoji(@JsonProperty("channel_id") String channelId,
      @JsonProperty("guild_id") String guildId, @JsonProperty("message_id") String messageId, Emoji emoji, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** MESSAGE_POLL_VOTE_ADD / _REMOVE (one event per answer). */
  public record PollVote(@JsonProperty("user_id") String userId, @JsonProperty("channel_id") String channelId,
      @JsonProperty("message_id") String messageId, @JsonProperty("guild_id") String guildId,
      @JsonProperty("answer_id") int answerId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** TYPING_START; {@code timestamp} in Unix seconds, {@code member} in guilds. */
  public record TypingStart(@JsonProperty("channel_id") String channelId, @JsonProperty("guild_id") String guildId,
      @JsonProperty("user_id") String userId, long timestamp, Member member, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }
}
