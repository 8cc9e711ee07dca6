package dev.cordbus.state.cache;

import dev.cordbus.state.store.Extras;
import dev.cordbus.state.store.Hashes;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Interner;
import dev.cordbus.state.store.Text;
import dev.cordbus.state.store.Timestamps;
import io.vertx.core.json.JsonArray;
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
  public void merge(JsonObject m, Interner strings) {
    if (m.containsKey("nick")) {
      nick = Text.update(nick, m.getString("nick"));
    }
    if (m.containsKey("avatar")) {
      avatar = Hashes.update(avatar, m.getString("avatar"));
    }
    if (m.containsKey("banner")) {
      banner = Hashes.update(banner, m.getString("banner"));
    }
    if (m.getValue("roles") instanceof JsonArray a) {
      long[] parsed = Ids.array(a);
      if (!Arrays.equals(parsed, roles)) {
        roles = strings.ids(parsed);
      }
    }
    if (m.containsKey("joined_at")) {
      joinedAt = Timestamps.parse(m.getValue("joined_at"));
    }
    if (m.containsKey("premium_since")) {
      premiumSince = Timestamps.parse(m.getValue("premium_since"));
    }
    if (m.containsKey("communication_disabled_until")) {
      communicationDisabledUntil = strings.intern(m.getString("communication_disabled_until"));
    }
    if (m.getValue("flags") instanceof Number n) {
      flags = n.intValue();
    }
    bits = bit(m, "deaf", DEAF);
    bits = bit(m, "mute", MUTE);
    bits = bit(m, "pending", PENDING);
    extras = Extras.merge(extras, m, KNOWN);
  }

  private byte bit(JsonObject m, String key, int mask) {
    if (!m.containsKey(key)) {
      return bits;
    }
    return (byte) (Boolean.TRUE.equals(m.getValue(key)) ? bits | mask : bits & ~mask);
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
