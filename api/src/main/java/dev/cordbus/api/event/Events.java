package dev.cordbus.api.event;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.model.AuditLogEntry;
import dev.cordbus.api.model.AutoModRule;
import dev.cordbus.api.model.Channel;
import dev.cordbus.api.model.Entitlement;
import dev.cordbus.api.model.Guild;
import dev.cordbus.api.model.Integration;
import dev.cordbus.api.model.Interaction;
import dev.cordbus.api.model.Invite;
import dev.cordbus.api.model.Member;
import dev.cordbus.api.model.MembersChunk;
import dev.cordbus.api.model.Message;
import dev.cordbus.api.model.Presence;
import dev.cordbus.api.model.ScheduledEvent;
import dev.cordbus.api.model.SoundboardSound;
import dev.cordbus.api.model.StageInstance;
import dev.cordbus.api.model.Subscription;
import dev.cordbus.api.model.ThreadMember;
import dev.cordbus.api.model.User;
import dev.cordbus.api.model.VoiceState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed keys of every gateway dispatch of <a href="https://discord.com/developers/docs/events/gateway-events">the
 * gateway docs</a> (all 79 names of {@code docs/discord/EVENTS.md}, published on {@code discord.<EVENT>}) and of the
 * bodies cordbus publishes itself: shard lifecycle, group and bot readiness, REST responses and {@code discord.error}.
 *
 * <pre>{@code
 * bot.on(Events.MESSAGE_REACTION_ADD, e -> log.info("{} reacted {} (shard {})", e.data().userId(),
 *     e.data().emoji().name(), e.shard()));
 * }</pre>
 *
 * <p>Cache-aware events ({@code discord.state.*}) have their keys in {@link dev.cordbus.api.state.StateKeys}.
 */
public final class Events {

  private static final Map<String, EventType<?>> DISPATCHES = new LinkedHashMap<>();
  private static final Map<String, EventType<?>> OWN = new LinkedHashMap<>();

  // Session
  /** {@code READY} as {@link SessionPayloads.Ready}. */
  public static final EventType<SessionPayloads.Ready> READY = dispatch("READY", SessionPayloads.Ready.class);
  /** {@code RESUMED} as {@link SessionPayloads.Resumed}. */
  public static final EventType<SessionPayloads.Resumed> RESUMED = dispatch("RESUMED", SessionPayloads.Resumed.class);
  /** {@code RATE_LIMITED} as {@link SessionPayloads.RateLimited}. */
  public static final EventType<SessionPayloads.RateLimited> RATE_LIMITED =
      dispatch("RATE_LIMITED", SessionPayloads.RateLimited.class);

