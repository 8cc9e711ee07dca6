package dev.cordbus.state.cache;

/**
 * Which members the cache keeps ({@code memberPolicy} config key). The bot's own member is always kept.
 */
public enum MemberPolicy {
  /** Every member the gateway sends. */
  ALL,
  /** Members whose cached presence is not offline (needs GUILD_PRESENCES), or who are in voice. */
  ONLINE,
  /** Members in a voice channel. */
  VOICE,
  /** Only the bot itself. */
  NONE;

  /** Pure decision: keep a member with this online/voice situation? */
  public boolean keep(boolean self, boolean online, boolean inVoice) {
    return switch (this) {
      case ALL -> true;
      case ONLINE -> self || online || inVoice;
      case VOICE -> self || inVoice;
      case NONE -> self;
    };
  }
}
