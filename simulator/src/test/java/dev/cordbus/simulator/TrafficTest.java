package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The firehose (sizes, mix, throughput, back-pressure), lively, and MESSAGE_CONTENT blanking. */
@ExtendWith(VertxExtension.class)
class TrafficTest {

  private static final Logger LOG = LoggerFactory.getLogger(TrafficTest.class);

  private static RawClient ready(Vertx vertx, DiscordSimulator sim, int intents, int guilds) throws Exception {
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl());
    c.hello();
    c.identify(sim.token(), intents, null);
    for (int i = 0; i < guilds; i++) {
      c.await(0, "GUILD_CREATE", 5000);
    }
    return c;
  }

  @Test
  void firehoseAtFullSpeedDeliversRealisticDispatches(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(60_000)
        .world(World.generate(4, 20, 6L)));
    RawClient c = ready(vertx, sim, Intent.ALL, 4);
    try {
      int count = 20_000;
      long t0 = System.nanoTime();
      // written at the client's pace: 22-26 s seen at load 17-22 on 2 cores
      long written = Sims.await(sim.scenario().firehose(count, 0), 90);
      Map<String, Integer> kinds = new HashMap<>();
      long messageBytes = 0;
      long lastSeq = 5;
      for (int i = 0; i < written; i++) {
        JsonObject f = c.next(10_000);
        assertEquals(lastSeq + 1, f.getLong("s"), "in order, no gaps");
        lastSeq = f.getLong("s");
        kinds.merge(f.getString("t"), 1, Integer::sum);
        if ("MESSAGE_CREATE".equals(f.getString("t"))) {
          messageBytes += f.getJsonObject("d").encode().length();
          assertFalse(f.getJsonObject("d").getJsonArray("embeds").getJsonObject(0).getJsonArray("fields").isEmpty());
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(count, written, "every dispatch written to the one session");
      long avg = messageBytes / kinds.get("MESSAGE_CREATE");
      LOG.info("firehose: {} dispatches in {} s = {} /s, MESSAGE_CREATE d avg {} bytes, mix {}", written,
          String.format("%.2f", seconds), (long) (written / seconds), avg, kinds);
      assertTrue(avg > 1100 && avg < 1800, "MESSAGE_CREATE about 1.4 KB, was " + avg);
      assertTrue(kinds.get("MESSAGE_CREATE") > count * 0.8);
      assertTrue(kinds.containsKey("GUILD_MEMBER_UPDATE") && kinds.containsKey("PRESENCE_UPDATE")
          && kinds.containsKey("MESSAGE_REACTION_ADD"), kinds.toString());
      assertEquals(count + 5, sim.log().dispatched(0));
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void firehoseOverZlibStreamReadsBackThroughOneInflaterWithHeartbeatsInBetween(Vertx vertx) throws Exception {
    firehoseReadsBack(vertx, "zlib-stream", true, 3_000);
  }

  /**
   * zstd-stream: every firehose frame compressed through the connection's one context straight into its frame buffer,
   * read back by RawClient's own zstd-jni context (not cordbus's decoder), heartbeat ACKs in between, replay after
   * RESUME on a new connection (a new context).
   */
  @Test
  void firehoseOverZstdStreamReadsBackThroughOneContext(Vertx vertx) throws Exception {
    firehoseReadsBack(vertx, "zstd-stream", true, 3_000);
  }

  @Test
  void withoutSpliceTheFirehoseDeflatesThroughTheConnectionsContext(Vertx vertx) throws Exception {
    firehoseReadsBack(vertx, "zlib-stream", false, 500);
  }

  private static void firehoseReadsBack(Vertx vertx, String compress, boolean splice, int count) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(60_000).firehoseSplice(splice)
        .world(World.generate(3, 12, 6L)));
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl(), "v=10&encoding=json&compress=" + compress);
    try {
      c.hello();
      int withoutContent = Intent.ALL & ~Intent.MESSAGE_CONTENT.bit();
      c.identify(sim.token(), withoutContent, null);
      JsonObject ready = c.await(0, "READY", 5000);
      for (int i = 0; i < 3; i++) {
        c.await(0, "GUILD_CREATE", 5000);
      }
      Future<Long> f = sim.scenario().firehose(count, 0);
      for (int i = 0; i < 20; i++) {
        c.heartbeat(null);
      }
      assertEquals(count, Sims.await(f));
      long lastSeq = 4;
      int acks = 0;
      int messages = 0;
      for (int i = 0; i < count + 20; i++) {
        JsonObject frame = c.next(10_000);
        assertFalse(frame.containsKey("_inflate_error") || frame.containsKey("_zstd_error"), frame.encode());
        if (frame.getInteger("op") == 11) {
          acks++;
          continue;
        }
        assertEquals(lastSeq + 1, frame.getLong("s"), "in order, no gaps");
        lastSeq = frame.getLong("s");
        if ("MESSAGE_CREATE".equals(frame.getString("t"))) {
          messages++;
          assertEquals("", frame.getJsonObject("d").getString("content"), "no MESSAGE_CONTENT: blank variant");
          assertTrue(frame.getJsonObject("d").getJsonObject("member").containsKey("roles"));
        }
      }
      assertEquals(20, acks, "the live context's ACKs interleave with the firehose's dispatches");
      assertEquals(count + 20, c.binaryMessages() - 5, "every payload one binary message (after HELLO, READY, 3 GUILD_CREATEs)");
      assertTrue(messages > count * 0.8);
      c.close(4000);
      c.awaitClose(5000);
      RawClient again = RawClient.connect(vertx, sim.gatewayUrl(), "v=10&encoding=json&compress=" + compress);
      try {
        again.hello();
        again.resume(sim.token(), ready.getJsonObject("d").getString("session_id"), lastSeq - 10);
        for (long s = lastSeq - 9; s <= lastSeq; s++) {
          assertEquals(s, again.await(0, null, 5000).getLong("s"), "firehose frames replay after RESUME");
        }
      } finally {
        again.dispose();
      }
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void permessageDeflateIsNotNegotiated(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().world(World.generate(1, 5, 6L)));
    io.vertx.core.http.WebSocketClient client = vertx.createWebSocketClient(
        new io.vertx.core.http.WebSocketClientOptions().setTryUsePerMessageCompression(true)
            .setTryUsePerFrameCompression(true));
    try {
      io.vertx.core.http.WebSocket ws = Sims.await(client.connect(new io.vertx.core.http.WebSocketConnectOptions()
          .setAbsoluteURI(sim.gatewayUrl() + "/?v=10&encoding=json")));
      assertEquals(null, ws.headers().get("Sec-WebSocket-Extensions"),
          "Discord compresses with zlib-stream only; an offered permessage-deflate is declined");
    } finally {
      Sims.await(client.close());
      Sims.await(sim.close());
    }
  }

  @Test
  void firehoseThroughputToACountingClient(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(60_000)
        .world(World.generate(8, 20, 6L)));
    io.vertx.core.http.WebSocketClient client = vertx.createWebSocketClient(
        new io.vertx.core.http.WebSocketClientOptions().setMaxMessageSize(16 * 1024 * 1024));
    java.util.concurrent.atomic.AtomicLong frames = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    try {
      // the handler is set before the handshake, so the HELLO the simulator sends at once cannot come first
      io.vertx.core.http.ClientWebSocket ws = client.webSocket();
      ws.textMessageHandler(t -> {
        frames.incrementAndGet();
        bytes.addAndGet(t.length());
      });
      Sims.await(ws.connect(new io.vertx.core.http.WebSocketConnectOptions()
          .setAbsoluteURI(sim.gatewayUrl() + "/?v=10&encoding=json")));
      ws.writeTextMessage(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", sim.token())
          .put("intents", Intent.ALL).put("properties", new JsonObject())).encode());
      Sims.waitFor(() -> frames.get() == 1 + 1 + 8, 5000, "HELLO, READY, 8 GUILD_CREATE");
      int count = 50_000;
      long t0 = System.nanoTime();
      Sims.await(sim.scenario().firehose(count, 0));
      Sims.waitFor(() -> frames.get() == 10 + count, 30_000, "every dispatch read");
      double seconds = (System.nanoTime() - t0) / 1e9;
      LOG.info("firehose to a counting client: {} dispatches, {} MB in {} s = {} dispatches/s", count,
          bytes.get() / (1024 * 1024), String.format("%.2f", seconds), (long) (count / seconds));
      assertTrue(count / seconds > 1000, "at least 1,000 dispatches/s even on a busy 2-core machine");
    } finally {
      Sims.await(client.close());
      Sims.await(sim.close());
    }
  }

  @Test
  void firehoseWaitsForASlowReader(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(60_000).world(World.generate(2, 10, 6L)));
    RawClient c = ready(vertx, sim, Intent.ALL, 2);
    try {
      c.pause();
      int count = 40_000;
      Future<Long> f = sim.scenario().firehose(count, 0);
      Thread.sleep(1500);
      assertFalse(f.isComplete(), "back-pressure holds the firehose while the client does not read");
      long sentWhilePaused = sim.log().dispatched(0);
      assertTrue(sentWhilePaused < count, "only what fits in the socket buffers was written: " + sentWhilePaused);
      c.resumeReading();
      assertEquals(count, Sims.await(f));
      int got = 0;
      while (c.poll(2000) != null) {
        got++;
      }
      assertEquals(count, got);
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void firehoseAtAGivenRate(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().world(World.generate(2, 10, 6L)));
    RawClient c = ready(vertx, sim, Intent.ALL, 2);
    try {
      long t0 = System.currentTimeMillis();
      assertEquals(200, Sims.await(sim.scenario().firehose(200, 400)));
      long took = System.currentTimeMillis() - t0;
      assertTrue(took >= 400 && took < 3000, "200 at 400/s takes about 0.5 s, took " + took);
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void withoutMessageContentOthersMessagesArriveBlank(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().world(World.generate(1, 5, 6L)));
    RawClient c = ready(vertx, sim, Intent.GUILDS.bit() | Intent.GUILD_MESSAGES.bit(), 1);
    try {
      String g = sim.world().guildIds().get(0);
      JsonObject msg = new JsonObject().put("id", "1534984653373571072").put("channel_id", sim.world().textChannelId(g))
          .put("guild_id", g).put("content", "secret").put("author", new JsonObject().put("id", "80351110224678912"))
          .put("embeds", new io.vertx.core.json.JsonArray().add(new JsonObject().put("title", "t")));
      Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", msg));
      JsonObject d = c.await(0, "MESSAGE_CREATE", 5000).getJsonObject("d");
      assertEquals("", d.getString("content"));
      assertTrue(d.getJsonArray("embeds").isEmpty());
      Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", msg.copy().put("id", "1534984653373571073")
          .put("content", "hey <@" + sim.world().botId() + ">")));
      assertTrue(c.await(0, "MESSAGE_CREATE", 5000).getJsonObject("d").getString("content").startsWith("hey"),
          "mentioning the bot keeps content");
      Sims.await(sim.scenario().dispatch("PRESENCE_UPDATE", new JsonObject().put("guild_id", g)
          .put("user", new JsonObject().put("id", "80351110224678912")).put("status", "idle")));
      Sims.await(sim.scenario().dispatch("TYPING_START", new JsonObject().put("guild_id", g)
          .put("channel_id", sim.world().textChannelId(g)).put("user_id", "80351110224678912")));
      assertEquals(null, c.poll(300), "no PRESENCE_UPDATE/TYPING_START without their intents");
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void livelyWorldEmitsAndStops(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().world(World.generate(2, 10, 6L)));
    RawClient c = ready(vertx, sim, Intent.ALL, 2);
    try {
      Lively lively = sim.scenario().lively(20);
      Sims.waitFor(() -> lively.events() >= 30, 5000, "30 lively events");
      lively.stop();
      Thread.sleep(100);
      long after = lively.events();
      Thread.sleep(200);
      assertEquals(after, lively.events(), "stopped");
      assertTrue(sim.log().dispatched(0) > 3 + 10, "lively dispatches reached the client");
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }
}