  // Guilds, roles, members
  /** {@code GUILD_CREATE} as {@link Guild}. */
  public static final EventType<Guild> GUILD_CREATE = dispatch("GUILD_CREATE", Guild.class);
  /** {@code GUILD_UPDATE} as {@link Guild}. */
  public static final EventType<Guild> GUILD_UPDATE = dispatch("GUILD_UPDATE", Guild.class);
  /** {@code GUILD_DELETE} as {@link SessionPayloads.UnavailableGuild}. */
  public static final EventType<SessionPayloads.UnavailableGuild> GUILD_DELETE =
      dispatch("GUILD_DELETE", SessionPayloads.UnavailableGuild.class);
  /** {@code GUILD_ROLE_CREATE} as {@link GuildPayloads.RoleChange}. */
  public static final EventType<GuildPayloads.RoleChange> GUILD_ROLE_CREATE =
      dispatch("GUILD_ROLE_CREATE", GuildPayloads.RoleChange.class);
  /** {@code GUILD_ROLE_UPDATE} as {@link GuildPayloads.RoleChange}. */
  public static final EventType<GuildPayloads.RoleChange> GUILD_ROLE_UPDATE =
      dispatch("GUILD_ROLE_UPDATE", GuildPayloads.RoleChange.class);
  /** {@code GUILD_ROLE_DELETE} as {@link GuildPayloads.RoleDelete}. */
  public static final EventType<GuildPayloads.RoleDelete> GUILD_ROLE_DELETE =
      dispatch("GUILD_ROLE_DELETE", GuildPayloads.RoleDelete.class);
  /** {@code GUILD_MEMBER_ADD} as {@link Member}. */
  public static final EventType<Member> GUILD_MEMBER_ADD = dispatch("GUILD_MEMBER_ADD", Member.class);
  /** {@code GUILD_MEMBER_UPDATE} as {@link Member}. */
  public static final EventType<Member> GUILD_MEMBER_UPDATE = dispatch("GUILD_MEMBER_UPDATE", Member.class);
  /** {@code GUILD_MEMBER_REMOVE} as {@link GuildPayloads.MemberRemove}. */
  public static final EventType<GuildPayloads.MemberRemove> GUILD_MEMBER_REMOVE =
      dispatch("GUILD_MEMBER_REMOVE", GuildPayloads.MemberRemove.class);
  /** {@code GUILD_MEMBERS_CHUNK} as {@link MembersChunk}. */
  public static final EventType<MembersChunk> GUILD_MEMBERS_CHUNK = dispatch("GUILD_MEMBERS_CHUNK", MembersChunk.class);
  /** {@code GUILD_BAN_ADD} as {@link GuildPayloads.Ban}. */
  public static final EventType<GuildPayloads.Ban> GUILD_BAN_ADD = dispatch("GUILD_BAN_ADD", GuildPayloads.Ban.class);
  /** {@code GUILD_BAN_REMOVE} as {@link GuildPayloads.Ban}. */
  public static final EventType<GuildPayloads.Ban> GUILD_BAN_REMOVE =
      dispatch("GUILD_BAN_REMOVE", GuildPayloads.Ban.class);
  /** {@code GUILD_AUDIT_LOG_ENTRY_CREATE} as {@link AuditLogEntry}. */
  public static final EventType<AuditLogEntry> GUILD_AUDIT_LOG_ENTRY_CREATE =
      dispatch("GUILD_AUDIT_LOG_ENTRY_CREATE", AuditLogEntry.class);
  /** {@code GUILD_EMOJIS_UPDATE} as {@link GuildPayloads.EmojisUpdate}. */
  public static final EventType<GuildPayloads.EmojisUpdate> GUILD_EMOJIS_UPDATE =
      dispatch("GUILD_EMOJIS_UPDATE", GuildPayloads.EmojisUpdate.class);
  /** {@code GUILD_STICKERS_UPDATE} as {@link GuildPayloads.StickersUpdate}. */
  public static final EventType<GuildPayloads.StickersUpdate> GUILD_STICKERS_UPDATE =
      dispatch("GUILD_STICKERS_UPDATE", GuildPayloads.StickersUpdate.class);
  /** {@code GUILD_INTEGRATIONS_UPDATE} as {@link GuildPayloads.IntegrationsUpdate}. */
  public static final EventType<GuildPayloads.IntegrationsUpdate> GUILD_INTEGRATIONS_UPDATE =
      dispatch("GUILD_INTEGRATIONS_UPDATE", GuildPayloads.IntegrationsUpdate.class);
  /** {@code INTEGRATION_CREATE} as {@link Integration}. */
  public static final EventType<Integration> INTEGRATION_CREATE = dispatch("INTEGRATION_CREATE", Integration.class);
  /** {@code INTEGRATION_UPDATE} as {@link Integration}. */
  public static final EventType<Integration> INTEGRATION_UPDATE = dispatch("INTEGRATION_UPDATE", Integration.class);
  /** {@code INTEGRATION_DELETE} as {@link GuildPayloads.IntegrationDelete}. */
  public static final EventType<GuildPayloads.IntegrationDelete> INTEGRATION_DELETE =
      dispatch("INTEGRATION_DELETE", GuildPayloads.IntegrationDelete.class);
  /** {@code WEBHOOKS_UPDATE} as {@link GuildPayloads.WebhooksUpdate}. */
  public static final EventType<GuildPayloads.WebhooksUpdate> WEBHOOKS_UPDATE =
      dispatch("WEBHOOKS_UPDATE", GuildPayloads.WebhooksUpdate.class);
  /** {@code APPLICATION_COMMAND_PERMISSIONS_UPDATE} as {@link GuildPayloads.CommandPermissions}. */
  public static final EventType<GuildPayloads.CommandPermissions> APPLICATION_COMMAND_PERMISSIONS_UPDATE =
      dispatch("APPLICATION_COMMAND_PERMISSIONS_UPDATE", GuildPayloads.CommandPermissions.class);

