package dev.cordbus.gateway.publish;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses reading the sockets of one gateway group while the consumers of the gateway's own node ({@code AckRounds}) or
 * another node's relay are more than the window (gateway option {@code flowWindow}, default {@value #WINDOW})
 * dispatches behind what the group handed them, and resumes once all are back within half of it: the cluster then
 * moves at the pace of its slowest consumer instead of that consumer queueing every dispatch it cannot handle yet. A
 * pause lasts at most {@value #MAX_PAUSE_MS} ms: when it runs out, the gate tells its owner ({@code timedOut}), which
 * stops waiting for those still behind until they acknowledge something ({@code RelayLedger.Sender#skipLagging},
 * {@code AckRounds#skip}), so one stuck consumer never stalls the others for long, and a pause stays far below
 * Discord's heartbeat interval. Runs on the group's context (the shards' and the publisher's).
 */
public final class FlowGate {

  /** Dispatches a node may be behind before the group's sockets pause, by default. */
  public static final long WINDOW = dev.cordbus.gateway.config.GatewayOptions.DEFAULT_FLOW_WINDOW;
  /** The sockets resume once every node is at most this many dispatches behind, by default. */
  public static final long RESUME_AT = WINDOW / 2;
  /** The longest pause. */
  public static final long MAX_PAUSE_MS = 5000;

  private static final Logger LOG = LoggerFactory.getLogger(FlowGate.class);

  private final Vertx vertx;
  private final String group;
  private final long maxPauseMs;
  private final Runnable timedOut;
  /** The window; 0: never pause. */
  private final long window;
  private final Set<WebSocket> sockets = new LinkedHashSet<>();
  private boolean paused;
  private long timer = -1;
  private long pausedSinceNanos;
  private long pauses;
  private long pausedNanos;

  /**
   * A gate pausing while a node is more than {@code window} dispatches behind (0: never; resumed at half of it) that
   * calls {@code timedOut} when a pause ran out (on the group's context).
   */
  FlowGate(Vertx vertx, String group, long window, Runnable timedOut) {
    this(vertx, group, window, MAX_PAUSE_MS, timedOut);
  }

  /** A gate whose pauses last at most {@code maxPauseMs} (tests). */
  FlowGate(Vertx vertx, String group, long window, long maxPauseMs, Runnable timedOut) {
    this.vertx = vertx;
    this.group = group;
    this.window = window;
    this.maxPauseMs = maxPauseMs;
    this.timedOut = timedOut;
  }

  /** The window (0: never pauses). */
  public long window() {
    return window;
  }

  /** A socket of the group: paused with the others from now on (at once, while a pause is on). */
  public void watch(WebSocket ws) {
    sockets.add(ws);
    if (paused) {
      ws.pause();
    }
  }

  /** A socket that closed. */
  public void forget(WebSocket ws) {
    sockets.remove(ws);
  }

  /** After a batch left: {@code behind} is the most any node has not acknowledged. */
  void sent(long behind) {
    if (!paused && window > 0 && behind > window) {
      paused = true;
      pauses++;
      pausedSinceNanos = System.nanoTime();
      sockets.forEach(WebSocket::pause);
      timer = vertx.setTimer(maxPauseMs, t -> {
        timer = -1;
        if (paused) {
          LOG.warn("group '{}': consumers more than {} dispatches behind (on this node or another) took nothing for "
              + "{} ms; reading again without waiting for them until they do. Look for a handler blocking an event "
              + "loop, or a node that is stuck or overloaded (or raise flowWindow)", group, window, maxPauseMs);
          timedOut.run();
          open();
        }
      });
    }
  }

  /** A node acknowledged: {@code behind} is now the most any node has not. */
  void acknowledged(long behind) {
    if (paused && behind <= window / 2) {
      open();
    }
  }

  private void open() {
    paused = false;
    pausedNanos += System.nanoTime() - pausedSinceNanos;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    sockets.forEach(WebSocket::resume);
  }

  /** Resumes the sockets for good (the group stops). */
  void close() {
    if (paused) {
      open();
    }
    sockets.clear();
  }

  /** Whether the group's sockets are paused now. */
  public boolean paused() {
    return paused;
  }

  /** Pauses so far. */
  public long pauses() {
    return pauses;
  }

  /** Time paused so far, in ms (the pause under way included). */
  public long pausedMs() {
    return (pausedNanos + (paused ? System.nanoTime() - pausedSinceNanos : 0)) / 1_000_000;
  }
}
