package dev.cordbus.api.state;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.event.ChannelPayloads;
import dev.cordbus.api.event.EventType;
import dev.cordbus.api.event.GuildPayloads;
import dev.cordbus.api.event.TypedJson;
import dev.cordbus.api.model.Channel;
import dev.cordbus.api.model.Guild;
import dev.cordbus.api.model.Member;
import dev.cordbus.api.model.MembersChunk;
import dev.cordbus.api.model.Message;
import dev.cordbus.api.model.Presence;
import dev.cordbus.api.model.Role;
import dev.cordbus.api.model.ScheduledEvent;
import dev.cordbus.api.model.SoundboardSound;
import dev.cordbus.api.model.StageInstance;
import dev.cordbus.api.model.User;
import dev.cordbus.api.state.StateBodies.Change;
import dev.cordbus.api.state.StateBodies.Deleted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed keys of every cache-aware event the state verticle publishes on {@code discord.state.<NAME>}: updates
 * and creates as {@link Change} (typed {@code before}/{@code after}), each delete with its ids and the cached object,
 * bulk deletes with the cached list, reactions with user, member and emoji (see {@link StateBodies}).
 *
 * <pre>{@code
 * bot.on(StateKeys.MESSAGE_UPDATE, e -> log.info("{} -> {}", e.data().before().content(),
 *     e.data().after().content()));
 * bot.on(StateKeys.MESSAGE_DELETE, e -> log.info("deleted {} (cached: {})", e.data().id(), e.data().before()));
 * }</pre>
 */
public final class StateKeys {

  private static final Map<String, EventType<?>> BY_NAME = new LinkedHashMap<>();

