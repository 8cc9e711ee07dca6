package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Request Guild Members (op 8): chunks, not_found as sent, nonce, query, RATE_LIMITED; voice state (op 4). */
@ExtendWith(VertxExtension.class)
class MemberRequestTest {

  private DiscordSimulator sim;
  private RawClient c;
  private String guild;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    sim = Sims.start(vertx, Sims.fast().chunkSize(10).requestAllMembersCooldownMs(30_000)
        .world(World.generate(1, 25, 4L)));
    guild = sim.world().guildIds().get(0);
    c = RawClient.connect(vertx, sim.gatewayUrl());
    c.hello();
    c.identify(sim.token(), Intent.GUILDS.bit() | Intent.GUILD_MEMBERS.bit() | Intent.GUILD_PRESENCES.bit()
        | Intent.GUILD_VOICE_STATES.bit(), null);
    c.await(0, "GUILD_CREATE", 5000);
  }

  @AfterEach
  void stop() throws Exception {
    c.dispose();
    Sims.await(sim.close());
  }

  private void request(JsonObject d) {
    c.send(new JsonObject().put("op", 8).put("d", d.put("guild_id", guild)));
  }

  @Test
  void allMembersComeInChunksThenSecondRequestIsRateLimited() throws Exception {
    request(new JsonObject().put("query", "").put("limit", 0).put("presences", true).put("nonce", "all-1"));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      JsonObject d = c.await(0, "GUILD_MEMBERS_CHUNK", 5000).getJsonObject("d");
      assertEquals(i, d.getInteger("chunk_index"));
      assertEquals(3, d.getInteger("chunk_count"));
      assertEquals("all-1", d.getString("nonce"));
      assertTrue(d.getJsonArray("members").size() <= 10);
      assertTrue(d.containsKey("presences"));
      d.getJsonArray("members").forEach(m -> ids.add(((JsonObject) m).getJsonObject("user").getString("id")));
    }
    assertEquals(25, ids.size());
    request(new JsonObject().put("query", "").put("limit", 0).put("nonce", "all-2"));
    JsonObject rl = c.await(0, "RATE_LIMITED", 5000).getJsonObject("d");
    assertEquals(8, rl.getInteger("opcode"));
    assertTrue(rl.getDouble("retry_after") > 25 && rl.getDouble("retry_after") <= 30);
    assertEquals(guild, rl.getJsonObject("meta").getString("guild_id"));
    assertEquals("all-2", rl.getJsonObject("meta").getString("nonce"));
  }

  @Test
  void aGuildIdSentAsANumberIsTakenAsDiscordDoes() throws Exception {
    // JDA sends op 8's guild_id as a JSON integer; Discord answers it like the string form
    c.send(new JsonObject().put("op", 8).put("d", new JsonObject().put("guild_id", Long.parseLong(guild))
        .put("query", "").put("limit", 0).put("nonce", "number")));
    JsonObject d = c.await(0, "GUILD_MEMBERS_CHUNK", 5000).getJsonObject("d");
    assertEquals(guild, d.getString("guild_id"), "the chunk names the guild as a string");
    assertEquals("number", d.getString("nonce"));
  }

  @Test
  void userIdsGiveNotFoundAsSent() throws Exception {
    String member = sim.world().memberIds(guild).get(3);
    request(new JsonObject().put("user_ids", new JsonArray().add(member).add("1191168914227331072").add(123123L))
        .put("nonce", "ids"));
    JsonObject d = c.await(0, "GUILD_MEMBERS_CHUNK", 5000).getJsonObject("d");
    assertEquals(1, d.getJsonArray("members").size());
    assertEquals(member, d.getJsonArray("members").getJsonObject(0).getJsonObject("user").getString("id"));
    assertEquals(new JsonArray().add("1191168914227331072").add(123123L), d.getJsonArray("not_found"));
    assertTrue(d.getJsonArray("not_found").getValue(1) instanceof Number, "numbers stay numbers");
    assertFalse(d.containsKey("presences"), "presences not asked");
  }

  @Test
  void queryIsAUsernamePrefixAndLongNonceIsDropped() throws Exception {
    String someone = sim.world().member(guild, sim.world().memberIds(guild).get(5)).getJsonObject("user")
        .getString("username");
    String prefix = someone.substring(0, 3);
    request(new JsonObject().put("query", prefix).put("limit", 5).put("nonce", "x".repeat(33)));
    JsonObject d = c.await(0, "GUILD_MEMBERS_CHUNK", 5000).getJsonObject("d");
    assertFalse(d.getJsonArray("members").isEmpty());
    assertTrue(d.getJsonArray("members").size() <= 5);
    for (Object o : d.getJsonArray("members")) {
      assertTrue(((JsonObject) o).getJsonObject("user").getString("username").startsWith(prefix));
    }
    assertNull(d.getValue("nonce"), "a nonce over 32 bytes is dropped");
  }

  @Test
  void voiceStateUpdateIsAnsweredWithVoiceStateAndServer() throws Exception {
    String voice = null;
    for (Object o : sim.world().channels(guild)) {
      if (((JsonObject) o).getInteger("type") == 2) {
        voice = ((JsonObject) o).getString("id");
      }
    }
    c.send(new JsonObject().put("op", 4).put("d", new JsonObject().put("guild_id", guild).put("channel_id", voice)
        .put("self_mute", false).put("self_deaf", true)));
    JsonObject vs = c.await(0, "VOICE_STATE_UPDATE", 5000).getJsonObject("d");
    assertEquals(sim.world().botId(), vs.getString("user_id"));
    assertEquals(voice, vs.getString("channel_id"));
    assertTrue(vs.getBoolean("self_deaf"));
    assertEquals(32, vs.getString("session_id").length());
    JsonObject server = c.await(0, "VOICE_SERVER_UPDATE", 5000).getJsonObject("d");
    assertEquals(guild, server.getString("guild_id"));
  }
}
