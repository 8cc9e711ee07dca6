package dev.cordbus.state.cache;

import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.KeyNames;
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

  private static final KeyNames KEYS = KeyNames.of("user", "guild_id", "status", "activities", "client_status");

  /** Reads the object that is the cursor's next value (the caller checked it is an object). */
  public static PresencePatch read(JsonCursor c) throws IOException {
    PresencePatch pr = new PresencePatch();
    c.enter();
    while (c.nextKey()) {
      int kind = c.kind();
      switch (c.key(KEYS)) {
        case 0 -> {
          if (kind == JsonCursor.OBJECT) {
            pr.user = UserPatch.read(c);
          } else {
            c.skip();
          }
        }
        case 1 -> pr.guildId = c.id();
        case 2 -> pr.status = (byte) PresenceEntry.Status.parse(c.text()).ordinal();
        case 3 -> {
          if (kind == JsonCursor.ARRAY) {
            byte[] a = c.array();
            int from = c.start();
            c.skip();
            int to = c.position();
            pr.activities = isEmptyArray(a, from, to) ? null : Arrays.copyOfRange(a, from, to);
          } else {
            pr.activities = null;
            c.skip();
          }
        }
        case 4 -> {
          if (kind == JsonCursor.OBJECT) {
            pr.clientStatus = clientStatus(c);
          } else {
            c.skip();
          }
        }
        default -> c.skip();
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

  private static short clientStatus(JsonCursor c) throws IOException {
    short packed = 0;
    c.enter();
    while (c.nextKey()) {
      int kind = c.kind();
      int i = PresenceEntry.platform(c);
      if (i >= 0 && kind != JsonCursor.NULL) {
        String s = c.text();
        packed &= (short) ~(0xF << (4 * i));
        packed |= (short) ((8 | PresenceEntry.Status.parse(s).ordinal()) << (4 * i));
      } else {
        c.skip();
      }
    }
    return packed;
  }

  /** The patch of a presence tree. */
  public static PresencePatch of(JsonObject presence) {
    byte[] b = JsonBytes.encode(presence);
    try {
      return read(new JsonCursor(b, 0, b.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
