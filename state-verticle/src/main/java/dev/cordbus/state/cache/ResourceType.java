package dev.cordbus.state.cache;

/**
 * Kinds of cached resources the cache policy can switch on or off ({@code resources} config key). Guilds are
 * always kept; users are kept as long as a member (or the bot itself) refers to them.
 */
public enum ResourceType {
  CHANNEL, THREAD, ROLE, MEMBER, PRESENCE, VOICE_STATE, EMOJI, STICKER, MESSAGE, SCHEDULED_EVENT, STAGE_INSTANCE,
  SOUNDBOARD_SOUND
}