  // Channels and threads
  /** {@code CHANNEL_CREATE} as {@link Channel}. */
  public static final EventType<Channel> CHANNEL_CREATE = dispatch("CHANNEL_CREATE", Channel.class);
  /** {@code CHANNEL_UPDATE} as {@link Channel}. */
  public static final EventType<Channel> CHANNEL_UPDATE = dispatch("CHANNEL_UPDATE", Channel.class);
  /** {@code CHANNEL_DELETE} as {@link Channel}. */
  public static final EventType<Channel> CHANNEL_DELETE = dispatch("CHANNEL_DELETE", Channel.class);
  /** {@code CHANNEL_PINS_UPDATE} as {@link ChannelPayloads.PinsUpdate}. */
  public static final EventType<ChannelPayloads.PinsUpdate> CHANNEL_PINS_UPDATE =
      dispatch("CHANNEL_PINS_UPDATE", ChannelPayloads.PinsUpdate.class);
  /** {@code CHANNEL_INFO} as {@link ChannelPayloads.Info}. */
  public static final EventType<ChannelPayloads.Info> CHANNEL_INFO =
      dispatch("CHANNEL_INFO", ChannelPayloads.Info.class);
  /** {@code VOICE_CHANNEL_STATUS_UPDATE} as {@link ChannelPayloads.VoiceStatus}. */
  public static final EventType<ChannelPayloads.VoiceStatus> VOICE_CHANNEL_STATUS_UPDATE =
      dispatch("VOICE_CHANNEL_STATUS_UPDATE", ChannelPayloads.VoiceStatus.class);
  /** {@code VOICE_CHANNEL_START_TIME_UPDATE} as {@link ChannelPayloads.VoiceStartTime}. */
  public static final EventType<ChannelPayloads.VoiceStartTime> VOICE_CHANNEL_START_TIME_UPDATE =
      dispatch("VOICE_CHANNEL_START_TIME_UPDATE", ChannelPayloads.VoiceStartTime.class);
  /** {@code THREAD_CREATE} as {@link Channel}. */
  public static final EventType<Channel> THREAD_CREATE = dispatch("THREAD_CREATE", Channel.class);
  /** {@code THREAD_UPDATE} as {@link Channel}. */
  public static final EventType<Channel> THREAD_UPDATE = dispatch("THREAD_UPDATE", Channel.class);
  /** {@code THREAD_DELETE} as {@link Channel}. */
  public static final EventType<Channel> THREAD_DELETE = dispatch("THREAD_DELETE", Channel.class);
  /** {@code THREAD_LIST_SYNC} as {@link ChannelPayloads.ThreadListSync}. */
  public static final EventType<ChannelPayloads.ThreadListSync> THREAD_LIST_SYNC =
      dispatch("THREAD_LIST_SYNC", ChannelPayloads.ThreadListSync.class);
  /** {@code THREAD_MEMBER_UPDATE} as {@link ThreadMember}. */
  public static final EventType<ThreadMember> THREAD_MEMBER_UPDATE =
      dispatch("THREAD_MEMBER_UPDATE", ThreadMember.class);
  /** {@code THREAD_MEMBERS_UPDATE} as {@link ChannelPayloads.ThreadMembersUpdate}. */
  public static final EventType<ChannelPayloads.ThreadMembersUpdate> THREAD_MEMBERS_UPDATE =
      dispatch("THREAD_MEMBERS_UPDATE", ChannelPayloads.ThreadMembersUpdate.class);
  /** {@code STAGE_INSTANCE_CREATE} as {@link StageInstance}. */
  public static final EventType<StageInstance> STAGE_INSTANCE_CREATE =
      dispatch("STAGE_INSTANCE_CREATE", StageInstance.class);
  /** {@code STAGE_INSTANCE_UPDATE} as {@link StageInstance}. */
  public static final EventType<StageInstance> STAGE_INSTANCE_UPDATE =
      dispatch("STAGE_INSTANCE_UPDATE", StageInstance.class);
  /** {@code STAGE_INSTANCE_DELETE} as {@link StageInstance}. */
  public static final EventType<StageInstance> STAGE_INSTANCE_DELETE =
      dispatch("STAGE_INSTANCE_DELETE", StageInstance.class);

