package dev.cordbus.state.event;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Drops dispatches replayed twice: per shard, the session id and the last applied seq. A dispatch of the same
 * session with a seq at or below the last applied one is a duplicate; READY (a new session) resets the shard.
 * Pure logic, no Vert.x.
 */
public final class SeqTracker {

  private record Position(String session, long seq) {
  }

  private final Map<Integer, Position> positions = new HashMap<>();
  private long duplicates;

  /**
   * Decides whether to apply a dispatch and records it when applied. {@code ready} marks a READY (new session);
   * a negative seq (unknown) is always applied.
   */
  public boolean accept(int shard, String session, long seq, boolean ready) {
    if (seq < 0) {
      return true;
    }
    Position p = positions.get(shard);
    if (ready || p == null || !Objects.equals(p.session, session)) {
      // a new session (READY, or the first dispatch of a session whose READY we did not see) restarts the count
      positions.put(shard, new Position(session, seq));
      return true;
    }
    if (seq <= p.seq) {
      duplicates++;
      return false;
    }
    positions.put(shard, new Position(session, seq));
    return true;
  }

  /** Last applied seq of a shard, or -1. */
  public long lastSeq(int shard) {
    Position p = positions.get(shard);
    return p == null ? -1 : p.seq;
  }

  /** Duplicates dropped so far. */
  public long duplicates() {
    return duplicates;
  }
}
