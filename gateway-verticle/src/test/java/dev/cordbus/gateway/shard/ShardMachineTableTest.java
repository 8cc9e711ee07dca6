package dev.cordbus.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cordbus.gateway.Fixtures;
import dev.cordbus.gateway.shard.ShardAction.Connect;
import dev.cordbus.gateway.shard.ShardAction.Delay;
import dev.cordbus.gateway.shard.ShardAction.Disconnect;
import dev.cordbus.gateway.shard.ShardAction.Next;
import dev.cordbus.gateway.shard.ShardMachine.State;
import dev.cordbus.gateway.shard.ShardMachine.Transition;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shard's state machine, every state × every event, against {@code shard/transitions.txt}: a table written by
 * hand from GATEWAY.md, not from the code. No Vert.x, no sockets.
 */
class ShardMachineTableTest {

  private record Cell(State from, ShardEvent event) {
  }

  private record Expected(int line, ShardState to, String session, String actions) {
  }

  @Test
  void everyStateTimesEveryEventIsTheTablesRowOrIgnored() throws IOException {
    Map<Cell, Expected> spec = spec();
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    int legal = 0;
    for (State from : State.all()) {
      for (ShardEvent event : ShardEvent.values()) {
        cells++;
        Transition t = ShardMachine.next(from, event);
        assertEquals(from, t.from());
        assertEquals(event, t.event());
        Expected e = spec.get(new Cell(from, event));
        if (e == null) {
          if (!t.ignored() || !t.to().equals(from)) {
            wrong.add(from + " " + event + ": the table has no row, so it must be ignored, but the machine does "
                + t.to() + " " + render(t.actions()));
          }
          continue;
        }
        legal++;
        ShardState to = e.to() == null ? from.phase() : e.to();
        boolean session = e.session().equals("=") ? from.resumable() : e.session().equals("yes");
        State expected = new State(to, session);
        String actions = render(t.actions());
        if (!t.to().equals(expected) || !actions.equals(e.actions())) {
          wrong.add("line " + e.line() + ": " + from + " " + event + " -> expected " + expected + " " + e.actions()
              + ", the machine does " + t.to() + " " + actions);
        }
      }
    }
    assertTrue(wrong.isEmpty(), wrong.size() + " cells differ from the table:\n" + String.join("\n", wrong));
    assertEquals(13 * ShardEvent.values().length, cells, "13 possible states");
    assertEquals(spec.size(), legal);
    assertTrue(legal > 60, "legal cells: " + legal);
  }