  // Messages, reactions, polls, typing, interactions
  /** {@code MESSAGE_CREATE} as {@link Message}. */
  public static final EventType<Message> MESSAGE_CREATE = dispatch("MESSAGE_CREATE", Message.class);
  /** {@code MESSAGE_UPDATE} as {@link Message}. */
  public static final EventType<Message> MESSAGE_UPDATE = dispatch("MESSAGE_UPDATE", Message.class);
  /** {@code MESSAGE_DELETE} as {@link MessagePayloads.Delete}. */
  public static final EventType<MessagePayloads.Delete> MESSAGE_DELETE =
      dispatch("MESSAGE_DELETE", MessagePayloads.Delete.class);
  /** {@code MESSAGE_DELETE_BULK} as {@link MessagePayloads.DeleteBulk}. */
  public static final EventType<MessagePayloads.DeleteBulk> MESSAGE_DELETE_BULK =
      dispatch("MESSAGE_DELETE_BULK", MessagePayloads.DeleteBulk.class);
  /** {@code MESSAGE_REACTION_ADD} as {@link MessagePayloads.Reaction}. */
  public static final EventType<MessagePayloads.Reaction> MESSAGE_REACTION_ADD =
      dispatch("MESSAGE_REACTION_ADD", MessagePayloads.Reaction.class);
  /** {@code MESSAGE_REACTION_REMOVE} as {@link MessagePayloads.Reaction}. */
  public static final EventType<MessagePayloads.Reaction> MESSAGE_REACTION_REMOVE =
      dispatch("MESSAGE_REACTION_REMOVE", MessagePayloads.Reaction.class);
  /** {@code MESSAGE_REACTION_REMOVE_ALL} as {@link MessagePayloads.ReactionRemoveAll}. */
  public static final EventType<MessagePayloads.ReactionRemoveAll> MESSAGE_REACTION_REMOVE_ALL =
      dispatch("MESSAGE_REACTION_REMOVE_ALL", MessagePayloads.ReactionRemoveAll.class);
  /** {@code MESSAGE_REACTION_REMOVE_EMOJI} as {@link MessagePayloads.ReactionRemoveEmoji}. */
  public static final EventType<MessagePayloads.ReactionRemoveEmoji> MESSAGE_REACTION_REMOVE_EMOJI =
      dispatch("MESSAGE_REACTION_REMOVE_EMOJI", MessagePayloads.ReactionRemoveEmoji.class);
  /** {@code MESSAGE_POLL_VOTE_ADD} as {@link MessagePayloads.PollVote}. */
  public static final EventType<MessagePayloads.PollVote> MESSAGE_POLL_VOTE_ADD =
      dispatch("MESSAGE_POLL_VOTE_ADD", MessagePayloads.PollVote.class);
  /** {@code MESSAGE_POLL_VOTE_REMOVE} as {@link MessagePayloads.PollVote}. */
  public static final EventType<MessagePayloads.PollVote> MESSAGE_POLL_VOTE_REMOVE =
      dispatch("MESSAGE_POLL_VOTE_REMOVE", MessagePayloads.PollVote.class);
  /** {@code TYPING_START} as {@link MessagePayloads.TypingStart}. */
  public static final EventType<MessagePayloads.TypingStart> TYPING_START =
      dispatch("TYPING_START", MessagePayloads.TypingStart.class);
  /** {@code INTERACTION_CREATE} as {@link Interaction}. */
  public static final EventType<Interaction> INTERACTION_CREATE = dispatch("INTERACTION_CREATE", Interaction.class);

