package dev.cordbus.state.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonRead;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fields of one user object as read from the wire (only the keys present), applied to a {@link UserEntry} by
 * {@link UserEntry#apply}. Read with the streaming parser; a tree is turned into bytes first, so both paths apply
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

  /** Reads the object at the parser's current START_OBJECT (a slice of {@code array} starting at {@code base}). */
  public static UserPatch read(JsonParser p, byte[] array, int base) throws IOException {
    UserPatch u = new UserPatch();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      u.size++;
      switch (key) {
        case "id" -> u.id = JsonRead.id(p);
        case "username" -> {
          u.username = JsonRead.string(p);
          u.present |= USERNAME;
        }
        case "discriminator" -> {
          u.discriminator = JsonRead.string(p);
          u.present |= DISCRIMINATOR;
        }
        case "global_name" -> {
          u.globalName = JsonRead.string(p);
          u.present |= GLOBAL_NAME;
        }
        case "avatar" -> {
          u.avatar = JsonRead.string(p);
          u.present |= AVATAR;
        }
        case "public_flags" -> {
          if (JsonRead.isNumber(p)) {
            u.publicFlags = p.getNumberValue().intValue();
            u.present |= PUBLIC_FLAGS;
          } else {
            p.skipChildren();
          }
        }
        case "bot" -> {
          u.bot = p.currentToken() == JsonToken.VALUE_TRUE;
          p.skipChildren();
          u.present |= BOT;
        }
        case "system" -> {
          u.system = p.currentToken() == JsonToken.VALUE_TRUE;
          p.skipChildren();
          u.present |= SYSTEM;
        }
        default -> {
          Object v = JsonRead.value(p, array, base);
          if (u.extras == null) {
            u.extras = new JsonObject();
          }
          u.extras.put(key, v);
        }
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
    try (JsonParser p = JsonRead.parser(b, 0, b.length)) {
      p.nextToken();
      return read(p, b, 0);
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
