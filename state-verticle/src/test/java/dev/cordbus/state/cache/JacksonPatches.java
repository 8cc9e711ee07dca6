package dev.cordbus.state.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordbus.state.store.JsonRead;
import dev.cordbus.state.store.Timestamps;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Arrays;

/**
 * The readers of users, members and presences as they were before {@code JsonCursor}: Jackson's streaming parser
 * over the bytes (test only). The reference the cursor is compared with, value for value and error for error, in
 * {@code CursorParityTest}, and the "before" of {@code ReadProbe}'s figures. {@link #describe} prints every field of a
 * patch so two readings compare as strings.
 */
public final class JacksonPatches {

  private JacksonPatches() {
  }

  /** The user at the parser's current START_OBJECT. */
  public static UserPatch user(JsonParser p, byte[] array, int base) throws IOException {
    UserPatch u = new UserPatch();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      u.size++;
      switch (key) {
        case "id" -> u.id = id(p);
        case "username" -> {
          u.string(UserPatch.USERNAME, string(p));
          u.present |= UserPatch.USERNAME;
        }
        case "discriminator" -> {
          u.string(UserPatch.DISCRIMINATOR, string(p));
          u.present |= UserPatch.DISCRIMINATOR;
        }
        case "global_name" -> {
          u.string(UserPatch.GLOBAL_NAME, string(p));
          u.present |= UserPatch.GLOBAL_NAME;
        }
        case "avatar" -> {
          u.string(UserPatch.AVATAR, string(p));
          u.present |= UserPatch.AVATAR;
        }
        case "public_flags" -> {
          if (isNumber(p)) {
            u.publicFlags = p.getNumberValue().intValue();
            u.present |= UserPatch.PUBLIC_FLAGS;
          } else {
            p.skipChildren();
          }
        }
        case "bot" -> {
          u.bot = p.currentToken() == JsonToken.VALUE_TRUE;
          p.skipChildren();
          u.present |= UserPatch.BOT;
        }
        case "system" -> {
          u.system = p.currentToken() == JsonToken.VALUE_TRUE;
          p.skipChildren();
          u.present |= UserPatch.SYSTEM;
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

  /** The member at the parser's current START_OBJECT. */
  public static MemberPatch member(JsonParser p, byte[] array, int base) throws IOException {
    MemberPatch m = new MemberPatch();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "user" -> {
          if (p.currentToken() == JsonToken.START_OBJECT) {
            m.user = user(p, array, base);
          } else {
            m.user = null;
            p.skipChildren();
          }
        }
        case "guild_id" -> m.guildId = id(p);
        case "permissions" -> p.skipChildren();
        case "nick" -> {
          m.string(MemberPatch.NICK, string(p));
          m.present |= MemberPatch.NICK;
        }
        case "avatar" -> {
          m.string(MemberPatch.AVATAR, string(p));
          m.present |= MemberPatch.AVATAR;
        }
        case "banner" -> {
          m.string(MemberPatch.BANNER, string(p));
          m.present |= MemberPatch.BANNER;
        }
        case "roles" -> {
          m.roles = ids(p);
          if (m.roles != null) {
            m.present |= MemberPatch.ROLES;
          }
        }
        case "joined_at" -> {
          m.joinedAt = Timestamps.parse(JsonRead.value(p, array, base));
          m.present |= MemberPatch.JOINED_AT;
        }
        case "premium_since" -> {
          m.premiumSince = Timestamps.parse(JsonRead.value(p, array, base));
          m.present |= MemberPatch.PREMIUM_SINCE;
        }
        case "communication_disabled_until" -> {
          m.string(MemberPatch.DISABLED_UNTIL, string(p));
          m.present |= MemberPatch.DISABLED_UNTIL;
        }
        case "flags" -> {
          if (isNumber(p)) {
            m.flags = p.getNumberValue().intValue();
            m.present |= MemberPatch.FLAGS;
          } else {
            p.skipChildren();
          }
        }
        case "deaf" -> m.deaf = bool(m, p, MemberPatch.DEAF);
        case "mute" -> m.mute = bool(m, p, MemberPatch.MUTE);
        case "pending" -> m.pending = bool(m, p, MemberPatch.PENDING);
        default -> {
          Object v = JsonRead.value(p, array, base);
          if (m.extras == null) {
            m.extras = new JsonObject();
          }
          m.extras.put(key, v);
        }
      }
    }
    return m;
  }

  private static boolean bool(MemberPatch m, JsonParser p, int bit) throws IOException {
    m.present |= bit;
    boolean v = p.currentToken() == JsonToken.VALUE_TRUE;
    p.skipChildren();
    return v;
  }

  /** The presence at the parser's current START_OBJECT. */
  public static PresencePatch presence(JsonParser p, byte[] array, int base) throws IOException {
    PresencePatch pr = new PresencePatch();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      switch (key) {
        case "user" -> {
          if (t == JsonToken.START_OBJECT) {
            pr.user = user(p, array, base);
          } else {
            p.skipChildren();
          }
        }
        case "guild_id" -> pr.guildId = id(p);
        case "status" -> pr.status = (byte) PresenceEntry.Status.parse(string(p)).ordinal();
        case "activities" -> {
          if (t == JsonToken.START_ARRAY) {
            int from = JsonRead.start(p, base);
            int to = JsonRead.skip(p, base);
            pr.activities = empty(array, from, to) ? null : Arrays.copyOfRange(array, from, to);
          } else {
            pr.activities = null;
            p.skipChildren();
          }
        }
        case "client_status" -> {
          if (t == JsonToken.START_OBJECT) {
            pr.clientStatus = clientStatus(p);
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return pr;
  }

  private static boolean empty(byte[] a, int from, int to) {
    for (int i = from + 1; i < to - 1; i++) {
      if (a[i] != ' ' && a[i] != '\n' && a[i] != '\r' && a[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static final String[] PLATFORMS = {"desktop", "mobile", "web", "vr"};

  private static short clientStatus(JsonParser p) throws IOException {
    short packed = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String platform = p.currentName();
      JsonToken t = p.nextToken();
      int i = Arrays.asList(PLATFORMS).indexOf(platform);
      if (i >= 0 && t != JsonToken.VALUE_NULL) {
        String s = t == JsonToken.VALUE_STRING ? p.getText() : null;
        packed &= (short) ~(0xF << (4 * i));
        packed |= (short) ((8 | PresenceEntry.Status.parse(s).ordinal()) << (4 * i));
      }
      p.skipChildren();
    }
    return packed;
  }

  /** The current value when it is a string, else null (a container is skipped). */
  private static String string(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** The current value as a snowflake (a string or a number, as {@code Ids.parse}), else 0. */
  private static long id(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return dev.cordbus.state.store.Ids.parse(p.getText());
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getNumberValue().longValue();
    }
    p.skipChildren();
    return 0;
  }

  /** The current value as an id array (malformed ids skipped, as {@code Ids.array}), or null when not an array. */
  private static long[] ids(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    long[] out = new long[8];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long id = id(p);
      if (id != 0) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = id;
      }
    }
    return n == 0 ? dev.cordbus.state.store.Ids.EMPTY : Arrays.copyOf(out, n);
  }

  /** Whether the current token is a number. */
  private static boolean isNumber(JsonParser p) {
    return p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT;
  }

  /** Every field of a user patch, or "null". */
  public static String describe(UserPatch u) {
    if (u == null) {
      return "null";
    }
    return "user{id=" + u.id + " size=" + u.size + " present=" + u.present
        + " username=" + u.text(UserPatch.USERNAME) + " discriminator=" + u.text(UserPatch.DISCRIMINATOR)
        + " globalName=" + u.text(UserPatch.GLOBAL_NAME) + " avatar=" + u.text(UserPatch.AVATAR)
        + " publicFlags=" + u.publicFlags + " bot=" + u.bot + " system=" + u.system + " extras=" + extras(u.extras)
        + "}";
  }

  /** Every field of a member patch (its user included), or "null". */
  public static String describe(MemberPatch m) {
    if (m == null) {
      return "null";
    }
    return "member{user=" + describe(m.user) + " guildId=" + m.guildId + " present=" + m.present
        + " nick=" + m.text(MemberPatch.NICK) + " avatar=" + m.text(MemberPatch.AVATAR)
        + " banner=" + m.text(MemberPatch.BANNER) + " roles=" + Arrays.toString(m.roles) + " joinedAt=" + m.joinedAt
        + " premiumSince=" + m.premiumSince + " disabledUntil=" + m.text(MemberPatch.DISABLED_UNTIL)
        + " flags=" + m.flags + " deaf=" + m.deaf + " mute=" + m.mute + " pending=" + m.pending
        + " extras=" + extras(m.extras) + "}";
  }

  /** Every field of a presence patch (its user included), or "null". */
  public static String describe(PresencePatch p) {
    if (p == null) {
      return "null";
    }
    return "presence{user=" + describe(p.user) + " guildId=" + p.guildId + " status=" + p.status + " clientStatus="
        + p.clientStatus + " activities=" + (p.activities == null ? "null" : Arrays.toString(p.activities)) + "}";
  }

  /** Extras with the Java type of every value, so that 1 (Integer) and 1 (Long) differ. */
  private static String extras(JsonObject extras) {
    if (extras == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("{");
    extras.forEach(e -> b.append(e.getKey()).append('=').append(typed(e.getValue())).append(';'));
    return b.append('}').toString();
  }

  private static String typed(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
  }
}
