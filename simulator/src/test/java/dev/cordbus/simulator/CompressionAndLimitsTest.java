package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** zlib-stream output, the send limit (4008), identify concurrency (op 9) and the session start budget. */
@ExtendWith(VertxExtension.class)
class CompressionAndLimitsTest {

  @Test
  void zlibStreamDecodesWithOneInflaterEvenWhenPayloadsAreSplit(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().zlibSplitEvery(2).world(World.generate(3, 40, 2L)));
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl(), "v=10&encoding=json&compress=zlib-stream");
    try {
      c.hello();
      c.identify(sim.token(), Intent.ALL, null);
      assertEquals("READY", c.next(5000).getString("t"));
      for (int i = 0; i < 3; i++) {
        JsonObject g = c.next(5000);
        assertEquals("GUILD_CREATE", g.getString("t"), "payload " + i + " decoded: " + g);
        assertEquals(40, g.getJsonObject("d").getJsonArray("members").size());
      }
      c.heartbeat(4L);
      assertEquals(11, c.next(5000).getInteger("op"));
      assertTrue(c.binaryMessages() > 6, "every payload binary, some split: " + c.binaryMessages());
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  /**
   * zstd-stream read by RawClient's own zstd-jni context (written from GATEWAY.md §10, not cordbus's decoder): every
   * payload is exactly one binary message, decoded through one context for the whole connection.
   */
  @Test
  void zstdStreamIsOnePayloadPerMessageThroughOneContext(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().zlibSplitEvery(2).world(World.generate(3, 40, 2L)));
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl(), "v=10&encoding=json&compress=zstd-stream");
    try {
      assertEquals(10, c.next(5000).getInteger("op"), "HELLO");
      c.identify(sim.token(), Intent.ALL, null);
      assertEquals("READY", c.next(5000).getString("t"));
      for (int i = 0; i < 3; i++) {
        JsonObject g = c.next(5000);
        assertEquals("GUILD_CREATE", g.getString("t"), "payload " + i + " decoded: " + g);
        assertEquals(40, g.getJsonObject("d").getJsonArray("members").size());
      }
      c.heartbeat(4L);
      assertEquals(11, c.next(5000).getInteger("op"));
      assertEquals(6, c.binaryMessages(), "HELLO, READY, 3 GUILD_CREATEs, ACK: one message each, never split");
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  /**
   * The simulator counts the bytes its gateway writes (the bench's "MB on the wire"): the same handshake and guild
   * loads cost fewer bytes compressed, and uncompressed at least the payloads' own length.
   */
  @Test
  void wireBytesAreCountedPerCompression(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(60_000)
        .world(World.generate(3, 40, 2L)));
    java.util.Map<String, Long> wire = new java.util.HashMap<>();
    long payloadBytes = 0;
    try {
      for (String compress : new String[] {"none", "zlib-stream", "zstd-stream"}) {
        long before = sim.log().wireBytes();
        RawClient c = RawClient.connect(vertx, sim.gatewayUrl(),
            "v=10&encoding=json" + (compress.equals("none") ? "" : "&compress=" + compress));
        try {
          long bytes = c.hello().encode().length();
          c.identify(sim.token(), Intent.ALL, null);
          bytes += c.await(0, "READY", 5000).encode().length();
          for (int i = 0; i < 3; i++) {
            bytes += c.await(0, "GUILD_CREATE", 5000).encode().length();
          }
          wire.put(compress, sim.log().wireBytes() - before);
          if (compress.equals("none")) {
            payloadBytes = bytes;
          }
        } finally {
          c.close(1000);
          c.awaitClose(5000);
          c.dispose();
        }
      }
    } finally {
      Sims.await(sim.close());
    }
    org.slf4j.LoggerFactory.getLogger(CompressionAndLimitsTest.class).info(
        "HELLO + READY + 3 GUILD_CREATEs (3 x 40 members), bytes on the wire: {} (payloads {})", wire, payloadBytes);
    assertTrue(wire.get("none") >= payloadBytes, wire + " vs payloads " + payloadBytes);
    assertTrue(wire.get("zlib-stream") * 2 < wire.get("none"), wire.toString());
    assertTrue(wire.get("zstd-stream") * 2 < wire.get("none"), wire.toString());
  }

  @Test
  void sendingTooFastCloses4008(Vertx vertx) throws Exception {
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().sendLimit(10).sendWindowMs(60_000)
        .world(World.generate(1, 2, 2L)));
    RawClient c = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      c.hello();
      for (int i = 0; i < 11; i++) {
        c.heartbeat(null);
      }
      assertEquals(4008, c.awaitClose(5000));
    } finally {
      c.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void identifiesInTheSameBucketWithinTheWindowGetOp9(Vertx vertx) throws Exception {
    // heartbeats every 5 s: the clients do not heartbeat, and the 1.6 s wait below must not race the 1.5 s watchdog
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(5000).identifyWindowMs(1500)
        .maxConcurrency(1).world(World.generate(2, 2, 2L)));
    RawClient a = RawClient.connect(vertx, sim.gatewayUrl());
    RawClient b = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      a.hello();
      b.hello();
      a.identify(sim.token(), Intent.GUILDS.bit(), new int[] {0, 2});
      a.await(0, "READY", 5000);
      b.identify(sim.token(), Intent.GUILDS.bit(), new int[] {1, 2});
      JsonObject refused = b.next(5000);
      assertEquals(9, refused.getInteger("op"));
      assertEquals(false, refused.getValue("d"));
      assertEquals(1, sim.log().invalidSessions().size());
      assertEquals(1, sim.log().invalidSessions().get(0).shard());
      Thread.sleep(1600);
      b.identify(sim.token(), Intent.GUILDS.bit(), new int[] {1, 2});
      assertEquals("READY", b.await(0, "READY", 5000).getString("t"), "after the window the bucket is free");
      assertEquals(3, sim.log().identifies().size());
    } finally {
      a.dispose();
      b.dispose();
      Sims.await(sim.close());
    }
  }

  @Test
  void exhaustedSessionStartsGetOp9(Vertx vertx) throws Exception {
    // heartbeats every 5 s: the client does not heartbeat, and on a loaded machine a cold first IDENTIFY can come
    // after the 1.5 s watchdog of a 1 s interval (seen: 4009 before READY)
    DiscordSimulator sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(5000).sessionStartTotal(1)
        .world(World.generate(1, 2, 2L)));
    RawClient a = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      a.hello();
      a.identify(sim.token(), Intent.GUILDS.bit(), null);
      a.await(0, "READY", 5000);
      a.close(1000);
      a.awaitClose(5000);
      a.dispose();
      a = RawClient.connect(vertx, sim.gatewayUrl());
      a.hello();
      a.identify(sim.token(), Intent.GUILDS.bit(), null);
      assertEquals(9, a.next(5000).getInteger("op"));
      assertTrue(sim.log().invalidSessions().get(0).reason().contains("SESSION_LIMIT_EXHAUSTED"));
    } finally {
      a.dispose();
      Sims.await(sim.close());
    }
  }
}
