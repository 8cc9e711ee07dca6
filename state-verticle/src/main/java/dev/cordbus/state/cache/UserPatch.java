package dev.cordbus.state.cache;

import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.KeyNames;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fields of one user object as read from the wire (only the keys present), applied to a {@link UserEntry} by
 * {@link UserEntry#apply}. Read with a {@link JsonCursor}; a tree is turned into bytes first, so both paths apply
 * exactly the same way. Unmodelled keys are kept in {@link #extras}.
 */
public final class UserPatch extends PatchTexts {

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
  int publicFlags;
  boolean bot;
  boolean system;
  /** Keys not modelled, or null. */
  JsonObject extras;

  /**
   * The keys {@link #read} reads, in the order of their bits in {@link #present} ({@code USERNAME} is {@code 1 << 0}
   * ... {@code SYSTEM} is {@code 1 << 6}), then {@code id}.
   */
  private static final KeyNames KEYS = KeyNames.of("username", "discriminator", "global_name", "avatar",
      "public_flags", "bot", "system", "id");
  private static final int ID_KEY = 7;

  /**
   * Reads the object that is the cursor's next value (the caller checked it is an object): one reader call per kind of
   * value (see {@link KeyNames}).
   */
  public static UserPatch read(JsonCursor c) throws IOException {
    UserPatch u = new UserPatch();
    u.src = c.array();
    c.enter();
    while (c.nextKey()) {
      u.size++;
      int k = c.key(KEYS);
      switch (k) {
        case 0, 1, 2, 3 -> {
          u.span(1 << k, c.textSpan());
          u.present |= 1 << k;
        }
        case 4 -> {
          if (c.kind() == JsonCursor.NUMBER) {
            u.publicFlags = c.intValue();
            u.present |= PUBLIC_FLAGS;
          } else {
            c.skip();
          }
        }
        case 5, 6 -> {
          boolean value = c.bool();
          if (k == 5) {
            u.bot = value;
          } else {
            u.system = value;
          }
          u.present |= 1 << k;
        }
        case ID_KEY -> u.id = c.id();
        default -> {
          String key = c.key();
          Object v = c.value();
          if (u.extras == null) {
            u.extras = new JsonObject();
          }
          u.extras.put(key, v);
        }
      }
    }
    return u;
  }

  @Override
  int slot(int field) {
    return switch (field) {
      case USERNAME -> 0;
      case DISCRIMINATOR -> 1;
      case GLOBAL_NAME -> 2;
      default -> 3;
    };
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
