package dev.cordbus.gateway.cluster;

/**
 * The holder's own, conservative view of its lease on the local monotonic clock: valid until {@code ttl} after the
 * last successful renewal was SENT. Checked before every write and connect of a shard, so a node that was stalled
 * (GC pause, SIGSTOP, VM migration) and wakes up after its lease expired sends nothing, even before it learns that
 * another node took the group. Thread-safe.
 */
public final class LeaseGuard {

  private volatile long validUntilNanos = Long.MIN_VALUE;
  private volatile boolean held;

  /** Records a successful claim or renewal whose request was sent at {@code sentNanos}. */
  public void renewed(long sentNanos, long ttlMs) {
    validUntilNanos = sentNanos + ttlMs * 1_000_000L;
    held = true;
  }

  /** Forgets the lease. */
  public void release() {
    held = false;
  }

  /** Whether the lease is held and not past its local deadline now. */
  public boolean valid() {
    return held && System.nanoTime() - validUntilNanos < 0;
  }

  /** Ms left before the local deadline (negative once past). */
  public long remainingMs() {
    return (validUntilNanos - System.nanoTime()) / 1_000_000L;
  }
}
