package dev.cordbus.gateway.close;

import java.util.Optional;

/**
 * Gateway close codes and the action a shard takes after each, from one table:
 * <a href="https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes">
 * Gateway close event codes</a> (GATEWAY.md §7, fixtures/close_codes.json). Codes outside the table (1000, 1001,
 * 1006, unknown 4xxx) resume, see {@link #actionFor(int)}.
 */
public enum CloseCode {
  UNKNOWN_ERROR(4000, CloseAction.RESUME, "unknown error"),
  /** We sent an invalid opcode or d: a bug on our side, but the session is still valid. */
  UNKNOWN_OPCODE(4001, CloseAction.RESUME, "unknown opcode or invalid payload sent"),
  DECODE_ERROR(4002, CloseAction.RESUME, "the server could not decode a payload we sent"),
  NOT_AUTHENTICATED(4003, CloseAction.IDENTIFY, "payload sent before IDENTIFY, or session invalidated"),
  /** Fatal: the token is wrong. */
  AUTHENTICATION_FAILED(4004, CloseAction.STOP,
      "authentication failed: the bot token was rejected; check DISCORD_TOKEN"),
  ALREADY_AUTHENTICATED(4005, CloseAction.IDENTIFY, "IDENTIFY sent twice"),
  INVALID_SEQ(4007, CloseAction.IDENTIFY, "invalid seq in RESUME"),
  /** Sent too fast; the limiter should prevent it. The session stays valid. */
  RATE_LIMITED(4008, CloseAction.RESUME, "rate limited: too many payloads sent"),
  SESSION_TIMED_OUT(4009, CloseAction.IDENTIFY, "session timed out"),
  /** Fatal: the shard array of IDENTIFY is wrong. */
  INVALID_SHARD(4010, CloseAction.STOP,
      "invalid shard: check the shard ids ('shards') and 'shardCount' (ids must be in [0, shardCount))"),
  /** Fatal: the bot has too many guilds for this shard count. */
  SHARDING_REQUIRED(4011, CloseAction.STOP,
      "sharding required: too many guilds for this shard count; set shardCount to \"auto\" or a larger number"),
  /** Fatal: the gateway version in the URL is not supported. */
  INVALID_API_VERSION(4012, CloseAction.STOP,
      "invalid API version: the gateway URL must use v=10; check gatewayUrl"),
  /** Fatal: the intents value contains undefined bits. */
  INVALID_INTENTS(4013, CloseAction.STOP, "invalid intents: the intents value has undefined bits; check 'intents'"),
  /** Fatal: privileged intents requested but not enabled for the application. */
  DISALLOWED_INTENTS(4014, CloseAction.STOP,
      "disallowed intents: enable the requested privileged intents in the Developer Portal (Bot page) "
          + "or remove them from 'intents'");

  private final int code;
  private final CloseAction action;
  private final String description;

  CloseCode(int code, CloseAction action, String description) {
    this.code = code;
    this.action = action;
    this.description = description;
  }

  /** The numeric close code. */
  public int code() {
    return code;
  }

  /** What to do after this close. */
  public CloseAction action() {
    return action;
  }

  /** A human explanation, including what to fix for fatal codes. */
  public String description() {
    return description;
  }

  /** Whether the shard may reconnect at all. */
  public boolean canReconnect() {
    return action != CloseAction.STOP;
  }

  /** The table entry of a numeric code, if it is one of Discord's gateway close codes. */
  public static Optional<CloseCode> of(int code) {
    for (CloseCode c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The action for any code received from the server: the table's, else {@link CloseAction#RESUME} (server-sent
   * 1000/1001, 1006 abnormal closure, unknown codes).
   */
  public static CloseAction actionFor(int code) {
    return of(code).map(CloseCode::action).orElse(CloseAction.RESUME);
  }
}
