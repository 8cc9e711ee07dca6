package dev.cordbus.state.cache;

import dev.cordbus.state.store.Extras;
import dev.cordbus.state.store.Hashes;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Interner;
import dev.cordbus.state.store.Text;
import dev.cordbus.state.store.Timestamps;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Set;

/**
 * One guild member: a reference to the shared {@link UserEntry}, role ids as a {@code long[]}, timestamps as epoch
 * micros, booleans packed in a byte. About 60 bytes plus the role array.
 */
public final class MemberEntry {

  static final Set<String> KNOWN = Set.of("user", "nick", "avatar", "banner", "roles", "joined_at", "premium_since",
      "deaf", "mute", "flags", "pending", "communication_disabled_until", "guild_id", "permissions");

  private static final int DEAF = 1;
  private static final int MUTE = 2;
  private static final int PENDING = 4;

  /** The shared user. */
  public final UserEntry user;
  /** Nickname, {@link Text}-packed. */
  private Object nick;
  private Object avatar;
  private Object banner;
  private long[] roles = Ids.EMPTY;
  private long joinedAt = Timestamps.NONE;
  private long premiumSince = Timestamps.NONE;
  private String communicationDisabledUntil;
  private int flags;
  private byte bits;
  private byte[] extras;

  MemberEntry(UserEntry user) {
    this.user = user;
  }

  /** Merges the keys present in a member object (the {@code user} key is handled by the store). */
  public void apply(MemberPatch m, Interner strings) {
    if (m.has(MemberPatch.NICK)) {
      nick = Text.update(nick, m.nick);
    }
    if (m.has(MemberPatch.AVATAR)) {
      avatar = Hashes.update(avatar, m.avatar);
    }
    if (m.has(MemberPatch.BANNER)) {
      banner = Hashes.update(banner, m.banner);
    }
    if (m.has(MemberPatch.ROLES) && !Arrays.equals(m.roles, roles)) {
      roles = strings.ids(m.roles);
    }
    if (m.has(MemberPatch.JOINED_AT)) {
      joinedAt = m.joinedAt;
    }
    if (m.has(MemberPatch.PREMIUM_SINCE)) {
      premiumSince = m.premiumSince;
    }
    if (m.has(MemberPatch.DISABLED_UNTIL)) {
      communicationDisabledUntil = strings.intern(m.disabledUntil);
    }
    if (m.has(MemberPatch.FLAGS)) {
      flags = m.flags;
    }
    bits = bit(m, MemberPatch.DEAF, m.deaf, DEAF);
    bits = bit(m, MemberPatch.MUTE, m.mute, MUTE);
    bits = bit(m, MemberPatch.PENDING, m.pending, PENDING);
    if (m.extras != null) {
      extras = Extras.merge(extras, m.extras, KNOWN);
    }
  }

  private byte bit(MemberPatch m, int present, boolean value, int mask) {
    if (!m.has(present)) {
      return bits;
    }
    return (byte) (value ? bits | mask : bits & ~mask);
  }

  /** Whether the member has the role. */
  public boolean hasRole(long roleId) {
    for (long r : roles) {
      if (r == roleId) {
        return true;
      }
    }
    return false;
  }

  /** Removes a role id; returns whether it was there. */
  public boolean removeRole(long roleId) {
    if (!hasRole(roleId)) {
      return false;
    }
    roles = Arrays.stream(roles).filter(r -> r != roleId).toArray();
    return true;
  }

  /** The member as Discord's guild member object, with its {@code user}. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject()
        .put("user", user.toJson())
        .put("nick", Text.unpack(nick))
        .put("avatar", Hashes.expand(avatar))
        .put("banner", Hashes.expand(banner))
        .put("roles", Ids.json(roles))
        .put("joined_at", Timestamps.format(joinedAt))
        .put("premium_since", Timestamps.format(premiumSince))
        .put("deaf", (bits & DEAF) != 0)
        .put("mute", (bits & MUTE) != 0)
        .put("flags", flags)
        .put("pending", (bits & PENDING) != 0)
        .put("communication_disabled_until", communicationDisabledUntil);
    Extras.into(extras, o);
    return o;
  }
}
