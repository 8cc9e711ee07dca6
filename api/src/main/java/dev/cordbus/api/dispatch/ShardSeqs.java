package dev.cordbus.api.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The seqs of each shard's session that reached this node's relay, so a dispatch that never arrives is reported
 * whoever published it.
 *
 * <p>Why, beside {@link RelayLedger}: the ledger numbers what one gateway publisher sends, so it sees nothing of a
 * publisher it never heard from. When a shard group moves to another gateway node while this node is out of the
 * cluster (a split that Hazelcast merges again), what the new publisher sent before this node was back is not in any
 * numbering this node saw. Discord numbers a session's dispatches 1, 2, 3, ... and the gateways hand on every one, so
 * a seq that is skipped within a session was lost on the way to this node.
 *
 * <p>How: per shard, the session and the highest seq seen. A seq past the next one opens a gap. The streams of two
 * publishers (the old holder's tail, the new holder's start) can arrive in either order, so a gap is only reported
 * once it has stayed open for the grace period: the seqs that arrive late fill it. A seq at or below the highest is a
 * late one or a repeat (a resumed session's replay). A new session starts afresh, as does a node's first dispatch of a
 * shard. Use from the relay's context only.
 */
final class ShardSeqs {

  /** System property: how long a gap may stay open before it is reported, in ms ({@value #DEFAULT_GRACE_MS}). */
  static final String GRACE_PROPERTY = "cordbus.dispatch.gap-grace-ms";
  /** The late seqs of another publisher's stream fill a gap within this, in ms. */
  static final long DEFAULT_GRACE_MS = 10_000;
  /** Gaps kept per shard; past it the oldest is reported at once. */
  static final int MAX_GAPS = 64;
  /** Shards above this id are not followed (an array slot each). */
  static final int MAX_SHARD = 1 << 16;

  /** A range of seqs not seen yet, opened at {@code sinceMs}; {@code reported}: a ledger reported it already. */
  private static final class Gap {
    final long from;
    long to;
    final long sinceMs;
    final boolean reported;

    Gap(long from, long to, long sinceMs, boolean reported) {
      this.from = from;
      this.to = to;
      this.sinceMs = sinceMs;
      this.reported = reported;
    }
  }

  /** One shard: its session, the highest seq seen in it, the gaps below it. */
  private static final class Shard {
    String session;
    long highest;
    List<Gap> gaps;
  }

  /** A gap that was reported: {@code count} seqs of {@code shard} from {@code from} to {@code to}. */
  record Lost(int shard, long from, long to, long count) {
  }

  private final long graceMs;
  private Shard[] shards = new Shard[16];
  /** Shards with open gaps, so {@link #expired} looks at them only. */
  private int open;

  /** @param graceMs how long a gap may stay open before it is reported */
  ShardSeqs(long graceMs) {
    this.graceMs = graceMs;
  }

  /** A gap is reported once open this long (ms). */
  long graceMs() {
    return graceMs;
  }

  /**
   * Notes the dispatch {@code seq} of {@code shard} in {@code session}; {@code reported}: a loss was reported for the
   * batch that carried it already (a gap it opens is not reported again).
   */
  void arrived(int shard, String session, long seq, long nowMs, boolean reported) {
    if (session == null || seq <= 0 || shard < 0 || shard >= MAX_SHARD) {
      return;
    }
    Shard s = shard(shard);
    if (s.session != session && !session.equals(s.session)) {
      s.session = session;
      s.highest = seq;
      if (s.gaps != null) {
        s.gaps = null;
        open--;
      }
      return;
    }
    if (seq == s.highest + 1) {
      s.highest = seq;
      return;
    }
    if (seq > s.highest) {
      if (s.gaps == null) {
        s.gaps = new ArrayList<>(2);
        open++;
      }
      s.gaps.add(new Gap(s.highest + 1, seq - 1, nowMs, reported));
      s.highest = seq;
      return;
    }
    if (s.gaps != null) {
      fill(s, seq);
    }
  }

  /** A late {@code seq}: it leaves the gap that holds it (which may split in two). */
  private void fill(Shard s, long seq) {
    for (int i = 0; i < s.gaps.size(); i++) {
      Gap g = s.gaps.get(i);
      if (seq < g.from || seq > g.to) {
        continue;
      }
      if (g.from == g.to) {
        s.gaps.remove(i);
      } else if (seq == g.from) {
        s.gaps.set(i, new Gap(seq + 1, g.to, g.sinceMs, g.reported));
      } else if (seq == g.to) {
        g.to = seq - 1;
      } else {
        Gap after = new Gap(seq + 1, g.to, g.sinceMs, g.reported);
        g.to = seq - 1;
        s.gaps.add(i + 1, after);
      }
      if (s.gaps.isEmpty()) {
        s.gaps = null;
        open--;
      }
      return;
    }
  }

  /**
   * Takes out the gaps open for the grace period by {@code nowMs} (or beyond {@link #MAX_GAPS} on a shard) and
   * returns those no ledger reported: dispatches that never reached this node.
   */
  List<Lost> expired(long nowMs) {
    if (open == 0) {
      return List.of();
    }
    List<Lost> lost = new ArrayList<>();
    for (int id = 0; id < shards.length; id++) {
      Shard s = shards[id];
      if (s == null || s.gaps == null) {
        continue;
      }
      int excess = s.gaps.size() - MAX_GAPS;
      for (Iterator<Gap> it = s.gaps.iterator(); it.hasNext(); ) {
        Gap g = it.next();
        if (excess-- > 0 || nowMs - g.sinceMs >= graceMs) {
          it.remove();
          if (!g.reported) {
            lost.add(new Lost(id, g.from, g.to, g.to - g.from + 1));
          }
        }
      }
      if (s.gaps.isEmpty()) {
        s.gaps = null;
        open--;
      }
    }
    return lost;
  }

  private Shard shard(int id) {
    if (id >= shards.length) {
      shards = Arrays.copyOf(shards, Math.min(MAX_SHARD, Math.max(id + 1, 2 * shards.length)));
    }
    Shard s = shards[id];
    if (s == null) {
      s = new Shard();
      shards[id] = s;
    }
    return s;
  }
}
