package dev.cordbus.state.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Shards;
import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.model.Guild;
import dev.cordbus.api.state.StateFailure;
import dev.cordbus.state.fixture.BusHarness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two partitioned state verticles (shard 0 and shard 1 of 2) in one Vert.x, queried through {@link CordbusClient}:
 * guild-scoped queries reach the owner, lists are gathered from both, and a shard whose READY or GUILD_CREATEs are
 * missing answers REBUILDING instead of "unknown guild". The gateway side is a consumer on the shard command
 * addresses that records the re-identify requests (the real gateway does it in the cluster test).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PartitionTest {

  static final String G0A = Long.toString(1000L << 22);
  static final String G0B = Long.toString(1002L << 22);
  static final String G1 = Long.toString(1001L << 22);

  static JsonObject guild(String id, String name) {
    return new JsonObject().put("id", id).put("name", name).put("unavailable", false).put("member_count", 1)
        .put("roles", new JsonArray()).put("channels", new JsonArray()).put("threads", new JsonArray())
        .put("emojis", new JsonArray()).put("stickers", new JsonArray()).put("presences", new JsonArray())
        .put("voice_states", new JsonArray()).put("members", new JsonArray().add(new JsonObject()
            .put("user", new JsonObject().put("id", "77").put("username", "u77")).put("roles", new JsonArray())
            .put("joined_at", "2024-01-01T00:00:00.000000+00:00")));
  }

  static JsonObject ready(int shard, String session, String... guilds) {
    JsonArray list = new JsonArray();
    for (String g : guilds) {
      list.add(new JsonObject().put("id", g).put("unavailable", true));
    }
    return new JsonObject().put("v", 10).put("session_id", session).put("resume_gateway_url", "ws://127.0.0.1:1")
        .put("user", new JsonObject().put("id", "42").put("username", "bot").put("bot", true))
        .put("guilds", list).put("shard", new JsonArray().add(shard).add(2));
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static StateFailure failure(Future<?> f) throws Exception {
    try {
      await(f);
    } catch (ExecutionException e) {
      return StateFailure.of(e.getCause());
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void queriesReachTheOwnerAndARebuildingShardNeverAnswersFromAPartialCache(Vertx vertx) throws Exception {
    assertEquals(0, Shards.shardOf(G0A, 2));
    assertEquals(0, Shards.shardOf(G0B, 2));
    assertEquals(1, Shards.shardOf(G1, 2));
    List<Integer> reidentify = new CopyOnWriteArrayList<>();
    for (int shard = 0; shard < 2; shard++) {
      int s = shard;
      await(vertx.eventBus().<JsonObject>consumer(Addresses.gatewayShard(s), m -> {
        if (Addresses.REIDENTIFY_OP.equals(m.body().getValue("op"))) {
          reidentify.add(s);
          m.reply(new JsonObject().put("shard", s).put("action", "reidentify"));
        }
      }).completion());
    }
    BusHarness zero = new BusHarness(vertx, new JsonObject().put("shards", new JsonArray().add(0))
        .put("shardCount", 2).put("rebuildCheckMs", 100).put("rebuildGraceMs", 200).put("rebuildStallMs", 600));
    BusHarness one = new BusHarness(vertx, new JsonObject().put("shards", new JsonArray().add(1))
        .put("shardCount", 2).put("rebuildCheckMs", 100).put("rebuildGraceMs", 200).put("rebuildStallMs", 600));
    CordbusClient bot = CordbusClient.create(vertx);

    assertEquals(StateFailure.REBUILDING, failure(bot.state().guild(G0A)), "no READY yet");
    assertEquals(StateFailure.REBUILDING, failure(bot.state().guilds()), "a gathered list is never partial");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((!reidentify.contains(0) || !reidentify.contains(1)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(reidentify.contains(0) && reidentify.contains(1), "each group asked its shard to re-identify: "
        + reidentify);

    zero.publish("READY", 1, "s0", ready(0, "s0", G0A, G0B), 0);
    zero.publish("GUILD_CREATE", 2, "s0", guild(G0A, "Zero A"), 0);
    one.publish("READY", 1, "s1", ready(1, "s1", G1), 1);
    one.publish("GUILD_CREATE", 2, "s1", guild(G1, "One"), 1);
    Thread.sleep(200);
    assertEquals("One", await(bot.state().guild(G1)).name(), "shard 1 is whole");
    assertEquals(StateFailure.REBUILDING, failure(bot.state().guild(G0A)), "shard 0 still misses G0B");
    assertEquals(StateFailure.REBUILDING, failure(bot.state().counts(null)));
    reidentify.clear();
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!reidentify.contains(0) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(List.of(0), reidentify, "G0B never came: shard 0 (only) is asked to re-identify again");

    zero.publish("GUILD_CREATE", 3, "s0", guild(G0B, "Zero B"), 0);
    Thread.sleep(200);
    Guild a = await(bot.state().guild(G0A));
    assertEquals("Zero A", a.name());
    assertEquals("u77", await(bot.state().member(G0B, "77")).user().username());
    JsonArray all = await(bot.state().guilds());
    assertEquals(List.of(G0A, G1, G0B), all.stream().map(g -> ((JsonObject) g).getString("id")).toList(),
        "gathered from both groups, sorted by id");
    assertEquals(3, await(bot.state().counts(null)).getInteger("guilds"));
    assertEquals("u77", await(bot.state().user("77")).username());
    assertEquals(StateFailure.UNKNOWN_USER, failure(bot.state().user("78")));
    assertEquals(2, await(bot.state().query(dev.cordbus.api.state.StateAddresses.SELF, new JsonObject()))
        .getJsonArray("shards").size());

    // a new session on shard 0 (the gateway re-identified): stale until its guilds are back
    zero.publish("READY", 1, "s0b", ready(0, "s0b", G0A, G0B), 0);
    Thread.sleep(200);
    assertEquals(StateFailure.REBUILDING, failure(bot.state().guild(G0A)));
    assertEquals("One", await(bot.state().guild(G1)).name(), "the other group is not affected");
  }

  @Test
  void guildsThatNeverArriveAfterAReidentifyAreAcceptedAsUnavailableWithoutAnIdentifyLoop(Vertx vertx)
      throws Exception {
    List<Long> asked = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().<JsonObject>consumer(Addresses.gatewayShard(0), m -> {
      asked.add(System.nanoTime());
      m.reply(new JsonObject().put("shard", 0).put("action", "reidentify")); // but no new READY comes (outage)
    }).completion());
    BusHarness zero = new BusHarness(vertx, new JsonObject().put("shardCount", 1).put("rebuildCheckMs", 100)
        .put("rebuildGraceMs", 0).put("rebuildStallMs", 400));
    zero.publish("READY", 1, "s0", ready(0, "s0", G0A, G0B).put("shard", new JsonArray().add(0).add(1)), 0);
    zero.publish("GUILD_CREATE", 2, "s0", guild(G0A, "Zero A"), 0);
    CordbusClient bot = CordbusClient.create(vertx);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
    StateFailure last = StateFailure.REBUILDING;
    while (last == StateFailure.REBUILDING && System.nanoTime() < deadline) {
      try {
        await(bot.state().guild(G0A));
        last = null;
      } catch (ExecutionException e) {
        last = StateFailure.of(e.getCause());
        Thread.sleep(50);
      }
    }
    assertEquals(null, last, "after one stall re-identify the shard is accepted");
    assertEquals(StateFailure.GUILD_UNAVAILABLE, failure(bot.state().member(G0B, "77")), "honest about G0B");
    int before = asked.size();
    Thread.sleep(1500);
    assertEquals(before, asked.size(), "no more re-identify requests: " + asked.size());
    assertTrue(before <= 2, "one at start at most, one for the stall: " + before);
  }
}
