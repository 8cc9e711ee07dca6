package dev.cordbus.rest.ratelimit;

/** Timers and the clock for the limiter: Vert.x timers in the verticle, a manual clock in unit tests. */
public interface Scheduler {

  /** Current time in milliseconds (monotonic). */
  long now();

  /** Runs {@code task} after {@code delayMs}; returns an id for {@link #cancel(long)}. */
  long schedule(long delayMs, Runnable task);

  /** Cancels a scheduled task. */
  void cancel(long id);
}
