package dev.cordbus.state;

/** The state module's one error type; {@link Kind} says what went wrong. */
public final class StateException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    /** A config value is invalid; the message names the field. */
    BAD_CONFIG,
    /** A dispatch could not be applied (bad shape); the cache is left as it was for that object. */
    BAD_DISPATCH
  }

  private final Kind kind;

  /** A new exception. */
  public StateException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** A new exception with a cause. */
  public StateException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }
}
