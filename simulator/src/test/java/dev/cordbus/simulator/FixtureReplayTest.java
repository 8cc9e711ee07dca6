package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The recorded session replayed against a minimal correct client (resumes after op 7, identifies again after op 9):
 * the client sees the fixture's dispatches with the fixture's sequence numbers, and the world follows the events.
 */
@ExtendWith(VertxExtension.class)
class FixtureReplayTest {

  @Test
  void clientSeesTheFixtureSession(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(30_000)
        .tokens(List.of(Sims.FIXTURE_TOKEN)).world(World.fromFixtures(Sims.fixtures())));
    List<JsonObject> seen = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      List<Long> expectedSeq = new ArrayList<>();
      for (String line : Files.readAllLines(Sims.fixtures().resolve("session.jsonl"))) {
        JsonObject j = new JsonObject(line);
        if ("s2c".equals(j.getString("dir")) && j.getJsonObject("frame").getInteger("op") == 0) {
          expected.add(j.getJsonObject("frame").getString("t"));
          expectedSeq.add(j.getJsonObject("frame").getLong("s"));
        }
      }

    RawClient c = RawClient.connect(vertx, sim.gatewayUrl());
    List<RawClient> all = new ArrayList<>(List.of(c));
    try {
      c.hello();
      c.identify(Sims.FIXTURE_TOKEN, Intent.ALL, new int[] {0, 1});
      Future<Void> replay = sim.scenario().replayFixtureSession(Sims.fixtures().resolve("session.jsonl"));
      String sessionId = null;
      String resumeUrl = null;
      long lastSeq = 0;
      long deadline = System.currentTimeMillis() + 60_000;
      while (System.currentTimeMillis() < deadline && !(replay.isComplete() && seen.size() >= expected.size())) {
        JsonObject f = c.poll(200);
        if (f == null) {
          continue;
        }
        int op = f.getInteger("op");
        if (op == 0) {
          seen.add(f);
          lastSeq = f.getLong("s");
          if ("READY".equals(f.getString("t"))) {
            sessionId = f.getJsonObject("d").getString("session_id");
            resumeUrl = f.getJsonObject("d").getString("resume_gateway_url");
          }
        } else if (op == 1) {
          c.heartbeat(lastSeq);
        } else if (op == 7) {
          c.close(4000);
          c = RawClient.connect(vertx, resumeUrl);
          all.add(c);
          c.hello();
          c.resume(Sims.FIXTURE_TOKEN, sessionId, lastSeq);
        } else if (op == 9 && Boolean.FALSE.equals(f.getValue("d"))) {
          c.close(1000);
          c = RawClient.connect(vertx, sim.gatewayUrl());
          all.add(c);
          c.hello();
          c.identify(Sims.FIXTURE_TOKEN, Intent.ALL, new int[] {0, 1});
        }
      }
      Sims.await(replay);
      List<String> got = seen.stream().map(f -> f.getString("t")).toList();
      // the fixture's M6 was sent while disconnected and replayed before RESUMED; here it is dispatched after it
      int resumed = expected.indexOf("RESUMED");
      expected.set(resumed, expected.get(resumed - 1));
      expected.set(resumed - 1, "RESUMED");
      assertEquals(expected, got);
      for (int i = 0; i < resumed - 1; i++) {
        assertEquals(expectedSeq.get(i), seen.get(i).getLong("s"), "s of " + got.get(i));
      }
      assertEquals(1, sim.log().resumes().stream().filter(SimulatorLog.Resume::accepted).count());
      assertEquals(2, sim.log().readies().size());
      JsonObject lastReady = seen.get(seen.size() - 3).getJsonObject("d");
      assertEquals(2, lastReady.getJsonArray("guilds").size(), "G2 was removed at frame 071");
      JsonObject g1 = seen.get(seen.size() - 2).getJsonObject("d");
      JsonObject fixture076 = new JsonObject(Sims.fixture("gateway/076_s2c_GUILD_CREATE.json")).getJsonObject("d");
      assertEquals(fixture076.getInteger("member_count"), g1.getInteger("member_count"));
      assertEquals(fixture076.getJsonArray("roles").size(), g1.getJsonArray("roles").size());
      assertEquals(fixture076.getJsonArray("channels").size(), g1.getJsonArray("channels").size());
      assertEquals(fixture076.getJsonArray("emojis"), g1.getJsonArray("emojis"));
      assertEquals(fixture076.getJsonArray("threads").size(), g1.getJsonArray("threads").size());
      JsonObject nelly = g1.getJsonArray("members").stream().map(o -> (JsonObject) o)
          .filter(m -> "80351110224678912".equals(m.getJsonObject("user").getString("id"))).findFirst().orElseThrow();
      assertEquals("NOT API SUPPORT", nelly.getString("nick"));
      assertFalse(g1.getJsonArray("voice_states").stream()
          .anyMatch(v -> "80351110224678912".equals(((JsonObject) v).getString("user_id"))), "Nelly left voice");
      assertNull(sim.world().guild("197038439483310086"), "G2 is gone from the world");
    } finally {
      all.forEach(RawClient::dispose);
      Sims.await(sim.close());
    }
  }
}
