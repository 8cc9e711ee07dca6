package dev.cordbus.state;

import static dev.cordbus.state.fixture.Frames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateFailure;
import dev.cordbus.state.fixture.BusHarness;
import dev.cordbus.state.fixture.Frames;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fixture session replayed end to end over the event bus, exactly as the gateway publishes it; at each
 * checkpoint of fixtures/README.md the queries return the world the fixtures describe.
 */
@ExtendWith(VertxExtension.class)
class FixtureReplayTest {

  private static JsonObject q(String k1, String v1) {
    return new JsonObject().put(k1, v1);
  }

  private static JsonObject q(String k1, String v1, String k2, String v2) {
    return new JsonObject().put(k1, v1).put(k2, v2);
  }

  private static int failureCode(BusHarness h, String address, JsonObject body) throws Exception {
    return ((io.vertx.core.eventbus.ReplyException) h.queryFailure(address, body)).failureCode();
  }

  @Test
  void checkpointsOfTheRecordedSession(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());

    // ---- after 008: G1, G2 available, G3 unavailable; G1 fully loaded
    h.replay(1, 8);
    assertFalse(h.query(StateAddresses.GUILD, q("guild_id", G1)).getBoolean("unavailable"));
    assertEquals("Gank Mike HQ", h.query(StateAddresses.GUILD, q("guild_id", G1)).getString("name"));
    assertFalse(h.query(StateAddresses.GUILD, q("guild_id", G2)).getBoolean("unavailable"));
    assertTrue(h.query(StateAddresses.GUILD, q("guild_id", G3)).getBoolean("unavailable"));
    assertEquals(3, h.query(StateAddresses.GUILDS, new JsonObject()).getJsonArray("guilds").size());
    JsonObject channels = h.query(StateAddresses.CHANNELS, q("guild_id", G1));
    assertEquals(4, channels.getJsonArray("channels").size());
    channels.getJsonArray("channels").forEach(c -> assertEquals(G1, ((JsonObject) c).getString("guild_id")));
    assertEquals(1, channels.getJsonArray("threads").size());
    assertEquals(G1, h.query(StateAddresses.CHANNEL, q("channel_id", GENERAL)).getString("guild_id"));
    assertEquals(3, h.query(StateAddresses.ROLES, q("guild_id", G1)).getJsonArray("roles").size());
    JsonObject counts = h.query(StateAddresses.COUNTS, q("guild_id", G1));
    assertEquals(4, counts.getInteger("members"));
    assertEquals(4, counts.getInteger("presences"));
    assertEquals(1, counts.getInteger("voice_states"));
    assertEquals(1, counts.getInteger("sounds"));
    assertEquals(VOICE, h.query(StateAddresses.VOICE_STATE, q("guild_id", G1, "user_id", NELLY))
        .getString("channel_id"));
    JsonObject g1 = h.query(StateAddresses.GUILD, q("guild_id", G1));
    assertEquals(1, g1.getJsonArray("emojis").size());
    assertEquals(1, g1.getJsonArray("stickers").size());
    assertEquals("Mason", h.query(StateAddresses.MEMBER, q("guild_id", G1, "user_id", MASON))
        .getJsonObject("user").getString("username"));
    assertEquals("dnd", h.query(StateAddresses.PRESENCE, q("guild_id", G1, "user_id", MASON)).getString("status"));
    // users are shared: TEST is a member of G2 only, the bot of both guilds, one user object each
    assertEquals("test", h.query(StateAddresses.USER, q("user_id", TEST)).getString("username"));

    // ---- after 023: M1 cached, reactions all gone again
    h.replay(9, 23);
    JsonObject m1 = h.query(StateAddresses.MESSAGE, q("channel_id", GENERAL, "message_id", M1));
    assertEquals("Supa Hot", m1.getString("content"));
    assertTrue(m1.getJsonArray("reactions", new JsonArray()).isEmpty(), m1.encode());

    // ---- after 025: edited content kept, partial update merged (1 embed)
    h.replay(24, 25);
    m1 = h.query(StateAddresses.MESSAGE, q("channel_id", GENERAL, "message_id", M1));
    assertEquals("Supa Hot \uD83D\uDD25 https://discord.com/developers", m1.getString("content"));
    assertNotNull(m1.getString("edited_timestamp"));
    assertEquals(1, m1.getJsonArray("embeds").size());

