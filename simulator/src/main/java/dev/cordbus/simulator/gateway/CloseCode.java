package dev.cordbus.simulator.gateway;

/**
 * Gateway close codes the simulator sends (<a
 * href="https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes">close
 * event codes</a>), with whether the session survives the close (can still be resumed).
 */
public enum CloseCode {
  UNKNOWN_ERROR(4000, "Unknown error.", true),
  UNKNOWN_OPCODE(4001, "Unknown opcode.", true),
  DECODE_ERROR(4002, "Error while decoding payload.", true),
  NOT_AUTHENTICATED(4003, "Not authenticated.", true),
  AUTHENTICATION_FAILED(4004, "Authentication failed.", false),
  ALREADY_AUTHENTICATED(4005, "Already authenticated.", true),
  INVALID_SEQ(4007, "Invalid seq.", false),
  RATE_LIMITED(4008, "Rate limited.", true),
  /** Sent when heartbeats stop; the session stays resumable for the resume window, as a dropped link does. */
  SESSION_TIMED_OUT(4009, "Session timed out.", true),
  INVALID_SHARD(4010, "Invalid shard.", false),
  SHARDING_REQUIRED(4011, "Sharding required.", false),
  INVALID_API_VERSION(4012, "Invalid API version.", false),
  INVALID_INTENTS(4013, "Invalid intent(s).", false),
  DISALLOWED_INTENTS(4014, "Disallowed intent(s).", false);

  private final int code;
  private final String reason;
  private final boolean sessionSurvives;

  CloseCode(int code, String reason, boolean sessionSurvives) {
    this.code = code;
    this.reason = reason;
    this.sessionSurvives = sessionSurvives;
  }

  public int code() {
    return code;
  }

  /** Discord's reason text. */
  public String reason() {
    return reason;
  }

  /** Whether a session closed with this code by the server can still be resumed. */
  public boolean sessionSurvives() {
    return sessionSurvives;
  }

  /**
   * Whether a server-side close with an arbitrary {@code code} keeps the session resumable: the non-resumable 40xx
   * codes end it, everything else (1000, 1001, 4000...) keeps it.
   */
  public static boolean serverCloseKeepsSession(int code) {
    for (CloseCode c : values()) {
      if (c.code == code) {
        return c.sessionSurvives;
      }
    }
    return true;
  }

  /**
   * Whether a client-side close with {@code code} keeps the session: 1000 and 1001 end it (the bot goes offline), any
   * other code or a dropped TCP connection keeps it (GATEWAY.md §6).
   */
  public static boolean clientCloseKeepsSession(Integer code) {
    return code == null || (code != 1000 && code != 1001);
  }
}
