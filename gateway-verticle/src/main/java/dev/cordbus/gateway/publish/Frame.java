package dev.cordbus.gateway.publish;

import java.util.Map;

/**
 * One decoded gateway frame (GATEWAY.md §2), parsed once. For dispatches {@code t} is a valid event name and
 * {@code s} a valid sequence; {@code d} is whatever the frame carried (a {@code Map} for objects).
 *
 * @param op the opcode
 * @param s the sequence number, or -1 when absent/null
 * @param t the event name, or null
 * @param d the payload: {@code Map<String,Object>}, {@code List}, String, Number, Boolean or null
 * @param text the frame as received (JSON text)
 */
public record Frame(int op, long s, String t, Object d, String text) {

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

  /** {@code d} as a map when it is a JSON object, else null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> dObject() {
    return d instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }
}
