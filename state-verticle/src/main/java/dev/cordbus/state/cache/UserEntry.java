package dev.cordbus.state.cache;

import dev.cordbus.state.store.Extras;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Packed;
import dev.cordbus.state.store.Packed.Kind;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Set;

/**
 * One cached user, shared by every member object of that user across guilds (members point here instead of
 * holding a copy). 32 bytes: the id, the reference count and one {@link Packed} array holding the username,
 * discriminator, display name, avatar hash, public flags, bot/system bits and unmodelled keys (as JSON bytes).
 */
public final class UserEntry {

  static final Set<String> KNOWN =
      Set.of("id", "username", "discriminator", "global_name", "avatar", "bot", "system", "public_flags");

  private static final int USERNAME = 0;
  private static final int DISCRIMINATOR = 1;
  private static final int GLOBAL_NAME = 2;
  private static final int AVATAR = 3;
  private static final int PUBLIC_FLAGS = 4;
  /** bit 0 bot, bit 1 system; absent when both are false. */
  private static final int BITS = 5;
  private static final int EXTRAS = 6;
  private static final Kind[] KINDS =
      {Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.HASH, Kind.NUMBER, Kind.NUMBER, Kind.BYTES};

  /** Snowflake. */
  public final long id;
  /** How many member objects (and the self reference) point here; at 0 the user is dropped. */
  int refs;
  /** Every other field, {@link Packed} (never null once a username is known). Replaced, never written. */
  private byte[] packed;

  UserEntry(long id) {
    this.id = id;
  }

  /** Merges the keys present in a user object; stores nothing new when nothing changed. */
  public void apply(UserPatch u) {
    long bits = Packed.number(packed, KINDS, BITS, 0);
    long newBits = bits;
    if (u.has(UserPatch.BOT)) {
      newBits = u.bot ? newBits | 1 : newBits & ~1;
    }
    if (u.has(UserPatch.SYSTEM)) {
      newBits = u.system ? newBits | 2 : newBits & ~2;
    }
    byte[] extras = u.extras == null ? null : Extras.merge(Packed.bytes(packed, KINDS, EXTRAS), u.extras, KNOWN);
    boolean same = newBits == bits
        && (!u.has(UserPatch.USERNAME) || u.sameText(UserPatch.USERNAME, packed, KINDS, USERNAME))
        && (!u.has(UserPatch.DISCRIMINATOR) || u.sameText(UserPatch.DISCRIMINATOR, packed, KINDS, DISCRIMINATOR))
        && (!u.has(UserPatch.GLOBAL_NAME) || u.sameText(UserPatch.GLOBAL_NAME, packed, KINDS, GLOBAL_NAME))
        && (!u.has(UserPatch.AVATAR) || u.sameText(UserPatch.AVATAR, packed, KINDS, AVATAR))
        && (!u.has(UserPatch.PUBLIC_FLAGS) || Packed.number(packed, KINDS, PUBLIC_FLAGS, 0) == u.publicFlags)
        && (u.extras == null || Arrays.equals(extras, Packed.bytes(packed, KINDS, EXTRAS)));
    if (same) {
      return;
    }
    Object[] v = Packed.unpack(packed, KINDS);
    if (u.has(UserPatch.USERNAME)) {
      v[USERNAME] = u.text(UserPatch.USERNAME);
    }
    if (u.has(UserPatch.DISCRIMINATOR)) {
      v[DISCRIMINATOR] = u.text(UserPatch.DISCRIMINATOR);
    }
    if (u.has(UserPatch.GLOBAL_NAME)) {
      v[GLOBAL_NAME] = u.text(UserPatch.GLOBAL_NAME);
    }
    if (u.has(UserPatch.AVATAR)) {
      v[AVATAR] = u.text(UserPatch.AVATAR);
    }
    if (u.has(UserPatch.PUBLIC_FLAGS)) {
      v[PUBLIC_FLAGS] = u.publicFlags == 0 ? null : (long) u.publicFlags;
    }
    v[BITS] = newBits == 0 ? null : newBits;
    if (u.extras != null) {
      v[EXTRAS] = extras;
    }
    packed = Packed.pack(v, KINDS);
  }

  /**
   * The user as it is now, detached from the store: it shares the packed array, which an update replaces and never
   * writes, so later updates do not show in it. For before/after events that render JSON only when read.
   */
  public UserEntry snapshot() {
    UserEntry s = new UserEntry(id);
    s.packed = packed;
    return s;
  }

  /** Whether {@code other} renders the same {@link #toJson()} (compares the fields, builds no JSON when equal). */
  public boolean sameJson(UserEntry other) {
    return id == other.id && Packed.sameJson(packed, other.packed, KINDS);
  }

  /** The user as Discord's user object. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject()
        .put("id", Ids.str(id))
        .put("username", Packed.text(packed, KINDS, USERNAME))
        .put("discriminator", Packed.text(packed, KINDS, DISCRIMINATOR))
        .put("global_name", Packed.text(packed, KINDS, GLOBAL_NAME))
        .put("avatar", Packed.text(packed, KINDS, AVATAR))
        .put("public_flags", (int) Packed.number(packed, KINDS, PUBLIC_FLAGS, 0));
    long bits = Packed.number(packed, KINDS, BITS, 0);
    if ((bits & 1) != 0) {
      o.put("bot", true);
    }
    if ((bits & 2) != 0) {
      o.put("system", true);
    }
    Extras.into(Packed.bytes(packed, KINDS, EXTRAS), o);
    return o;
  }

  /** The username (may be null for users only seen as partials). */
  public String username() {
    return Packed.text(packed, KINDS, USERNAME);
  }
}
