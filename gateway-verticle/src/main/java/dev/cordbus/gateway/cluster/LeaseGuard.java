package dev.cordbus.gateway.cluster;

/**
 * The holder's own, conservative view of its lease, on the local monotonic clock. The lease is provably held while
 * <ul>
 *   <li>it was claimed or renewed and not released, and less than {@code ttl} passed since the last successful
 *       renewal was SENT (a node that cannot renew stops by itself), and</li>
 *   <li>this node's event loop ran within the last {@code stallLimit} ({@link #alive}): a node that was frozen
 *       (GC pause, SIGSTOP, VM migration) may have been removed from the cluster meanwhile and its group taken, so
 *       the first frames it reads on waking, the ones the kernel buffered during the stall included, are not
 *       published even before the claimer's next tick notices the stall and gives the group up.</li>
 * </ul>
 * Checked before every connect, write and published frame of a shard. Thread-safe.
 */
public final class LeaseGuard {

  private final long stallLimitNanos;
  private volatile long validUntilNanos = Long.MIN_VALUE;
  private volatile long aliveNanos = System.nanoTime();
  private volatile boolean held;

  /** A guard whose liveness check allows gaps up to {@code stallLimitMs}. */
  public LeaseGuard(long stallLimitMs) {
    this.stallLimitNanos = stallLimitMs * 1_000_000L;
  }

  /** A guard without a liveness limit (the TTL alone). */
  public LeaseGuard() {
    this(Long.MAX_VALUE / 2_000_000L);
  }

  /** Records a successful claim or renewal whose request was sent at {@code sentNanos}. */
  public void renewed(long sentNanos, long ttlMs) {
    validUntilNanos = sentNanos + ttlMs * 1_000_000L;
    held = true;
  }

  /** The event loop ran at {@code nanos} (called by the claimer's liveness tick). */
  public void alive(long nanos) {
    aliveNanos = nanos;
  }

  /** Forgets the lease. */
  public void release() {
    held = false;
  }

  /** Whether the lease is held, not past its local deadline, and this node has not been stalled. */
  public boolean valid() {
    long now = System.nanoTime();
    return held && now - validUntilNanos < 0 && now - aliveNanos < stallLimitNanos;
  }

  /** Whether this node's event loop ran within the stall limit (whatever the lease). */
  public boolean live() {
    return System.nanoTime() - aliveNanos < stallLimitNanos;
  }

  /** Ms left before the local deadline (negative once past). */
  public long remainingMs() {
    return (validUntilNanos - System.nanoTime()) / 1_000_000L;
  }
}
