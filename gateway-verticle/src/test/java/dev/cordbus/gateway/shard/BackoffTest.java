package dev.cordbus.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void growsExponentiallyWithinJitterBoundsAndIsCapped() {
    SplittableRandom random = new SplittableRandom(1);
    for (int attempt = 0; attempt < 40; attempt++) {
      long ceiling = Math.min(60_000, 1000L << Math.min(attempt, 20));
      for (int i = 0; i < 200; i++) {
        long d = Backoff.delay(attempt, 1000, 60_000, random);
        assertTrue(d >= ceiling / 2 && d < ceiling, "attempt " + attempt + " delay " + d);
      }
    }
  }

  @Test
  void isJittered() {
    SplittableRandom random = new SplittableRandom(2);
    Set<Long> values = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      values.add(Backoff.delay(3, 1000, 60_000, random));
    }
    assertTrue(values.size() > 10, "expected different delays, got " + values);
  }

  @Test
  void meanGrowsThenStaysAtTheCap() {
    SplittableRandom random = new SplittableRandom(3);
    double previous = 0;
    for (int attempt = 0; attempt < 6; attempt++) {
      double mean = 0;
      for (int i = 0; i < 1000; i++) {
        mean += Backoff.delay(attempt, 100, 100_000, random) / 1000.0;
      }
      assertTrue(mean > previous * 1.5, "attempt " + attempt + " mean " + mean + " previous " + previous);
      previous = mean;
    }
    assertTrue(Backoff.delay(1000, 100, 5000, random) < 5000);
    assertTrue(Backoff.delay(Integer.MAX_VALUE, Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, random) > 0);
    assertEquals(0, Backoff.delay(5, 0, 0, random));
  }
}
