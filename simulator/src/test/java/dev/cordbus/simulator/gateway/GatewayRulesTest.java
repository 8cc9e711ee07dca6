package dev.cordbus.simulator.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The pure decisions of the gateway side, without Vert.x servers. */
class GatewayRulesTest {

  @Test
  void sendLimiterAllowsLimitPerSlidingWindow() {
    SendLimiter l = new SendLimiter(3, 1000);
    assertTrue(l.tryAcquire(0));
    assertTrue(l.tryAcquire(10));
    assertTrue(l.tryAcquire(20));
    assertFalse(l.tryAcquire(30), "4th within the window");
    assertTrue(l.tryAcquire(1001), "the first one left the window");
    assertFalse(l.tryAcquire(1002));
  }

  @Test
  void replayBufferGivesFramesAfterSeqOrNullWhenNotResumable() {
    ReplayBuffer b = new ReplayBuffer(3, 1_000_000);
    for (long s = 1; s <= 5; s++) {
      b.add(s, "f" + s);
    }
    assertEquals(List.of("f4", "f5"), b.after(3, 5));
    assertEquals(List.of(), b.after(5, 5));
    assertEquals(List.of("f3", "f4", "f5"), b.after(2, 5), "oldest kept is 3");
    assertNull(b.after(1, 5), "2 was evicted: cannot resume from 1");
    assertNull(b.after(6, 5), "never issued");
    assertNull(b.after(-1, 5));
  }

  @Test
  void replayBufferIsBoundedByBytes() {
    ReplayBuffer b = new ReplayBuffer(100, 10);
    b.add(1, "aaaaaa");
    b.add(2, "bbbbbb");
    assertEquals(1, b.size());
  }

  @Test
  void identifyGateSpacesBucketsAndSpendsBudget() {
    IdentifyGate g = new IdentifyGate(3, 86_400_000L, 2, 5000, 0);
    assertEquals(IdentifyGate.Decision.OK, g.tryIdentify(0, 0));
    assertEquals(IdentifyGate.Decision.OK, g.tryIdentify(1, 10), "other bucket");
    assertEquals(IdentifyGate.Decision.CONCURRENCY_LIMITED, g.tryIdentify(2, 20), "2 % 2 = bucket 0");
    assertEquals(IdentifyGate.Decision.OK, g.tryIdentify(2, 5000));
    assertEquals(0, g.sessionStartLimit(5000).getInteger("remaining"));
    assertEquals(IdentifyGate.Decision.SESSION_LIMIT_EXHAUSTED, g.tryIdentify(3, 20_000));
    assertEquals(IdentifyGate.Decision.OK, g.tryIdentify(3, 86_400_001L), "budget resets");
    assertEquals(2, g.sessionStartLimit(86_400_001L).getInteger("remaining"));
  }

  @Test
  void identifyValidatorMapsProblemsToCloseCodes() {
    List<String> tokens = List.of("tok");
    JsonObject ok = new JsonObject().put("token", "tok").put("intents", 513);
    assertNull(IdentifyValidator.validate(ok, tokens, Intent.ALL).failure());
    assertEquals(CloseCode.AUTHENTICATION_FAILED, IdentifyValidator.validate(ok.copy().put("token", "x"), tokens,
        Intent.ALL).failure());
    assertNull(IdentifyValidator.validate(ok.copy().put("token", "Bot tok"), tokens, Intent.ALL).failure());
    assertEquals(CloseCode.INVALID_INTENTS, IdentifyValidator.validate(ok.copy().put("intents", 1 << 17), tokens,
        Intent.ALL).failure());
    assertEquals(CloseCode.DISALLOWED_INTENTS, IdentifyValidator.validate(ok.copy().put("intents", 1 << 15), tokens,
        Intent.NON_PRIVILEGED).failure());
    assertEquals(CloseCode.INVALID_SHARD, IdentifyValidator.validate(ok.copy().put("shard",
        new JsonArray().add(2).add(2)), tokens, Intent.ALL).failure());
    assertEquals(CloseCode.INVALID_SHARD, IdentifyValidator.validate(ok.copy().put("shard",
        new JsonArray().add(0).add(0)), tokens, Intent.ALL).failure());
    IdentifyValidator.Request r = IdentifyValidator.validate(ok.copy().put("shard", new JsonArray().add(1).add(4))
        .put("large_threshold", 1000), tokens, Intent.ALL).request();
    assertEquals(1, r.shard());
    assertEquals(4, r.shardCount());
    assertEquals(250, r.largeThreshold(), "clamped to 250");
  }

