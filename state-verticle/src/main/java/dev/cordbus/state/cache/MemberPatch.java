package dev.cordbus.state.cache;

import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.KeyNames;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fields of one guild member object as read from the wire (only the keys present), with its {@code user} as a
 * {@link UserPatch}; applied by {@link MemberEntry#apply}. GUILD_MEMBER_UPDATE's {@code guild_id} is read too.
 */
public final class MemberPatch extends PatchTexts {

  static final int NICK = 1;
  static final int AVATAR = 2;
  static final int BANNER = 4;
  static final int ROLES = 8;
  static final int JOINED_AT = 16;
  static final int PREMIUM_SINCE = 32;
  static final int DISABLED_UNTIL = 64;
  static final int FLAGS = 128;
  static final int DEAF = 256;
  static final int MUTE = 512;
  static final int PENDING = 1024;

  /** The {@code user} object, or null when absent. */
  public UserPatch user;
  /** {@code guild_id} when present, else 0. */
  public long guildId;
  int present;
  long[] roles;
  long joinedAt;
  long premiumSince;
  int flags;
  boolean deaf;
  boolean mute;
  boolean pending;
  /** Keys not modelled (other than {@code user}, {@code guild_id}, {@code permissions}), or null. */
  JsonObject extras;

  /**
   * The keys {@link #read} reads, in the order of their bits in {@link #present} ({@code NICK} is {@code 1 << 0} ...
   * {@code PENDING} is {@code 1 << 10}), then those it reads without a bit.
   */
  private static final KeyNames KEYS = KeyNames.of("nick", "avatar", "banner", "roles", "joined_at", "premium_since",
      "communication_disabled_until", "flags", "deaf", "mute", "pending", "user", "guild_id", "permissions");
  private static final int USER_KEY = 11;
  private static final int GUILD_ID_KEY = 12;
  private static final int PERMISSIONS_KEY = 13;

  /**
   * Reads the object that is the cursor's next value (the caller checked it is an object): the member keys the cache
   * keeps, {@code user}, {@code guild_id}, {@code permissions} (skipped), and any other key into {@link #extras}. One
   * reader call per kind of value (see {@link KeyNames}). The loop and the switch are one method, over the JIT's size
   * for inlining a hot method (325 bytes of bytecode): it is compiled once and called from the message, member and
   * stream readers, not copied into each of them, and a key first met late (GUILD_MEMBER_UPDATE's {@code guild_id})
   * recompiles this method alone.
   */
  public static MemberPatch read(JsonCursor c) throws IOException {
    MemberPatch m = new MemberPatch();
    m.src = c.array();
    c.enter();
    while (c.nextKey()) {
      int k = c.key(KEYS);
      switch (k) {
        case 0, 1, 2, 6 -> {
          m.span(1 << k, c.textSpan());
          m.present |= 1 << k;
        }
        case 3 -> {
          m.roles = c.ids();
          if (m.roles != null) {
            m.present |= ROLES;
          }
        }
        case 4, 5 -> {
          long at = c.timestamp(); // a value that is not a string reads as null: no time, as before
          if (k == 4) {
            m.joinedAt = at;
          } else {
            m.premiumSince = at;
          }
          m.present |= 1 << k;
        }
        case 7 -> {
          if (c.kind() == JsonCursor.NUMBER) {
            m.flags = c.intValue();
            m.present |= FLAGS;
          } else {
            c.skip();
          }
        }
        case 8, 9, 10 -> m.flag(k, c.bool());
        case USER_KEY -> m.user = c.kind() == JsonCursor.OBJECT ? UserPatch.read(c) : skip(c);
        case GUILD_ID_KEY -> m.guildId = c.id();
        case PERMISSIONS_KEY -> c.skip();
        default -> {
          String key = c.key();
          Object v = c.value();
          if (m.extras == null) {
            m.extras = new JsonObject();
          }
          m.extras.put(key, v);
        }
      }
    }
    return m;
  }

  @Override
  int slot(int field) {
    return switch (field) {
      case NICK -> 0;
      case AVATAR -> 1;
      case BANNER -> 2;
      default -> 3;
    };
  }

  private void flag(int k, boolean value) {
    switch (k) {
      case 8 -> deaf = value;
      case 9 -> mute = value;
      default -> pending = value;
    }
    present |= 1 << k;
  }

  private static UserPatch skip(JsonCursor c) throws IOException {
    c.skip();
    return null;
  }

  /** The patch of a member tree. */
  public static MemberPatch of(JsonObject member) {
    byte[] b = JsonBytes.encode(member);
    try {
      return read(new JsonCursor(b, 0, b.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean has(int bit) {
    return (present & bit) != 0;
  }
}
