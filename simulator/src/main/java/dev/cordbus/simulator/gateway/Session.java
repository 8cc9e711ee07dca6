package dev.cordbus.simulator.gateway;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.SimulatorLog;
import io.vertx.core.Future;
import java.util.List;

/**
 * A gateway session: its sequence counter and replay buffer, living across connections until it ends. Runs on the
 * simulator's event loop only.
 */
public final class Session {

  /** Lifecycle of a session. */
  public enum State {
    /** Attached to a live connection: dispatches are written and buffered. */
    ACTIVE,
    /** Its connection dropped; dispatches are buffered for a RESUME within the resume window. */
    DETACHED,
    /** Gone (client closed 1000/1001, op 9 false, failed resume, expired): cannot be resumed. */
    ENDED
  }

  /** What one {@link #send} did: the {@code s} assigned and the write. */
  public record Sent(long seq, Future<Void> written) {
  }

  public final String id;
  public final int shard;
  public final int shardCount;
  public final int intents;
  public final int largeThreshold;
  private final ReplayBuffer replay;
  private final SimulatorLog log;
  private long seq;
  private State state = State.ACTIVE;
  private long detachedAtMillis;
  private GatewayConnection connection;

  public Session(String id, int shard, int shardCount, int intents, int largeThreshold, ReplayBuffer replay,
      SimulatorLog log) {
    this.id = id;
    this.shard = shard;
    this.shardCount = shardCount;
    this.intents = intents;
    this.largeThreshold = largeThreshold;
    this.replay = replay;
    this.log = log;
  }

  public State state() {
    return state;
  }

  /** The last {@code s} issued. */
  public long seq() {
    return seq;
  }

  public GatewayConnection connection() {
    return connection;
  }

  public long detachedAtMillis() {
    return detachedAtMillis;
  }

  /** Whether a RESUME at {@code nowMs} may pick this session up. */
  public boolean resumable(long nowMs, long windowMs) {
    return state == State.ACTIVE || (state == State.DETACHED && nowMs - detachedAtMillis <= windowMs);
  }

  /**
   * Assigns the next {@code s}, buffers the frame, records it ({@link SimulatorLog#sentDispatches()}) and writes it
   * when attached; {@code null} when the session's intents filter the event out or the session ended.
   */
  public Sent send(Dispatch d) {
    if (state == State.ENDED || !EventIntents.allowed(d.event(), d.guildId() != 0, d.aboutBot(), intents)) {
      return null;
    }
    String body = d.dWithoutContent() != null && (intents & Intent.MESSAGE_CONTENT.bit()) == 0
        ? d.dWithoutContent() : d.d();
    seq++;
    log.issue(shard);
    String frame = Frames.dispatch(seq, d.event(), body);
    replay.add(seq, frame);
    log.sent(new SimulatorLog.SentDispatch(shard, id, seq, d.event(), frame));
    if (state == State.ACTIVE && connection != null) {
      return new Sent(seq, connection.writeDispatch(frame));
    }
    return new Sent(seq, Future.succeededFuture());
  }

  /**
   * {@link #send(Dispatch)} for a dispatch rendered ahead (the firehose): the same intents filter, {@code s} and
   * replay buffer (the frame text is rendered only if replayed), written from its bytes.
   */
  public Sent send(RenderedDispatch d) {
    if (state == State.ENDED || !d.allowed(intents)) {
      return null;
    }
    boolean blank = d.hasBlank() && (intents & Intent.MESSAGE_CONTENT.bit()) == 0;
    long s = ++seq;
    log.issue(shard);
    replay.add(s, d.size(s, blank), () -> d.textString(s, blank));
    if (state == State.ACTIVE && connection != null) {
      return new Sent(s, connection.writeDispatch(d, s, blank));
    }
    return new Sent(s, Future.succeededFuture());
  }

  /** The frames after {@code fromSeq}, or {@code null} when that seq cannot be resumed from. */
  public List<String> replayAfter(long fromSeq) {
    return replay.after(fromSeq, seq);
  }

  void attach(GatewayConnection c) {
    connection = c;
    state = State.ACTIVE;
  }

  void detach(long nowMs) {
    if (state == State.ACTIVE) {
      state = State.DETACHED;
      detachedAtMillis = nowMs;
    }
    connection = null;
  }

  void end() {
    state = State.ENDED;
    connection = null;
  }
}
