package dev.cordbus.state;

import static dev.cordbus.state.fixture.Frames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.api.state.StateEvents;
import dev.cordbus.state.fixture.BusHarness.Published;
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
 * The cache-aware events published on {@code discord.state.*}: before/after for every update kind, deletes carrying
 * the cached object, and the derived guild events across READY, outages and leaves.
 */
@ExtendWith(VertxExtension.class)
class StateEventsTest {

  private static Published only(BusHarness h, String name) {
    List<Published> l = h.events(name);
    assertEquals(1, l.size(), name + ": " + l);
    return l.get(0);
  }

  private static Published last(BusHarness h, String name) {
    List<Published> l = h.events(name);
    assertFalse(l.isEmpty(), "no " + name);
    return l.get(l.size() - 1);
  }

  private static void publishExtra(BusHarness h, String name, long seq) throws Exception {
    Frames.Frame f = Frames.extra(name, "3f1d2a9c7b8e4f60a1b2c3d4e5f60718");
    h.publish(f.event(), seq, f.session(), f.d(), 0);
    h.sync();
  }

  @Test
  void beforeAndAfterForEveryUpdateKind(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 58);

    List<Published> updates = h.events("MESSAGE_UPDATE");
    assertEquals(2, updates.size(), "the full edit and the partial (embed) update");
    JsonObject msg = updates.get(0).body();
    assertEquals("Supa Hot", msg.getJsonObject("before").getString("content"));
    assertEquals("Supa Hot \uD83D\uDD25 https://discord.com/developers", msg.getJsonObject("after").getString("content"));
    assertEquals(G1, msg.getString("guild_id"));
    assertTrue(updates.get(1).body().getJsonObject("before").getJsonArray("embeds").isEmpty());
    assertEquals(1, updates.get(1).body().getJsonObject("after").getJsonArray("embeds").size());
    assertEquals(msg.getJsonObject("after").getString("content"),
        updates.get(1).body().getJsonObject("after").getString("content"), "partial update merged, not replaced");

    JsonObject member = only(h, "GUILD_MEMBER_UPDATE").body();
    assertNull(member.getJsonObject("before").getValue("nick"));
    assertEquals(new JsonArray(), member.getJsonObject("before").getJsonArray("roles"));
    assertEquals("NOT API SUPPORT", member.getJsonObject("after").getString("nick"));
    assertEquals(new JsonArray().add(ROLE_BOYZ), member.getJsonObject("after").getJsonArray("roles"));

    JsonObject role = only(h, "GUILD_ROLE_UPDATE").body();
    assertEquals("new role", role.getJsonObject("before").getString("name"));
    assertEquals("Moderators", role.getJsonObject("after").getString("name"));

    JsonObject channel = h.events("CHANNEL_UPDATE").stream().map(Published::body)
        .filter(b -> b.getJsonObject("after").getString("id").equals(MEMES)).findFirst().orElseThrow();
    assertNotEquals(channel.getJsonObject("before").getValue("topic"), channel.getJsonObject("after").getValue("topic"));
    assertEquals(MEMES, channel.getJsonObject("after").getString("id"));

    JsonObject presence = only(h, "PRESENCE_UPDATE").body();
    assertTrue(presence.getJsonObject("before").getJsonArray("activities").isEmpty());
    assertEquals("Twitch", presence.getJsonObject("after").getJsonArray("activities").getJsonObject(0)
        .getString("name"));

    List<Published> voice = h.events("VOICE_STATE_UPDATE");
    assertEquals(2, voice.size());
    assertNull(voice.get(0).body().getValue("before"), "the bot joins");
    assertEquals(VOICE, voice.get(0).body().getJsonObject("after").getString("channel_id"));
    assertEquals(VOICE, voice.get(1).body().getJsonObject("before").getString("channel_id"), "Nelly leaves");
    assertNull(voice.get(1).body().getValue("after"));

    JsonObject emojis = only(h, "GUILD_EMOJIS_UPDATE").body();
    assertEquals(1, emojis.getJsonObject("before").getJsonArray("emojis").size());
    assertEquals(2, emojis.getJsonObject("after").getJsonArray("emojis").size());

    JsonObject threadMembers = only(h, "THREAD_MEMBERS_UPDATE").body();
    assertEquals(1, threadMembers.getJsonObject("before").getInteger("member_count"));
    assertEquals(2, threadMembers.getJsonObject("after").getInteger("member_count"));

    // the extra fixtures: guild, thread, user (self and via presence), stickers
    publishExtra(h, "guild_update", 51);
    JsonObject guild = only(h, "GUILD_UPDATE").body();
    assertEquals("Gank Mike HQ", guild.getJsonObject("before").getString("name"));
    assertEquals("Gank Mike HQ (new)", guild.getJsonObject("after").getString("name"));
    assertEquals(5 - 1, guild.getJsonObject("after").getInteger("member_count"), "members kept by GUILD_UPDATE");

    publishExtra(h, "thread_update_archived", 52);
    JsonObject thread = only(h, "THREAD_UPDATE").body();
    assertFalse(thread.getJsonObject("before").getJsonObject("thread_metadata").getBoolean("archived"));
    assertTrue(thread.getJsonObject("after").getJsonObject("thread_metadata").getBoolean("archived"));

