package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.simulator.core.SimulatorLog;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fault the simulator can inject, with dispatches injected before, during and after it: the right recovery
 * (RESUME vs IDENTIFY in the simulator's log) and no dispatch lost or duplicated within a session. Every fault kind
 * runs under each transport compression (none, zlib-stream, zstd-stream); the close codes are spread over them.
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

  /** Every compression the gateway speaks: each fault kind runs under each (GATEWAY.md §10). */
  static final String[] COMPRESSIONS = {"none", "zlib-stream", "zstd-stream"};
  private static final int[] RESUMABLE_CODES = {4000, 4001, 4002, 4008, 1001, 4999};
  private static final int[] SESSION_ENDING_CODES = {4003, 4005, 4007, 4009};

  @ParameterizedTest
  @ValueSource(strings = {"none", "zlib-stream", "zstd-stream"})
  void reconnectOpcodeResumes(String compression, Vertx vertx) throws Exception {
    runFault(vertx, "op7", compression, true, true, () -> await(sim.scenario().reconnect(0)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "zlib-stream", "zstd-stream"})
  void resumableInvalidSessionResumes(String compression, Vertx vertx) throws Exception {
    runFault(vertx, "op9true", compression, true, true, () -> await(sim.scenario().invalidSession(0, true)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "zlib-stream", "zstd-stream"})
  void invalidSessionFalseIdentifiesAgain(String compression, Vertx vertx) throws Exception {
    runFault(vertx, "op9false", compression, false, false,
        () -> await(sim.scenario().invalidSession(0, false)));
    assertTrue(bus.on(Addresses.SHARD_INVALID_SESSION).stream()
        .anyMatch(s -> !s.json().getBoolean("resumable")));
  }

  /** Each close code once, the codes spread over the three compressions (each compression gets two). */
  static Stream<Arguments> resumableCloses() {
    return IntStream.range(0, RESUMABLE_CODES.length)
        .mapToObj(i -> Arguments.of(RESUMABLE_CODES[i], COMPRESSIONS[i % COMPRESSIONS.length]));
  }

  @ParameterizedTest
  @MethodSource("resumableCloses")
  void resumableCloseCodesResume(int code, String compression, Vertx vertx) throws Exception {
    runFault(vertx, "close" + code, compression, true, true,
        () -> await(sim.scenario().close(0, code, "test close " + code)));
  }

  /** Each close code once, spread over the three compressions. */
  static Stream<Arguments> sessionEndingCloses() {
    return IntStream.range(0, SESSION_ENDING_CODES.length)
        .mapToObj(i -> Arguments.of(SESSION_ENDING_CODES[i], COMPRESSIONS[i % COMPRESSIONS.length]));
  }

  @ParameterizedTest
  @MethodSource("sessionEndingCloses")
  void sessionEndingCloseCodesIdentify(int code, String compression, Vertx vertx) throws Exception {
    runFault(vertx, "close" + code, compression, false, false,
        () -> await(sim.scenario().close(0, code, "test close " + code)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "zlib-stream", "zstd-stream"})
  void abruptCutResumes(String compression, Vertx vertx) throws Exception {
    runFault(vertx, "cut", compression, true, true, () -> await(sim.scenario().cut(0)));
    assertEquals(1, bus.on(Addresses.SHARD_DISCONNECT).size());
    JsonObject disconnect = bus.on(Addresses.SHARD_DISCONNECT).get(0).json();
    assertTrue(disconnect.getBoolean("resumable"));
    assertEquals("cut", disconnect.getString("initiator"), disconnect.encode());
    assertEquals(1006, disconnect.getInteger("code"));
  }

  /**
   * A message the connection's decompression context cannot decode (without compression a binary message is just a
   * bad frame, see BadFramesIT): a bad frame (counted, on {@code discord.shard.error}), then a reconnect that
   * RESUMEs with a fresh context, nothing lost or duplicated.
   */
  @ParameterizedTest
  @ValueSource(strings = {"zlib-stream", "zstd-stream"})
  void corruptCompressedStreamReconnectsAndResumes(String compression, Vertx vertx) throws Exception {
    byte[] corrupt = compression.equals("zlib-stream")
        ? new byte[] {1, 2, 3, 4, 5, 0, 0, (byte) 0xff, (byte) 0xff}
        : new byte[] {0x07, 0, 0, 'x'}; // a zstd block header of the reserved type 3 inside the running frame
    runFault(vertx, "corrupt", compression, true, true,
        () -> await(sim.scenario().sendRawBinary(0, io.vertx.core.buffer.Buffer.buffer(corrupt))));
    String kind = compression.substring(0, 4); // "zlib" / "zstd"
    assertTrue(bus.on(Addresses.SHARD_ERROR).stream().anyMatch(s -> "bad-frame".equals(s.json().getString("kind"))
        && s.json().getString("reason", "").contains("corrupt " + kind)), bus.on(Addresses.SHARD_ERROR).toString());
    JsonObject status = await(vertx.eventBus().<JsonObject>request(Addresses.GATEWAY_STATUS, null)).body();
    JsonObject shard = status.getJsonArray("shards").getJsonObject(0);
    assertEquals(1, shard.getLong("badFrames"), "the corrupt message is counted: " + shard.encode());
    assertEquals("READY", shard.getString("state"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "zlib-stream", "zstd-stream"})
  void zombieConnectionIsClosedAndResumed(String compression, Vertx vertx) throws Exception {
    runFault(vertx, "zombie", compression, true, true, () -> {
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

  @ParameterizedTest
  @ValueSource(strings = {"none", "zlib-stream", "zstd-stream"})
  void serverHeartbeatRequestIsAnsweredAtOnce(String compression, Vertx vertx) throws Exception {
    start(vertx, simOptions().heartbeatIntervalMs(5000), compression);
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
