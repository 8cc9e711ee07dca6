package dev.cordbus.api.dispatch;

/**
 * One dispatch as it travels between nodes: the routing facts the gateway read from the envelope and the bytes of
 * {@code d} as received. {@code array[offset .. offset + length)} is never changed once the frame exists, except in a
 * batch that says its bytes are lent ({@link DispatchBatch#lend}): those are valid only until it has been published.
 *
 * @param shard the shard it arrived on
 * @param seq the sequence number {@code s}
 * @param event the dispatch name {@code t}
 * @param guild the guild id of the payload, or null
 * @param session the gateway session id, or null
 * @param nanos {@code System.nanoTime()} on the gateway when the frame was read
 * @param millis wall-clock millis on the gateway when the frame was read
 * @param array holds the JSON of {@code d}
 * @param offset where {@code d} starts in {@code array}
 * @param length how many bytes {@code d} has
 * @param members where the members of {@code d} lie, counted from {@code offset}, as {@link DispatchBody#members()}
 *     gives them, or null (a frame that came from another node: the index stays on the gateway's node)
 */
public record DispatchFrame(int shard, long seq, String event, String guild, String session, long nanos, long millis,
    byte[] array, int offset, int length, int[] members) {

  /** A frame without the index of its members. */
  public DispatchFrame(int shard, long seq, String event, String guild, String session, long nanos, long millis,
      byte[] array, int offset, int length) {
    this(shard, seq, event, guild, session, nanos, millis, array, offset, length, null);
  }

  /** This frame over a copy of its bytes in an array of their own (the member index, relative to them, shared). */
  public DispatchFrame copied() {
    byte[] own = java.util.Arrays.copyOfRange(array, offset, offset + length);
    return new DispatchFrame(shard, seq, event, guild, session, nanos, millis, own, 0, length, members);
  }
}