  // Presence, users, voice
  /** {@code PRESENCE_UPDATE} as {@link Presence}. */
  public static final EventType<Presence> PRESENCE_UPDATE = dispatch("PRESENCE_UPDATE", Presence.class);
  /** {@code USER_UPDATE} as {@link User}. */
  public static final EventType<User> USER_UPDATE = dispatch("USER_UPDATE", User.class);
  /** {@code VOICE_STATE_UPDATE} as {@link VoiceState}. */
  public static final EventType<VoiceState> VOICE_STATE_UPDATE = dispatch("VOICE_STATE_UPDATE", VoiceState.class);
  /** {@code VOICE_SERVER_UPDATE} as {@link VoicePayloads.ServerUpdate}. */
  public static final EventType<VoicePayloads.ServerUpdate> VOICE_SERVER_UPDATE =
      dispatch("VOICE_SERVER_UPDATE", VoicePayloads.ServerUpdate.class);
  /** {@code VOICE_CHANNEL_EFFECT_SEND} as {@link VoicePayloads.ChannelEffect}. */
  public static final EventType<VoicePayloads.ChannelEffect> VOICE_CHANNEL_EFFECT_SEND =
      dispatch("VOICE_CHANNEL_EFFECT_SEND", VoicePayloads.ChannelEffect.class);

