package dev.cordbus.state.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonRead;
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

  /** Reads the object at the parser's current START_OBJECT (a slice of {@code array} starting at {@code base}). */
  public static MemberPatch read(JsonParser p, byte[] array, int base) throws IOException {
    MemberPatch m = new MemberPatch();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      m.field(key, p, array, base);
    }
    return m;
  }

  /**
   * Reads one field of a member object at its value; false when the key is not a member key the cache keeps
   * (the caller then skips or reads it). {@code guild_id}, {@code permissions} and unknown keys are taken too.
   */
  void field(String key, JsonParser p, byte[] array, int base) throws IOException {
    switch (key) {
      case "user" -> user = p.currentToken() == JsonToken.START_OBJECT ? UserPatch.read(p, array, base) : skip(p);
      case "guild_id" -> guildId = JsonRead.id(p);
      case "permissions" -> p.skipChildren();
      case "nick" -> {
        nick = JsonRead.string(p);
        present |= NICK;
      }
      case "avatar" -> {
        avatar = JsonRead.string(p);
        present |= AVATAR;
      }
      case "banner" -> {
        banner = JsonRead.string(p);
        present |= BANNER;
      }
      case "roles" -> {
        roles = JsonRead.ids(p);
        if (roles != null) {
          present |= ROLES;
        }
      }
      case "joined_at" -> {
        joinedAt = Timestamps.parse(JsonRead.value(p, array, base));
        present |= JOINED_AT;
      }
      case "premium_since" -> {
        premiumSince = Timestamps.parse(JsonRead.value(p, array, base));
        present |= PREMIUM_SINCE;
      }
      case "communication_disabled_until" -> {
        disabledUntil = JsonRead.string(p);
        present |= DISABLED_UNTIL;
      }
      case "flags" -> {
        if (JsonRead.isNumber(p)) {
          flags = p.getNumberValue().intValue();
          present |= FLAGS;
        } else {
          p.skipChildren();
        }
      }
      case "deaf" -> deaf = bool(p, DEAF);
      case "mute" -> mute = bool(p, MUTE);
      case "pending" -> pending = bool(p, PENDING);
      default -> {
        Object v = JsonRead.value(p, array, base);
        if (extras == null) {
          extras = new JsonObject();
        }
        extras.put(key, v);
      }
    }
  }

  private static UserPatch skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private boolean bool(JsonParser p, int bit) throws IOException {
    present |= bit;
    boolean v = p.currentToken() == JsonToken.VALUE_TRUE;
    p.skipChildren();
    return v;
  }

  /** The patch of a member tree. */
  public static MemberPatch of(JsonObject member) {
    byte[] b = JsonBytes.encode(member);
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
}
