package dev.cordbus.gateway.heartbeat;

/**
 * Heartbeat bookkeeping of one connection: beats sent, whether the last one was acknowledged, and the latency of
 * the last acknowledged beat. Not thread-safe; used on the shard's context.
 */
public final class HeartbeatTracker {

  /** Heartbeats sent on this connection. */
  private long sent;
  /** Whether an op 11 arrived after the last heartbeat. */
  private boolean acked = true;
  /** System.nanoTime of the last heartbeat sent. */
  private long lastSentNanos;
  /** Round trip of the last acknowledged heartbeat, ms; -1 before the first ACK. */
  private long latencyMs = -1;

  /** Whether a scheduled tick finds this connection zombied (see {@link Zombie}). */
  public boolean zombied() {
    return Zombie.isZombie(sent, acked);
  }

  /** Records a heartbeat sent at {@code nanos}. */
  public void sent(long nanos) {
    sent++;
    acked = false;
    lastSentNanos = nanos;
  }

  /** Records an op 11 received at {@code nanos}. */
  public void acked(long nanos) {
    if (!acked && sent > 0) {
      latencyMs = Math.max(0, (nanos - lastSentNanos) / 1_000_000);
    }
    acked = true;
  }

  /** Latency of the last acknowledged heartbeat in ms, -1 if none yet. */
  public long latencyMs() {
    return latencyMs;
  }

  /** Heartbeats sent so far. */
  public long sentCount() {
    return sent;
  }
}