  // Invites, scheduled events, automod, expressions, monetization
  /** {@code INVITE_CREATE} as {@link Invite}. */
  public static final EventType<Invite> INVITE_CREATE = dispatch("INVITE_CREATE", Invite.class);
  /** {@code INVITE_DELETE} as {@link GuildPayloads.InviteDelete}. */
  public static final EventType<GuildPayloads.InviteDelete> INVITE_DELETE =
      dispatch("INVITE_DELETE", GuildPayloads.InviteDelete.class);
  /** {@code GUILD_SCHEDULED_EVENT_CREATE} as {@link ScheduledEvent}. */
  public static final EventType<ScheduledEvent> GUILD_SCHEDULED_EVENT_CREATE =
      dispatch("GUILD_SCHEDULED_EVENT_CREATE", ScheduledEvent.class);
  /** {@code GUILD_SCHEDULED_EVENT_UPDATE} as {@link ScheduledEvent}. */
  public static final EventType<ScheduledEvent> GUILD_SCHEDULED_EVENT_UPDATE =
      dispatch("GUILD_SCHEDULED_EVENT_UPDATE", ScheduledEvent.class);
  /** {@code GUILD_SCHEDULED_EVENT_DELETE} as {@link ScheduledEvent}. */
  public static final EventType<ScheduledEvent> GUILD_SCHEDULED_EVENT_DELETE =
      dispatch("GUILD_SCHEDULED_EVENT_DELETE", ScheduledEvent.class);
  /** {@code GUILD_SCHEDULED_EVENT_USER_ADD} as {@link GuildPayloads.ScheduledEventUser}. */
  public static final EventType<GuildPayloads.ScheduledEventUser> GUILD_SCHEDULED_EVENT_USER_ADD =
      dispatch("GUILD_SCHEDULED_EVENT_USER_ADD", GuildPayloads.ScheduledEventUser.class);
  /** {@code GUILD_SCHEDULED_EVENT_USER_REMOVE} as {@link GuildPayloads.ScheduledEventUser}. */
  public static final EventType<GuildPayloads.ScheduledEventUser> GUILD_SCHEDULED_EVENT_USER_REMOVE =
      dispatch("GUILD_SCHEDULED_EVENT_USER_REMOVE", GuildPayloads.ScheduledEventUser.class);
  /** {@code AUTO_MODERATION_RULE_CREATE} as {@link AutoModRule}. */
  public static final EventType<AutoModRule> AUTO_MODERATION_RULE_CREATE =
      dispatch("AUTO_MODERATION_RULE_CREATE", AutoModRule.class);
  /** {@code AUTO_MODERATION_RULE_UPDATE} as {@link AutoModRule}. */
  public static final EventType<AutoModRule> AUTO_MODERATION_RULE_UPDATE =
      dispatch("AUTO_MODERATION_RULE_UPDATE", AutoModRule.class);
  /** {@code AUTO_MODERATION_RULE_DELETE} as {@link AutoModRule}. */
  public static final EventType<AutoModRule> AUTO_MODERATION_RULE_DELETE =
      dispatch("AUTO_MODERATION_RULE_DELETE", AutoModRule.class);
  /** {@code AUTO_MODERATION_ACTION_EXECUTION} as {@link GuildPayloads.AutoModAction}. */
  public static final EventType<GuildPayloads.AutoModAction> AUTO_MODERATION_ACTION_EXECUTION =
      dispatch("AUTO_MODERATION_ACTION_EXECUTION", GuildPayloads.AutoModAction.class);
  /** {@code GUILD_SOUNDBOARD_SOUND_CREATE} as {@link SoundboardSound}. */
  public static final EventType<SoundboardSound> GUILD_SOUNDBOARD_SOUND_CREATE =
      dispatch("GUILD_SOUNDBOARD_SOUND_CREATE", SoundboardSound.class);
  /** {@code GUILD_SOUNDBOARD_SOUND_UPDATE} as {@link SoundboardSound}. */
  public static final EventType<SoundboardSound> GUILD_SOUNDBOARD_SOUND_UPDATE =
      dispatch("GUILD_SOUNDBOARD_SOUND_UPDATE", SoundboardSound.class);
  /** {@code GUILD_SOUNDBOARD_SOUND_DELETE} as {@link GuildPayloads.SoundDelete}. */
  public static final EventType<GuildPayloads.SoundDelete> GUILD_SOUNDBOARD_SOUND_DELETE =
      dispatch("GUILD_SOUNDBOARD_SOUND_DELETE", GuildPayloads.SoundDelete.class);
  /** {@code GUILD_SOUNDBOARD_SOUNDS_UPDATE} as {@link GuildPayloads.Sounds}. */
  public static final EventType<GuildPayloads.Sounds> GUILD_SOUNDBOARD_SOUNDS_UPDATE =
      dispatch("GUILD_SOUNDBOARD_SOUNDS_UPDATE", GuildPayloads.Sounds.class);
  /** {@code SOUNDBOARD_SOUNDS} as {@link GuildPayloads.Sounds}. */
  public static final EventType<GuildPayloads.Sounds> SOUNDBOARD_SOUNDS =
      dispatch("SOUNDBOARD_SOUNDS", GuildPayloads.Sounds.class);
  /** {@code ENTITLEMENT_CREATE} as {@link Entitlement}. */
  public static final EventType<Entitlement> ENTITLEMENT_CREATE = dispatch("ENTITLEMENT_CREATE", Entitlement.class);
  /** {@code ENTITLEMENT_UPDATE} as {@link Entitlement}. */
  public static final EventType<Entitlement> ENTITLEMENT_UPDATE = dispatch("ENTITLEMENT_UPDATE", Entitlement.class);
  /** {@code ENTITLEMENT_DELETE} as {@link Entitlement}. */
  public static final EventType<Entitlement> ENTITLEMENT_DELETE = dispatch("ENTITLEMENT_DELETE", Entitlement.class);
  /** {@code SUBSCRIPTION_CREATE} as {@link Subscription}. */
  public static final EventType<Subscription> SUBSCRIPTION_CREATE = dispatch("SUBSCRIPTION_CREATE", Subscription.class);
  /** {@code SUBSCRIPTION_UPDATE} as {@link Subscription}. */
  public static final EventType<Subscription> SUBSCRIPTION_UPDATE = dispatch("SUBSCRIPTION_UPDATE", Subscription.class);
  /** {@code SUBSCRIPTION_DELETE} as {@link Subscription}. */
  public static final EventType<Subscription> SUBSCRIPTION_DELETE = dispatch("SUBSCRIPTION_DELETE", Subscription.class);

