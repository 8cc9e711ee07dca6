package dev.cordbus.gateway.shard;

import static dev.cordbus.gateway.shard.ShardState.CONNECTING;
import static dev.cordbus.gateway.shard.ShardState.DISCONNECTED;
import static dev.cordbus.gateway.shard.ShardState.FATALLY_CLOSED;
import static dev.cordbus.gateway.shard.ShardState.IDENTIFYING;
import static dev.cordbus.gateway.shard.ShardState.READY;
import static dev.cordbus.gateway.shard.ShardState.RECONNECT_WAIT;
import static dev.cordbus.gateway.shard.ShardState.RESUMING;
import static dev.cordbus.gateway.shard.ShardState.STOPPED;

import dev.cordbus.gateway.shard.ShardAction.Connect;
import dev.cordbus.gateway.shard.ShardAction.Disconnect;
import dev.cordbus.gateway.shard.ShardAction.Ignore;
import dev.cordbus.gateway.shard.ShardAction.Next;
import dev.cordbus.gateway.shard.ShardAction.ReportBadFrame;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The shard's connection lifecycle as a pure function {@code (state, event) -> (state, actions)}: every legal
 * transition is a row of {@link #TABLE}; an event no row names for a state is an {@link Ignore} that changes nothing.
 * No Vert.x, no clock, no randomness: {@link Shard} performs the actions. Follows
 * <a href="https://discord.com/developers/docs/events/gateway#connection-lifecycle">Connection lifecycle</a> and
 * GATEWAY.md §4-§7; {@link #reconnect} is the one place that decides RESUME or IDENTIFY.
 */
public final class ShardMachine {

  /**
   * A shard's state: its phase, and whether it holds a session it can resume ({@code session_id} and seq; the data
   * itself lives in the adapter's {@code ShardSession}, kept in step by {@link ShardAction.KeepSession} and
   * {@link ShardAction.DropSession}).
   */
  public record State(ShardState phase, boolean resumable) {
    /** A shard that was never started, without a session. */
    public static final State INITIAL = new State(DISCONNECTED, false);

    /**
     * Refuses the combinations no transition can reach: RESUMING and READY always hold a session, IDENTIFYING
     * never does (a session is kept only by READY, which leaves IDENTIFYING).
     */
    public State {
      if (!possible(phase, resumable)) {
        throw new IllegalArgumentException(phase + (resumable ? " with" : " without") + " a session is impossible");
      }
    }

    /** Whether a shard can be in {@code phase} with ({@code resumable}) or without a session. */
    public static boolean possible(ShardState phase, boolean resumable) {
      return switch (phase) {
        case RESUMING, READY -> resumable;
        case IDENTIFYING -> !resumable;
        default -> true;
      };
    }

    /** Every possible state. */
    public static List<State> all() {
      List<State> all = new ArrayList<>();
      for (ShardState phase : ShardState.values()) {
        for (boolean resumable : new boolean[] {false, true}) {
          if (possible(phase, resumable)) {
            all.add(new State(phase, resumable));
          }
        }
      }
      return List.copyOf(all);
    }
  }

  /** The outcome of one event: the next state and the actions to perform in order. */
  public record Transition(State from, ShardEvent event, State to, List<ShardAction> actions) {
    /** Whether the event was not legal in {@link #from} (then {@code to == from} and the only action is an Ignore). */
    public boolean ignored() {
      return actions.size() == 1 && actions.get(0) instanceof Ignore;
    }
  }

  private record Row(ShardEvent event, Set<ShardState> in, Function<State, Transition> outcome) {
  }

  static final String SECOND_HELLO = "unexpected HELLO on an established connection; ignored";
  static final String IDENTIFY_UNDER_WAY = "an IDENTIFY is already under way (or comes when the shard connects)";

  private static final Set<ShardState> ANY_LIVE = EnumSet.of(CONNECTING, IDENTIFYING, RESUMING, READY);
  private static final Set<ShardState> AFTER_HELLO = EnumSet.of(IDENTIFYING, RESUMING, READY);

  /**
   * THE table. "Live" = a socket may exist (CONNECTING, IDENTIFYING, RESUMING, READY); FATALLY_CLOSED and STOPPED
   * are in no row, so nothing moves a shard out of them.
   */
  private static final List<Row> TABLE = List.of(
      row(ShardEvent.START, EnumSet.of(DISCONNECTED), s -> go(s, CONNECTING, s.resumable(), connect(s))),
      row(ShardEvent.SESSION_RESTORED, EnumSet.of(DISCONNECTED),
          s -> go(s, DISCONNECTED, true, ShardAction.KEEP_SESSION)),
      row(ShardEvent.RECONNECT_DUE, EnumSet.of(RECONNECT_WAIT), s -> go(s, CONNECTING, s.resumable(), connect(s))),
      // not connecting without the lease: wait and look again (the verticle stops the shard if it is lost for good)
      row(ShardEvent.LEASE_UNPROVEN, EnumSet.of(DISCONNECTED, RECONNECT_WAIT),
          s -> go(s, RECONNECT_WAIT, s.resumable(), ShardAction.BACKOFF)),
      // a frame read without the lease: dropped unread, the session stays resumable for whoever holds the lease
      row(ShardEvent.LEASE_UNPROVEN, ANY_LIVE, s -> reconnect(s, 4000)),
      row(ShardEvent.CONNECT_FAILED, EnumSet.of(CONNECTING), s -> go(s, RECONNECT_WAIT, s.resumable(),
          ShardAction.BACKOFF)),
      row(ShardEvent.CONNECT_FAILED_RESUME_EXPIRED, EnumSet.of(CONNECTING), s -> s.resumable()
          ? go(s, RECONNECT_WAIT, false, ShardAction.DROP_SESSION, ShardAction.BACKOFF)
          : go(s, RECONNECT_WAIT, false, ShardAction.BACKOFF)),
      row(ShardEvent.HELLO, EnumSet.of(CONNECTING), s -> s.resumable()
          ? go(s, RESUMING, true, ShardAction.START_HEARTBEAT, ShardAction.SEND_RESUME)
          : go(s, IDENTIFYING, false, ShardAction.START_HEARTBEAT, ShardAction.SEND_IDENTIFY)),
      row(ShardEvent.HELLO, AFTER_HELLO, s -> stay(s, new ReportBadFrame(SECOND_HELLO))),
      row(ShardEvent.BROKEN_HELLO, EnumSet.of(CONNECTING), s -> reconnect(s, 4000, new ReportBadFrame(null))),
      row(ShardEvent.BROKEN_HELLO, AFTER_HELLO, s -> stay(s, new ReportBadFrame(SECOND_HELLO))),
      row(ShardEvent.HELLO_TIMEOUT, EnumSet.of(CONNECTING), s -> reconnect(s, 4000)),
      row(ShardEvent.IDENTIFY_QUEUE_FAILED, EnumSet.of(IDENTIFYING), s -> reconnect(s, 1000)),
      // READY in RESUMING: the server answered RESUME with a new session; a second READY replaces the first
      row(ShardEvent.READY, AFTER_HELLO, s -> go(s, READY, true, ShardAction.KEEP_SESSION, ShardAction.GO_LIVE)),
      row(ShardEvent.RESUMED, EnumSet.of(RESUMING), s -> go(s, READY, s.resumable(), ShardAction.GO_LIVE)),
      row(ShardEvent.RECONNECT_REQUESTED, ANY_LIVE, s -> reconnect(s, 4000)),
      row(ShardEvent.INVALID_SESSION_RESUMABLE, ANY_LIVE, s -> s.resumable() ? reconnect(s, 4000)
          : invalidSession(s)),
      row(ShardEvent.INVALID_SESSION, ANY_LIVE, ShardMachine::invalidSession),
      row(ShardEvent.CLOSED_RESUME, ANY_LIVE, s -> reconnect(s, Disconnect.NO_CLOSE, identifyRefused(s))),
      row(ShardEvent.CLOSED_IDENTIFY, ANY_LIVE, s -> {
        List<ShardAction> actions = new ArrayList<>(identifyRefused(s));
        actions.add(new Disconnect(Next.IDENTIFY, Disconnect.NO_CLOSE));
        actions.add(ShardAction.DROP_SESSION);
        actions.add(ShardAction.BACKOFF);
        return go(s, RECONNECT_WAIT, false, actions);
      }),
      row(ShardEvent.CLOSED_FATAL, ANY_LIVE, s -> go(s, FATALLY_CLOSED, s.resumable(),
          new Disconnect(Next.FATAL, Disconnect.NO_CLOSE), ShardAction.GIVE_UP)),
      row(ShardEvent.CONNECTION_LOST, ANY_LIVE, s -> reconnect(s, Disconnect.NO_CLOSE)),
      row(ShardEvent.HEARTBEAT_TIMEOUT, AFTER_HELLO, s -> reconnect(s, 4000)),
      row(ShardEvent.BAD_STREAM, ANY_LIVE, s -> reconnect(s, 4000, new ReportBadFrame(null))),
      row(ShardEvent.REIDENTIFY_REQUESTED, EnumSet.of(RESUMING, READY), ShardMachine::reidentify),
      row(ShardEvent.REIDENTIFY_REQUESTED, EnumSet.of(CONNECTING), s -> s.resumable() ? reidentify(s)
          : stay(s, new Ignore(IDENTIFY_UNDER_WAY))),
      row(ShardEvent.REIDENTIFY_REQUESTED, EnumSet.of(DISCONNECTED, RECONNECT_WAIT), s -> s.resumable()
          ? go(s, s.phase(), false, ShardAction.DROP_SESSION) : stay(s, new Ignore(IDENTIFY_UNDER_WAY))),
      row(ShardEvent.REIDENTIFY_REQUESTED, EnumSet.of(IDENTIFYING), s -> stay(s, new Ignore(IDENTIFY_UNDER_WAY))),
      row(ShardEvent.STOP, EnumSet.complementOf(EnumSet.of(FATALLY_CLOSED, STOPPED)),
          s -> go(s, STOPPED, s.resumable(), new Disconnect(Next.STOP, Disconnect.NO_CLOSE))));

  /** [state.ordinal][resumable][event.ordinal], built from {@link #TABLE}; a cell covered twice fails class init. */
  private static final Transition[][][] CELLS = build();

  private ShardMachine() {
  }

  /** The transition of {@code event} in {@code state}: the table's row, else an {@link Ignore}. */
  public static Transition next(State state, ShardEvent event) {
    return CELLS[state.phase().ordinal()][state.resumable() ? 1 : 0][event.ordinal()];
  }

  /**
   * The one place RESUME vs IDENTIFY is decided: end the connection (closing it with {@code closeCode} unless
   * {@link Disconnect#NO_CLOSE}) and reconnect with backoff, resuming the session when there is one, else forgetting
   * whatever is left of it and identifying. ({@link ShardEvent#HELLO} then sends RESUME or IDENTIFY from the same
   * {@code resumable}.)
   */
  private static Transition reconnect(State s, int closeCode, ShardAction... before) {
    return reconnect(s, closeCode, List.of(before));
  }

  private static Transition reconnect(State s, int closeCode, List<ShardAction> before) {
    List<ShardAction> actions = new ArrayList<>(before);
    if (s.resumable()) {
      actions.add(new Disconnect(Next.RESUME, closeCode));
    } else {
      actions.add(new Disconnect(Next.IDENTIFY, closeCode));
      actions.add(ShardAction.DROP_SESSION);
    }
    actions.add(ShardAction.BACKOFF);
    return go(s, RECONNECT_WAIT, s.resumable(), actions);
  }

  /** Op 9 false: close with 1000, forget the session, identify after the invalid-session pause. */
  private static Transition invalidSession(State s) {
    List<ShardAction> actions = new ArrayList<>();
    if (s.phase() == IDENTIFYING) {
      actions.add(ShardAction.COUNT_IDENTIFY_REJECTION);
    }
    actions.add(new Disconnect(Next.IDENTIFY_AFTER_PAUSE, 1000));
    actions.add(ShardAction.DROP_SESSION);
    actions.add(ShardAction.INVALID_SESSION_PAUSE);
    return go(s, RECONNECT_WAIT, false, actions);
  }

  /** Close with 1000 (the session ends at Discord too), forget it, identify. */
  private static Transition reidentify(State s) {
    return go(s, RECONNECT_WAIT, false, new Disconnect(Next.IDENTIFY, 1000), ShardAction.DROP_SESSION,
        ShardAction.BACKOFF);
  }

  /** A server close while an IDENTIFY was being answered (or before HELLO of an identifying connection). */
  private static List<ShardAction> identifyRefused(State s) {
    boolean identifying = s.phase() == IDENTIFYING || (s.phase() == CONNECTING && !s.resumable());
    return identifying ? List.of(ShardAction.COUNT_IDENTIFY_REJECTION) : List.of();
  }

  private static ShardAction connect(State s) {
    return new Connect(s.resumable());
  }

  private static Row row(ShardEvent event, Set<ShardState> in, Function<State, Transition> outcome) {
    return new Row(event, in, outcome);
  }

  private static Transition go(State from, ShardState phase, boolean resumable, ShardAction... actions) {
    return go(from, phase, resumable, List.of(actions));
  }

  private static Transition go(State from, ShardState phase, boolean resumable, List<ShardAction> actions) {
    return new Transition(from, null, new State(phase, resumable), List.copyOf(actions));
  }

  private static Transition stay(State s, ShardAction action) {
    return new Transition(s, null, s, List.of(action));
  }

  private static Transition[][][] build() {
    Transition[][][] cells = new Transition[ShardState.values().length][2][ShardEvent.values().length];
    for (Row row : TABLE) {
      for (ShardState phase : row.in()) {
        for (boolean resumable : new boolean[] {false, true}) {
          if (!State.possible(phase, resumable)) {
            continue;
          }
          State from = new State(phase, resumable);
          if (cells[phase.ordinal()][resumable ? 1 : 0][row.event().ordinal()] != null) {
            throw new IllegalStateException("two rows for " + row.event() + " in " + from);
          }
          Transition t = row.outcome().apply(from);
          cells[phase.ordinal()][resumable ? 1 : 0][row.event().ordinal()] =
              new Transition(from, row.event(), t.to(), t.actions());
        }
      }
    }
    for (State from : State.all()) {
      for (ShardEvent event : ShardEvent.values()) {
        if (cells[from.phase().ordinal()][from.resumable() ? 1 : 0][event.ordinal()] == null) {
          cells[from.phase().ordinal()][from.resumable() ? 1 : 0][event.ordinal()] = new Transition(from, event,
              from, List.of(new Ignore(event + " is not expected in " + from.phase())));
        }
      }
    }
    return cells;
  }
}
