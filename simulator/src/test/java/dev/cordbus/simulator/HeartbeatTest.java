package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Heartbeat ACKs, withheld ACKs (zombie), the server's op 1, and the silent-connection close. */
@ExtendWith(VertxExtension.class)
class HeartbeatTest {

  private DiscordSimulator sim;
  private RawClient c;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(500).world(World.generate(1, 3, 1L)));
    c = RawClient.connect(vertx, sim.gatewayUrl());
    c.hello();
    c.identify(sim.token(), Intent.GUILDS.bit(), null);
    c.await(0, "GUILD_CREATE", 5000);
  }

  @AfterEach
  void stop() throws Exception {
    c.dispose();
    Sims.await(sim.close());
  }

  @Test
  void heartbeatIsAcked() throws Exception {
    c.heartbeat(2L);
    assertEquals(11, c.next(2000).getInteger("op"));
  }

  @Test
  void withheldAcksMakeAZombieUntilReleased() throws Exception {
    sim.scenario().withholdAcks(0, true);
    c.heartbeat(2L);
    assertNull(c.poll(300), "no ACK while withheld");
    sim.scenario().withholdAcks(0, false);
    c.heartbeat(2L);
    assertEquals(11, c.next(2000).getInteger("op"));
  }

  @Test
  void serverCanAskForAHeartbeat() throws Exception {
    Sims.await(sim.scenario().requestHeartbeat(0));
    JsonObject f = c.next(2000);
    assertEquals(1, f.getInteger("op"));
  }

  @Test
  void silentConnectionIsClosedAndSessionStaysResumable() throws Exception {
    long t0 = System.currentTimeMillis();
    int code = c.awaitClose(5000);
    long took = System.currentTimeMillis() - t0;
    assertEquals(4009, code);
    assertTrue(took >= 300 && took < 2000, "closed after ~1.5 intervals, took " + took);
    assertEquals("server", sim.log().closures().get(0).initiator());
    Sims.waitFor(() -> sim.log().openConnections(0) == 0, 2000, "detach");
  }

  @Test
  void heartbeatingConnectionStaysOpen() throws Exception {
    for (int i = 0; i < 6; i++) {
      c.heartbeat(2L);
      c.await(11, null, 1000);
      Thread.sleep(250);
    }
    assertTrue(!c.isClosed(), "a client heartbeating on time is never closed");
  }
}
