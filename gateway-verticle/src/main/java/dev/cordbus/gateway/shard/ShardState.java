package dev.cordbus.gateway.shard;

/** The state of a {@link Shard}'s connection; transitions are logged at DEBUG. */
public enum ShardState {
  /** Not started yet, or between a close and the decision what to do. */
  DISCONNECTED,
  /** Opening the WebSocket. */
  CONNECTING,
  /** HELLO received; waiting for the identify queue, IDENTIFY sent, waiting for READY. */
  IDENTIFYING,
  /** HELLO received, RESUME sent, waiting for RESUMED (replayed dispatches are published meanwhile). */
  RESUMING,
  /** READY or RESUMED received: the session is live and commands can be sent. */
  READY,
  /** Waiting (backoff or invalid-session pause) before reconnecting. */
  RECONNECT_WAIT,
  /** A fatal close code (4004, 4010-4014): the shard will not reconnect. */
  FATALLY_CLOSED,
  /** Stopped by the verticle. */
  STOPPED;

  /**
   * The number of this state in the {@code cordbus_gateway_shard_state} gauge: 0 DISCONNECTED, 1 CONNECTING,
   * 2 IDENTIFYING, 3 RESUMING, 4 READY, 5 RECONNECT_WAIT, 6 FATALLY_CLOSED, 7 STOPPED (fixed; new states get new
   * numbers).
   */
  public int code() {
    return switch (this) {
      case DISCONNECTED -> 0;
      case CONNECTING -> 1;
      case IDENTIFYING -> 2;
      case RESUMING -> 3;
      case READY -> 4;
      case RECONNECT_WAIT -> 5;
      case FATALLY_CLOSED -> 6;
      case STOPPED -> 7;
    };
  }

  /** Whether the shard will not connect again. */
  public boolean terminal() {
    return this == FATALLY_CLOSED || this == STOPPED;
  }
}
