package dev.cordbus.state.cache;

import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonCursor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fields of one user object as read from the wire (only the keys present), applied to a {@link UserEntry} by
 * {@link UserEntry#apply}. Read with a {@link JsonCursor}; a tree is turned into bytes first, so both paths apply
 * exactly the same way. Unmodelled keys are kept in {@link #extras}.
 */
public final class UserPatch {

  static final int USERNAME = 1;
  static final int DISCRIMINATOR = 2;
  static final int GLOBAL_NAME = 4;
  static final int AVATAR = 8;
  static final int PUBLIC_FLAGS = 16;
  static final int BOT = 32;
  static final int SYSTEM = 64;

  /** Snowflake, 0 when absent or malformed. */
  public long id;
  /** Number of keys the object had. */
  public int size;
  int present;
  String username;
  String discriminator;
  String globalName;
  String avatar;
  int publicFlags;
  boolean bot;
  boolean system;
  /** Keys not modelled, or null. */
  JsonObject extras;

  /** Reads the object that is the cursor's next value (the caller checked it is an object). */
  public static UserPatch read(JsonCursor c) throws IOException {
    UserPatch u = new UserPatch();
    c.enter();
    while (c.nextKey()) {
      u.size++;
      if (c.key("id")) {
        u.id = c.id();
      } else if (c.key("username")) {
        u.username = c.text();
        u.present |= USERNAME;
      } else if (c.key("discriminator")) {
        u.discriminator = c.text();
        u.present |= DISCRIMINATOR;
      } else if (c.key("global_name")) {
        u.globalName = c.text();
        u.present |= GLOBAL_NAME;
      } else if (c.key("avatar")) {
        u.avatar = c.text();
        u.present |= AVATAR;
      } else if (c.key("public_flags")) {
        if (c.kind() == JsonCursor.NUMBER) {
          u.publicFlags = c.intValue();
          u.present |= PUBLIC_FLAGS;
        } else {
          c.skip();
        }
      } else if (c.key("bot")) {
        u.bot = c.bool();
        u.present |= BOT;
      } else if (c.key("system")) {
        u.system = c.bool();
        u.present |= SYSTEM;
      } else {
        String key = c.key();
        Object v = c.value();
        if (u.extras == null) {
          u.extras = new JsonObject();
        }
        u.extras.put(key, v);
      }
    }
    return u;
  }

  /** The patch of a user tree (null stays null). */
  public static UserPatch of(JsonObject user) {
    if (user == null) {
      return null;
    }
    byte[] b = JsonBytes.encode(user);
    try {
      return read(new JsonCursor(b, 0, b.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean has(int bit) {
    return (present & bit) != 0;
  }

  /** The value of an unmodelled key, or null. */
  public Object extra(String key) {
    return extras == null ? null : extras.getValue(key);
  }
}
