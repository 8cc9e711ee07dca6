package dev.cordbus.gateway.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifyScheduleTest {

  @Test
  void oneIdentifyPerIntervalPerBucketAndBucketsAreIndependent() {
    IdentifySchedule s = new IdentifySchedule(5000, new SessionStartLimit(1000, 1000, 86_400_000L, 2), 0);
    assertEquals(0, s.reserve(0, 0).atMs());
    assertEquals(0, s.reserve(1, 0).atMs(), "bucket 1 is independent of bucket 0");
    assertEquals(5000, s.reserve(2, 0).atMs(), "shard 2 shares bucket 0");
    assertEquals(5000, s.reserve(3, 0).atMs());
    assertEquals(10_000, s.reserve(4, 0).atMs());
    assertEquals(1, s.bucket(5));
    assertEquals(20_000, s.reserve(0, 20_000).atMs(), "a free bucket does not wait");
    assertEquals(10_000, s.reserve(1, 0).atMs(), "bucket 1: 0, 5000, then 10000");
  }

  @Test
  void singleBucketWithMaxConcurrencyOne() {
    IdentifySchedule s = new IdentifySchedule(5000, new SessionStartLimit(1000, 1000, 86_400_000L, 1), 0);
    long previous = -5000;
    for (int shard = 0; shard < 8; shard++) {
      long at = s.reserve(shard, 100).atMs();
      assertTrue(at - previous >= 5000, "shard " + shard + " at " + at);
      previous = at;
    }
  }

  @Test
  void waitsForTheDailyResetWhenTheBudgetIsUsedUp() {
    IdentifySchedule s = new IdentifySchedule(10, new SessionStartLimit(1000, 2, 60_000, 1), 0);
    assertFalse(s.reserve(0, 0).waitedForBudget());
    assertFalse(s.reserve(0, 0).waitedForBudget());
    IdentifySchedule.Slot third = s.reserve(0, 100);
    assertTrue(third.waitedForBudget());
    assertEquals(60_000, third.atMs(), "after reset_after");
    assertEquals(999, s.remaining());
  }
}
