package dev.cordbus.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Gateway intents, from the
 * <a href="https://discord.com/developers/docs/events/gateway#list-of-intents">list of intents</a>.
 */
public enum Intent {
  GUILDS(0, false),
  GUILD_MEMBERS(1, true),
  GUILD_MODERATION(2, false),
  GUILD_EXPRESSIONS(3, false),
  GUILD_INTEGRATIONS(4, false),
  GUILD_WEBHOOKS(5, false),
  GUILD_INVITES(6, false),
  GUILD_VOICE_STATES(7, false),
  GUILD_PRESENCES(8, true),
  GUILD_MESSAGES(9, false),
  GUILD_MESSAGE_REACTIONS(10, false),
  GUILD_MESSAGE_TYPING(11, false),
  DIRECT_MESSAGES(12, false),
  DIRECT_MESSAGE_REACTIONS(13, false),
  DIRECT_MESSAGE_TYPING(14, false),
  MESSAGE_CONTENT(15, true),
  GUILD_SCHEDULED_EVENTS(16, false),
  AUTO_MODERATION_CONFIGURATION(20, false),
  AUTO_MODERATION_EXECUTION(21, false),
  GUILD_MESSAGE_POLLS(24, false),
  DIRECT_MESSAGE_POLLS(25, false);

  /** Every documented bit (53608447). */
  public static final int ALL = mask(EnumSet.allOf(Intent.class));
  /** No intent at all (0): the bot receives only the events every bot gets (READY, RESUMED, interactions...). */
  public static final int NONE = 0;
  /** Every documented bit that is privileged (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT). */
  public static final int PRIVILEGED = GUILD_MEMBERS.bit() | GUILD_PRESENCES.bit() | MESSAGE_CONTENT.bit();
  /** Every documented non-privileged bit (53575421). */
  public static final int NON_PRIVILEGED = ALL & ~PRIVILEGED;

  private final int shift;
  private final boolean privileged;

  Intent(int shift, boolean privileged) {
    this.shift = shift;
    this.privileged = privileged;
  }

  /** The intent's bit value, {@code 1 << shift}. */
  public int bit() {
    return 1 << shift;
  }

  /** Whether the intent must be switched on in the Developer Portal (else close 4014). */
  public boolean privileged() {
    return privileged;
  }

  /** The bitmask of a set of intents. */
  public static int mask(Collection<Intent> intents) {
    int m = 0;
    for (Intent i : intents) {
      m |= i.bit();
    }
    return m;
  }

  /** The intents whose bits are set in {@code mask} (undocumented bits are ignored). */
  public static List<Intent> of(int mask) {
    List<Intent> out = new ArrayList<>();
    for (Intent i : values()) {
      if ((mask & i.bit()) != 0) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Parses an intent name, case-insensitively; throws {@link IllegalArgumentException} naming the valid values.
   */
  public static Intent parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown intent '" + name + "'; valid intents: " + List.of(values())
          + ", or the keywords \"all\", \"default\" (non-privileged), \"none\"", e);
    }
  }
}
