package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterTest {

  @Test
  void eventsBeforeArmingAreNotCounted() {
    Counter c = new Counter();
    c.hit();
    assertEquals(0, c.count());
    c.arm();
    c.hit();
    assertEquals(1, c.count());
  }

  @Test
  void secondHalfRateSeesASlowdown() throws Exception {
    Counter c = new Counter(() -> 0);
    c.arm();
    for (int i = 0; i < 640; i++) {
      c.hit();
    }
    for (int i = 0; i < 640; i++) {
      c.hit();
      if (i % 64 == 0) {
        Thread.sleep(5);
      }
    }
    assertEquals(1280, c.count());
    assertTrue(c.secondHalfRate() < c.rate() * 1.01, c.secondHalfRate() + " vs " + c.rate());
    assertTrue(c.rate() > 0);
  }

  @Test
  void samplesGrowWithALongRunSoTheSecondHalfIsStillMeasured() throws Exception {
    // the second half reads slower only while the first half's own work stays below 4 x the second half's sleeps (it
    // failed once in CI with 100 ms of sleeps): 400 ms of sleeps, and no process-CPU read every 64 events (not what
    // this test is about)
    Counter c = new Counter(() -> 0);
    c.arm();
    for (int i = 0; i < 100_000; i++) {
      c.hit();
    }
    for (int i = 0; i < 100_000; i++) {
      c.hit();
      if (i % 5_000 == 0) {
        Thread.sleep(20);
      }
    }
    assertEquals(200_000, c.count());
    assertTrue(c.secondHalfRate() < c.rate() * 0.9, "the second half (with 400 ms of sleeps) is slower: "
        + c.secondHalfRate() + " vs " + c.rate());
  }

  @Test
  void theSecondHalfCarriesTheCpuItCost() {
    long[] cpu = {0};
    Counter c = new Counter(() -> cpu[0]);
    c.arm();
    for (int i = 0; i < 64 * 10; i++) {
      cpu[0] += i < 64 * 5 ? 3 : 1; // the first half costs 3 ns an event, the second 1
      c.hit();
    }
    io.vertx.core.json.JsonObject half = c.secondHalf();
    assertEquals(64 * 5, half.getLong("events"), "samples 5 to 10");
    assertEquals(64 * 5 * 1e-9, half.getDouble("cpuSeconds"), 1e-15);
    assertTrue(half.getLong("toNanos") >= half.getLong("fromNanos"));
    Counter few = new Counter(() -> 0);
    few.arm();
    for (int i = 0; i < 64 * 2; i++) {
      few.hit();
    }
    assertEquals(null, few.secondHalf(), "too few samples for a figure");
  }

  @Test
  void aCpuTraceInterpolatesBetweenSamplesAndSaysWhenItDoesNotCover() {
    CpuTrace t = new CpuTrace(() -> 0);
    t.add(100, 1_000_000_000L);
    t.add(200, 2_000_000_000L);
    t.add(300, 2_000_000_000L);
    assertEquals(0.5, t.secondsBetween(100, 150), 1e-9);
    assertEquals(1.0, t.secondsBetween(100, 300), 1e-9);
    assertEquals(-1.0, t.secondsBetween(50, 150), 1e-9, "before the first sample");
    assertEquals(-1.0, t.secondsBetween(150, 400), 1e-9, "after the last");
  }
}
