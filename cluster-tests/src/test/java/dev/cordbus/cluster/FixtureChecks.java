package dev.cordbus.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.simulator.core.SimulatorLog;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@link CrossNodeDispatchTest} checks in each consumer's record of the fixture session. */
final class FixtureChecks {

  /**
   * Dispatches the simulator produces itself for a session (READY and the lazy guild loads after it): their bodies are
   * compared with what the simulator sent, not with the fixture's.
   */
  static final Set<String> SESSION_EVENTS = Set.of("READY", "RESUMED", "GUILD_CREATE", "GUILD_DELETE");

  private FixtureChecks() {
  }

  /**
   * What one consumer recorded, against the fixture session and against {@code sim}, the frames the simulator sent:
   * every body is the {@code d} sent with its session and seq, and every session dispatch sent was received.
   */
  static void checkConsumer(int c, List<JsonObject> seen, List<JsonObject> traffic, List<JsonObject> expected,
      long sessionSeq, SimulatorLog sim) {
    Set<String> keys = new HashSet<>();
    Map<String, Long> lastSeq = new HashMap<>();
    String readySession = null;
    String thread = seen.get(0).getString("thread");
    for (JsonObject s : seen) {
      String what = "consumer " + c + ", " + s.getString("event") + " seq " + s.getString("seq");
      assertTrue(keys.add(s.getString("session") + "/" + s.getString("seq")), "exactly once: " + what);
      assertEquals(Addresses.dispatch(s.getString("event")), s.getString("address"), "event header: " + what);
      assertEquals("0", s.getString("shard"), "shard header: " + what);
      assertTrue(s.getBoolean("shared"), "the body is a DispatchBody: " + what);
      assertEquals(thread, s.getString("thread"), "a consumer stays on its event loop: " + what);
      JsonObject body = new JsonObject(s.getString("body"));
      if ("READY".equals(s.getString("event"))) {
        readySession = body.getString("session_id");
      }
      assertNotNull(readySession, "a READY first: " + what);
      assertEquals(readySession, s.getString("session"), "session header = the session of the last READY: " + what);
      long seq = Long.parseLong(s.getString("seq"));
      Long previous = lastSeq.put(s.getString("session"), seq);
      assertTrue(previous == null || seq > previous, "seq increasing within the session: " + what);
      assertEquals(expectedGuild(s.getString("event"), body), s.getString("guild"), "guild header: " + what);
      SimulatorLog.SentDispatch sent = sim.sentDispatch(s.getString("session"), seq);
      assertNotNull(sent, "the simulator sent it: " + what);
      assertEquals(sent.event(), s.getString("event"), "event of the frame sent: " + what);
      assertEquals(sent.d(), body, "body = the d sent field for field: " + what);
    }
    List<SimulatorLog.SentDispatch> sessionSent = sim.sentDispatches().stream()
        .filter(d -> SESSION_EVENTS.contains(d.event())).toList();
    assertFalse(sessionSent.isEmpty(), "the simulator sent session dispatches");
    for (SimulatorLog.SentDispatch d : sessionSent) {
      assertTrue(keys.contains(d.sessionId() + "/" + d.seq()), "consumer " + c + " received " + d.event() + " seq "
          + d.seq() + " of session " + d.sessionId());
    }
    assertEquals(sessionSeq, lastSeq.get(readySession), "consumer " + c + " has the live session's last seq");
    List<JsonObject> replayed = seen.stream().filter(s -> !SESSION_EVENTS.contains(s.getString("event"))).toList();
    assertEquals(traffic.size(), replayed.size(), "consumer " + c + ": every replayed dispatch exactly once");
    for (int i = 0; i < traffic.size(); i++) {
      JsonObject f = traffic.get(i);
      JsonObject s = replayed.get(i);
      String what = "consumer " + c + ", " + f.getString("t") + " at " + i;
      assertEquals(f.getString("t"), s.getString("event"), "order: " + what);
      assertEquals(f.getJsonObject("d"), new JsonObject(s.getString("body")), "body = d field for field: " + what);
      assertEquals(expectedGuild(f.getString("t"), f.getJsonObject("d")), s.getString("guild"), "guild: " + what);
    }
    // the session events the fixture names (lazy guild loads included) arrive too, in order
    List<String> names = expected.stream().map(f -> f.getString("t"))
        .filter(t -> !t.equals("READY") && !t.equals("RESUMED")).toList();
    List<String> seenNames = seen.stream().map(s -> s.getString("event"))
        .filter(t -> !t.equals("READY") && !t.equals("RESUMED")).toList();
    int j = 0;
    for (String t : seenNames) {
      if (j < names.size() && names.get(j).equals(t)) {
        j++;
      }
    }
    assertEquals(names.size(), j, "consumer " + c + ": " + names + " within " + seenNames);
  }

  /** d.guild_id, or d.id for GUILD_CREATE/UPDATE/DELETE, as a string. */
  private static String expectedGuild(String t, JsonObject d) {
    Object g = d.getValue("guild_id");
    if (g == null && t.matches("GUILD_(CREATE|UPDATE|DELETE)")) {
      g = d.getValue("id");
    }
    return g == null ? null : g.toString();
  }
}