    publishExtra(h, "user_update", 56);
    JsonObject self = last(h, "USER_UPDATE").body();
    assertEquals("example-bot", self.getJsonObject("before").getString("username"));
    assertEquals("example-bot-2", self.getJsonObject("after").getString("username"));

    publishExtra(h, "presence_update_user_changed", 57);
    JsonObject luigi = last(h, "USER_UPDATE").body();
    assertNull(luigi.getJsonObject("before").getValue("global_name"));
    assertEquals("Weegee", luigi.getJsonObject("after").getString("global_name"));

    publishExtra(h, "guild_stickers_update", 58);
    JsonObject stickers = only(h, "GUILD_STICKERS_UPDATE").body();
    assertEquals(1, stickers.getJsonObject("before").getJsonArray("stickers").size());
    assertTrue(stickers.getJsonObject("after").getJsonArray("stickers").isEmpty());
  }

  @Test
  void deletesCarryTheCachedObject(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 71);

    JsonObject del = only(h, "MESSAGE_DELETE").body();
    assertEquals(M2, del.getJsonObject("before").getString("id"));
    assertEquals(M2, del.getString("id"));
    assertNull(del.getValue("after"));

    JsonObject bulk = only(h, "MESSAGE_DELETE_BULK").body();
    assertEquals(List.of("spam 1", "spam 2"), bulk.getJsonArray("before").stream()
        .map(m -> ((JsonObject) m).getString("content")).sorted().toList());

    JsonObject remove = only(h, "GUILD_MEMBER_REMOVE").body();
    assertEquals("test", remove.getJsonObject("before").getJsonObject("user").getString("username"));

    JsonObject ban = only(h, StateEvents.GUILD_MEMBER_BAN).body();
    assertEquals(TEST, ban.getJsonObject("before").getJsonObject("user").getString("id"), "ban has the member");

    assertEquals("#memes".substring(1), only(h, "CHANNEL_DELETE").body().getJsonObject("before").getString("name"));
    assertEquals("Moderators", only(h, "GUILD_ROLE_DELETE").body().getJsonObject("before").getString("name"));

    JsonObject removed = only(h, StateEvents.GUILD_REMOVE).body();
    assertEquals(G2, removed.getString("guild_id"));
    assertEquals("Discord Testers", removed.getJsonObject("before").getString("name"));

    // a delete of something never cached still says so, with before null
    h.publish("MESSAGE_DELETE", 72, "3f1d2a9c7b8e4f60a1b2c3d4e5f60718",
        new JsonObject().put("id", "1").put("channel_id", GENERAL).put("guild_id", G1), 0);
    h.sync();
    assertNull(last(h, "MESSAGE_DELETE").body().getValue("before"));
  }

  @Test
  void derivedGuildEventsAcrossReadyOutagesAndLeaves(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 8);
    // READY listed G1, G2, G3: their GUILD_CREATEs are "available", not joins; G3 stays down
    assertEquals(List.of(G1, G2), h.events(StateEvents.GUILD_AVAILABLE).stream()
        .map(p -> p.body().getString("guild_id")).toList());
    assertTrue(h.events(StateEvents.GUILD_JOIN).isEmpty());
    assertTrue(h.events(StateEvents.GUILD_UNAVAILABLE).isEmpty(), "G3 was never up");
    assertEquals(0, only(h, StateEvents.SHARD_CACHE_READY).body().getInteger("shard"));

    String a = "3f1d2a9c7b8e4f60a1b2c3d4e5f60718";
    // an outage of G1, then it comes back
    h.publish("GUILD_DELETE", 100, a, new JsonObject().put("id", G1).put("unavailable", true), 0);
    h.sync();
    JsonObject down = only(h, StateEvents.GUILD_UNAVAILABLE).body();
    assertEquals("Gank Mike HQ", down.getJsonObject("before").getString("name"));
    JsonObject g1 = Frames.session().stream().filter(f -> f.file() == 6).findFirst().orElseThrow().d();
    h.publish("GUILD_CREATE", 101, a, g1, 0);
    h.sync();
    assertEquals(3, h.events(StateEvents.GUILD_AVAILABLE).size());

    // a guild not in READY: a join
    JsonObject newGuild = g1.copy().put("id", "1534990000000000009").put("name", "New Place");
    h.publish("GUILD_CREATE", 102, a, newGuild, 0);
    h.sync();
    assertEquals("New Place", only(h, StateEvents.GUILD_JOIN).body().getJsonObject("after").getString("name"));

    // leaving it: removed (not unavailable)
    h.publish("GUILD_DELETE", 103, a, new JsonObject().put("id", "1534990000000000009"), 0);
    h.sync();
    assertEquals("New Place", only(h, StateEvents.GUILD_REMOVE).body().getJsonObject("before").getString("name"));

    // a new session: G1 comes back as available; G2 is not in the new READY: removed
    h.replay(75, 77);
    List<Published> removes = h.events(StateEvents.GUILD_REMOVE);
    assertEquals(G2, removes.get(removes.size() - 1).body().getString("guild_id"));
    assertEquals(G1, last(h, StateEvents.GUILD_AVAILABLE).body().getString("guild_id"));
    assertEquals(1, h.events(StateEvents.GUILD_JOIN).size(), "no join after a new session");
  }
}
