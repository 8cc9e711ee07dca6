package dev.cordbus.simulator;

import static dev.cordbus.simulator.support.Sims.FIXTURE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** IDENTIFY validation and protocol errors give Discord's close codes (fixtures/bad/client_*.json). */
@ExtendWith(VertxExtension.class)
class IdentifyTest {

  private DiscordSimulator sim;
  private RawClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    // a 10 s heartbeat: with the 1 s of Sims.fast(), a loaded machine (load 12 on 2 cores) took longer than the 1.5 s
    // grace between HELLO and IDENTIFY and the tests saw 4009 instead of the close code under test
    sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(10_000).tokens(List.of(FIXTURE_TOKEN, "second-token"))
        .allowedIntents(Intent.ALL & ~Intent.GUILD_PRESENCES.bit()).world(World.generate(3, 5, 1L)));
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.dispose();
    }
    Sims.await(sim.close());
  }

  private int closeAfterSending(Vertx vertx, String payload) throws Exception {
    client = RawClient.connect(vertx, sim.gatewayUrl());
    client.hello();
    client.sendText(payload);
    return client.awaitClose(5000);
  }

  @Test
  void badTokenCloses4004(Vertx vertx) throws Exception {
    assertEquals(4004, closeAfterSending(vertx, Sims.fixture("bad/client_identify_bad_token.json")));
    assertEquals(1, sim.log().identifies().size(), "the refused IDENTIFY is recorded");
    assertEquals(0, sim.log().readies().size());
  }

  @Test
  void undocumentedIntentBitsClose4013(Vertx vertx) throws Exception {
    assertEquals(4013, closeAfterSending(vertx, Sims.fixture("bad/client_identify_invalid_intents.json")));
  }

  @Test
  void privilegedIntentNotAllowedCloses4014(Vertx vertx) throws Exception {
    client = RawClient.connect(vertx, sim.gatewayUrl());
    client.hello();
    client.identify(FIXTURE_TOKEN, Intent.GUILDS.bit() | Intent.GUILD_PRESENCES.bit(), null);
    assertEquals(4014, client.awaitClose(5000));
  }

  @Test
  void shardOutOfRangeCloses4010(Vertx vertx) throws Exception {
    assertEquals(4010, closeAfterSending(vertx, Sims.fixture("bad/client_identify_bad_shard.json")));
  }

  @Test
  void unknownOpcodeCloses4001(Vertx vertx) throws Exception {
    assertEquals(4001, closeAfterSending(vertx, Sims.fixture("bad/client_unknown_opcode.json")));
  }

  @Test
  void requestBeforeIdentifyCloses4003(Vertx vertx) throws Exception {
    assertEquals(4003, closeAfterSending(vertx, Sims.fixture("bad/client_request_members_before_identify.json")));
  }

  @Test
  void oversizedPayloadCloses4002(Vertx vertx) throws Exception {
    String payload = Sims.fixture("bad/client_oversized_payload.json");
    assertTrue(payload.length() > 4096);
    assertEquals(4002, closeAfterSending(vertx, payload));
  }

  @Test
  void invalidJsonCloses4002(Vertx vertx) throws Exception {
    assertEquals(4002, closeAfterSending(vertx, "{\"op\":1,\"d\":"));
  }

  @Test
  void secondIdentifyCloses4005(Vertx vertx) throws Exception {
    client = RawClient.connect(vertx, sim.gatewayUrl());
    client.hello();
    client.identify(FIXTURE_TOKEN, Intent.GUILDS.bit(), null);
    client.await(0, "READY", 5000);
    client.identify("second-token", Intent.GUILDS.bit(), null);
    assertEquals(4005, client.awaitClose(5000));
  }

  @Test
  void heartbeatBeforeIdentifyIsAcked(Vertx vertx) throws Exception {
    client = RawClient.connect(vertx, sim.gatewayUrl());
    client.hello();
    client.heartbeat(null);
    assertEquals(11, client.next(5000).getInteger("op"));
    assertFalse(client.isClosed());
  }

  @Test
  void tooManyGuildsOnAShardCloses4011(Vertx vertx) throws Exception {
    DiscordSimulator small = Sims.start(vertx, Sims.fast().maxGuildsPerShard(2).world(World.generate(3, 2, 1L)));
    try {
      client = RawClient.connect(vertx, small.gatewayUrl());
      client.hello();
      client.identify(small.token(), Intent.GUILDS.bit(), null);
      assertEquals(4011, client.awaitClose(5000));
    } finally {
      Sims.await(small.close());
    }
  }

  @Test
  void unsupportedVersionCloses4012(Vertx vertx) throws Exception {
    client = RawClient.connect(vertx, sim.gatewayUrl(), "v=8&encoding=json");
    assertEquals(4012, client.awaitClose(5000));
  }

  @Test
  void etfEncodingIsRefusedWithAClearReason(Vertx vertx) throws Exception {
    client = RawClient.connect(vertx, sim.gatewayUrl(), "v=10&encoding=etf");
    assertEquals(4002, client.awaitClose(5000));
    assertTrue(client.closeReason().contains("etf"), client.closeReason());
  }

  @Test
  void tokenNeverAppearsInRecordedFrames(Vertx vertx) throws Exception {
    client = RawClient.connect(vertx, sim.gatewayUrl());
    client.hello();
    client.identify(FIXTURE_TOKEN, Intent.GUILDS.bit(), null);
    client.await(0, "READY", 5000);
    List<JsonObject> received = sim.log().received(0);
    assertEquals("***", received.get(0).getJsonObject("d").getString("token"));
    assertFalse(received.toString().contains(FIXTURE_TOKEN));
  }
}
