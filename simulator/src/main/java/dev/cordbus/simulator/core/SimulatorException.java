package dev.cordbus.simulator.core;

/**
 * The one error type of the simulator module; {@link #kind()} tells what went wrong. Messages never contain a token.
 */
public final class SimulatorException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    /** An option is missing or out of range; the message names the field. */
    INVALID_OPTION,
    /** A scenario action targeted a shard that has no live connection (or no session). */
    NO_CONNECTION,
    /** A file (fixture, session recording) could not be read or parsed. */
    BAD_INPUT,
    /** A scenario step waited too long for the client (resume, new READY). */
    TIMEOUT,
    /** The simulator is closed or failed to start. */
    LIFECYCLE
  }

  private final Kind kind;

  public SimulatorException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public SimulatorException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** The kind of failure. */
  public Kind kind() {
    return kind;
  }
}