  // published by cordbus
  /** {@link Addresses#SHARD_CONNECT} as {@link Lifecycle.ShardConnect}. */
  public static final EventType<Lifecycle.ShardConnect> SHARD_CONNECT =
      own(Addresses.SHARD_CONNECT, Lifecycle.ShardConnect.class);
  /** {@link Addresses#SHARD_READY} as {@link Lifecycle.ShardReady}. */
  public static final EventType<Lifecycle.ShardReady> SHARD_READY =
      own(Addresses.SHARD_READY, Lifecycle.ShardReady.class);
  /** {@link Addresses#SHARD_RESUME} as {@link Lifecycle.ShardResume}. */
  public static final EventType<Lifecycle.ShardResume> SHARD_RESUME =
      own(Addresses.SHARD_RESUME, Lifecycle.ShardResume.class);
  /** {@link Addresses#SHARD_DISCONNECT} as {@link Lifecycle.ShardDisconnect}. */
  public static final EventType<Lifecycle.ShardDisconnect> SHARD_DISCONNECT =
      own(Addresses.SHARD_DISCONNECT, Lifecycle.ShardDisconnect.class);
  /** {@link Addresses#SHARD_RECONNECT} as {@link Lifecycle.ShardReconnect}. */
  public static final EventType<Lifecycle.ShardReconnect> SHARD_RECONNECT =
      own(Addresses.SHARD_RECONNECT, Lifecycle.ShardReconnect.class);
  /** {@link Addresses#SHARD_INVALID_SESSION} as {@link Lifecycle.ShardInvalidSession}. */
  public static final EventType<Lifecycle.ShardInvalidSession> SHARD_INVALID_SESSION =
      own(Addresses.SHARD_INVALID_SESSION, Lifecycle.ShardInvalidSession.class);
  /** {@link Addresses#SHARD_ERROR} as {@link Lifecycle.ShardError}. */
  public static final EventType<Lifecycle.ShardError> SHARD_ERROR =
      own(Addresses.SHARD_ERROR, Lifecycle.ShardError.class);
  /** {@link Addresses#SHARD_SENT} as {@link Lifecycle.ShardSent}. */
  public static final EventType<Lifecycle.ShardSent> SHARD_SENT = own(Addresses.SHARD_SENT, Lifecycle.ShardSent.class);
  /** {@link Addresses#GROUP_READY} as {@link Lifecycle.GroupReady}. */
  public static final EventType<Lifecycle.GroupReady> GROUP_READY =
      own(Addresses.GROUP_READY, Lifecycle.GroupReady.class);
  /** {@link Addresses#BOT_READY} as {@link Lifecycle.BotReady}. */
  public static final EventType<Lifecycle.BotReady> BOT_READY = own(Addresses.BOT_READY, Lifecycle.BotReady.class);
  /** {@link RestAddresses#RESPONSE_EVENT} as {@link Lifecycle.RestResponse}. */
  public static final EventType<Lifecycle.RestResponse> REST_RESPONSE =
      own(RestAddresses.RESPONSE_EVENT, Lifecycle.RestResponse.class);
  /** {@link Addresses#ERROR} as {@link Lifecycle.ErrorEvent}. */
  public static final EventType<Lifecycle.ErrorEvent> ERROR = own(Addresses.ERROR, Lifecycle.ErrorEvent.class);

  private Events() {
  }

  private static <T> EventType<T> dispatch(String name, Class<T> type) {
    EventType<T> key = EventType.of(name, Addresses.dispatch(name), type);
    DISPATCHES.put(name, key);
    return key;
  }

  private static <T> EventType<T> own(String address, Class<T> type) {
    EventType<T> key = EventType.of(address, address, type);
    OWN.put(address, key);
    return key;
  }

  /** The key of the dispatch named {@code name} (e.g. {@code MESSAGE_CREATE}), or null for an unknown name. */
  public static EventType<?> dispatch(String name) {
    return DISPATCHES.get(name);
  }

  /** Every dispatch key, in the order of the gateway docs. */
  public static List<EventType<?>> dispatches() {
    return List.copyOf(DISPATCHES.values());
  }

  /** The keys of the bodies cordbus publishes itself (shard lifecycle, readiness, REST, errors), by address. */
  public static Map<String, EventType<?>> published() {
    return Collections.unmodifiableMap(OWN);
  }
}
