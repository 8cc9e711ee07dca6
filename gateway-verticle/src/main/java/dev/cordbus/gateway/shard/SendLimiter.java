package dev.cordbus.gateway.shard;

import java.util.ArrayDeque;

/**
 * The gateway send limit of one connection (GATEWAY.md §8: 120 payloads per 60 s): a sliding log of send times.
 * Heartbeats always go (and are counted); commands are admitted only while the window holds fewer than
 * {@link #commandLimit()} sends, which keeps room for the heartbeats expected in a window. Pure: time is passed in.
 */
public final class SendLimiter {

  /** Extra sends kept free on top of the expected heartbeats (server-requested beats, RESUME/IDENTIFY). */
  public static final int MARGIN = 3;

  private final int limit;
  private final long windowMs;
  private final int commandLimit;
  private final long slackMs;
  private final ArrayDeque<Long> sends = new ArrayDeque<>();

  /**
   * @param limit sends allowed per window (Discord: 120)
   * @param windowMs window length (Discord: 60,000)
   * @param heartbeatIntervalMs the HELLO interval, to reserve room for heartbeats
   */
  public SendLimiter(int limit, long windowMs, long heartbeatIntervalMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.commandLimit = commandLimit(limit, windowMs, heartbeatIntervalMs);
    this.slackMs = slack(windowMs);
  }

  /**
   * Extra time a send stays counted after its window ended: the server measures arrival times, which can bunch up
   * after a burst, so a send leaves our log a little later than the window ({@code window/20}, 50..1000 ms).
   */
  public static long slack(long windowMs) {
    return Math.min(1000, Math.max(50, windowMs / 20));
  }

  /**
   * The commands allowed per window: {@code limit - ceil(window / interval) - MARGIN}, at least 1 (with very short
   * test intervals the reservation can exceed the limit).
   */
  public static int commandLimit(int limit, long windowMs, long heartbeatIntervalMs) {
    long beats = heartbeatIntervalMs <= 0 ? limit : (windowMs + heartbeatIntervalMs - 1) / heartbeatIntervalMs;
    return (int) Math.max(1, limit - beats - MARGIN);
  }

  /** Commands allowed per window. */
  public int commandLimit() {
    return commandLimit;
  }

  /** The configured total per window. */
  public int limit() {
    return limit;
  }

  /** Records a heartbeat or another protocol payload (IDENTIFY, RESUME): always allowed, always counted. */
  public void heartbeat(long nowMs) {
    expire(nowMs);
    sends.addLast(nowMs);
  }

  /**
   * How long a command must wait before it may be sent at {@code nowMs}: 0 = now (the caller then calls
   * {@link #command(long)}), otherwise the ms until the oldest send leaves the window.
   */
  public long waitMs(long nowMs) {
    expire(nowMs);
    if (sends.size() < commandLimit) {
      return 0;
    }
    int excess = sends.size() - commandLimit;
    long oldestToExpire = sends.stream().skip(excess).findFirst().orElse(nowMs);
    return Math.max(1, oldestToExpire + windowMs + slackMs - nowMs);
  }

  /** Records a command sent at {@code nowMs}. */
  public void command(long nowMs) {
    expire(nowMs);
    sends.addLast(nowMs);
  }

  /** Sends in the window ending at {@code nowMs}. */
  public int inWindow(long nowMs) {
    expire(nowMs);
    return sends.size();
  }

  private void expire(long nowMs) {
    while (!sends.isEmpty() && sends.peekFirst() <= nowMs - windowMs - slackMs) {
      sends.removeFirst();
    }
  }
}
