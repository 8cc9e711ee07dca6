package dev.cordbus.state.cache;

import dev.cordbus.state.store.Extras;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Interner;
import dev.cordbus.state.store.Packed;
import dev.cordbus.state.store.Packed.Kind;
import dev.cordbus.state.store.Timestamps;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Set;

/**
 * One guild member, 32 bytes: a reference to the shared {@link UserEntry}, role ids as a {@code long[]} (shared
 * between members with the same roles by the {@link Interner}), the join time as epoch micros, and one
 * {@link Packed} array for the rest (nick, avatar, banner, boost time, timeout, flags, deaf/mute/pending and
 * unmodelled keys), null for the common member that has none of them.
 */
public final class MemberEntry {

  static final Set<String> KNOWN = Set.of("user", "nick", "avatar", "banner", "roles", "joined_at", "premium_since",
      "deaf", "mute", "flags", "pending", "communication_disabled_until", "guild_id", "permissions");

  private static final int DEAF = 1;
  private static final int MUTE = 2;
  private static final int PENDING = 4;

  private static final int NICK = 0;
  private static final int AVATAR = 1;
  private static final int BANNER = 2;
  private static final int PREMIUM_SINCE = 3;
  private static final int DISABLED_UNTIL = 4;
  private static final int FLAGS = 5;
  private static final int BITS = 6;
  private static final int EXTRAS = 7;
  private static final Kind[] KINDS = {Kind.TEXT, Kind.HASH, Kind.HASH, Kind.NUMBER, Kind.TEXT, Kind.NUMBER,
      Kind.NUMBER, Kind.BYTES};

  /** The shared user. */
  public final UserEntry user;
  /** Role ids (interned, shared): replaced on change, never written, so a {@link #snapshot()} may share it. */
  private long[] roles = Ids.EMPTY;
  private long joinedAt = Timestamps.NONE;
  /** The optional fields, {@link Packed}; null when all are absent, false or zero. Replaced, never written. */
  private byte[] packed;

  MemberEntry(UserEntry user) {
    this.user = user;
  }

  /** Merges the keys present in a member object (the {@code user} key is handled by the store). */
  public void apply(MemberPatch m, Interner strings) {
    if (m.has(MemberPatch.ROLES) && !Arrays.equals(m.roles, roles)) {
      roles = strings.ids(m.roles);
    }
    if (m.has(MemberPatch.JOINED_AT)) {
      joinedAt = m.joinedAt;
    }
    long bits = Packed.number(packed, KINDS, BITS, 0);
    long newBits = bit(m, MemberPatch.DEAF, m.deaf, DEAF, bit(m, MemberPatch.MUTE, m.mute, MUTE,
        bit(m, MemberPatch.PENDING, m.pending, PENDING, bits)));
    byte[] extras = m.extras == null ? null : Extras.merge(Packed.bytes(packed, KINDS, EXTRAS), m.extras, KNOWN);
    boolean same = newBits == bits
        && (!m.has(MemberPatch.NICK) || m.sameText(MemberPatch.NICK, packed, KINDS, NICK))
        && (!m.has(MemberPatch.AVATAR) || m.sameText(MemberPatch.AVATAR, packed, KINDS, AVATAR))
        && (!m.has(MemberPatch.BANNER) || m.sameText(MemberPatch.BANNER, packed, KINDS, BANNER))
        && (!m.has(MemberPatch.PREMIUM_SINCE)
            || Packed.number(packed, KINDS, PREMIUM_SINCE, Timestamps.NONE) == m.premiumSince)
        && (!m.has(MemberPatch.DISABLED_UNTIL) || m.sameText(MemberPatch.DISABLED_UNTIL, packed, KINDS, DISABLED_UNTIL))
        && (!m.has(MemberPatch.FLAGS) || Packed.number(packed, KINDS, FLAGS, 0) == m.flags)
        && (m.extras == null || Arrays.equals(extras, Packed.bytes(packed, KINDS, EXTRAS)));
    if (same) {
      return;
    }
    Object[] v = Packed.unpack(packed, KINDS);
    if (m.has(MemberPatch.NICK)) {
      v[NICK] = m.text(MemberPatch.NICK);
    }
    if (m.has(MemberPatch.AVATAR)) {
      v[AVATAR] = m.text(MemberPatch.AVATAR);
    }
    if (m.has(MemberPatch.BANNER)) {
      v[BANNER] = m.text(MemberPatch.BANNER);
    }
    if (m.has(MemberPatch.PREMIUM_SINCE)) {
      v[PREMIUM_SINCE] = m.premiumSince == Timestamps.NONE ? null : m.premiumSince;
    }
    if (m.has(MemberPatch.DISABLED_UNTIL)) {
      v[DISABLED_UNTIL] = m.text(MemberPatch.DISABLED_UNTIL);
    }
    if (m.has(MemberPatch.FLAGS)) {
      v[FLAGS] = m.flags == 0 ? null : (long) m.flags;
    }
    v[BITS] = newBits == 0 ? null : newBits;
    if (m.extras != null) {
      v[EXTRAS] = extras;
    }
    packed = Packed.pack(v, KINDS);
  }

  private static long bit(MemberPatch m, int present, boolean value, int mask, long bits) {
    if (!m.has(present)) {
      return bits;
    }
    return value ? bits | mask : bits & ~mask;
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

  /**
   * The member and its user as they are now, detached from the store: the role and packed arrays are shared, since an
   * update replaces them and never writes into them, so later updates do not show in it. For before/after events
   * that render JSON only when read.
   */
  public MemberEntry snapshot() {
    MemberEntry s = new MemberEntry(user.snapshot());
    s.roles = roles;
    s.joinedAt = joinedAt;
    s.packed = packed;
    return s;
  }

  /**
   * Whether {@code other} renders the same {@link #toJson()}, user included: compares the fields (roles in order, as
   * the JSON array), builds no JSON when they are equal.
   */
  public boolean sameJson(MemberEntry other) {
    return joinedAt == other.joinedAt && Arrays.equals(roles, other.roles) && user.sameJson(other.user)
        && Packed.sameJson(packed, other.packed, KINDS);
  }

  /** The member as Discord's guild member object, with its {@code user}. */
  public JsonObject toJson() {
    long bits = Packed.number(packed, KINDS, BITS, 0);
    JsonObject o = new JsonObject()
        .put("user", user.toJson())
        .put("nick", Packed.text(packed, KINDS, NICK))
        .put("avatar", Packed.text(packed, KINDS, AVATAR))
        .put("banner", Packed.text(packed, KINDS, BANNER))
        .put("roles", Ids.json(roles))
        .put("joined_at", Timestamps.format(joinedAt))
        .put("premium_since", Timestamps.format(Packed.number(packed, KINDS, PREMIUM_SINCE, Timestamps.NONE)))
        .put("deaf", (bits & DEAF) != 0)
        .put("mute", (bits & MUTE) != 0)
        .put("flags", (int) Packed.number(packed, KINDS, FLAGS, 0))
        .put("pending", (bits & PENDING) != 0)
        .put("communication_disabled_until", Packed.text(packed, KINDS, DISABLED_UNTIL));
    Extras.into(Packed.bytes(packed, KINDS, EXTRAS), o);
    return o;
  }
}
