package dev.cordbus.state.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonRead;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A presence object as read from the wire: its user (a {@link UserPatch}), {@code guild_id}, the status and client
 * status packed as {@link PresenceEntry} keeps them, and the activities as the bytes received (null when none).
 */
public final class PresencePatch {

  /** The {@code user} object, or null. */
  public UserPatch user;
  /** {@code guild_id}, or 0. */
  public long guildId;
  byte status;
  short clientStatus;
  byte[] activities;

  /** Reads the object at the parser's current START_OBJECT (a slice of {@code array} starting at {@code base}). */
  public static PresencePatch read(JsonParser p, byte[] array, int base) throws IOException {
    PresencePatch pr = new PresencePatch();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      switch (key) {
        case "user" -> {
          if (t == JsonToken.START_OBJECT) {
            pr.user = UserPatch.read(p, array, base);
          } else {
            p.skipChildren();
          }
        }
        case "guild_id" -> pr.guildId = JsonRead.id(p);
        case "status" -> pr.status = (byte) PresenceEntry.Status.parse(JsonRead.string(p)).ordinal();
        case "activities" -> {
          if (t == JsonToken.START_ARRAY) {
            int from = JsonRead.start(p, base);
            int to = JsonRead.skip(p, base);
            pr.activities = isEmptyArray(array, from, to) ? null : Arrays.copyOfRange(array, from, to);
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

  private static boolean isEmptyArray(byte[] a, int from, int to) {
    for (int i = from + 1; i < to - 1; i++) {
      if (a[i] != ' ' && a[i] != '\n' && a[i] != '\r' && a[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static short clientStatus(JsonParser p) throws IOException {
    short packed = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String platform = p.currentName();
      JsonToken t = p.nextToken();
      int i = PresenceEntry.platform(platform);
      if (i >= 0 && t != JsonToken.VALUE_NULL) {
        String s = t == JsonToken.VALUE_STRING ? p.getText() : null;
        packed &= (short) ~(0xF << (4 * i));
        packed |= (short) ((8 | PresenceEntry.Status.parse(s).ordinal()) << (4 * i));
      }
      p.skipChildren();
    }
    return packed;
  }

  /** The patch of a presence tree. */
  public static PresencePatch of(JsonObject presence) {
    byte[] b = JsonBytes.encode(presence);
    try (JsonParser p = JsonRead.parser(b, 0, b.length)) {
      p.nextToken();
      return read(p, b, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
