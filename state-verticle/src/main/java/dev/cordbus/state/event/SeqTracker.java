package dev.cordbus.state.event;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Drops dispatches delivered twice (after a resume, or a failover where another node resumed the same session):
 * per shard, the session id and which seqs of it were applied. A dispatch of the same session whose seq was already
 * applied is a duplicate. Seqs may arrive out of order (across nodes, the clustered event bus orders messages per
 * address, not across addresses), so this is a set, not a high-water mark: the last {@link #WINDOW} seqs below the
 * highest are remembered exactly, anything older counts as applied. READY (a new session) resets the shard.
 * Pure logic, no Vert.x.
 */
public final class SeqTracker {

  /** How many seqs below the highest one are remembered individually. */
  public static final int WINDOW = 1 << 16;

  private static final class Position {
    final String session;
    final long[] bits = new long[WINDOW / 64];
    long highest;

    Position(String session, long seq) {
      this.session = session;
      this.highest = seq;
      mark(seq);
    }

    private int word(long seq) {
      return (int) ((seq >>> 6) % bits.length);
    }

    boolean seen(long seq) {
      if (seq > highest) {
        return false;
      }
      if (highest - seq >= WINDOW - 64) {
        return true;
      }
      return (bits[word(seq)] & (1L << (seq & 63))) != 0;
    }

    void mark(long seq) {
      if (seq > highest) {
        // clear the words that now fall out of the window and get reused
        for (long w = (highest >>> 6) + 1; w <= (seq >>> 6) && w - (highest >>> 6) <= bits.length; w++) {
          bits[(int) (w % bits.length)] = 0;
        }
        highest = seq;
      }
      bits[word(seq)] |= 1L << (seq & 63);
    }
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
    if (p.seen(seq)) {
      duplicates++;
      return false;
    }
    p.mark(seq);
    return true;
  }

  /** Highest applied seq of a shard, or -1. */
  public long lastSeq(int shard) {
    Position p = positions.get(shard);
    return p == null ? -1 : p.highest;
  }

  /** Duplicates dropped so far. */
  public long duplicates() {
    return duplicates;
  }
}
