package dev.cordbus.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** World generation (deterministic, shared users, scale) and world updates from events. */
class WorldModelTest {

  private static final Logger LOG = LoggerFactory.getLogger(WorldModelTest.class);

  @Test
  void generationIsDeterministicAndSharesUsers() {
    World a = World.generate(4, 20, 7L);
    World b = World.generate(4, 20, 7L);
    assertEquals(a.guildIds(), b.guildIds());
    assertEquals(a.guild(a.guildIds().get(2)), b.guild(b.guildIds().get(2)));
    Set<String> g0 = new HashSet<>(a.memberIds(a.guildIds().get(0)));
    Set<String> g1 = new HashSet<>(a.memberIds(a.guildIds().get(1)));
    assertEquals(20, g0.size());
    g0.retainAll(g1);
    assertTrue(g0.size() > 2, "neighbouring guilds share users (and the bot): " + g0.size());
    JsonObject g = a.guild(a.guildIds().get(0));
    assertEquals(20, g.getInteger("member_count"));
    assertEquals(a.textChannelId(a.guildIds().get(0)), g.getString("system_channel_id"));
    assertTrue(g.getJsonArray("channels").stream().anyMatch(c -> ((JsonObject) c).getInteger("type") == 2));
    assertTrue(g.getJsonArray("channels").stream().anyMatch(c -> ((JsonObject) c).getInteger("type") == 4));
    assertEquals(2, g.getJsonArray("voice_states").size());
  }

  @Test
  void aThousandGuildsOfAThousandMembersStayCompact() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    World w = World.generate(1000, 1000, 1L);
    long genMs = (System.nanoTime() - t0) / 1_000_000;
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    long mb = (after - before) / (1024 * 1024);
    t0 = System.nanoTime();
    JsonObject gc = w.model().guildCreate(w.model().guildIds().get(500), Intent.ALL, 250);
    long renderMs = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("world 1000x1000: generated in {} ms, ~{} MB retained, one GUILD_CREATE rendered in {} ms ({} bytes)",
        genMs, mb, renderMs, gc.encode().length());
    assertEquals(1000, w.guildIds().size());
    assertEquals(1000, gc.getInteger("member_count"));
    assertTrue(mb < 200, "compact world data, retained " + mb + " MB");
  }

  @Test
  void eventsUpdateTheWorld() {
    World w = World.generate(1, 5, 2L);
    WorldModel m = w.model();
    String gid = w.guildIds().get(0);
    JsonObject user = new JsonObject().put("id", "1191168914227331999").put("username", "newcomer");
    m.apply("GUILD_MEMBER_ADD", new JsonObject().put("guild_id", gid).put("user", user)
        .put("roles", new JsonArray()).put("joined_at", "2026-08-06T18:05:00.000000+00:00"));
    assertEquals(6, w.memberCount(gid));
    m.apply("GUILD_MEMBER_UPDATE", new JsonObject().put("guild_id", gid).put("user", user).put("nick", "Newbie")
        .put("roles", new JsonArray()));
    assertEquals("Newbie", w.member(gid, "1191168914227331999").getString("nick"));
    m.apply("CHANNEL_CREATE", new JsonObject().put("id", "1534986163323011072").put("guild_id", gid)
        .put("type", 0).put("name", "memes"));
    assertNotNull(w.channel("1534986163323011072"));
    m.apply("CHANNEL_DELETE", new JsonObject().put("id", "1534986163323011072").put("guild_id", gid));
    assertEquals(null, w.channel("1534986163323011072"));
    m.apply("GUILD_MEMBER_REMOVE", new JsonObject().put("guild_id", gid).put("user", user));
    assertEquals(5, w.memberCount(gid));
    m.apply("GUILD_DELETE", new JsonObject().put("id", gid).put("unavailable", true));
    assertEquals(true, w.guild(gid).getBoolean("unavailable"));
    m.apply("GUILD_DELETE", new JsonObject().put("id", gid));
    assertEquals(List.of(), w.guildIds());
    m.apply("NOT_AN_EVENT", new JsonObject().put("guild_id", "garbage"));
  }
}