  @Test
  void impossibleStatesCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> new State(ShardState.READY, false));
    assertThrows(IllegalArgumentException.class, () -> new State(ShardState.RESUMING, false));
    assertThrows(IllegalArgumentException.class, () -> new State(ShardState.IDENTIFYING, true));
    assertEquals(13, State.all().size());
  }

  @Test
  void nothingLeavesATerminalState() {
    for (State from : State.all()) {
      if (from.phase().terminal()) {
        for (ShardEvent event : ShardEvent.values()) {
          Transition t = ShardMachine.next(from, event);
          assertTrue(t.ignored() && t.to().equals(from), from + " " + event);
        }
      }
    }
  }

  @Test
  void theSessionChangesOnlyThroughKeepOrDrop() {
    for (Transition t : everyTransition()) {
      boolean keeps = t.actions().contains(ShardAction.KEEP_SESSION);
      boolean drops = t.actions().contains(ShardAction.DROP_SESSION);
      if (t.from().resumable() && !t.to().resumable()) {
        assertTrue(drops, "a session is lost only by DropSession: " + t);
      }
      if (!t.from().resumable() && t.to().resumable()) {
        assertTrue(keeps, "a session is gained only by KeepSession: " + t);
      }
      assertFalse(keeps && !t.to().resumable(), t.toString());
      assertFalse(drops && t.to().resumable(), t.toString());
    }
  }

  @Test
  void resumeOrIdentifyFollowsWhetherASessionIsKept() {
    for (Transition t : everyTransition()) {
      for (ShardAction a : t.actions()) {
        if (a instanceof Connect c) {
          assertEquals(t.from().resumable(), c.resume(), t.toString());
        } else if (a == ShardAction.SEND_RESUME) {
          assertTrue(t.from().resumable() && t.to().phase() == ShardState.RESUMING, t.toString());
        } else if (a == ShardAction.SEND_IDENTIFY) {
          assertTrue(!t.from().resumable() && t.to().phase() == ShardState.IDENTIFYING, t.toString());
        } else if (a instanceof Disconnect d && d.next() == Next.RESUME) {
          assertTrue(t.to().resumable(), "a resume keeps the session: " + t);
        }
      }
    }
  }

  @Test
  void everyDisconnectSaysWhatFollowsAndTheActionsDoIt() {
    int disconnects = 0;
    for (Transition t : everyTransition()) {
      List<ShardAction> as = t.actions();
      for (ShardAction a : as) {
        if (!(a instanceof Disconnect d)) {
          continue;
        }
        disconnects++;
        ShardAction last = as.get(as.size() - 1);
        switch (d.next()) {
          case RESUME, IDENTIFY -> assertEquals(ShardAction.BACKOFF, last, t.toString());
          case IDENTIFY_AFTER_PAUSE -> assertEquals(ShardAction.INVALID_SESSION_PAUSE, last, t.toString());
          case FATAL -> assertTrue(last == ShardAction.GIVE_UP && t.to().phase() == ShardState.FATALLY_CLOSED,
              t.toString());
          case STOP -> assertEquals(ShardState.STOPPED, t.to().phase(), t.toString());
        }
        if (d.next() == Next.IDENTIFY || d.next() == Next.IDENTIFY_AFTER_PAUSE) {
          assertTrue(as.contains(ShardAction.DROP_SESSION), t.toString());
        }
        if (t.event().initiator() != ShardEvent.Initiator.CLIENT || d.next() == Next.STOP) {
          assertEquals(Disconnect.NO_CLOSE, d.closeCode(), "we do not close what the peer closed: " + t);
        } else {
          assertTrue(d.closeCode() == 4000 || d.closeCode() == 1000, t.toString());
          assertEquals(d.next() == Next.RESUME ? 4000 : 1000, d.closeCode() == 4000 && d.next() == Next.IDENTIFY
              ? 1000 : d.closeCode(), "1000/1001 end a session at Discord; a resume closes with 4000: " + t);
        }
      }
      if (t.to().phase() == ShardState.RECONNECT_WAIT && t.from().phase() != ShardState.RECONNECT_WAIT) {
        assertTrue(as.stream().anyMatch(a -> a instanceof ShardAction.ScheduleReconnect),
            "waiting for nothing: " + t);
      }
    }
    assertTrue(disconnects > 40, "disconnects: " + disconnects);
  }

  /** fixtures/close_codes.json, applied to a live session: resume, a new session, or stop for good. */
  @Test
  void everyCloseCodeOfTheFixtureDoesItsAction() throws IOException {
    JsonObject table = new JsonObject(Files.readString(Fixtures.dir().resolve("close_codes.json")));
    State live = new State(ShardState.READY, true);
    List<Integer> codes = new ArrayList<>(List.of(1000, 1001, 1011, 4006, 4999));
    List<String> actions = new ArrayList<>(List.of("resume", "resume", "resume", "resume", "resume"));
    for (Object o : table.getJsonArray("codes")) {
      codes.add(((JsonObject) o).getInteger("code"));
      actions.add(((JsonObject) o).getString("action").toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < codes.size(); i++) {
      Transition t = ShardMachine.next(live, ShardEvent.closedWith(codes.get(i)));
      String why = "close " + codes.get(i) + " (" + actions.get(i) + "): " + t;
      switch (actions.get(i)) {
        case "resume" -> {
          assertEquals(new State(ShardState.RECONNECT_WAIT, true), t.to(), why);
          assertTrue(t.actions().contains(new Disconnect(Next.RESUME, Disconnect.NO_CLOSE)), why);
        }
        case "identify" -> {
          assertEquals(new State(ShardState.RECONNECT_WAIT, false), t.to(), why);
          assertTrue(t.actions().contains(new Disconnect(Next.IDENTIFY, Disconnect.NO_CLOSE)), why);
        }
        case "stop" -> {
          assertEquals(ShardState.FATALLY_CLOSED, t.to().phase(), why);
          assertTrue(t.actions().contains(ShardAction.GIVE_UP), why);
        }
        default -> fail("unknown action in the fixture: " + why);
      }
    }
  }

  /** A day at Discord: identify, op 7 and resume, op 9 false and identify again, a fatal close, a late stop. */
  @Test
  void aSessionWalksThroughTheTable() {
    State s = State.INITIAL;
    s = step(s, ShardEvent.START, ShardState.CONNECTING, "connect(identify)");
    s = step(s, ShardEvent.HELLO, ShardState.IDENTIFYING, "heartbeat send-identify");
    s = step(s, ShardEvent.READY, ShardState.READY, "keep-session live");
    s = step(s, ShardEvent.RECONNECT_REQUESTED, ShardState.RECONNECT_WAIT, "disconnect(RESUME,4000) backoff");
    s = step(s, ShardEvent.RECONNECT_DUE, ShardState.CONNECTING, "connect(resume)");
    s = step(s, ShardEvent.CONNECT_FAILED, ShardState.RECONNECT_WAIT, "backoff");
    s = step(s, ShardEvent.RECONNECT_DUE, ShardState.CONNECTING, "connect(resume)");
    s = step(s, ShardEvent.HELLO, ShardState.RESUMING, "heartbeat send-resume");
    s = step(s, ShardEvent.RESUMED, ShardState.READY, "live");
    s = step(s, ShardEvent.HEARTBEAT_TIMEOUT, ShardState.RECONNECT_WAIT, "disconnect(RESUME,4000) backoff");
    s = step(s, ShardEvent.RECONNECT_DUE, ShardState.CONNECTING, "connect(resume)");
    s = step(s, ShardEvent.HELLO, ShardState.RESUMING, "heartbeat send-resume");
    s = step(s, ShardEvent.INVALID_SESSION, ShardState.RECONNECT_WAIT,
        "disconnect(IDENTIFY_AFTER_PAUSE,1000) drop-session pause");
    assertFalse(s.resumable());
    s = step(s, ShardEvent.RECONNECT_DUE, ShardState.CONNECTING, "connect(identify)");
    s = step(s, ShardEvent.HELLO, ShardState.IDENTIFYING, "heartbeat send-identify");
    s = step(s, ShardEvent.RESUMED, ShardState.IDENTIFYING, "ignore");
    s = step(s, ShardEvent.READY, ShardState.READY, "keep-session live");
    s = step(s, ShardEvent.closedWith(4014), ShardState.FATALLY_CLOSED, "disconnect(FATAL) give-up");
    step(s, ShardEvent.STOP, ShardState.FATALLY_CLOSED, "ignore");
  }

  /** 20,000 random events from the start: always a possible state, and only a stop or a fatal close ends it. */
  @Test
  void randomEventsNeverReachAStateTheTableDoesNotName() {
    SplittableRandom random = new SplittableRandom(16);
    ShardEvent[] events = ShardEvent.values();
    for (int run = 0; run < 200; run++) {
      State s = State.INITIAL;
      for (int i = 0; i < 100; i++) {
        ShardEvent e = events[random.nextInt(events.length)];
        Transition t = ShardMachine.next(s, e);
        assertTrue(State.possible(t.to().phase(), t.to().resumable()));
        if (t.to().phase().terminal() && !s.phase().terminal()) {
          assertTrue(e == ShardEvent.STOP || e == ShardEvent.CLOSED_FATAL, t.toString());
        }
        if (t.ignored()) {
          assertEquals(s, t.to());
        }
        s = t.to();
      }
    }
  }

  private static State step(State s, ShardEvent e, ShardState phase, String actions) {
    Transition t = ShardMachine.next(s, e);
    assertEquals(phase, t.to().phase(), t.toString());
    assertEquals(actions, render(t.actions()), t.toString());
    return t.to();
  }

  private static List<Transition> everyTransition() {
    List<Transition> all = new ArrayList<>();
    for (State from : State.all()) {
      for (ShardEvent event : ShardEvent.values()) {
        all.add(ShardMachine.next(from, event));
      }
    }
    return all;
  }

  static String render(List<ShardAction> actions) {
    return actions.stream().map(ShardMachineTableTest::render).collect(Collectors.joining(" "));
  }

  private static String render(ShardAction a) {
    if (a instanceof Connect c) {
      return c.resume() ? "connect(resume)" : "connect(identify)";
    } else if (a instanceof Disconnect d) {
      return "disconnect(" + d.next() + (d.closeCode() == Disconnect.NO_CLOSE ? "" : "," + d.closeCode()) + ")";
    } else if (a instanceof ShardAction.ScheduleReconnect r) {
      return r.delay() == Delay.BACKOFF ? "backoff" : "pause";
    } else if (a instanceof ShardAction.ReportBadFrame b) {
      return b.reason() == null ? "bad-frame"
          : b.reason().equals(ShardMachine.SECOND_HELLO) ? "bad-frame(second-hello)" : "bad-frame(" + b.reason() + ")";
    } else if (a instanceof ShardAction.Ignore) {
      return "ignore";
    }
    return Map.of(ShardAction.START_HEARTBEAT, "heartbeat", ShardAction.SEND_IDENTIFY, "send-identify",
        ShardAction.SEND_RESUME, "send-resume", ShardAction.KEEP_SESSION, "keep-session",
        ShardAction.DROP_SESSION, "drop-session", ShardAction.COUNT_IDENTIFY_REJECTION, "count-rejection",
        ShardAction.GO_LIVE, "live", ShardAction.GIVE_UP, "give-up").get(a);
  }

  /** The table file, expanded to cells; two rows naming one cell, or a row naming no possible cell, fail. */
  private static Map<Cell, Expected> spec() throws IOException {
    Map<Cell, Expected> spec = new LinkedHashMap<>();
    String text;
    try (InputStream in = ShardMachineTableTest.class.getResourceAsStream("/shard/transitions.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = text.split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] sides = line.split("->");
      String[] left = sides[0].trim().split("\\s+");
      String[] right = sides[1].trim().split("\\s+", 3);
      ShardEvent event = ShardEvent.valueOf(left[2]);
      ShardState to = right[0].equals("=") ? null : ShardState.valueOf(right[0]);
      Expected expected = new Expected(n + 1, to, right[1], right[2].trim().replaceAll("\\s+", " "));
      int named = 0;
      for (String phase : left[0].split(",")) {
        for (boolean resumable : new boolean[] {false, true}) {
          if (!left[1].equals("*") && left[1].equals("yes") != resumable
              || !State.possible(ShardState.valueOf(phase), resumable)) {
            continue;
          }
          Cell cell = new Cell(new State(ShardState.valueOf(phase), resumable), event);
          Expected before = spec.put(cell, expected);
          if (before != null) {
            fail("lines " + before.line() + " and " + (n + 1) + " both name " + cell);
          }
          named++;
        }
      }
      assertTrue(named > 0, "line " + (n + 1) + " names no possible state: " + line);
    }
    return spec;
  }
}
