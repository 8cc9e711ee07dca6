package dev.cordbus.example.ops;

import static dev.cordbus.example.ops.OpsDeployment.await;
import static dev.cordbus.example.ops.OpsDeployment.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scrapes {@code /metrics} of a gateway + state node after the recorded fixture session (it contains an op 7
 * RECONNECT answered by RESUME and an op 9 followed by a new IDENTIFY) and one injected bad frame: the
 * {@code cordbus_*} counters match what the simulator sent and what consumers received, Vert.x's own event-bus meters
 * are there, and no line carries the token or a message's content.
 */
class MetricsScrapeTest {

  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

  @Test
  void countersMatchTheFixtureSession() throws Exception {
    Path fixtures = Path.of(System.getProperty("cordbus.fixtures"));
    Path session = fixtures.resolve("session.jsonl");
    Set<String> events = new LinkedHashSet<>(List.of("READY", "RESUMED", "GUILD_CREATE", "GUILD_DELETE"));
    String someContent = null;
    for (String line : Files.readAllLines(session)) {
      JsonObject entry = new JsonObject(line);
      JsonObject frame = entry.getJsonObject("frame");
      if ("s2c".equals(entry.getString("dir")) && frame.getInteger("op") == 0) {
        events.add(frame.getString("t"));
        if ("MESSAGE_CREATE".equals(frame.getString("t")) && someContent == null) {
          someContent = frame.getJsonObject("d").getString("content");
        }
      }
    }
    assertNotNull(someContent, "the fixture has a MESSAGE_CREATE with content");
    try (OpsDeployment d = new OpsDeployment()) {
      d.simulator(new SimulatorOptions().heartbeatIntervalMs(5000).identifyWindowMs(50)
          .world(World.fromFixtures(fixtures)));
      Map<String, AtomicLong> received = new ConcurrentHashMap<>();
      for (String t : events) {
        await(d.vertx.eventBus().consumer(Addresses.dispatch(t),
            m -> received.computeIfAbsent(t, k -> new AtomicLong()).incrementAndGet()).completion());
      }
      AtomicLong groupReady = new AtomicLong();
      await(d.vertx.eventBus().consumer(Addresses.GROUP_READY, m -> groupReady.incrementAndGet()).completion());
      JsonObject ops = new JsonObject().put("port", 0);
      d.state(ops);
      d.gateway(d.gatewayConfig(1, ops).put("intents", 53608447));
      waitUntil("group ready", () -> groupReady.get() > 0, OpsDeployment.TIMEOUT_MS);
      await(d.sim.scenario().replayFixtureSession(session));
      await(d.sim.scenario().sendRaw(0, "{\"op\":0,\"s\":"));   // one bad frame: truncated JSON
      // each s once: a frame the gateway did not read before it closed for the op 7 is written again by the RESUME
      long sent = d.sim.log().issued(0);
      waitUntil(() -> "every dispatch the simulator sent was received (" + sent + " sent; received " + received + ")",
          () -> total(received) >= sent, 20_000);
      Thread.sleep(1500); // the state snapshot refreshes every second

      String text = d.get("/metrics").bodyAsString();
      assertFalse(text.contains(d.sim.token()), "the token never appears in /metrics");
      assertFalse(text.contains(someContent), "message content never appears in /metrics");

      Map<String, Double> m = parse(text);
      String[] shard = {"group", "default", "node", "local", "shard", "0"};
      double dispatches = 0;
      for (Map.Entry<String, AtomicLong> e : received.entrySet()) {
        Double v = v(m, "cordbus_gateway_dispatches_total", shard, "event", e.getKey());
        assertNotNull(v, "dispatch counter of " + e.getKey() + " in:\n" + grep(text, "dispatches_total"));
        assertEquals(e.getValue().get(), v.longValue(), "dispatches of " + e.getKey());
        dispatches += v;
      }
      assertEquals(sent, (long) dispatches, "every dispatch the simulator wrote is counted once");
      assertEquals(1.0, v(m, "cordbus_gateway_resumes_total", shard, "reason", "op7_reconnect"),
          "one RESUME, after the op 7:\n" + grep(text, "resumes_total"));
      assertEquals(1.0, v(m, "cordbus_gateway_reconnects_total", shard, "reason", "op7_reconnect"));
      assertEquals(1.0, v(m, "cordbus_gateway_bad_frames_total", shard), "one bad frame");
      assertEquals(1.0, v(m, "cordbus_gateway_invalid_sessions_total", shard, "resumable", "false"),
          grep(text, "invalid_sessions"));
      assertEquals(1.0, v(m, "cordbus_gateway_identifies_total", shard, "reason", "start"));
      assertEquals(1.0, v(m, "cordbus_gateway_identifies_total", shard, "reason", "invalid_session"),
          grep(text, "identifies_total"));
      assertEquals(4.0, v(m, "cordbus_gateway_shard_state", shard), "READY is 4");
      assertTrue(v(m, "cordbus_gateway_received_bytes_total", shard, "form", "inflated")
          > v(m, "cordbus_gateway_received_bytes_total", shard, "form", "wire"), "zlib-stream inflates");
      assertTrue(v(m, "cordbus_gateway_sends_total", shard, "kind", "protocol") >= 3,
          "identify, resume, identify and heartbeats were sent");
      long creates = received.get("MESSAGE_CREATE").get();
      assertEquals((double) creates, v(m, "cordbus_state_apply_seconds_count", new String[] {"node", "local"}, "event", "MESSAGE_CREATE"),
          "the state verticle applied each MESSAGE_CREATE once:\n" + grep(text, "state_apply_seconds_count"));
      assertTrue(v(m, "cordbus_state_entries", new String[] {"node", "local"}, "kind", "guilds") >= 1, grep(text, "state_entries"));
      assertTrue(v(m, "cordbus_state_events_total", new String[] {"node", "local"}, "outcome", "unheard") >= creates,
          "no consumer of discord.state.MESSAGE_CREATE here: each MESSAGE_CREATE's state event was left unpublished:\n"
          + grep(text, "state_events"));
      assertTrue(v(m, "cordbus_state_events_total", new String[] {"node", "local"}, "outcome", "published") != null,
          grep(text, "state_events"));
      assertEquals(0.0, v(m, "cordbus_relay_dispatches_lost_total", new String[] {"node", "local"}),
          "the relay's loss counter is exported, and nothing was lost:\n" + grep(text, "relay"));
      assertEquals(0.0, v(m, "cordbus_relay_dispatches_received_total", new String[] {"node", "local"}),
          "exported; one JVM receives nothing from another node:\n" + grep(text, "relay"));
      assertEquals(0.0, v(m, "cordbus_gateway_batches_sent_total", new String[] {"node", "local", "path", "stream"}),
          "exported; one JVM sends nothing to another node:\n" + grep(text, "batches_sent"));
      String[] group = {"group", "default", "node", "local"};
      assertEquals(0.0, v(m, "cordbus_gateway_flow_pauses_total", group),
          "the flow control's counters are exported; one JVM has no other node to wait for:\n" + grep(text, "flow"));
      assertEquals(0.0, v(m, "cordbus_gateway_flow_paused_seconds_total", group), grep(text, "flow"));
      assertTrue(text.contains("vertx_eventbus_pending"), "Vert.x's event-bus meters are exported");
      assertTrue(text.contains("address=\"discord.MESSAGE_CREATE\""), "per-address event-bus meters");
    }
  }

  /** The value of series {@code name} with the labels {@code base} + {@code more} (pairs), null if absent. */
  static Double v(Map<String, Double> m, String name, String[] base, String... more) {
    java.util.TreeMap<String, String> labels = new java.util.TreeMap<>();
    for (int i = 0; i < base.length; i += 2) {
      labels.put(base[i], base[i + 1]);
    }
    for (int i = 0; i < more.length; i += 2) {
      labels.put(more[i], more[i + 1]);
    }
    StringBuilder b = new StringBuilder(name).append('{');
    labels.forEach((k, val) -> b.append(k).append("=\"").append(val).append("\","));
    b.setLength(b.length() - 1);
    return m.get(b.append('}').toString());
  }

  private static long total(Map<String, AtomicLong> received) {
    return received.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Sample lines of the Prometheus text format as {@code name{labels}} (labels as written) -> value. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> out = new java.util.HashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher mm = LINE.matcher(line);
      if (mm.matches()) {
        out.put(mm.group(1) + (mm.group(2) == null ? "" : mm.group(2)), Double.parseDouble(mm.group(3)));
      }
    }
    return out;
  }

  static String grep(String text, String what) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.contains(what) && !line.startsWith("#")) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }
}
