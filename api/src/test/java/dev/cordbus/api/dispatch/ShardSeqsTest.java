package dev.cordbus.api.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The seqs of each shard's session at a relay: which never arrived. */
class ShardSeqsTest {

  private static final long GRACE = 10_000;
  private final ShardSeqs seqs = new ShardSeqs(GRACE);

  @Test
  void seqsInOrderLeaveNothingToReport() {
    for (long s = 1; s <= 100; s++) {
      seqs.arrived(3, "a", s, 0, false);
    }
    assertEquals(List.of(), seqs.expired(GRACE * 5));
  }

  @Test
  void aSkippedRangeIsReportedOnceItHasStayedOpenForTheGracePeriod() {
    arrive(0, "a", 1, 10, 0);
    arrive(0, "a", 16, 20, 1_000);
    assertEquals(List.of(), seqs.expired(1_000 + GRACE - 1), "not before the grace period");
    assertEquals(List.of(new ShardSeqs.Lost(0, 11, 15, 5)), seqs.expired(1_000 + GRACE));
    assertEquals(List.of(), seqs.expired(1_000 + 3 * GRACE), "once");
  }

  @Test
  void seqsThatArriveLateFromAnotherStreamFillTheGapPieceByPiece() {
    arrive(5, "a", 1, 10, 0);
    arrive(5, "a", 21, 30, 0); // the new holder's stream first
    seqs.arrived(5, "a", 15, 100, false); // the old holder's tail, out of order
    seqs.arrived(5, "a", 11, 100, false);
    arrive(5, "a", 17, 20, 100);
    assertEquals(List.of(new ShardSeqs.Lost(5, 12, 14, 3), new ShardSeqs.Lost(5, 16, 16, 1)),
        seqs.expired(GRACE));
  }

  @Test
  void repeatsOfAResumedSessionAndANewSessionAreNoLoss() {
    arrive(1, "a", 1, 50, 0);
    arrive(1, "a", 40, 60, 0); // a replay after a resume
    arrive(1, "b", 1, 5, 0); // identified again: a new session starts at 1
    arrive(1, "b", 6, 9, 0);
    seqs.arrived(1, null, 77, 0, false); // no session known: not followed
    assertEquals(List.of(), seqs.expired(GRACE * 2));
  }

  @Test
  void shardsAreFollowedApartAndAGapALedgerReportedIsNotReportedAgain() {
    arrive(0, "a", 1, 3, 0);
    arrive(1, "b", 1, 3, 0);
    seqs.arrived(0, "a", 9, 0, true); // the ledger reported this batch's loss
    seqs.arrived(1, "b", 9, 0, false);
    assertEquals(List.of(new ShardSeqs.Lost(1, 4, 8, 5)), seqs.expired(GRACE));
  }

  private void arrive(int shard, String session, long from, long to, long nowMs) {
    for (long s = from; s <= to; s++) {
      seqs.arrived(shard, session, s, nowMs, false);
    }
  }
}
