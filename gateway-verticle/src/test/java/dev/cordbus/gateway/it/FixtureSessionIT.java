package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.gateway.Fixtures;
import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.core.World;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recorded fixture session (79 frames, three sockets: RECONNECT + RESUME, then INVALID_SESSION + new IDENTIFY)
 * replayed by the simulator through the gateway: every dispatch published exactly once, in order, with the right
 * headers, compared with the op-0 frames of session.jsonl; every body, those of the session dispatches the simulator
 * composes itself included, compared with the frame the simulator sent with its session and seq.
 */
class FixtureSessionIT extends GatewayItBase {

  /**
   * Dispatches the simulator produces itself for a session (READY and the lazy guild loads after it): their bodies are
   * compared with what the simulator sent, not with the fixture's.
   */
  private static final Set<String> SESSION_EVENTS = Set.of("READY", "RESUMED", "GUILD_CREATE", "GUILD_DELETE");

  record Seen(String t, String guild, String shard, long seq, String session, JsonObject body) {
  }

  @ParameterizedTest
  @ValueSource(strings = {"zlib-stream", "zstd-stream", "none"})
  void everyDispatchOnceInOrderWithHeaders(String compression, Vertx vertx) throws Exception {
    Path session = Fixtures.dir().resolve("session.jsonl");
    List<JsonObject> expected = new ArrayList<>();
    Set<String> events = new LinkedHashSet<>();
    for (String line : Files.readAllLines(session)) {
      JsonObject entry = new JsonObject(line);
      JsonObject frame = entry.getJsonObject("frame");
      if ("s2c".equals(entry.getString("dir")) && frame.getInteger("op") == 0) {
        events.add(frame.getString("t"));
        expected.add(frame);
      }
    }
    startSimulator(vertx, simOptions().world(World.fromFixtures(Fixtures.dir())));
    List<Seen> seen = new CopyOnWriteArrayList<>();
    Map<String, JsonObject> secondBodies = new java.util.concurrent.ConcurrentHashMap<>();
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    for (String t : events) {
      MessageConsumer<JsonObject> c = vertx.eventBus().consumer(Addresses.dispatch(t), m -> seen.add(new Seen(
          m.headers().get(Headers.EVENT), m.headers().get(Headers.GUILD), m.headers().get(Headers.SHARD),
          Long.parseLong(m.headers().get(Headers.SEQ)), m.headers().get(Headers.SESSION), m.body())));
      consumers.add(c);
      await(c.completion());
      // a second consumer on the same node reads the same body
      MessageConsumer<JsonObject> second = vertx.eventBus().consumer(Addresses.dispatch(t),
          m -> secondBodies.put(m.headers().get(Headers.SESSION) + "/" + m.headers().get(Headers.SEQ), m.body()));
      consumers.add(second);
      await(second.completion());
    }
    deploy(gatewayConfig(compression).put("intents", 53608447));
    waitUntil("group ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
    int startIndex = seen.size();
    long slabFramesBefore = dev.cordbus.gateway.publish.FrameSlabs.framesCopied();
    await(sim.scenario().replayFixtureSession(session));
    List<JsonObject> traffic = expected.stream().filter(f -> !SESSION_EVENTS.contains(f.getString("t"))).toList();
    waitUntil("every replayed dispatch", () -> seen.subList(startIndex, seen.size()).stream()
        .filter(s -> !SESSION_EVENTS.contains(s.t())).count() >= traffic.size(), 30_000);
    Thread.sleep(300);
    List<Seen> replayed = new ArrayList<>(seen.subList(startIndex, seen.size()));
    List<Seen> replayedTraffic = replayed.stream().filter(s -> !SESSION_EVENTS.contains(s.t())).toList();
    assertEquals(traffic.size(), replayedTraffic.size(), "exactly once: " + replayedTraffic);
    // without transport compression the frames were read into the gateway's reused slabs, and the bodies below were
    // read after all of them (with it the decoder makes each message's bytes and the slabs stay out)
    long slabFrames = dev.cordbus.gateway.publish.FrameSlabs.framesCopied() - slabFramesBefore;
    if ("none".equals(compression)) {
      assertTrue(slabFrames >= traffic.size(), "the frames went through the slabs: " + slabFrames);
    }
    for (int i = 0; i < traffic.size(); i++) {
      JsonObject f = traffic.get(i);
      Seen s = replayedTraffic.get(i);
      assertEquals(f.getString("t"), s.t(), "order at " + i);
      assertEquals(expectedGuild(f), s.guild(), "guild header of " + f.getString("t") + " at " + i);
      assertEquals(f.getJsonObject("d"), s.body(), "the body is d, field for field, at " + i);
      assertEquals("0", s.shard());
    }
    assertEquals(seen.size(), secondBodies.size(), "the second consumers saw every dispatch too");
    for (Seen s : seen) {
      assertEquals(s.body(), secondBodies.get(s.session() + "/" + s.seq()), "second consumer's body of " + s.t());
    }
    // every body is the d the simulator sent with that session and seq, field for field, the session dispatches it
    // composes itself (READY, RESUMED, the guild loads, with its own session ids and world) included
    Set<String> seenKeys = new HashSet<>();
    for (Seen s : seen) {
      String what = s.t() + " of session " + s.session() + " seq " + s.seq();
      seenKeys.add(s.session() + "/" + s.seq());
      SimulatorLog.SentDispatch sent = sim.log().sentDispatch(s.session(), s.seq());
      assertNotNull(sent, "the simulator sent " + what);
      assertEquals(sent.event(), s.t(), "event header of " + what);
      assertEquals(sent.d(), s.body(), "the body is the d sent, field for field: " + what);
    }
    // and every session dispatch the simulator sent was published
    List<SimulatorLog.SentDispatch> sessionSent = sim.log().sentDispatches().stream()
        .filter(d -> SESSION_EVENTS.contains(d.event())).toList();
    assertFalse(sessionSent.isEmpty(), "the simulator sent session dispatches");
    for (SimulatorLog.SentDispatch d : sessionSent) {
      assertTrue(seenKeys.contains(d.sessionId() + "/" + d.seq()), "published: " + d.event() + " seq " + d.seq());
    }
    // every expected GUILD_CREATE / GUILD_DELETE of the session (lazy loads included) shows up too, in order
    // (READY/RESUMED are the simulator's own; it sends the recorded "replayed" M6 live, after RESUMED)
    List<String> expectedAll = expected.stream().map(f -> f.getString("t"))
        .filter(t -> !t.equals("READY") && !t.equals("RESUMED")).toList();
    List<String> seenAll = seen.stream().map(Seen::t)
        .filter(t -> !t.equals("READY") && !t.equals("RESUMED")).toList();
    assertTrue(isSubsequence(expectedAll, seenAll), "expected " + expectedAll + " within " + seenAll);
    // seqs unique and increasing within each session
    Map<String, Long> last = new HashMap<>();
    for (Seen s : seen) {
      Long previous = last.put(s.session(), s.seq());
      assertTrue(previous == null || s.seq() > previous, "seq order in session " + s.session() + ": " + s);
    }
    assertTrue(sim.log().resumes().stream().anyMatch(r -> r.accepted()), "the RECONNECT was resumed");
    assertEquals(2, sim.log().identifies().size(), "the INVALID_SESSION led to one new IDENTIFY");
    assertEquals(1, sim.log().maxSimultaneousConnections(0));
  }

  /** d.guild_id, or d.id for GUILD_CREATE/UPDATE/DELETE, as a string. */
  private static String expectedGuild(JsonObject frame) {
    JsonObject d = frame.getJsonObject("d");
    Object g = d.getValue("guild_id");
    if (g == null && frame.getString("t").matches("GUILD_(CREATE|UPDATE|DELETE)")) {
      g = d.getValue("id");
    }
    return g == null ? null : g.toString();
  }

  private static boolean isSubsequence(List<String> small, List<String> big) {
    int j = 0;
    for (String s : big) {
      if (j < small.size() && small.get(j).equals(s)) {
        j++;
      }
    }
    return j == small.size();
  }
}
