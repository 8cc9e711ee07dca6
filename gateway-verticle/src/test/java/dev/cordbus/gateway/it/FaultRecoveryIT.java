package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.simulator.SimulatorLog;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fault the simulator can inject, with dispatches injected before, during and after it: the right recovery
 * (RESUME vs IDENTIFY in the simulator's log) and no dispatch lost or duplicated within a session.
 */
class FaultRecoveryIT extends GatewayItBase {

  private static final int PER_PHASE = 5;

  interface Fault {
    void run() throws Exception;
  }

  private void runFault(Vertx vertx, String name, String compression, boolean resume, boolean injectDuring,
      Fault fault) throws Exception {
    start(vertx, simOptions(), compression);
    int identifies = sim.log().identifies().size();
    int readyOrResumed = bus.on(Addresses.SHARD_READY).size() + bus.on(Addresses.SHARD_RESUME).size();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < PER_PHASE; i++) {
      expected.add(inject(name + "-before-" + i));
    }
    waitUntil("before-fault dispatches", () -> expected.stream().allMatch(t -> count(t) == 1));
    fault.run();
    if (injectDuring) {
      for (int i = 0; i < PER_PHASE; i++) {
        String tag = name + "-during-" + i;
        injectAsync(tag);
        expected.add(tag);
      }
    }
    waitUntil("recovery of " + name, () -> bus.on(Addresses.SHARD_READY).size()
        + bus.on(Addresses.SHARD_RESUME).size() > readyOrResumed);
    for (int i = 0; i < PER_PHASE; i++) {
      expected.add(inject(name + "-after-" + i));
    }
    waitUntil("every dispatch of " + name, () -> expected.stream().allMatch(t -> count(t) >= 1));
    Thread.sleep(200);
    for (String tag : expected) {
      assertEquals(1, count(tag), "exactly once: " + tag);
    }
    Set<String> sessionSeqs = new HashSet<>();
    for (BusRecorder.Sent m : messages()) {
      assertTrue(sessionSeqs.add(m.header(Headers.SESSION) + "/" + m.header(Headers.SEQ)),
          "duplicate seq " + m.header(Headers.SEQ) + " in session " + m.header(Headers.SESSION));
    }
    SimulatorLog log = sim.log();
    if (resume) {
      assertEquals(identifies, log.identifies().size(), "resumed, no new IDENTIFY: " + log.identifies());
      assertTrue(log.resumes().stream().anyMatch(SimulatorLog.Resume::accepted), "an accepted RESUME");
      assertTrue(bus.on(Addresses.SHARD_RESUME).size() >= 1);
    } else {
      assertEquals(identifies + 1, log.identifies().size(), "a new IDENTIFY: " + log.identifies());
    }
    assertEquals(1, log.maxSimultaneousConnections(0), "never two connections at once");
  }

  @Test
  void reconnectOpcodeResumes(Vertx vertx) throws Exception {
    runFault(vertx, "op7", "zlib-stream", true, true, () -> await(sim.scenario().reconnect(0)));
  }

  @Test
  void resumableInvalidSessionResumes(Vertx vertx) throws Exception {
    runFault(vertx, "op9true", "zlib-stream", true, true, () -> await(sim.scenario().invalidSession(0, true)));
  }

  @Test
  void invalidSessionFalseIdentifiesAgain(Vertx vertx) throws Exception {
    runFault(vertx, "op9false", "none", false, false, () -> await(sim.scenario().invalidSession(0, false)));
    assertTrue(bus.on(Addresses.SHARD_INVALID_SESSION).stream()
        .anyMatch(s -> !s.json().getBoolean("resumable")));
  }

  @ParameterizedTest
  @ValueSource(ints = {4000, 4001, 4002, 4008, 1001, 4999})
  void resumableCloseCodesResume(int code, Vertx vertx) throws Exception {
    runFault(vertx, "close" + code, "zlib-stream", true, true,
        () -> await(sim.scenario().close(0, code, "test close " + code)));
  }

  @ParameterizedTest
  @ValueSource(ints = {4003, 4005, 4007, 4009})
  void sessionEndingCloseCodesIdentify(int code, Vertx vertx) throws Exception {
    runFault(vertx, "close" + code, "none", false, false,
        () -> await(sim.scenario().close(0, code, "test close " + code)));
  }

  @Test
  void abruptCutResumes(Vertx vertx) throws Exception {
    runFault(vertx, "cut", "zlib-stream", true, true, () -> await(sim.scenario().cut(0)));
    assertEquals(1, bus.on(Addresses.SHARD_DISCONNECT).size());
    JsonObject disconnect = bus.on(Addresses.SHARD_DISCONNECT).get(0).json();
    assertTrue(disconnect.getBoolean("resumable"));
    assertEquals("cut", disconnect.getString("initiator"), disconnect.encode());
    assertEquals(1006, disconnect.getInteger("code"));
  }

  @Test
  void corruptZlibStreamReconnectsAndResumes(Vertx vertx) throws Exception {
    runFault(vertx, "corrupt", "zlib-stream", true, true,
        () -> await(sim.scenario().sendRawBinary(0, io.vertx.core.buffer.Buffer.buffer(
            new byte[] {1, 2, 3, 4, 5, 0, 0, (byte) 0xff, (byte) 0xff}))));
    assertTrue(bus.on(Addresses.SHARD_ERROR).stream().anyMatch(s -> s.json().getString("reason", "")
        .contains("zlib")));
  }

  @Test
  void zombieConnectionIsClosedAndResumed(Vertx vertx) throws Exception {
    runFault(vertx, "zombie", "none", true, true, () -> {
      int before = bus.on(Addresses.SHARD_DISCONNECT).size();
      sim.scenario().withholdAcks(0, true);
      waitUntil("zombie detection", () -> bus.on(Addresses.SHARD_DISCONNECT).size() > before, 5000);
      sim.scenario().withholdAcks(0, false);
    });
    BusRecorder.Sent disconnect = bus.on(Addresses.SHARD_DISCONNECT).get(0);
    assertTrue(disconnect.json().getString("reason").contains("zombie"), disconnect.json().encode());
    int code = disconnect.json().getInteger("code");
    assertTrue(code != 1000 && code != 1001, "zombie close must keep the session, code " + code);
  }

  @Test
  void serverHeartbeatRequestIsAnsweredAtOnce(Vertx vertx) throws Exception {
    start(vertx, simOptions().heartbeatIntervalMs(5000), "zlib-stream");
    long beats = heartbeats();
    long t0 = System.currentTimeMillis();
    await(sim.scenario().requestHeartbeat(0));
    waitUntil("an answer to op 1", () -> heartbeats() > beats, 2000);
    assertTrue(System.currentTimeMillis() - t0 < 1000, "answered within a second (interval is 5 s)");
    String tag = inject("after-op1");
    waitUntil("dispatch after op 1", () -> count(tag) == 1);
    assertEquals(1, sim.log().identifies().size());
    assertTrue(bus.on(Addresses.SHARD_DISCONNECT).isEmpty(), "no reconnect");
  }

  private long heartbeats() {
    return sim.log().received(0).stream().filter(f -> Integer.valueOf(1).equals(f.getInteger("op"))).count();
  }
}
