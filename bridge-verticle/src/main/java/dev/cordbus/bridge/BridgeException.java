package dev.cordbus.bridge;

/** The one error type of the bridge module; {@link #kind()} says what went wrong. */
public final class BridgeException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    /** The verticle's configuration is invalid; the message names the field. */
    CONFIG,
    /** A bridge server could not listen on its host and port. */
    LISTEN
  }

  private final Kind kind;

  /** An error of {@code kind}. */
  public BridgeException(Kind kind, String message) {
    this(kind, message, null);
  }

  /** An error of {@code kind} with its cause. */
  public BridgeException(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }
}
