package dev.cordbus.simulator.gateway;

import static dev.cordbus.api.Intent.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * Which dispatches a session receives given its intents (EVENTS.md intents table) and what MESSAGE_CONTENT hides.
 * Pure functions.
 */
public final class EventIntents {

  /** Guild-scoped events and the intent bits that let them through (any of them). */
  private static final Map<String, Integer> GUILD = Map.ofEntries(
      e("GUILD_CREATE", GUILDS.bit()), e("GUILD_UPDATE", GUILDS.bit()), e("GUILD_DELETE", GUILDS.bit()),
      e("GUILD_ROLE_CREATE", GUILDS.bit()), e("GUILD_ROLE_UPDATE", GUILDS.bit()),
      e("GUILD_ROLE_DELETE", GUILDS.bit()), e("CHANNEL_CREATE", GUILDS.bit()), e("CHANNEL_UPDATE", GUILDS.bit()),
      e("CHANNEL_DELETE", GUILDS.bit()), e("CHANNEL_PINS_UPDATE", GUILDS.bit()), e("THREAD_CREATE", GUILDS.bit()),
      e("THREAD_UPDATE", GUILDS.bit()), e("THREAD_DELETE", GUILDS.bit()), e("THREAD_LIST_SYNC", GUILDS.bit()),
      e("THREAD_MEMBER_UPDATE", GUILDS.bit()), e("THREAD_MEMBERS_UPDATE", GUILDS.bit() | GUILD_MEMBERS.bit()),
      e("STAGE_INSTANCE_CREATE", GUILDS.bit()), e("STAGE_INSTANCE_UPDATE", GUILDS.bit()),
      e("STAGE_INSTANCE_DELETE", GUILDS.bit()), e("VOICE_CHANNEL_STATUS_UPDATE", GUILDS.bit()),
      e("VOICE_CHANNEL_START_TIME_UPDATE", GUILDS.bit()),
      e("GUILD_MEMBER_ADD", GUILD_MEMBERS.bit()), e("GUILD_MEMBER_UPDATE", GUILD_MEMBERS.bit()),
      e("GUILD_MEMBER_REMOVE", GUILD_MEMBERS.bit()),
      e("GUILD_AUDIT_LOG_ENTRY_CREATE", GUILD_MODERATION.bit()), e("GUILD_BAN_ADD", GUILD_MODERATION.bit()),
      e("GUILD_BAN_REMOVE", GUILD_MODERATION.bit()),
      e("GUILD_EMOJIS_UPDATE", GUILD_EXPRESSIONS.bit()), e("GUILD_STICKERS_UPDATE", GUILD_EXPRESSIONS.bit()),
      e("GUILD_SOUNDBOARD_SOUND_CREATE", GUILD_EXPRESSIONS.bit()),
      e("GUILD_SOUNDBOARD_SOUND_UPDATE", GUILD_EXPRESSIONS.bit()),
      e("GUILD_SOUNDBOARD_SOUND_DELETE", GUILD_EXPRESSIONS.bit()),
      e("GUILD_SOUNDBOARD_SOUNDS_UPDATE", GUILD_EXPRESSIONS.bit()),
      e("GUILD_INTEGRATIONS_UPDATE", GUILD_INTEGRATIONS.bit()), e("INTEGRATION_CREATE", GUILD_INTEGRATIONS.bit()),
      e("INTEGRATION_UPDATE", GUILD_INTEGRATIONS.bit()), e("INTEGRATION_DELETE", GUILD_INTEGRATIONS.bit()),
      e("WEBHOOKS_UPDATE", GUILD_WEBHOOKS.bit()),
      e("INVITE_CREATE", GUILD_INVITES.bit()), e("INVITE_DELETE", GUILD_INVITES.bit()),
      e("VOICE_CHANNEL_EFFECT_SEND", GUILD_VOICE_STATES.bit()), e("VOICE_STATE_UPDATE", GUILD_VOICE_STATES.bit()),
      e("PRESENCE_UPDATE", GUILD_PRESENCES.bit()),
      e("MESSAGE_CREATE", GUILD_MESSAGES.bit()), e("MESSAGE_UPDATE", GUILD_MESSAGES.bit()),
      e("MESSAGE_DELETE", GUILD_MESSAGES.bit()), e("MESSAGE_DELETE_BULK", GUILD_MESSAGES.bit()),
      e("MESSAGE_REACTION_ADD", GUILD_MESSAGE_REACTIONS.bit()),
      e("MESSAGE_REACTION_REMOVE", GUILD_MESSAGE_REACTIONS.bit()),
      e("MESSAGE_REACTION_REMOVE_ALL", GUILD_MESSAGE_REACTIONS.bit()),
      e("MESSAGE_REACTION_REMOVE_EMOJI", GUILD_MESSAGE_REACTIONS.bit()),
      e("TYPING_START", GUILD_MESSAGE_TYPING.bit()),
      e("GUILD_SCHEDULED_EVENT_CREATE", GUILD_SCHEDULED_EVENTS.bit()),
      e("GUILD_SCHEDULED_EVENT_UPDATE", GUILD_SCHEDULED_EVENTS.bit()),
      e("GUILD_SCHEDULED_EVENT_DELETE", GUILD_SCHEDULED_EVENTS.bit()),
      e("GUILD_SCHEDULED_EVENT_USER_ADD", GUILD_SCHEDULED_EVENTS.bit()),
      e("GUILD_SCHEDULED_EVENT_USER_REMOVE", GUILD_SCHEDULED_EVENTS.bit()),
      e("AUTO_MODERATION_RULE_CREATE", AUTO_MODERATION_CONFIGURATION.bit()),
      e("AUTO_MODERATION_RULE_UPDATE", AUTO_MODERATION_CONFIGURATION.bit()),
      e("AUTO_MODERATION_RULE_DELETE", AUTO_MODERATION_CONFIGURATION.bit()),
      e("AUTO_MODERATION_ACTION_EXECUTION", AUTO_MODERATION_EXECUTION.bit()),
      e("MESSAGE_POLL_VOTE_ADD", GUILD_MESSAGE_POLLS.bit()), e("MESSAGE_POLL_VOTE_REMOVE", GUILD_MESSAGE_POLLS.bit()));

