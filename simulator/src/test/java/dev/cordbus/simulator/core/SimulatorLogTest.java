package dev.cordbus.simulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of the sent-dispatch record. */
class SimulatorLogTest {

  @Test
  void keepsTheNewestDispatchesByCount() {
    SimulatorLog log = new SimulatorLog();
    int n = SimulatorLog.MAX_SENT_DISPATCHES + 5;
    for (long s = 1; s <= n; s++) {
      log.sent(new SimulatorLog.SentDispatch(0, "a", s, "TYPING_START", "{\"op\":0,\"s\":" + s + ",\"d\":{}}"));
    }
    List<SimulatorLog.SentDispatch> sent = log.sentDispatches();
    assertEquals(SimulatorLog.MAX_SENT_DISPATCHES, sent.size());
    assertEquals(6, sent.get(0).seq(), "the five oldest dropped");
    assertEquals(n, sent.get(sent.size() - 1).seq());
    assertNull(log.sentDispatch("a", 5));
    assertEquals(new JsonObject(), log.sentDispatch("a", 6).d());
  }

  @Test
  void keepsTheNewestDispatchesByCharacters() {
    SimulatorLog log = new SimulatorLog();
    String third = "x".repeat((int) (SimulatorLog.MAX_SENT_DISPATCH_CHARS / 3) + 1);
    for (long s = 1; s <= 3; s++) {
      log.sent(new SimulatorLog.SentDispatch(0, "a", s, "GUILD_CREATE", third));
    }
    assertEquals(List.of(2L, 3L), log.sentDispatches().stream().map(SimulatorLog.SentDispatch::seq).toList());
    String over = "x".repeat((int) SimulatorLog.MAX_SENT_DISPATCH_CHARS + 1);
    log.sent(new SimulatorLog.SentDispatch(0, "b", 1, "READY", over));
    assertEquals(List.of("b"), log.sentDispatches().stream().map(SimulatorLog.SentDispatch::sessionId).toList(),
        "a frame over the bound alone is kept alone");
  }
}
