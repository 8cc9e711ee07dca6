package dev.cordbus.rest.ratelimit;

import io.vertx.core.Vertx;

/** {@link Scheduler} on Vert.x timers (callbacks on the caller's context) and {@link System#nanoTime()}. */
public final class VertxScheduler implements Scheduler {

  private final Vertx vertx;

  /** Timers of {@code vertx}. */
  public VertxScheduler(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public long now() {
    return System.nanoTime() / 1_000_000L;
  }

  @Override
  public long schedule(long delayMs, Runnable task) {
    return vertx.setTimer(Math.max(1, delayMs), id -> task.run());
  }

  @Override
  public void cancel(long id) {
    vertx.cancelTimer(id);
  }
}
