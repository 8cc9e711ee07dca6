package dev.cordbus.gateway.identify;

import io.vertx.core.Future;

/**
 * Coordinates IDENTIFYs (GATEWAY.md §8): a shard calls {@link #acquire(int)} and sends IDENTIFY when the future
 * completes. Implementations: {@link LocalIdentifyQueue} (one process); a cluster-wide one on Vert.x shared data.
 * Every implementation must pass {@code IdentifyQueueContract} (test sources).
 */
public interface IdentifyQueue {

  /**
   * Completes when shard {@code shardId} may send its IDENTIFY: at most one per identify interval per bucket
   * {@code shardId % max_concurrency}, and never beyond the daily session start budget (it waits for the reset).
   */
  Future<Void> acquire(int shardId);

  /**
   * Shard {@code shardId} has written its IDENTIFY (called after {@link #acquire(int)} completed and the payload was
   * flushed). A cluster-wide queue records the real send time so a late IDENTIFY pushes the next one of its bucket
   * back; the default does nothing.
   */
  default void identified(int shardId) {
  }

  /**
   * The daily session start budget left as this queue last saw it ({@code session_start_limit.remaining}), -1 when
   * unknown. For metrics and the console; may be read from any thread.
   */
  default int remaining() {
    return -1;
  }

  /** Cancels pending acquisitions (they fail); used when the verticle stops. */
  default void close() {
  }
}
