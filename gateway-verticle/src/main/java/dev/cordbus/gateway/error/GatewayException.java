package dev.cordbus.gateway.error;

import java.util.Objects;

/**
 * The one error type of the gateway module. {@link #kind()} says what went wrong; the raw payload (if any) is kept
 * for diagnostics and never contains the bot token.
 */
public final class GatewayException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    /** A configuration value is missing or invalid (the message names the field). */
    CONFIG,
    /** Discord rejected the token (HTTP 401 or close 4004). */
    AUTH,
    /** An HTTP call (e.g. {@code /gateway/bot}) failed. */
    HTTP,
    /** A frame from the server could not be decoded or violates the envelope rules. */
    BAD_FRAME,
    /** The zlib-stream or zstd-stream could not be decompressed. */
    DECOMPRESSION,
    /** A gateway command was invalid (bad op, bad d, larger than 4096 bytes). */
    INVALID_COMMAND,
    /** The shard is not connected / not ready to send a command. */
    NOT_CONNECTED,
    /** The server closed the connection with a code that must not be retried. */
    FATAL_CLOSE
  }

  private final Kind kind;
  private final String rawPayload;

  public GatewayException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public GatewayException(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, null);
  }

  public GatewayException(Kind kind, String message, Throwable cause, String rawPayload) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind);
    this.rawPayload = rawPayload;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** The offending payload, or null. */
  public String rawPayload() {
    return rawPayload;
  }

  @Override
  public String toString() {
    return "GatewayException[" + kind + "]: " + getMessage();
  }
}
