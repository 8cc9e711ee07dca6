package dev.cordbus.state.cache;

import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import io.vertx.core.json.JsonObject;

/**
 * A member's presence in one guild: status and per-platform client status packed in two bytes, activities as a
 * JSON blob (null when none, which is the common case).
 */
public final class PresenceEntry {

  /** Presence statuses, in wire spelling. */
  public enum Status {
    OFFLINE, ONLINE, IDLE, DND, INVISIBLE;

    /** The wire name. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire status; unknown → OFFLINE. */
    public static Status parse(Object v) {
      if (v instanceof String s) {
        for (Status st : values()) {
          if (st.wire().equals(s)) {
            return st;
          }
        }
      }
      return OFFLINE;
    }
  }

  /** An offline presence with nothing else (a member cached without a presence). */
  public static final PresenceEntry OFFLINE = new PresenceEntry(new JsonObject().put("status", "offline"));

  private static final String[] PLATFORMS = {"desktop", "mobile", "web", "vr"};
  /** Platform present flag (bit 3) + status (bits 0-2), 4 bits per platform. */
  private short clientStatus;
  private byte status;
  private byte[] activities;

  /** A presence from a presence object. */
  public PresenceEntry(JsonObject p) {
    this(PresencePatch.of(p));
  }

  /** A presence from a presence read from the wire. */
  public PresenceEntry(PresencePatch p) {
    status = p.status;
    activities = p.activities;
    clientStatus = p.clientStatus;
  }

  /** The index of a client platform, or -1. */
  static int platform(String name) {
    for (int i = 0; i < PLATFORMS.length; i++) {
      if (PLATFORMS[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The status. */
  public Status status() {
    return Status.values()[status];
  }

  /** The presence as Discord's presence object. */
  public JsonObject toJson(long userId, long guildId) {
    JsonObject cs = new JsonObject();
    for (int i = 0; i < PLATFORMS.length; i++) {
      int v = (clientStatus >> (4 * i)) & 0xF;
      if ((v & 8) != 0) {
        cs.put(PLATFORMS[i], Status.values()[v & 7].wire());
      }
    }
    return new JsonObject()
        .put("user", new JsonObject().put("id", Ids.str(userId)))
        .put("guild_id", Ids.str(guildId))
        .put("status", status().wire())
        .put("activities", Blob.array(activities))
        .put("client_status", cs);
  }
}
