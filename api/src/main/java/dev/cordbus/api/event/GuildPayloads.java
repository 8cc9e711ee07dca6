package dev.cordbus.api.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import dev.cordbus.api.model.Emoji;
import dev.cordbus.api.model.Role;
import dev.cordbus.api.model.SoundboardSound;
import dev.cordbus.api.model.Sticker;
import dev.cordbus.api.model.User;

/**
 * Guild dispatches whose {@code d} is not a whole resource object (roles, bans, member removal, expressions,
 * integrations, webhooks, scheduled-event users, soundboard, automod executions, command permissions, invites
 * deleted). Every record keeps the keys it does not name in {@code extra}.
 */
public final class GuildPayloads {

  private GuildPayloads() {
  }

  /** GUILD_ROLE_CREATE / GUILD_ROLE_UPDATE. */
  public record RoleChange(@JsonProperty("guild_id") String guildId, Role role, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_ROLE_DELETE. */
  public record RoleDelete(@JsonProperty("guild_id") String guildId, @JsonProperty("role_id") String roleId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_MEMBER_REMOVE. */
  public record MemberRemove(@JsonProperty("guild_id") String guildId, User user, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_BAN_ADD / GUILD_BAN_REMOVE. */
  public record Ban(@JsonProperty("guild_id") String guildId, User user, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_EMOJIS_UPDATE: the full list. */
  public record EmojisUpdate(@JsonProperty("guild_id") String guildId, List<Emoji> emojis, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_STICKERS_UPDATE: the full list (empty = every sticker removed). */
  public record StickersUpdate(@JsonProperty("guild_id") String guildId, List<Sticker> stickers, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_INTEGRATIONS_UPDATE. */
  public record IntegrationsUpdate(@JsonProperty("guild_id") String guildId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** INTEGRATION_DELETE. */
  public record IntegrationDelete(String id, @JsonProperty("guild_id") String guildId,
      @JsonProperty("application_id") String applicationId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** WEBHOOKS_UPDATE. */
  public record WebhooksUpdate(@JsonProperty("guild_id") String guildId, @JsonProperty("channel_id") String channelId,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** APPLICATION_COMMAND_PERMISSIONS_UPDATE. */
  public record CommandPermissions(String id, @JsonProperty("application_id") String applicationId,
      @JsonProperty("guild_id") String guildId, List<Map<String, Object>> permissions, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE. */
  public record ScheduledEventUser(@JsonProperty("guild_scheduled_event_id") String scheduledEventId,
      @JsonProperty("user_id") String userId, @JsonProperty("guild_id") String guildId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_SOUNDBOARD_SOUND_DELETE. */
  public record SoundDelete(@JsonProperty("sound_id") String soundId, @JsonProperty("guild_id") String guildId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** GUILD_SOUNDBOARD_SOUNDS_UPDATE and SOUNDBOARD_SOUNDS (the reply to op 31): the full list. */
  public record Sounds(@JsonProperty("soundboard_sounds") List<SoundboardSound> soundboardSounds,
      @JsonProperty("guild_id") String guildId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** AUTO_MODERATION_ACTION_EXECUTION (content fields need MESSAGE_CONTENT). */
  public record AutoModAction(@JsonProperty("guild_id") String guildId, Map<String, Object> action,
      @JsonProperty("rule_id") String ruleId, @JsonProperty("rule_trigger_type") int ruleTriggerType,
      @JsonProperty("user_id") String userId, @JsonProperty("channel_id") String channelId,
      @JsonProperty("message_id") String messageId,
      @JsonProperty("alert_system_message_id") String alertSystemMessageId, String content,
      @JsonProperty("matched_keyword") String matchedKeyword,
      @JsonProperty("matched_content") String matchedContent, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }

  /** INVITE_DELETE. */
  public record InviteDelete(@JsonProperty("channel_id") String channelId, @JsonProperty("guild_id") String guildId,
      String code, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  }
}
