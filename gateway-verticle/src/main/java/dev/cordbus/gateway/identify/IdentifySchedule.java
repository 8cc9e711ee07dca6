package dev.cordbus.gateway.identify;

/**
 * The arithmetic of identify coordination (GATEWAY.md §8), without timers: one IDENTIFY per {@code intervalMs} per
 * bucket {@code shard % maxConcurrency}, buckets independent, and at most {@code remaining} IDENTIFYs before the
 * daily budget resets. {@link #reserve(int, long)} hands out slots in call order. Not thread-safe.
 */
public final class IdentifySchedule {

  private final long intervalMs;
  private final int maxConcurrency;
  private final int total;
  private final long[] nextFree;
  private int remaining;
  private long resetAtMs;

  /**
   * @param intervalMs minimum spacing of two IDENTIFYs of one bucket (Discord: 5000)
   * @param limit the session start limit read from {@code /gateway/bot} at {@code nowMs}
   */
  public IdentifySchedule(long intervalMs, SessionStartLimit limit, long nowMs) {
    this.intervalMs = intervalMs;
    this.maxConcurrency = limit.maxConcurrency();
    this.total = limit.total();
    this.nextFree = new long[maxConcurrency];
    this.remaining = limit.remaining();
    this.resetAtMs = nowMs + limit.resetAfterMs();
    java.util.Arrays.fill(nextFree, Long.MIN_VALUE);
  }

  /** A reserved identify slot: the time it may go and whether it had to wait for the daily budget. */
  public record Slot(long atMs, boolean waitedForBudget) {
  }

  /** The bucket of a shard: {@code shard % maxConcurrency}. */
  public int bucket(int shard) {
    return Math.floorMod(shard, maxConcurrency);
  }

  /** Reserves the next identify slot of {@code shard}'s bucket at or after {@code nowMs}. */
  public Slot reserve(int shard, long nowMs) {
    long earliest = nowMs;
    boolean waited = false;
    if (nowMs >= resetAtMs) {
      remaining = total;
      resetAtMs = nowMs + 86_400_000L;
    }
    if (remaining <= 0) {
      earliest = Math.max(earliest, resetAtMs);
      remaining = total;
      resetAtMs = resetAtMs + 86_400_000L;
      waited = true;
    }
    int b = bucket(shard);
    long at = nextFree[b] == Long.MIN_VALUE ? earliest : Math.max(earliest, nextFree[b]);
    nextFree[b] = at + intervalMs;
    remaining--;
    return new Slot(at, waited);
  }

  /** IDENTIFYs left before the budget resets (as far as this schedule knows). */
  public int remaining() {
    return remaining;
  }
}