    // ---- after 032: of M1..M4 only M1 remains; the DM message lives in the DM channel
    h.replay(26, 32);
    h.query(StateAddresses.MESSAGE, q("channel_id", GENERAL, "message_id", M1));
    for (String gone : List.of(M2, M3, M4)) {
      assertEquals(StateFailure.UNKNOWN_MESSAGE.code(),
          failureCode(h, StateAddresses.MESSAGE, q("channel_id", GENERAL, "message_id", gone)));
    }
    assertEquals("hi bot", h.query(StateAddresses.MESSAGE, q("channel_id", DM_TEST, "message_id",
        "1534984527544451072")).getString("content"));

    // ---- after 047
    h.replay(33, 47);
    assertEquals(5, h.query(StateAddresses.MEMBERS, q("guild_id", G1)).getInteger("total"));
    JsonObject nelly = h.query(StateAddresses.MEMBER, q("guild_id", G1, "user_id", NELLY));
    assertEquals("NOT API SUPPORT", nelly.getString("nick"));
    assertEquals(new JsonArray().add(ROLE_BOYZ), nelly.getJsonArray("roles"));
    assertEquals(3, h.query(StateAddresses.ROLES, q("guild_id", G1)).getJsonArray("roles").size());
    channels = h.query(StateAddresses.CHANNELS, q("guild_id", G1));
    assertEquals(4, channels.getJsonArray("channels").size());
    assertEquals(3, channels.getJsonArray("threads").size());
    assertEquals(2, h.query(StateAddresses.CHANNEL, q("channel_id", THREAD_NEW)).getInteger("member_count"));
    assertEquals(BOT, h.query(StateAddresses.CHANNEL, q("channel_id", NEWS_THREAD)).getJsonObject("member")
        .getString("user_id"));
    assertEquals(2, h.query(StateAddresses.CHANNEL, q("channel_id", NEWS)).getJsonArray("permission_overwrites")
        .size());
    assertEquals(StateFailure.UNKNOWN_CHANNEL.code(), failureCode(h, StateAddresses.CHANNEL, q("channel_id", MEMES)));
    assertEquals(StateFailure.UNKNOWN_ROLE.code(),
        failureCode(h, StateAddresses.ROLE, q("guild_id", G1, "role_id", ROLE_MODS)));

    // ---- after 058
    h.replay(48, 58);
    assertEquals(VOICE, h.query(StateAddresses.VOICE_STATE, q("guild_id", G1, "user_id", BOT)).getString("channel_id"));
    assertEquals(StateFailure.UNKNOWN_VOICE_STATE.code(),
        failureCode(h, StateAddresses.VOICE_STATE, q("guild_id", G1, "user_id", NELLY)));
    assertEquals(StateFailure.UNKNOWN_MEMBER.code(),
        failureCode(h, StateAddresses.MEMBER, q("guild_id", G1, "user_id", TEST)));
    assertEquals(4, h.query(StateAddresses.MEMBERS, q("guild_id", G1)).getInteger("total"));
    assertEquals(2, h.query(StateAddresses.GUILD, q("guild_id", G1)).getJsonArray("emojis").size());

    // ---- after 068: M6 replayed on resume, still session A
    h.replay(59, 68);
    assertEquals(M6, h.query(StateAddresses.MESSAGE, q("channel_id", GENERAL, "message_id", M6)).getString("id"));
    assertEquals("3f1d2a9c7b8e4f60a1b2c3d4e5f60718",
        h.query(StateAddresses.SELF, new JsonObject()).getJsonArray("shards").getJsonObject(0).getString("session_id"));
    // a replayed duplicate (same session, seq <= last applied) is not applied twice
    Frames.Frame reaction = Frames.session().stream().filter(f -> f.file() == 18).findFirst().orElseThrow();
    h.publish(reaction);
    h.sync();
    assertNull(h.query(StateAddresses.MESSAGE, q("channel_id", GENERAL, "message_id", M1)).getValue("reactions"));
    assertTrue(h.verticle.duplicates() >= 1);