  @Test
  void closeCodesSayWhetherTheSessionSurvives() {
    assertTrue(CloseCode.serverCloseKeepsSession(4000));
    assertTrue(CloseCode.serverCloseKeepsSession(1001));
    assertFalse(CloseCode.serverCloseKeepsSession(4004));
    assertFalse(CloseCode.serverCloseKeepsSession(4014));
    assertFalse(CloseCode.clientCloseKeepsSession(1000));
    assertFalse(CloseCode.clientCloseKeepsSession(1001));
    assertTrue(CloseCode.clientCloseKeepsSession(4000));
    assertTrue(CloseCode.clientCloseKeepsSession(null), "TCP drop");
  }

  @Test
  void intentsFilterEventsAndContent() {
    int guildMsgs = Intent.GUILD_MESSAGES.bit();
    assertTrue(EventIntents.allowed("MESSAGE_CREATE", true, false, guildMsgs));
    assertFalse(EventIntents.allowed("MESSAGE_CREATE", false, false, guildMsgs), "DMs need DIRECT_MESSAGES");
    assertFalse(EventIntents.allowed("GUILD_MEMBER_UPDATE", true, false, 0));
    assertTrue(EventIntents.allowed("GUILD_MEMBER_UPDATE", true, true, 0), "the bot's own member update");
    assertTrue(EventIntents.allowed("READY", false, false, 0));
    assertTrue(EventIntents.allowed("SOME_FUTURE_EVENT", true, false, 0));
    JsonObject m = new JsonObject().put("guild_id", "1").put("content", "x").put("embeds", new JsonArray().add(1))
        .put("author", new JsonObject().put("id", "5")).put("poll", new JsonObject());
    assertFalse(EventIntents.contentExempt(m, "9"));
    assertTrue(EventIntents.contentExempt(m, "5"), "own message");
    assertTrue(EventIntents.contentExempt(m.copy().put("content", "<@9> hi"), "9"), "mentions the bot");
    JsonObject blank = EventIntents.blankContent(m);
    assertEquals("", blank.getString("content"));
    assertTrue(blank.getJsonArray("embeds").isEmpty());
    assertFalse(blank.containsKey("poll"));
  }

  @Test
  void routingUsesGuildIdOrIdForGuildEvents() {
    assertEquals(41771983423143937L, DispatchRouting.guildOf("MESSAGE_CREATE",
        new JsonObject().put("guild_id", "41771983423143937")));
    assertEquals(41771983423143937L, DispatchRouting.guildOf("GUILD_CREATE",
        new JsonObject().put("id", "41771983423143937")));
    assertEquals(0, DispatchRouting.guildOf("MESSAGE_CREATE", new JsonObject().put("channel_id", "1")));
  }

  @Test
  void memberChunksSplitAndCarryNotFoundAndNonce() {
    List<JsonObject> members = java.util.stream.IntStream.range(0, 25).mapToObj(i -> new JsonObject().put("i", i))
        .toList();
    List<JsonObject> chunks = MemberChunks.chunks("1", members, null, new JsonArray().add(5L), "n", 10);
    assertEquals(3, chunks.size());
    assertEquals(5, chunks.get(2).getJsonArray("members").size());
    assertEquals(new JsonArray().add(5L), chunks.get(0).getJsonArray("not_found"));
    assertEquals("n", chunks.get(2).getString("nonce"));
    assertEquals(1, MemberChunks.chunks("1", List.of(), null, null, null, 10).size(), "always one chunk");
    assertNull(MemberChunks.nonce("x".repeat(33)));
    assertEquals("x".repeat(32), MemberChunks.nonce("x".repeat(32)));
  }

  @Test
  void zlibStreamEncoderOutputInflatesWithOneInflater() throws Exception {
    ZlibStreamEncoder enc = new ZlibStreamEncoder();
    Inflater inf = new Inflater();
    try {
      for (int i = 0; i < 20; i++) {
        String payload = "{\"op\":0,\"s\":" + i + ",\"d\":\"" + "x".repeat(i * 5000) + "\"}";
        Buffer b = enc.encode(payload.getBytes(StandardCharsets.UTF_8));
        int n = b.length();
        assertEquals(0, b.getByte(n - 4));
        assertEquals((byte) 0xff, b.getByte(n - 1), "ends with 00 00 ff ff");
        int split = ZlibStreamEncoder.splitPoint(b);
        assertTrue(split > 0 && split < n);
        inf.setInput(b.getBytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int k;
        while ((k = inf.inflate(chunk)) > 0) {
          out.write(chunk, 0, k);
        }
        assertEquals(payload, out.toString(StandardCharsets.UTF_8));
      }
    } finally {
      enc.end();
      inf.end();
    }
  }
}