  // Guilds
  /** {@code discord.state.GUILD_UPDATE} as {@link Change}{@code <Guild>}. */
  public static final EventType<Change<Guild>> GUILD_UPDATE = key("GUILD_UPDATE", Change.class, Guild.class);
  /** {@code discord.state.GUILD_JOIN} as {@link Change}{@code <Guild>}. */
  public static final EventType<Change<Guild>> GUILD_JOIN = key(StateEvents.GUILD_JOIN, Change.class, Guild.class);
  /** {@code discord.state.GUILD_AVAILABLE} as {@link Change}{@code <Guild>}. */
  public static final EventType<Change<Guild>> GUILD_AVAILABLE =
      key(StateEvents.GUILD_AVAILABLE, Change.class, Guild.class);
  /** {@code discord.state.GUILD_UNAVAILABLE} as {@link Deleted}{@code <Guild>}. */
  public static final EventType<Deleted<Guild>> GUILD_UNAVAILABLE =
      key(StateEvents.GUILD_UNAVAILABLE, Deleted.class, Guild.class);
  /** {@code discord.state.GUILD_REMOVE} as {@link Deleted}{@code <Guild>}. */
  public static final EventType<Deleted<Guild>> GUILD_REMOVE =
      key(StateEvents.GUILD_REMOVE, Deleted.class, Guild.class);
  /** {@code discord.state.GUILD_MEMBER_BAN} as {@link StateBodies.MemberBanned}. */
  public static final EventType<StateBodies.MemberBanned> GUILD_MEMBER_BAN =
      key(StateEvents.GUILD_MEMBER_BAN, StateBodies.MemberBanned.class);
  /** {@code discord.state.SHARD_CACHE_READY} as {@link StateBodies.ShardCacheReady}. */
  public static final EventType<StateBodies.ShardCacheReady> SHARD_CACHE_READY =
      key(StateEvents.SHARD_CACHE_READY, StateBodies.ShardCacheReady.class);
  /** {@code discord.state.GUILD_ROLE_CREATE} as {@link Change}{@code <Role>}. */
  public static final EventType<Change<Role>> GUILD_ROLE_CREATE = key("GUILD_ROLE_CREATE", Change.class, Role.class);
  /** {@code discord.state.GUILD_ROLE_UPDATE} as {@link Change}{@code <Role>}. */
  public static final EventType<Change<Role>> GUILD_ROLE_UPDATE = key("GUILD_ROLE_UPDATE", Change.class, Role.class);
  /** {@code discord.state.GUILD_ROLE_DELETE} as {@link StateBodies.RoleDeleted}. */
  public static final EventType<StateBodies.RoleDeleted> GUILD_ROLE_DELETE =
      key("GUILD_ROLE_DELETE", StateBodies.RoleDeleted.class);
  /** {@code discord.state.GUILD_EMOJIS_UPDATE} as {@link Change}{@code <Emojis>}. */
  public static final EventType<Change<StateBodies.Emojis>> GUILD_EMOJIS_UPDATE =
      key("GUILD_EMOJIS_UPDATE", Change.class, StateBodies.Emojis.class);
  /** {@code discord.state.GUILD_STICKERS_UPDATE} as {@link Change}{@code <Stickers>}. */
  public static final EventType<Change<StateBodies.Stickers>> GUILD_STICKERS_UPDATE =
      key("GUILD_STICKERS_UPDATE", Change.class, StateBodies.Stickers.class);
  /** {@code discord.state.GUILD_SOUNDBOARD_SOUND_CREATE} as {@link Change}{@code <SoundboardSound>}. */
  public static final EventType<Change<SoundboardSound>> GUILD_SOUNDBOARD_SOUND_CREATE =
      key("GUILD_SOUNDBOARD_SOUND_CREATE", Change.class, SoundboardSound.class);
  /** {@code discord.state.GUILD_SOUNDBOARD_SOUND_UPDATE} as {@link Change}{@code <SoundboardSound>}. */
  public static final EventType<Change<SoundboardSound>> GUILD_SOUNDBOARD_SOUND_UPDATE =
      key("GUILD_SOUNDBOARD_SOUND_UPDATE", Change.class, SoundboardSound.class);
  /** {@code discord.state.GUILD_SOUNDBOARD_SOUND_DELETE} as {@link StateBodies.SoundDeleted}. */
  public static final EventType<StateBodies.SoundDeleted> GUILD_SOUNDBOARD_SOUND_DELETE =
      key("GUILD_SOUNDBOARD_SOUND_DELETE", StateBodies.SoundDeleted.class);
  /** {@code discord.state.GUILD_SOUNDBOARD_SOUNDS_UPDATE} as {@link GuildPayloads.Sounds}. */
  public static final EventType<GuildPayloads.Sounds> GUILD_SOUNDBOARD_SOUNDS_UPDATE =
      key("GUILD_SOUNDBOARD_SOUNDS_UPDATE", GuildPayloads.Sounds.class);
  /** {@code discord.state.SOUNDBOARD_SOUNDS} as {@link GuildPayloads.Sounds}. */
  public static final EventType<GuildPayloads.Sounds> SOUNDBOARD_SOUNDS =
      key("SOUNDBOARD_SOUNDS", GuildPayloads.Sounds.class);
  /** {@code discord.state.GUILD_SCHEDULED_EVENT_CREATE} as {@link Change}{@code <ScheduledEvent>}. */
  public static final EventType<Change<ScheduledEvent>> GUILD_SCHEDULED_EVENT_CREATE =
      key("GUILD_SCHEDULED_EVENT_CREATE", Change.class, ScheduledEvent.class);
  /** {@code discord.state.GUILD_SCHEDULED_EVENT_UPDATE} as {@link Change}{@code <ScheduledEvent>}. */
  public static final EventType<Change<ScheduledEvent>> GUILD_SCHEDULED_EVENT_UPDATE =
      key("GUILD_SCHEDULED_EVENT_UPDATE", Change.class, ScheduledEvent.class);
  /** {@code discord.state.GUILD_SCHEDULED_EVENT_DELETE} as {@link Deleted}{@code <ScheduledEvent>}. */
  public static final EventType<Deleted<ScheduledEvent>> GUILD_SCHEDULED_EVENT_DELETE =
      key("GUILD_SCHEDULED_EVENT_DELETE", Deleted.class, ScheduledEvent.class);
  /** {@code discord.state.GUILD_SCHEDULED_EVENT_USER_ADD} as {@link StateBodies.ScheduledEventUser}. */
  public static final EventType<StateBodies.ScheduledEventUser> GUILD_SCHEDULED_EVENT_USER_ADD =
      key("GUILD_SCHEDULED_EVENT_USER_ADD", StateBodies.ScheduledEventUser.class);
  /** {@code discord.state.GUILD_SCHEDULED_EVENT_USER_REMOVE} as {@link StateBodies.ScheduledEventUser}. */
  public static final EventType<StateBodies.ScheduledEventUser> GUILD_SCHEDULED_EVENT_USER_REMOVE =
      key("GUILD_SCHEDULED_EVENT_USER_REMOVE", StateBodies.ScheduledEventUser.class);
  /** {@code discord.state.STAGE_INSTANCE_CREATE} as {@link Change}{@code <StageInstance>}. */
  public static final EventType<Change<StageInstance>> STAGE_INSTANCE_CREATE =
      key("STAGE_INSTANCE_CREATE", Change.class, StageInstance.class);
  /** {@code discord.state.STAGE_INSTANCE_UPDATE} as {@link Change}{@code <StageInstance>}. */
  public static final EventType<Change<StageInstance>> STAGE_INSTANCE_UPDATE =
      key("STAGE_INSTANCE_UPDATE", Change.class, StageInstance.class);
  /** {@code discord.state.STAGE_INSTANCE_DELETE} as {@link Deleted}{@code <StageInstance>}. */
  public static final EventType<Deleted<StageInstance>> STAGE_INSTANCE_DELETE =
      key("STAGE_INSTANCE_DELETE", Deleted.class, StageInstance.class);