    // ---- after 071: G2 purged with its channels and members
    h.replay(69, 71);
    assertEquals(StateFailure.UNKNOWN_GUILD.code(), failureCode(h, StateAddresses.GUILD, q("guild_id", G2)));
    assertEquals(StateFailure.UNKNOWN_CHANNEL.code(),
        failureCode(h, StateAddresses.CHANNEL, q("channel_id", "441688182833020939")));
    assertEquals(StateFailure.UNKNOWN_USER.code(), failureCode(h, StateAddresses.USER, q("user_id", TEST)),
        "TEST was only a member of G2: its user goes with it");

    // ---- after 076: new session, G1 rebuilt, no voice states, bot presence with the activity of 063
    h.replay(72, 77);
    assertFalse(h.query(StateAddresses.GUILD, q("guild_id", G1)).getBoolean("unavailable"));
    assertTrue(h.query(StateAddresses.GUILD, q("guild_id", G3)).getBoolean("unavailable"));
    assertEquals(0, h.query(StateAddresses.COUNTS, q("guild_id", G1)).getInteger("voice_states"));
    assertEquals("Save the Oxford Comma", h.query(StateAddresses.PRESENCE, q("guild_id", G1, "user_id", BOT))
        .getJsonArray("activities").getJsonObject(0).getString("name"));
    assertEquals("b7c8", h.query(StateAddresses.SELF, new JsonObject()).getJsonArray("shards").getJsonObject(0)
        .getString("session_id").substring(0, 4));
    assertEquals(2, h.query(StateAddresses.GUILDS, new JsonObject()).getJsonArray("guilds").size());
    assertEquals(0, h.verticle.failed());
  }

  @Test
  void queriesFailWithClearCodes(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 8);
    assertEquals(StateFailure.UNKNOWN_GUILD.code(), failureCode(h, StateAddresses.GUILD, q("guild_id", "1")));
    assertEquals(StateFailure.BAD_REQUEST.code(), failureCode(h, StateAddresses.GUILD, new JsonObject()));
    Throwable bad = h.queryFailure(StateAddresses.MEMBER, q("guild_id", G1, "user_id", "nope"));
    assertTrue(bad.getMessage().contains("user_id"), bad.getMessage());
    assertEquals(StateFailure.UNKNOWN_MEMBER.code(),
        failureCode(h, StateAddresses.MEMBER, q("guild_id", G1, "user_id", MISSING_USER)));
    assertEquals(StateFailure.UNKNOWN_USER.code(), failureCode(h, StateAddresses.USER, q("user_id", MISSING_USER)));
    assertEquals(StateFailure.GUILD_UNAVAILABLE.code(),
        failureCode(h, StateAddresses.MEMBERS, q("guild_id", G3)));
    assertEquals(StateFailure.UNKNOWN_PRESENCE.code(),
        failureCode(h, StateAddresses.PRESENCE, q("guild_id", G1, "user_id", MISSING_USER)));
    // paging: 4 members of G1 in pages of 3
    JsonObject page1 = h.query(StateAddresses.MEMBERS, new JsonObject().put("guild_id", G1).put("limit", 3));
    assertEquals(3, page1.getJsonArray("members").size());
    JsonObject page2 = h.query(StateAddresses.MEMBERS,
        new JsonObject().put("guild_id", G1).put("limit", 3).put("after", page1.getString("next")));
    assertEquals(1, page2.getJsonArray("members").size());
    assertNull(page2.getValue("next"));
  }

  @Test
  void policyOffMeansNotCached(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject().put("resources", new JsonArray().add("CHANNEL").add("ROLE"))
        .put("memberPolicy", "NONE"));
    h.replay(1, 32);
    assertEquals(StateFailure.NOT_CACHED.code(),
        failureCode(h, StateAddresses.MESSAGE, q("channel_id", GENERAL, "message_id", M1)));
    assertEquals(StateFailure.NOT_CACHED.code(),
        failureCode(h, StateAddresses.PRESENCE, q("guild_id", G1, "user_id", MASON)));
    assertEquals(1, h.query(StateAddresses.MEMBERS, q("guild_id", G1)).getInteger("total"), "only the bot");
    assertEquals(BOT, h.query(StateAddresses.MEMBERS, q("guild_id", G1)).getJsonArray("members").getJsonObject(0)
        .getJsonObject("user").getString("id"));
    assertEquals(4, h.query(StateAddresses.CHANNELS, q("guild_id", G1)).getJsonArray("channels").size());
  }
}
