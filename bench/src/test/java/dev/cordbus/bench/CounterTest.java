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
    Counter c = new Counter();
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
    Counter c = new Counter();
    c.arm();
    for (int i = 0; i < 100_000; i++) {
      c.hit();
    }
    for (int i = 0; i < 100_000; i++) {
      c.hit();
      if (i % 5_000 == 0) {
        Thread.sleep(5);
      }
    }
    assertEquals(200_000, c.count());
    assertTrue(c.secondHalfRate() < c.rate() * 0.9, "the second half (with 100 ms of sleeps) is slower: "
        + c.secondHalfRate() + " vs " + c.rate());
  }
}
