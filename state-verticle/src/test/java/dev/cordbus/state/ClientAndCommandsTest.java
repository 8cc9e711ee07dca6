package dev.cordbus.state;

import static dev.cordbus.state.fixture.Frames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.model.Member;
import dev.cordbus.api.model.MembersChunk;
import dev.cordbus.api.model.Message;
import dev.cordbus.api.model.Update;
import dev.cordbus.api.state.StateFailure;
import dev.cordbus.state.fixture.BusHarness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java bot helpers against the state verticle, and the gateway commands against a stand-in for the gateway's
 * per-shard command address (the real gateway + simulator run in {@code SimulatorChunkingIT}).
 */
@ExtendWith(VertxExtension.class)
class ClientAndCommandsTest {

  @Test
  void typedStateKeysCarryHeadersBeforeAfterAndTheIdsOfDeletes(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    CordbusClient bot = CordbusClient.create(vertx);
    List<dev.cordbus.api.event.Event<dev.cordbus.api.state.StateBodies.Change<Message>>> edits =
        new CopyOnWriteArrayList<>();
    BusHarness.await(bot.on(dev.cordbus.api.state.StateKeys.MESSAGE_UPDATE, edits::add).completion());
    List<dev.cordbus.api.state.StateBodies.MessagesDeleted> bulks = new CopyOnWriteArrayList<>();
    BusHarness.await(bot.on(dev.cordbus.api.state.StateKeys.MESSAGE_DELETE_BULK, e -> bulks.add(e.data()))
        .completion());
    var join = bot.waitFor(dev.cordbus.api.state.StateKeys.GUILD_MEMBER_ADD,
        e -> "test".equals(e.data().after().user().username()), Duration.ofSeconds(5));
    h.replay(1, 58);

    assertEquals(2, edits.size());
    var first = edits.get(0);
    assertEquals("Supa Hot", first.data().before().content());
    assertEquals("Supa Hot \uD83D\uDD25 https://discord.com/developers", first.data().after().content());
    assertEquals(0, first.shard());
    assertEquals(G1, first.guildId(), "the guild header");
    assertTrue(first.seq() > 0, "the seq header of the dispatch");
    assertEquals(1, bulks.size());
    assertEquals(List.of(M3, M4), bulks.get(0).ids());
    assertEquals(2, bulks.get(0).before().size(), "the cached messages, typed");
    assertEquals(TEST, BusHarness.await(join).data().after().user().id());
  }

  @Test
  void typedQueriesSubscriptionsWaitForAndCustomEvents(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    CordbusClient bot = CordbusClient.create(vertx);
    List<Update<Message>> edits = new CopyOnWriteArrayList<>();
    BusHarness.await(bot.onState("MESSAGE_UPDATE", Message.class, edits::add).completion());
    List<Update<Member>> leaves = new CopyOnWriteArrayList<>();
    BusHarness.await(bot.onState("GUILD_MEMBER_REMOVE", Member.class, leaves::add).completion());
    var waiting = bot.waitFor(Addresses.state("GUILD_MEMBER_ADD"),
        b -> "test".equals(b.getJsonObject("after").getJsonObject("user").getString("username")), Duration.ofSeconds(5));
    h.replay(1, 58);

    Member nelly = BusHarness.await(bot.state().member(G1, NELLY));
    assertEquals("NOT API SUPPORT", nelly.displayName());
    assertEquals(List.of(ROLE_BOYZ), nelly.roles());
    assertEquals("Gank Mike HQ", BusHarness.await(bot.state().guild(G1)).name());
    assertEquals(3, BusHarness.await(bot.state().roles(G1)).size());
    assertEquals(VOICE, BusHarness.await(bot.state().voiceState(G1, BOT)).channelId());
    assertEquals("Supa Hot \uD83D\uDD25 https://discord.com/developers",
        BusHarness.await(bot.state().message(GENERAL, M1)).content());
    assertEquals(4, BusHarness.await(bot.state().members(G1, null, 10)).members().size());

    ExecutionException unknown = assertThrows(ExecutionException.class,
        () -> BusHarness.await(bot.state().member(G1, MISSING_USER)));
    assertEquals(StateFailure.UNKNOWN_MEMBER, StateFailure.of(unknown.getCause()));

    assertEquals(2, edits.size());
    assertEquals("Supa Hot", edits.get(0).before().content());
    assertEquals(1, leaves.size());
    assertEquals("test", leaves.get(0).before().user().username());
    assertEquals(TEST, BusHarness.await(waiting).getJsonObject("after").getJsonObject("user").getString("id"));

    ExecutionException timeout = assertThrows(ExecutionException.class, () -> BusHarness.await(
        bot.waitFor(Addresses.state("GUILD_MEMBER_ADD"), b -> true, Duration.ofMillis(100))));
    assertEquals(StateFailure.TIMEOUT, StateFailure.of(timeout.getCause()));

    List<JsonObject> custom = new CopyOnWriteArrayList<>();
    BusHarness.await(bot.onCustom("level-up", custom::add).completion());
    var seen = bot.waitFor(dev.cordbus.api.state.StateAddresses.custom("level-up"),
        b -> b.getInteger("level") == 2, Duration.ofSeconds(5));
    bot.dispatch("level-up", new JsonObject().put("level", 1));
    bot.dispatch("level-up", new JsonObject().put("level", 2));
    assertEquals(2, BusHarness.await(seen).getInteger("level"));
    assertEquals(2, custom.size());
  }

