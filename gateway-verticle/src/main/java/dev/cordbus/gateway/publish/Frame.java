package dev.cordbus.gateway.publish;

import dev.cordbus.api.dispatch.DispatchBody;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One gateway frame (GATEWAY.md §2) as the gateway needs it: the envelope read with a streaming parser and, for a
 * dispatch whose {@code d} is an object, {@code d} kept as the received bytes ({@code bytes[dOffset .. dOffset +
 * dLength)}) with the guild id it names. Only non-dispatch frames (HELLO, INVALID_SESSION...) have {@code d} parsed.
 *
 * @param op the opcode
 * @param s the sequence number, or -1 when absent/null
 * @param t the event name, or null
 * @param d the parsed payload of a non-dispatch frame ({@code Map}, {@code List}, String, Number, Boolean or null);
 *     for a dispatch null when {@code d} is an object (see the bytes), else its odd value
 * @param guild for a dispatch, {@code d.guild_id} (or {@code d.id} for GUILD_CREATE/UPDATE/DELETE) as a string, or
 *     null
 * @param bytes the frame's UTF-8 bytes as received (never changed)
 * @param offset where the frame starts in {@code bytes}
 * @param length how many bytes the frame has
 * @param dOffset where a dispatch's object {@code d} starts in {@code bytes}, or -1
 * @param dLength how many bytes that {@code d} has, or 0
 * @param dMembers where the members of that {@code d} lie in {@code bytes}, four offsets each (the name between its
 *     quotes, never escaped, and the value), as the gateway's scan found them; null when the frame was read another
 *     way. Never changed.
 */
public record Frame(int op, long s, String t, Object d, String guild, byte[] bytes, int offset, int length,
    int dOffset, int dLength, int[] dMembers) {

  /** Dispatch. */
  public static final int DISPATCH = 0;
  /** Heartbeat (both directions). */
  public static final int HEARTBEAT = 1;
  /** Identify (sent). */
  public static final int IDENTIFY = 2;
  /** Presence update (sent). */
  public static final int PRESENCE_UPDATE = 3;
  /** Voice state update (sent). */
  public static final int VOICE_STATE_UPDATE = 4;
  /** Resume (sent). */
  public static final int RESUME = 6;
  /** Reconnect (received). */
  public static final int RECONNECT = 7;
  /** Request guild members (sent). */
  public static final int REQUEST_GUILD_MEMBERS = 8;
  /** Invalid session (received). */
  public static final int INVALID_SESSION = 9;
  /** Hello (received). */
  public static final int HELLO = 10;
  /** Heartbeat ACK (received). */
  public static final int HEARTBEAT_ACK = 11;

  /** Whether this is a dispatch whose {@code d} is a JSON object (kept as bytes). */
  public boolean hasObjectD() {
    return dOffset >= 0;
  }

  /**
   * {@code d} as a map when it is a JSON object, else null. For a dispatch this parses the bytes (each call): the
   * gateway itself only does so for READY.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> dObject() {
    if (d instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    return hasObjectD() ? DispatchBody.json(bytes, dOffset, dLength).getMap() : null;
  }

  /** The frame as text (decoded on each call; for raw publishing and messages). */
  public String text() {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }
}
