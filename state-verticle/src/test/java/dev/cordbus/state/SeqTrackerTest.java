package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.state.event.SeqTracker;
import org.junit.jupiter.api.Test;

/** De-duplication across failover: the same session resumed by another node, with cross-address reordering. */
class SeqTrackerTest {

  @Test
  void aReplayFromAnotherNodeIsDroppedEvenWhenSeqsArriveOutOfOrder() {
    SeqTracker t = new SeqTracker();
    assertTrue(t.accept(0, "s", 1, true));
    for (long seq = 2; seq <= 100; seq++) {
      assertTrue(t.accept(0, "s", seq, false));
    }
    // node B resumes from seq 90 (a lagged copy); its MESSAGE_CREATE 103 overtakes its PRESENCE_UPDATE 101/102
    assertTrue(t.accept(0, "s", 103, false));
    for (long seq = 91; seq <= 100; seq++) {
      assertFalse(t.accept(0, "s", seq, false), "replayed " + seq);
    }
    assertTrue(t.accept(0, "s", 101, false), "101 arrived late but was never applied");
    assertTrue(t.accept(0, "s", 102, false));
    assertFalse(t.accept(0, "s", 103, false));
    assertEquals(11, t.duplicates());
    assertEquals(103, t.lastSeq(0));
  }

  @Test
  void theWindowSlidesAndVeryOldSeqsCountAsApplied() {
    SeqTracker t = new SeqTracker();
    assertTrue(t.accept(1, "s", 1, true));
    long far = 3L * SeqTracker.WINDOW;
    for (long seq = 2; seq <= far; seq += 7) {
      assertTrue(t.accept(1, "s", seq, false), "seq " + seq);
    }
    assertFalse(t.accept(1, "s", 2, false), "older than the window");
    assertTrue(t.accept(1, "s", far - 3, false), "inside the window, never applied");
    assertFalse(t.accept(1, "s", far - 3, false));
    assertTrue(t.accept(1, "other", 5, false), "another session restarts the shard");
  }
}
