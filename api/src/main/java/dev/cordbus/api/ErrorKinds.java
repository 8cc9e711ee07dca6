package dev.cordbus.api;

/**
 * The {@code kind} of a {@link Addresses#ERROR} body. Each says what failed; the body's {@code message} says what to do.
 */
public final class ErrorKinds {

  /** A bot handler registered through the {@code api} helpers threw: {@code event} names the event it handled. */
  public static final String HANDLER = "handler";
  /** An interaction handler threw or failed; the user got the default ephemeral reply. */
  public static final String INTERACTION_HANDLER = "interaction-handler";
  /** A shard could not open its WebSocket (DNS, refused, TLS, timeout); it retries with back-off. */
  public static final String CONNECT = "connect";
  /**
   * The gateway refused a shard's IDENTIFY several times in a row (a non-fatal close or op 9 on it): {@code code},
   * {@code reason}, {@code attempts}; the shard keeps retrying with back-off.
   */
  public static final String IDENTIFY_REJECTED = "identify-rejected";
  /** A shard could not take its identify slot (local or cluster-wide identify queue). */
  public static final String IDENTIFY_QUEUE = "identify-queue";
  /** The daily session start budget ({@code session_start_limit}) is used up or too low to start every shard. */
  public static final String SESSION_BUDGET = "session-budget";
  /** A gateway verticle lost the cluster lease of its shard group and stopped its shards. */
  public static final String LEASE_LOST = "lease-lost";
  /** Discord sent a frame the shard could not read; the other events go on. */
  public static final String BAD_FRAME = "bad-frame";
  /** Discord closed a shard with a code that forbids reconnecting (4004, 4010-4014). */
  public static final String FATAL_CLOSE = "fatal-close";
  /**
   * Dispatches a gateway sent to this node never arrived: the clustered event bus dropped them (published on the
   * receiving node only, with {@code lost} and {@code sender}); see {@code dev.cordbus.api.dispatch.RelayLedger}.
   */
  public static final String DISPATCHES_LOST = "dispatches-lost";

  private ErrorKinds() {
  }
}