  // Members, users, presences, typing, voice
  /** {@code discord.state.GUILD_MEMBER_ADD} as {@link Change}{@code <Member>}. */
  public static final EventType<Change<Member>> GUILD_MEMBER_ADD = key("GUILD_MEMBER_ADD", Change.class, Member.class);
  /** {@code discord.state.GUILD_MEMBER_UPDATE} as {@link Change}{@code <Member>}. */
  public static final EventType<Change<Member>> GUILD_MEMBER_UPDATE =
      key("GUILD_MEMBER_UPDATE", Change.class, Member.class);
  /** {@code discord.state.GUILD_MEMBER_REMOVE} as {@link StateBodies.MemberRemoved}. */
  public static final EventType<StateBodies.MemberRemoved> GUILD_MEMBER_REMOVE =
      key("GUILD_MEMBER_REMOVE", StateBodies.MemberRemoved.class);
  /** {@code discord.state.GUILD_MEMBERS_CHUNK} as {@link MembersChunk}. */
  public static final EventType<MembersChunk> GUILD_MEMBERS_CHUNK = key("GUILD_MEMBERS_CHUNK", MembersChunk.class);
  /** {@code discord.state.PRESENCE_UPDATE} as {@link Change}{@code <Presence>}. */
  public static final EventType<Change<Presence>> PRESENCE_UPDATE =
      key("PRESENCE_UPDATE", Change.class, Presence.class);
  /** {@code discord.state.USER_UPDATE} as {@link Change}{@code <User>}. */
  public static final EventType<Change<User>> USER_UPDATE = key("USER_UPDATE", Change.class, User.class);
  /** {@code discord.state.TYPING_START} as {@link StateBodies.Typing}. */
  public static final EventType<StateBodies.Typing> TYPING_START = key("TYPING_START", StateBodies.Typing.class);
  /** {@code discord.state.VOICE_STATE_UPDATE} as {@link StateBodies.VoiceChange}. */
  public static final EventType<StateBodies.VoiceChange> VOICE_STATE_UPDATE =
      key("VOICE_STATE_UPDATE", StateBodies.VoiceChange.class);

  // Channels and threads
  /** {@code discord.state.CHANNEL_CREATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> CHANNEL_CREATE = key("CHANNEL_CREATE", Change.class, Channel.class);
  /** {@code discord.state.CHANNEL_UPDATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> CHANNEL_UPDATE = key("CHANNEL_UPDATE", Change.class, Channel.class);
  /** {@code discord.state.CHANNEL_DELETE} as {@link Deleted}{@code <Channel>}. */
  public static final EventType<Deleted<Channel>> CHANNEL_DELETE = key("CHANNEL_DELETE", Deleted.class, Channel.class);
  /** {@code discord.state.CHANNEL_PINS_UPDATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> CHANNEL_PINS_UPDATE =
      key("CHANNEL_PINS_UPDATE", Change.class, Channel.class);
  /** {@code discord.state.VOICE_CHANNEL_STATUS_UPDATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> VOICE_CHANNEL_STATUS_UPDATE =
      key("VOICE_CHANNEL_STATUS_UPDATE", Change.class, Channel.class);
  /** {@code discord.state.VOICE_CHANNEL_START_TIME_UPDATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> VOICE_CHANNEL_START_TIME_UPDATE =
      key("VOICE_CHANNEL_START_TIME_UPDATE", Change.class, Channel.class);
  /** {@code discord.state.THREAD_CREATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> THREAD_CREATE = key("THREAD_CREATE", Change.class, Channel.class);
  /** {@code discord.state.THREAD_UPDATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> THREAD_UPDATE = key("THREAD_UPDATE", Change.class, Channel.class);
  /** {@code discord.state.THREAD_DELETE} as {@link Deleted}{@code <Channel>}. */
  public static final EventType<Deleted<Channel>> THREAD_DELETE = key("THREAD_DELETE", Deleted.class, Channel.class);
  /** {@code discord.state.THREAD_LIST_SYNC} as {@link ChannelPayloads.ThreadListSync}. */
  public static final EventType<ChannelPayloads.ThreadListSync> THREAD_LIST_SYNC =
      key("THREAD_LIST_SYNC", ChannelPayloads.ThreadListSync.class);
  /** {@code discord.state.THREAD_MEMBER_UPDATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> THREAD_MEMBER_UPDATE =
      key("THREAD_MEMBER_UPDATE", Change.class, Channel.class);
  /** {@code discord.state.THREAD_MEMBERS_UPDATE} as {@link Change}{@code <Channel>}. */
  public static final EventType<Change<Channel>> THREAD_MEMBERS_UPDATE =
      key("THREAD_MEMBERS_UPDATE", Change.class, Channel.class);
  /** {@code discord.state.THREAD_MEMBER_JOIN} as {@link StateBodies.ThreadMemberChange}. */
  public static final EventType<StateBodies.ThreadMemberChange> THREAD_MEMBER_JOIN =
      key(StateEvents.THREAD_MEMBER_JOIN, StateBodies.ThreadMemberChange.class);
  /** {@code discord.state.THREAD_MEMBER_LEAVE} as {@link StateBodies.ThreadMemberChange}. */
  public static final EventType<StateBodies.ThreadMemberChange> THREAD_MEMBER_LEAVE =
      key(StateEvents.THREAD_MEMBER_LEAVE, StateBodies.ThreadMemberChange.class);

