package dev.cordbus.gateway.shard;

import java.util.random.RandomGenerator;

/** Reconnect backoff: exponential with full jitter and a cap. Pure. */
public final class Backoff {

  private Backoff() {
  }

  /**
   * The delay before reconnect attempt {@code attempt} (0 = first): a uniformly random value in
   * {@code [ceiling/2, ceiling)} where {@code ceiling = min(max, base * 2^attempt)}. Never negative; 0 only if
   * {@code base} is 0.
   */
  public static long delay(int attempt, long baseMs, long maxMs, RandomGenerator random) {
    if (baseMs < 0 || maxMs < baseMs) {
      throw new IllegalArgumentException("need 0 <= base <= max, got base=" + baseMs + " max=" + maxMs);
    }
    long ceiling = baseMs;
    for (int i = 0; i < attempt && ceiling < maxMs; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxMs);
    long half = ceiling / 2;
    long spread = ceiling - half;
    return spread <= 0 ? ceiling : half + random.nextLong(spread);
  }
}
