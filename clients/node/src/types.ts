/**
 * The Discord payloads a bot handles most, typed as Discord sends them (snake_case, ids as strings). Fields Discord
 * may omit are optional; anything not listed is still present at runtime.
 */

/** A Discord id (snowflake) as a decimal string. */
export type Snowflake = string;

export interface User {
  id: Snowflake;
  username: string;
  discriminator?: string;
  global_name?: string | null;
  avatar?: string | null;
  bot?: boolean;
  [key: string]: unknown;
}

export interface Member {
  user?: User;
  nick?: string | null;
  roles: Snowflake[];
  joined_at?: string;
  deaf?: boolean;
  mute?: boolean;
  [key: string]: unknown;
}

export interface Emoji {
  id: Snowflake | null;
  name: string | null;
  animated?: boolean;
}

export interface Message {
  id: Snowflake;
  channel_id: Snowflake;
  guild_id?: Snowflake;
  author: User;
  member?: Member;
  content: string;
  timestamp: string;
  type: number;
  mentions?: User[];
  message_reference?: { message_id?: Snowflake; channel_id?: Snowflake; guild_id?: Snowflake };
  [key: string]: unknown;
}

export interface MessageDelete {
  id: Snowflake;
  channel_id: Snowflake;
  guild_id?: Snowflake;
}

export interface Reaction {
  user_id: Snowflake;
  channel_id: Snowflake;
  message_id: Snowflake;
  guild_id?: Snowflake;
  member?: Member;
  emoji: Emoji;
  [key: string]: unknown;
}

export interface Role {
  id: Snowflake;
  name: string;
  position: number;
  permissions: string;
  [key: string]: unknown;
}

export interface Channel {
  id: Snowflake;
  type: number;
  guild_id?: Snowflake;
  name?: string | null;
  [key: string]: unknown;
}

export interface Guild {
  id: Snowflake;
  name: string;
  unavailable?: boolean;
  member_count?: number;
  roles?: Role[];
  channels?: Channel[];
  members?: Member[];
  [key: string]: unknown;
}

export interface Interaction {
  id: Snowflake;
  application_id: Snowflake;
  type: number;
  token: string;
  guild_id?: Snowflake;
  channel_id?: Snowflake;
  member?: Member;
  user?: User;
  data?: { id?: Snowflake; name?: string; type?: number; custom_id?: string; component_type?: number;
    options?: { name: string; type: number; value?: unknown }[]; values?: string[]; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Ready {
  v: number;
  user: User;
  session_id: string;
  guilds: { id: Snowflake; unavailable?: boolean }[];
  shard?: [number, number];
  [key: string]: unknown;
}

/** Dispatch names and their payloads ({@code discord.<EVENT>}). Other names are accepted with {@code unknown}. */
export interface DispatchEvents {
  READY: Ready;
  GUILD_CREATE: Guild;
  GUILD_UPDATE: Guild;
  GUILD_DELETE: { id: Snowflake; unavailable?: boolean };
  GUILD_MEMBER_ADD: Member & { guild_id: Snowflake };
  GUILD_MEMBER_UPDATE: Member & { guild_id: Snowflake };
  GUILD_MEMBER_REMOVE: { guild_id: Snowflake; user: User };
  MESSAGE_CREATE: Message;
  MESSAGE_UPDATE: Partial<Message> & { id: Snowflake; channel_id: Snowflake };
  MESSAGE_DELETE: MessageDelete;
  MESSAGE_REACTION_ADD: Reaction;
  MESSAGE_REACTION_REMOVE: Reaction;
  INTERACTION_CREATE: Interaction;
  CHANNEL_CREATE: Channel;
  CHANNEL_UPDATE: Channel;
  CHANNEL_DELETE: Channel;
}

/** Cache-aware events ({@code discord.state.<EVENT>}) and the type of their before/after. */
export interface StateEvents {
  MESSAGE_UPDATE: Message;
  MESSAGE_DELETE: Message;
  GUILD_MEMBER_ADD: Member;
  GUILD_MEMBER_UPDATE: Member;
  GUILD_MEMBER_REMOVE: Member;
  GUILD_UPDATE: Guild;
  GUILD_JOIN: Guild;
  GUILD_REMOVE: Guild;
  GUILD_AVAILABLE: Guild;
  GUILD_UNAVAILABLE: Guild;
  CHANNEL_UPDATE: Channel;
  CHANNEL_DELETE: Channel;
  GUILD_ROLE_UPDATE: Role;
  GUILD_ROLE_DELETE: Role;
}

/** Interaction kinds as split by the bridge node ({@code discord.interaction.<kind>}). */
export type InteractionKind = 'command' | 'button' | 'select' | 'autocomplete' | 'modal' | 'ping' | 'unknown';

/** The payload of a dispatch name: typed for the names above, {@code unknown} for the others. */
export type DispatchOf<E extends string> = E extends keyof DispatchEvents ? DispatchEvents[E] : unknown;
/** The before/after type of a state event name. */
export type StateOf<E extends string> = E extends keyof StateEvents ? StateEvents[E] : unknown;
