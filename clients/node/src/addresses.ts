/** cordbus event-bus addresses (the contract written in the Java {@code api} module). */
export const PREFIX = 'discord.';
export const STATE_PREFIX = 'discord.state.';
export const CUSTOM_PREFIX = 'discord.custom.';
export const INTERACTION_PREFIX = 'discord.interaction.';
export const REST_REQUEST = 'discord.rest.request';
export const STATE_ROUTED = 'discord.state.routed';
export const GATEWAY_SEND = 'discord.gateway.send';
export const GATEWAY_STATUS = 'discord.gateway.status';
export const SHARD_READY = 'discord.shard.ready';
export const DEFAULT_SECRET_HEADER = 'x-cordbus-secret';

const Q = 'discord.state.query.';
/** State query and state-served gateway command addresses (answered through {@link STATE_ROUTED}). */
export const StateQuery = {
  GUILD: Q + 'guild', GUILDS: Q + 'guilds', CHANNEL: Q + 'channel', CHANNELS: Q + 'channels', ROLES: Q + 'roles',
  ROLE: Q + 'role', MEMBER: Q + 'member', MEMBERS: Q + 'members', USER: Q + 'user', PRESENCE: Q + 'presence',
  VOICE_STATE: Q + 'voice-state', MESSAGE: Q + 'message', COUNTS: Q + 'counts', SELF: Q + 'self',
  REQUEST_MEMBERS: 'discord.gateway.request-members', UPDATE_PRESENCE: 'discord.gateway.update-presence',
  UPDATE_VOICE_STATE: 'discord.gateway.update-voice-state',
} as const;

/** The address of a dispatch name ({@code MESSAGE_CREATE}); a full {@code discord.*} address is kept. */
export function dispatchAddress(event: string): string {
  if (!event || event.trim() !== event) {
    throw new Error(`not an event name: '${event}'`);
  }
  return event.startsWith(PREFIX) ? event : PREFIX + event;
}

/** The address of a cache-aware event ({@code MESSAGE_UPDATE} -> {@code discord.state.MESSAGE_UPDATE}). */
export function stateAddress(event: string): string {
  return STATE_PREFIX + event;
}

/** The address of a custom event between bots. */
export function customAddress(name: string): string {
  return CUSTOM_PREFIX + name;
}

/** The address of an interaction kind split by the bridge node. */
export function interactionAddress(kind: string): string {
  return INTERACTION_PREFIX + kind;
}
