package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** READY, then one GUILD_CREATE per guild (members filtered per intents/large_threshold), unavailable guilds. */
@ExtendWith(VertxExtension.class)
class ReadyTest {

  @Test
  void readyThenGuildCreatePerGuild(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().world(World.generate(4, 10, 3L)));
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      assertEquals(1000, c.hello().getJsonObject("d").getInteger("heartbeat_interval"));
      c.identify(sim.token(), Intent.GUILDS.bit() | Intent.GUILD_MEMBERS.bit() | Intent.GUILD_PRESENCES.bit(), null);
      JsonObject ready = c.await(0, "READY", 5000);
      assertEquals(1, ready.getLong("s"));
      JsonObject d = ready.getJsonObject("d");
      assertEquals(10, d.getInteger("v"));
      assertEquals(sim.world().botId(), d.getJsonObject("user").getString("id"));
      assertTrue(d.getJsonObject("user").getBoolean("bot"));
      assertEquals(32, d.getString("session_id").length());
      assertTrue(d.getString("resume_gateway_url").startsWith("ws://127.0.0.1:" + sim.port() + "/resume"));
      assertNotNull(d.getJsonObject("application").getString("id"));
      assertNull(d.getValue("shard"), "no shard echo when the client did not shard");
      JsonArray guilds = d.getJsonArray("guilds");
      assertEquals(4, guilds.size());
      Set<String> created = new HashSet<>();
      List<JsonObject> received = new ArrayList<>(List.of(ready));
      for (int i = 0; i < 4; i++) {
        JsonObject gc = c.next(5000);
        received.add(gc);
        assertEquals("GUILD_CREATE", gc.getString("t"));
        assertEquals(i + 2, gc.getLong("s"));
        JsonObject g = gc.getJsonObject("d");
        created.add(g.getString("id"));
        assertEquals(10, g.getInteger("member_count"));
        assertEquals(10, g.getJsonArray("members").size(), "small guild: everybody");
        assertFalse(g.getJsonArray("presences").isEmpty());
        for (Object ch : g.getJsonArray("channels")) {
          assertNull(((JsonObject) ch).getValue("guild_id"), "GUILD_CREATE channels have no guild_id");
        }
        assertNotNull(g.getString("system_channel_id"));
        assertFalse(g.getJsonArray("roles").isEmpty());
      }
      Set<String> expected = new HashSet<>(sim.world().guildIds());
      assertEquals(expected, created);
      // the log keeps every frame as sent, under its session and seq
      assertEquals(received.size(), sim.log().sentDispatches().size());
      for (JsonObject frame : received) {
        SimulatorLog.SentDispatch sent = sim.log().sentDispatch(d.getString("session_id"), frame.getLong("s"));
        assertEquals(frame.getString("t"), sent.event());
        assertEquals(frame, new JsonObject(sent.frame()));
        assertEquals(frame.getJsonObject("d"), sent.d());
      }
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void withoutPresencesOnlyBotAndVoiceMembers(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().world(World.generate(1, 30, 3L)));
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      c.hello();
      c.identify(sim.token(), Intent.GUILDS.bit() | Intent.GUILD_MEMBERS.bit(), null);
      JsonObject g = c.await(0, "GUILD_CREATE", 5000).getJsonObject("d");
      JsonArray members = g.getJsonArray("members");
      assertEquals(30, g.getInteger("member_count"));
      assertEquals(3, members.size(), "the bot and the two members in voice");
      assertEquals(sim.world().botId(), members.getJsonObject(0).getJsonObject("user").getString("id"));
      assertTrue(g.getJsonArray("voice_states").isEmpty(), "no GUILD_VOICE_STATES intent, no voice states");
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void largeGuildLeavesOutOfflineMembersWithoutRoleOrNick(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().world(World.generate(1, 300, 3L)));
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      c.hello();
      c.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", sim.token())
          .put("intents", Intent.ALL).put("large_threshold", 50)
          .put("properties", new JsonObject().put("os", "linux").put("browser", "t").put("device", "t"))));
      JsonObject g = c.await(0, "GUILD_CREATE", 5000).getJsonObject("d");
      assertTrue(g.getBoolean("large"));
      int included = g.getJsonArray("members").size();
      assertTrue(included < 300 && included > 50, "some members left out, got " + included);
      assertEquals(2, g.getJsonArray("voice_states").size());
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void fixtureWorldGivesFixtureGuildsVerbatimAndG3Unavailable(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().tokens(List.of(Sims.FIXTURE_TOKEN))
        .world(World.fromFixtures(Sims.fixtures())));
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      c.hello();
      c.identify(Sims.FIXTURE_TOKEN, 40847, new int[] {0, 1});
      JsonObject ready = c.await(0, "READY", 5000).getJsonObject("d");
      JsonObject expectedReady = new JsonObject(Sims.fixture("gateway/005_s2c_READY.json")).getJsonObject("d");
      assertEquals(expectedReady.getJsonArray("guilds"), ready.getJsonArray("guilds"));
      assertEquals(expectedReady.getJsonObject("user"), ready.getJsonObject("user"));
      assertEquals(new JsonArray().add(0).add(1), ready.getJsonArray("shard"));
      JsonObject g1 = c.next(5000);
      JsonObject expected = new JsonObject(Sims.fixture("gateway/006_s2c_GUILD_CREATE.json")).getJsonObject("d");
      assertEquals(expected, g1.getJsonObject("d"));
      JsonObject g2 = c.next(5000);
      assertEquals(new JsonObject(Sims.fixture("gateway/007_s2c_GUILD_CREATE.json")).getJsonObject("d"),
          g2.getJsonObject("d"));
      JsonObject g3 = c.next(5000);
      assertEquals("GUILD_DELETE", g3.getString("t"));
      assertEquals(new JsonObject(Sims.fixture("gateway/008_s2c_GUILD_DELETE.json")).getJsonObject("d"),
          g3.getJsonObject("d"));
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }
}
