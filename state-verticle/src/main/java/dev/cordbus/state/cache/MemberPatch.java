package dev.cordbus.state.cache;

import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.Timestamps;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fields of one guild member object as read from the wire (only the keys present), with its {@code user} as a
 * {@link UserPatch}; applied by {@link MemberEntry#apply}. GUILD_MEMBER_UPDATE's {@code guild_id} is read too.
 */
public final class MemberPatch {

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
  String nick;
  String avatar;
  String banner;
  long[] roles;
  long joinedAt;
  long premiumSince;
  String disabledUntil;
  int flags;
  boolean deaf;
  boolean mute;
  boolean pending;
  /** Keys not modelled (other than {@code user}, {@code guild_id}, {@code permissions}), or null. */
  JsonObject extras;

  /** Reads the object that is the cursor's next value (the caller checked it is an object). */
  public static MemberPatch read(JsonCursor c) throws IOException {
    MemberPatch m = new MemberPatch();
    c.enter();
    while (c.nextKey()) {
      m.field(c);
    }
    return m;
  }

  /**
   * Reads the value of the cursor's current key into this patch: the member keys the cache keeps, {@code user},
   * {@code guild_id}, {@code permissions} (skipped), and any other key into {@link #extras}.
   */
  void field(JsonCursor c) throws IOException {
    if (c.key("user")) {
      user = c.kind() == JsonCursor.OBJECT ? UserPatch.read(c) : skip(c);
    } else if (c.key("roles")) {
      roles = c.ids();
      if (roles != null) {
        present |= ROLES;
      }
    } else if (c.key("nick")) {
      nick = c.text();
      present |= NICK;
    } else if (c.key("avatar")) {
      avatar = c.text();
      present |= AVATAR;
    } else if (c.key("banner")) {
      banner = c.text();
      present |= BANNER;
    } else if (c.key("joined_at")) {
      joinedAt = Timestamps.parse(c.value());
      present |= JOINED_AT;
    } else if (c.key("premium_since")) {
      premiumSince = Timestamps.parse(c.value());
      present |= PREMIUM_SINCE;
    } else if (c.key("communication_disabled_until")) {
      disabledUntil = c.text();
      present |= DISABLED_UNTIL;
    } else if (c.key("flags")) {
      if (c.kind() == JsonCursor.NUMBER) {
        flags = c.intValue();
        present |= FLAGS;
      } else {
        c.skip();
      }
    } else if (c.key("deaf")) {
      present |= DEAF;
      deaf = c.bool();
    } else if (c.key("mute")) {
      present |= MUTE;
      mute = c.bool();
    } else if (c.key("pending")) {
      present |= PENDING;
      pending = c.bool();
    } else if (c.key("guild_id")) {
      guildId = c.id();
    } else if (c.key("permissions")) {
      c.skip();
    } else {
      String key = c.key();
      Object v = c.value();
      if (extras == null) {
        extras = new JsonObject();
      }
      extras.put(key, v);
    }
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
