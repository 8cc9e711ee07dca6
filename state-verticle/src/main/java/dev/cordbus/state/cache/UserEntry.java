package dev.cordbus.state.cache;

import dev.cordbus.state.store.Extras;
import dev.cordbus.state.store.Hashes;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Interner;
import dev.cordbus.state.store.Text;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * One cached user, shared by every member object of that user across guilds (members point here instead of
 * holding a copy). Unmodelled keys live in {@link #extras}.
 */
public final class UserEntry {

  static final Set<String> KNOWN =
      Set.of("id", "username", "discriminator", "global_name", "avatar", "bot", "system", "public_flags");

  /** Snowflake. */
  public final long id;
  /** Username, {@link Text}-packed. */
  private Object username;
  private String discriminator;
  /** Display name, {@link Text}-packed. */
  private Object globalName;
  /** Avatar hash, compacted by {@link Hashes}. */
  private Object avatar;
  private int publicFlags;
  /** bit 0 bot, bit 1 system. */
  private byte bits;
  private byte[] extras;
  /** How many member objects (and the self reference) point here; at 0 the user is dropped. */
  int refs;

  UserEntry(long id) {
    this.id = id;
  }

  /** Merges the keys present in a user object. */
  public void apply(UserPatch u, Interner strings) {
    if (u.has(UserPatch.USERNAME)) {
      username = Text.update(username, u.username);
    }
    if (u.has(UserPatch.DISCRIMINATOR)) {
      discriminator = strings.intern(u.discriminator);
    }
    if (u.has(UserPatch.GLOBAL_NAME)) {
      globalName = Text.update(globalName, u.globalName);
    }
    if (u.has(UserPatch.AVATAR)) {
      avatar = Hashes.update(avatar, u.avatar);
    }
    if (u.has(UserPatch.PUBLIC_FLAGS)) {
      publicFlags = u.publicFlags;
    }
    if (u.has(UserPatch.BOT)) {
      bits = (byte) (u.bot ? bits | 1 : bits & ~1);
    }
    if (u.has(UserPatch.SYSTEM)) {
      bits = (byte) (u.system ? bits | 2 : bits & ~2);
    }
    if (u.extras != null) {
      extras = Extras.merge(extras, u.extras, KNOWN);
    }
  }

  /** The user as Discord's user object. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject()
        .put("id", Ids.str(id))
        .put("username", Text.unpack(username))
        .put("discriminator", discriminator)
        .put("global_name", Text.unpack(globalName))
        .put("avatar", Hashes.expand(avatar))
        .put("public_flags", publicFlags);
    if ((bits & 1) != 0) {
      o.put("bot", true);
    }
    if ((bits & 2) != 0) {
      o.put("system", true);
    }
    Extras.into(extras, o);
    return o;
  }

  /** The username (may be null for users only seen as partials). */
  public String username() {
    return Text.unpack(username);
  }
}
