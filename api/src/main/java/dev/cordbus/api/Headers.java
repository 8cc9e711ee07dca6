package dev.cordbus.api;

/** Names of the event-bus headers cordbus puts on dispatches and lifecycle messages. */
public final class Headers {

  /** Shard id the dispatch arrived on (decimal string). */
  public static final String SHARD = "shard";
  /** The dispatch's gateway sequence number {@code s} (decimal string); use it to drop duplicates. */
  public static final String SEQ = "seq";
  /** The dispatch name {@code t}, e.g. {@code MESSAGE_CREATE}. */
  public static final String EVENT = "event";
  /** The guild id of the payload, where it has one. */
  public static final String GUILD = "guild";
  /** The gateway session id the dispatch belongs to (a new session restarts {@code seq}). */
  public static final String SESSION = "session";
  /** Gateway opcode, on raw frames. */
  public static final String OP = "op";
  /** Nanotime (System.nanoTime of the gateway JVM) when the frame was read, for latency measurement on one node. */
  public static final String RECEIVED_NANOS = "received-nanos";
  /** Wall-clock millis when the frame was read, for cross-node latency measurement. */
  public static final String RECEIVED_MILLIS = "received-millis";

  private Headers() {
  }
}