  // Messages
  /** {@code discord.state.MESSAGE_CREATE} as {@link Change}{@code <Message>}. */
  public static final EventType<Change<Message>> MESSAGE_CREATE = key("MESSAGE_CREATE", Change.class, Message.class);
  /** {@code discord.state.MESSAGE_UPDATE} as {@link Change}{@code <Message>}. */
  public static final EventType<Change<Message>> MESSAGE_UPDATE = key("MESSAGE_UPDATE", Change.class, Message.class);
  /** {@code discord.state.MESSAGE_DELETE} as {@link StateBodies.MessageDeleted}. */
  public static final EventType<StateBodies.MessageDeleted> MESSAGE_DELETE =
      key("MESSAGE_DELETE", StateBodies.MessageDeleted.class);
  /** {@code discord.state.MESSAGE_DELETE_BULK} as {@link StateBodies.MessagesDeleted}. */
  public static final EventType<StateBodies.MessagesDeleted> MESSAGE_DELETE_BULK =
      key("MESSAGE_DELETE_BULK", StateBodies.MessagesDeleted.class);
  /** {@code discord.state.MESSAGE_REACTION_ADD} as {@link StateBodies.ReactionChange}. */
  public static final EventType<StateBodies.ReactionChange> MESSAGE_REACTION_ADD =
      key("MESSAGE_REACTION_ADD", StateBodies.ReactionChange.class);
  /** {@code discord.state.MESSAGE_REACTION_REMOVE} as {@link StateBodies.ReactionChange}. */
  public static final EventType<StateBodies.ReactionChange> MESSAGE_REACTION_REMOVE =
      key("MESSAGE_REACTION_REMOVE", StateBodies.ReactionChange.class);
  /** {@code discord.state.MESSAGE_REACTION_REMOVE_ALL} as {@link StateBodies.ReactionChange}. */
  public static final EventType<StateBodies.ReactionChange> MESSAGE_REACTION_REMOVE_ALL =
      key("MESSAGE_REACTION_REMOVE_ALL", StateBodies.ReactionChange.class);
  /** {@code discord.state.MESSAGE_REACTION_REMOVE_EMOJI} as {@link StateBodies.ReactionChange}. */
  public static final EventType<StateBodies.ReactionChange> MESSAGE_REACTION_REMOVE_EMOJI =
      key("MESSAGE_REACTION_REMOVE_EMOJI", StateBodies.ReactionChange.class);
  /** {@code discord.state.MESSAGE_POLL_VOTE_ADD} as {@link Change}{@code <Message>}. */
  public static final EventType<Change<Message>> MESSAGE_POLL_VOTE_ADD =
      key("MESSAGE_POLL_VOTE_ADD", Change.class, Message.class);
  /** {@code discord.state.MESSAGE_POLL_VOTE_REMOVE} as {@link Change}{@code <Message>}. */
  public static final EventType<Change<Message>> MESSAGE_POLL_VOTE_REMOVE =
      key("MESSAGE_POLL_VOTE_REMOVE", Change.class, Message.class);

  private StateKeys() {
  }

  private static <T> EventType<T> key(String name, Class<?> raw, Class<?>... params) {
    EventType<T> key = EventType.of(name, Addresses.state(name), TypedJson.type(raw, params));
    BY_NAME.put(name, key);
    return key;
  }

  /** The key of the state event named {@code name}, or null for an unknown name. */
  public static EventType<?> of(String name) {
    return BY_NAME.get(name);
  }

  /** Every state event key. */
  public static List<EventType<?>> all() {
    return List.copyOf(BY_NAME.values());
  }
}