  /** Events without a guild (DMs) and their intents. */
  private static final Map<String, Integer> DIRECT = Map.ofEntries(
      e("MESSAGE_CREATE", DIRECT_MESSAGES.bit()), e("MESSAGE_UPDATE", DIRECT_MESSAGES.bit()),
      e("MESSAGE_DELETE", DIRECT_MESSAGES.bit()), e("CHANNEL_PINS_UPDATE", DIRECT_MESSAGES.bit()),
      e("MESSAGE_REACTION_ADD", DIRECT_MESSAGE_REACTIONS.bit()),
      e("MESSAGE_REACTION_REMOVE", DIRECT_MESSAGE_REACTIONS.bit()),
      e("MESSAGE_REACTION_REMOVE_ALL", DIRECT_MESSAGE_REACTIONS.bit()),
      e("MESSAGE_REACTION_REMOVE_EMOJI", DIRECT_MESSAGE_REACTIONS.bit()),
      e("TYPING_START", DIRECT_MESSAGE_TYPING.bit()),
      e("MESSAGE_POLL_VOTE_ADD", DIRECT_MESSAGE_POLLS.bit()), e("MESSAGE_POLL_VOTE_REMOVE", DIRECT_MESSAGE_POLLS.bit()));

  /** Events that carry message content hidden without MESSAGE_CONTENT. */
  private static final Set<String> CONTENT_EVENTS = Set.of("MESSAGE_CREATE", "MESSAGE_UPDATE");

  private EventIntents() {
  }

  private static Map.Entry<String, Integer> e(String k, int v) {
    return Map.entry(k, v);
  }

  /**
   * Whether a session with {@code intents} receives {@code event}; {@code inGuild} tells guild from DM events,
   * {@code aboutBot} marks a GUILD_MEMBER_UPDATE of the bot itself (sent without GUILD_MEMBERS). Events tied to no
   * intent are always sent.
   */
  public static boolean allowed(String event, boolean inGuild, boolean aboutBot, int intents) {
    if (aboutBot && "GUILD_MEMBER_UPDATE".equals(event)) {
      return true;
    }
    int need = required(event, inGuild);
    return need == 0 || (intents & need) != 0;
  }

  /** The intent bits of which a session needs one to receive {@code event}; 0 when no intent gates it. */
  public static int required(String event, boolean inGuild) {
    Integer need = inGuild ? GUILD.get(event) : DIRECT.getOrDefault(event, GUILD.get(event));
    return need == null ? 0 : need;
  }

  /** Whether {@code event} carries content that MESSAGE_CONTENT gates. */
  public static boolean carriesContent(String event) {
    return CONTENT_EVENTS.contains(event);
  }

  /**
   * Whether the content of a message stays visible without MESSAGE_CONTENT: the bot's own messages, DMs, and messages
   * mentioning the bot (GATEWAY.md §12).
   */
  public static boolean contentExempt(JsonObject message, String botId) {
    if (message.getString("guild_id") == null) {
      return true;
    }
    JsonObject author = message.getJsonObject("author");
    if (author != null && botId.equals(author.getString("id"))) {
      return true;
    }
    JsonArray mentions = message.getJsonArray("mentions");
    if (mentions != null) {
      for (Object o : mentions) {
        if (o instanceof JsonObject u && botId.equals(u.getString("id"))) {
          return true;
        }
      }
    }
    String content = message.getString("content");
    return content != null && (content.contains("<@" + botId + ">") || content.contains("<@!" + botId + ">"));
  }

  /** A copy of a message with content, embeds, attachments and components emptied and poll removed. */
  public static JsonObject blankContent(JsonObject message) {
    JsonObject m = message.copy();
    if (m.containsKey("content")) {
      m.put("content", "");
    }
    if (m.containsKey("embeds")) {
      m.put("embeds", new JsonArray());
    }
    if (m.containsKey("attachments")) {
      m.put("attachments", new JsonArray());
    }
    if (m.containsKey("components")) {
      m.put("components", new JsonArray());
    }
    m.remove("poll");
    return m;
  }
}
