package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cordbus.api.Intent;
import dev.cordbus.api.Shards;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Guild dispatches go to shard (guild >> 22) % n, DMs to shard 0; READY lists each shard's guilds. */
@ExtendWith(VertxExtension.class)
class ShardingTest {

  private static final int INTENTS = Intent.GUILDS.bit() | Intent.GUILD_MESSAGES.bit() | Intent.DIRECT_MESSAGES.bit();

  @Test
  void dispatchesAreRoutedByShard(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().recommendedShards(2).world(World.generate(8, 3, 5L)));
    RawClient s0 = RawClient.connect(vertx, sim.gatewayUrl());
    RawClient s1 = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      s0.hello();
      s1.hello();
      s0.identify(sim.token(), INTENTS, new int[] {0, 2});
      s1.identify(sim.token(), INTENTS, new int[] {1, 2});
      JsonArray g0 = s0.await(0, "READY", 5000).getJsonObject("d").getJsonArray("guilds");
      JsonArray g1 = s1.await(0, "READY", 5000).getJsonObject("d").getJsonArray("guilds");
      assertEquals(sim.world().guildIdsOnShard(0, 2).size(), g0.size());
      assertEquals(8, g0.size() + g1.size());
      for (Object o : g1) {
        assertEquals(1, Shards.shardOf(((JsonObject) o).getString("id"), 2));
      }
      for (int i = 0; i < g0.size(); i++) {
        s0.await(0, "GUILD_CREATE", 5000);
      }
      for (int i = 0; i < g1.size(); i++) {
        s1.await(0, "GUILD_CREATE", 5000);
      }
      String guildOn1 = sim.world().guildIdsOnShard(1, 2).get(0);
      Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", "1534984653373571072")
          .put("channel_id", sim.world().textChannelId(guildOn1)).put("guild_id", guildOn1).put("content", "hi")));
      JsonObject m = s1.await(0, "MESSAGE_CREATE", 5000);
      assertEquals(guildOn1, m.getJsonObject("d").getString("guild_id"));
      assertNull(s0.poll(200), "shard 0 does not get shard 1's guild");
      Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", "1534984527544451072")
          .put("channel_id", "319674150115610528").put("content", "dm")));
      assertEquals("dm", s0.await(0, "MESSAGE_CREATE", 5000).getJsonObject("d").getString("content"));
      assertNull(s1.poll(200), "DMs only on shard 0");
      assertEquals(List.of(0, 1), List.of(sim.log().identifies().get(0).shard(), sim.log().identifies().get(1).shard()));
    } finally {
      s0.dispose();
      s1.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void twoSessionsOnOneShardBothReceive(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().world(World.generate(1, 3, 5L)));
    RawClient a = RawClient.connect(vertx, sim.gatewayUrl());
    RawClient b = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      a.hello();
      b.hello();
      a.identify(sim.token(), INTENTS, null);
      b.identify(sim.token(), INTENTS, null);
      a.await(0, "GUILD_CREATE", 5000);
      b.await(0, "GUILD_CREATE", 5000);
      String g = sim.world().guildIds().get(0);
      Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", "1534984653373571072")
          .put("channel_id", sim.world().textChannelId(g)).put("guild_id", g).put("content", "both")));
      assertEquals(3, a.await(0, "MESSAGE_CREATE", 5000).getLong("s"));
      assertEquals(3, b.await(0, "MESSAGE_CREATE", 5000).getLong("s"));
      assertEquals(2, sim.log().maxSimultaneousConnections(0));
    } finally {
      a.dispose();
      b.dispose();
      Sims.await(sim.close());
    }
  }
}
