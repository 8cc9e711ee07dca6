package dev.cordbus.state;

import dev.cordbus.state.channel.ChannelUpdater;
import dev.cordbus.state.channel.ThreadUpdater;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.guild.ExpressionUpdater;
import dev.cordbus.state.guild.GuildUpdater;
import dev.cordbus.state.guild.RoleUpdater;
import dev.cordbus.state.member.MemberUpdater;
import dev.cordbus.state.message.MessageUpdater;
import dev.cordbus.state.voice.VoiceUpdater;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exhaustive dispatch table: every event name of the gateway docs is either handled (an {@link Updater}) or
 * listed in {@link #IGNORED} with the reason it changes nothing in the cache.
 */
public final class EventTable {

  /** Events deliberately not applied to the cache, with why. */
  public static final Map<String, String> IGNORED;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("RESUMED", "marks the end of a replay; nothing to cache");
    m.put("RATE_LIMITED", "answers a member request; handled by the member-request service, not the cache");
    m.put("APPLICATION_COMMAND_PERMISSIONS_UPDATE", "command permissions are not cached");
    m.put("AUTO_MODERATION_RULE_CREATE", "automod rules are not cached");
    m.put("AUTO_MODERATION_RULE_UPDATE", "automod rules are not cached");
    m.put("AUTO_MODERATION_RULE_DELETE", "automod rules are not cached");
    m.put("AUTO_MODERATION_ACTION_EXECUTION", "an action, no state");
    m.put("ENTITLEMENT_CREATE", "monetization is not cached");
    m.put("ENTITLEMENT_UPDATE", "monetization is not cached");
    m.put("ENTITLEMENT_DELETE", "monetization is not cached");
    m.put("SUBSCRIPTION_CREATE", "monetization is not cached");
    m.put("SUBSCRIPTION_UPDATE", "monetization is not cached");
    m.put("SUBSCRIPTION_DELETE", "monetization is not cached");
    m.put("GUILD_AUDIT_LOG_ENTRY_CREATE", "audit log entries pass through");
    m.put("GUILD_BAN_REMOVE", "ban lists are not cached (GUILD_BAN_ADD only derives the ban event)");
    m.put("GUILD_INTEGRATIONS_UPDATE", "integrations are not cached");
    m.put("INTEGRATION_CREATE", "integrations are not cached");
    m.put("INTEGRATION_UPDATE", "integrations are not cached");
    m.put("INTEGRATION_DELETE", "integrations are not cached");
    m.put("INTERACTION_CREATE", "interactions are answered over REST; nothing to cache");
    m.put("INVITE_CREATE", "invites are not cached");
    m.put("INVITE_DELETE", "invites are not cached");
    m.put("VOICE_SERVER_UPDATE", "belongs to a voice connection, not the cache");
    m.put("VOICE_CHANNEL_EFFECT_SEND", "an effect, no state");
    m.put("WEBHOOKS_UPDATE", "webhooks are not cached");
    IGNORED = Collections.unmodifiableMap(m);
  }

  private final Map<String, Updater> handlers;

  /** The table with every family registered. */
  public EventTable() {
    Map<String, Updater> t = new HashMap<>();
    GuildUpdater.register(t);
    RoleUpdater.register(t);
    MemberUpdater.register(t);
    ChannelUpdater.register(t);
    ThreadUpdater.register(t);
    MessageUpdater.register(t);
    VoiceUpdater.register(t);
    ExpressionUpdater.register(t);
    handlers = Collections.unmodifiableMap(t);
  }

  /** Handled event name → updater. */
  public Map<String, Updater> handlers() {
    return handlers;
  }

  /** The updater of an event, or null when ignored or unknown. */
  public Updater get(String event) {
    return handlers.get(event);
  }
}
