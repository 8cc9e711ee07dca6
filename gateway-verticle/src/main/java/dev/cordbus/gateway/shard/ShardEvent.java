package dev.cordbus.gateway.shard;

import dev.cordbus.gateway.close.CloseCode;

/**
 * What can happen to a {@link Shard}: the columns of {@link ShardMachine}'s table. The adapter ({@link Shard}) turns
 * timers, socket callbacks and frames into these; everything it decides from them goes through the table.
 * <a href="https://discord.com/developers/docs/events/gateway#connection-lifecycle">Connection lifecycle</a>,
 * GATEWAY.md §4-§7.
 */
public enum ShardEvent {
  /** The verticle starts the shard. */
  START,
  /** A session kept in the cluster (another node ran this shard) is seeded before the start. */
  SESSION_RESTORED,
  /** The reconnect timer (backoff or invalid-session pause) fired. */
  RECONNECT_DUE,
  /**
   * The group's cluster lease cannot be proven (the node stalled past {@code stallLimitMs}, or the lease was lost)
   * when the shard was about to connect or read a frame: nothing of it is used, the session stays resumable.
   */
  LEASE_UNPROVEN,
  /** The socket could not be opened (refused, handshake failed, no upgrade within {@code connectTimeoutMs}). */
  CONNECT_FAILED,
  /** As {@link #CONNECT_FAILED}, and connections have failed for {@code resumeRetryMs}: the session is given up. */
  CONNECT_FAILED_RESUME_EXPIRED,
  /** A valid op 10 HELLO. */
  HELLO,
  /** An op 10 HELLO whose {@code heartbeat_interval} is missing, zero or not an integer. */
  BROKEN_HELLO,
  /** The socket was upgraded but no HELLO came within {@code connectTimeoutMs}. */
  HELLO_TIMEOUT,
  /** The identify queue failed to give the shard a slot: the connection would wait for its IDENTIFY forever. */
  IDENTIFY_QUEUE_FAILED,
  /** The READY dispatch (with an object {@code d}): a new session. */
  READY,
  /** The RESUMED dispatch: the replay is over. */
  RESUMED,
  /** Op 7 RECONNECT. */
  RECONNECT_REQUESTED,
  /** Op 9 INVALID_SESSION with {@code d: true}. */
  INVALID_SESSION_RESUMABLE,
  /** Op 9 INVALID_SESSION with {@code d: false} (or a non-boolean {@code d}). */
  INVALID_SESSION,
  /** The server closed with a code whose action is resume (see {@code CloseCode.actionFor}: also 1000/1001/unknown). */
  CLOSED_RESUME,
  /** The server closed with a code whose action is a new session (4003, 4005, 4007, 4009). */
  CLOSED_IDENTIFY,
  /** The server closed with a fatal code (4004, 4010-4014). */
  CLOSED_FATAL,
  /** The connection ended without a close frame (1006). */
  CONNECTION_LOST,
  /** A heartbeat is due and the previous one was never acknowledged: a zombied connection. */
  HEARTBEAT_TIMEOUT,
  /** A frame the connection cannot recover from: a corrupt compressed stream, a message over the size limit. */
  BAD_STREAM,
  /** {@code {op:"reidentify"}}: drop the session and identify afresh (a state verticle that lost its cache). */
  REIDENTIFY_REQUESTED,
  /** The verticle stops the shard (shutdown, lease lost for good, handoff). */
  STOP;

  /** The event of a close frame with {@code code} from the server, by the code's {@link CloseCode#actionFor action}. */
  public static ShardEvent closedWith(int code) {
    return switch (CloseCode.actionFor(code)) {
      case RESUME -> CLOSED_RESUME;
      case IDENTIFY -> CLOSED_IDENTIFY;
      case STOP -> CLOSED_FATAL;
    };
  }

  /** Who ended the connection when this event ends it. */
  public Initiator initiator() {
    return switch (this) {
      case CLOSED_RESUME, CLOSED_IDENTIFY, CLOSED_FATAL -> Initiator.SERVER;
      case CONNECTION_LOST -> Initiator.CUT;
      default -> Initiator.CLIENT;
    };
  }

  /** Who ended a connection. */
  public enum Initiator { CLIENT, SERVER, CUT }
}
