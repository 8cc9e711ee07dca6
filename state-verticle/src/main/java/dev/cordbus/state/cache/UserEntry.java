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

  /** Merges the keys present in {@code u} (a full or partial user object). */
  public void merge(JsonObject u, Interner strings) {
    if (u.containsKey("username")) {
      username = Text.update(username, u.getString("username"));
    }
    if (u.containsKey("discriminator")) {
      discriminator = strings.intern(u.getString("discriminator"));
    }
    if (u.containsKey("global_name")) {
      globalName = Text.update(globalName, u.getString("global_name"));
    }
    if (u.containsKey("avatar")) {
      avatar = Hashes.update(avatar, u.getString("avatar"));
    }
    if (u.getValue("public_flags") instanceof Number n) {
      publicFlags = n.intValue();
    }
    if (u.containsKey("bot")) {
      bits = (byte) (Boolean.TRUE.equals(u.getValue("bot")) ? bits | 1 : bits & ~1);
    }
    if (u.containsKey("system")) {
      bits = (byte) (Boolean.TRUE.equals(u.getValue("system")) ? bits | 2 : bits & ~2);
    }
    extras = Extras.merge(extras, u, KNOWN);
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