  /** Answers op 8 on shard 0 like Discord: three chunks, the last with not_found; or RATE_LIMITED. */
  private static List<JsonObject> fakeGateway(BusHarness h, boolean rateLimited) throws Exception {
    List<JsonObject> sent = new CopyOnWriteArrayList<>();
    BusHarness.await(h.vertx.eventBus().<JsonObject>consumer(Addresses.gatewayShard(0), msg -> {
      sent.add(msg.body());
      msg.reply(new JsonObject().put("queued", true));
      JsonObject d = msg.body().getJsonObject("d");
      if (msg.body().getInteger("op") != 8) {
        return;
      }
      String nonce = d.getString("nonce");
      long seq = 1000 + sent.size() * 10;
      String a = "3f1d2a9c7b8e4f60a1b2c3d4e5f60718";
      if (rateLimited) {
        h.publish("RATE_LIMITED", seq, a, new JsonObject().put("opcode", 8).put("retry_after", 27.341)
            .put("meta", new JsonObject().put("guild_id", G1).put("nonce", nonce)), 0);
        return;
      }
      String[][] chunks = {{MASON}, {NELLY}, {LUIGI}};
      for (int i = 0; i < 3; i++) {
        JsonObject member = new JsonObject().put("user", new JsonObject().put("id", chunks[i][0])
            .put("username", "u" + i)).put("roles", new JsonArray()).put("joined_at", "2020-01-01T00:00:00+00:00");
        JsonObject chunk = new JsonObject().put("guild_id", G1).put("members", new JsonArray().add(member))
            .put("chunk_index", i).put("chunk_count", 3).put("nonce", nonce);
        if (i == 2) {
          chunk.put("not_found", new JsonArray().add(MISSING_USER));
        }
        h.publish("GUILD_MEMBERS_CHUNK", seq + i, a, chunk, 0);
      }
    }).completion());
    return sent;
  }

  @Test
  void requestMembersGathersChunksUntilChunkCount(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 8);
    List<JsonObject> sent = fakeGateway(h, false);
    CordbusClient bot = CordbusClient.create(vertx);
    MembersChunk result = BusHarness.await(bot.state().requestMembersByIds(G1, List.of(MASON, NELLY, LUIGI,
        MISSING_USER), true));
    assertEquals(3, result.chunkCount());
    assertEquals(List.of(MASON, NELLY, LUIGI), result.members().stream().map(m -> m.user().id()).toList());
    assertEquals(List.of(MISSING_USER), result.notFound());
    JsonObject op8 = sent.get(0);
    assertEquals(8, op8.getInteger("op"));
    assertEquals(result.nonce(), op8.getJsonObject("d").getString("nonce"));
    assertTrue(result.nonce().length() <= 32);
    assertEquals("u1", BusHarness.await(bot.state().user(NELLY)).username(), "chunk members were cached");
  }

  @Test
  void rateLimitedIsAClearFailureWithRetryAfter(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 8);
    fakeGateway(h, true);
    CordbusClient bot = CordbusClient.create(vertx);
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> BusHarness.await(bot.state().requestMembers(G1, "", 0, false)));
    assertEquals(StateFailure.RATE_LIMITED, StateFailure.of(e.getCause()));
    assertEquals(27.341, StateFailure.retryAfter(e.getCause()), 1e-9);
  }

  @Test
  void commandsFailClearlyWithoutAShardOrGateway(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    CordbusClient bot = CordbusClient.create(vertx);
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> BusHarness.await(bot.state().requestMembers(G1, "", 0, false)));
    assertEquals(StateFailure.NO_SHARD, StateFailure.of(e.getCause()), "no READY yet");
    h.replay(1, 8);
    e = assertThrows(ExecutionException.class,
        () -> BusHarness.await(bot.state().requestMembers(new JsonObject().put("guild_id", G1).put("timeoutMs", 300))));
    assertEquals(StateFailure.NO_SHARD, StateFailure.of(e.getCause()), "no gateway registered for shard 0");
    List<JsonObject> sent = fakeGateway(h, false);
    BusHarness.await(bot.state().updatePresence("idle", null));
    BusHarness.await(bot.state().updateVoiceState(G1, VOICE, false, true));
    assertEquals(3, sent.get(0).getInteger("op"));
    assertEquals("idle", sent.get(0).getJsonObject("d").getString("status"));
    assertEquals(4, sent.get(1).getInteger("op"));
    assertEquals(VOICE, sent.get(1).getJsonObject("d").getString("channel_id"));
  }
}
