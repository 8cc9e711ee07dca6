package dev.cordbus.state.cache;

import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.JsonCursor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A member's presence in one guild: status and per-platform client status packed in two bytes, activities as a
 * JSON blob (null when none, which is the common case). Immutable: a presence without activities is one of a few
 * thousand possible values, so {@link #of(PresencePatch)} shares one instance per value instead of 24 bytes per
 * member.
 */
public final class PresenceEntry {

  /** Presence statuses, in wire spelling. */
  public enum Status {
    OFFLINE, ONLINE, IDLE, DND, INVISIBLE;

    private static final Status[] ALL = values();
    private static final String[] WIRE =
        java.util.Arrays.stream(ALL).map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);

    /** The wire name. */
    public String wire() {
      return WIRE[ordinal()];
    }

    /** Parses a wire status; unknown → OFFLINE. */
    public static Status parse(Object v) {
      if (v instanceof String s) {
        for (int i = 0; i < WIRE.length; i++) {
          if (WIRE[i].equals(s)) {
            return ALL[i];
          }
        }
      }
      return OFFLINE;
    }
  }

  /** An offline presence with nothing else (a member cached without a presence). */
  public static final PresenceEntry OFFLINE = new PresenceEntry(new JsonObject().put("status", "offline"));

  private static final String[] PLATFORMS = {"desktop", "mobile", "web", "vr"};
  /** The shared presences without activities, by {@code status << 16 | clientStatus} (at most 5 x 6^4 values). */
  private static final ConcurrentHashMap<Integer, PresenceEntry> SHARED = new ConcurrentHashMap<>();
  /** Platform present flag (bit 3) + status (bits 0-2), 4 bits per platform. */
  private final short clientStatus;
  private final byte status;
  /** The activities as received (a copy of the dispatch's slice, never written), null when none. */
  private final byte[] activities;

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

  /** The presence read from the wire: a shared instance when it has no activities. */
  public static PresenceEntry of(PresencePatch p) {
    if (p.activities != null) {
      return new PresenceEntry(p);
    }
    return SHARED.computeIfAbsent(p.status << 16 | (p.clientStatus & 0xFFFF), k -> new PresenceEntry(p));
  }

  /** The presence of a presence object: a shared instance when it has no activities. */
  public static PresenceEntry of(JsonObject p) {
    return of(PresencePatch.of(p));
  }

  /** The index of the client platform that is the cursor's current key, or -1. */
  static int platform(JsonCursor c) throws IOException {
    for (int i = 0; i < PLATFORMS.length; i++) {
      if (c.key(PLATFORMS[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The status. */
  public Status status() {
    return Status.values()[status];
  }

  /**
   * Whether {@code other} renders the same {@link #toJson} for the same user and guild: status, client status and
   * activities (as bytes, else as decoded JSON when the bytes differ).
   */
  public boolean sameJson(PresenceEntry other) {
    return status == other.status && clientStatus == other.clientStatus
        && (java.util.Arrays.equals(activities, other.activities)
            || Blob.array(activities).equals(Blob.array(other.activities)));
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
