package dev.cordbus.bench;

/** The one error type of the bench module; {@link Kind} says what went wrong. */
public final class BenchException extends RuntimeException {

  /** What failed. */
  public enum Kind {
    /** A command-line flag is missing or malformed. */
    BAD_ARGUMENT,
    /** A child JVM did not answer in time. */
    TIMEOUT,
    /** A child JVM exited or printed something unexpected. */
    CHILD_FAILED,
    /** Something the run needs outside the JVM is missing (Node.js, the Node client's packages). */
    SETUP
  }

  private final Kind kind;

  public BenchException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
