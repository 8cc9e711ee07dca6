import { STATE_ROUTED, StateQuery } from './addresses';
import { ReplyError, stateError } from './errors';
import type { Transport } from './transport';
import type { Channel, Guild, Member, Message, Role, User } from './types';

/**
 * The cluster's cache, answered through the bridge node's {@code discord.state.routed}: the Java StateClient there
 * routes to the owner of the guild's shard and gathers lists, and answers REBUILDING rather than a partial answer.
 * Failures reject with StateError (failure UNKNOWN_MEMBER, NOT_CACHED...) or its subclass Rebuilding.
 */
export class State {
  constructor(private readonly transport: Transport, public timeoutMs = 5_000) {}

  /** The raw answer of any query or command address of {@link StateQuery}. */
  async query<T = Record<string, unknown>>(address: string, body: Record<string, unknown> = {}, timeoutMs = this.timeoutMs): Promise<T> {
    try {
      return (await this.transport.request(STATE_ROUTED, { address, body, timeoutMs }, timeoutMs + 2_000)) as T;
    } catch (e) {
      throw e instanceof ReplyError ? stateError(e) : e;
    }
  }

  guild(guildId: string): Promise<Guild> {
    return this.query<Guild>(StateQuery.GUILD, { guild_id: guildId });
  }

  async guilds(): Promise<{ id: string; name: string; unavailable: boolean; member_count: number; shard: number }[]> {
    return (await this.query<{ guilds: any[] }>(StateQuery.GUILDS)).guilds;
  }

  channel(channelId: string): Promise<Channel> {
    return this.query<Channel>(StateQuery.CHANNEL, { channel_id: channelId });
  }

  async roles(guildId: string): Promise<Role[]> {
    return (await this.query<{ roles: Role[] }>(StateQuery.ROLES, { guild_id: guildId })).roles;
  }

  /** The cached member with its user. */
  member(guildId: string, userId: string): Promise<Member> {
    return this.query<Member>(StateQuery.MEMBER, { guild_id: guildId, user_id: userId });
  }

  /** A page of members sorted by user id; pass {@code next} as {@code after}. */
  members(guildId: string, after?: string, limit = 100): Promise<{ members: Member[]; next: string | null }> {
    return this.query(StateQuery.MEMBERS, after ? { guild_id: guildId, after, limit } : { guild_id: guildId, limit });
  }

  user(userId: string): Promise<User> {
    return this.query<User>(StateQuery.USER, { user_id: userId });
  }

  message(channelId: string, messageId: string): Promise<Message> {
    return this.query<Message>(StateQuery.MESSAGE, { channel_id: channelId, message_id: messageId });
  }

  counts(guildId?: string): Promise<Record<string, number>> {
    return this.query(StateQuery.COUNTS, guildId ? { guild_id: guildId } : {});
  }

  /** Gateway Request Guild Members, chunks gathered. */
  requestMembers(guildId: string, opts: { query?: string; limit?: number; userIds?: string[]; presences?: boolean;
    timeoutMs?: number } = {}): Promise<{ members: Member[]; presences: unknown[]; not_found: string[] }> {
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const body: Record<string, unknown> = { guild_id: guildId, presences: opts.presences ?? false, timeoutMs };
    if (opts.userIds) {
      body.user_ids = opts.userIds;
    } else {
      body.query = opts.query ?? '';
      body.limit = opts.limit ?? 0;
    }
    return this.query(StateQuery.REQUEST_MEMBERS, body, timeoutMs + 5_000);
  }

  /** Sets the bot's presence on every shard (online, idle, dnd, invisible). */
  async updatePresence(status: 'online' | 'idle' | 'dnd' | 'invisible', activities: unknown[] = []): Promise<void> {
    await this.query(StateQuery.UPDATE_PRESENCE, { since: null, activities, status, afk: false });
  }

  /** Joins (a channel id) or leaves (null) voice in a guild. */
  async updateVoiceState(guildId: string, channelId: string | null, selfMute = false, selfDeaf = false): Promise<void> {
    await this.query(StateQuery.UPDATE_VOICE_STATE, { guild_id: guildId, channel_id: channelId,
      self_mute: selfMute, self_deaf: selfDeaf });
  }
}
