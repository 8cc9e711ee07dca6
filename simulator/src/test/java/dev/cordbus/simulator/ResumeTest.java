package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.SimulatorException;
import dev.cordbus.simulator.core.SimulatorLog;
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

/** RESUME replays missed dispatches in order with their original s, then RESUMED; refusals give op 9 false. */
@ExtendWith(VertxExtension.class)
class ResumeTest {

  private static final int INTENTS = Intent.GUILDS.bit() | Intent.GUILD_MESSAGES.bit() | Intent.MESSAGE_CONTENT.bit();
  private DiscordSimulator sim;
  private RawClient a;
  private String sessionId;
  private String resumeUrl;
  private String guild;
  private String channel;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    sim = Sims.start(vertx, Sims.fast().world(World.generate(2, 4, 9L)));
    a = RawClient.connect(vertx, sim.gatewayUrl());
    a.hello();
    a.identify(sim.token(), INTENTS, null);
    JsonObject ready = a.await(0, "READY", 5000).getJsonObject("d");
    sessionId = ready.getString("session_id");
    resumeUrl = ready.getString("resume_gateway_url");
    a.await(0, "GUILD_CREATE", 5000);
    a.await(0, "GUILD_CREATE", 5000);
    guild = sim.world().guildIds().get(0);
    channel = sim.world().textChannelId(guild);
  }

  @AfterEach
  void stop() throws Exception {
    a.dispose();
    Sims.await(sim.close());
  }

  private JsonObject message(String content) {
    return new JsonObject().put("id", String.valueOf(1534984653373571000L + content.length()))
        .put("channel_id", channel).put("guild_id", guild).put("content", content)
        .put("author", new JsonObject().put("id", "80351110224678912").put("username", "Nelly"));
  }

  @Test
  void resumeReplaysMissedDispatchesThenResumed(Vertx vertx) throws Exception {
    Sims.await(sim.scenario().cut(0));
    assertEquals(RawClient.ABNORMAL, a.awaitClose(5000), "cut: no close frame");
    long s1 = Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", message("one")));
    long s2 = Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", message("two!")));
    assertEquals(4, s1, "READY=1, 2 GUILD_CREATE, then 4");
    assertEquals(5, s2);
    RawClient b = RawClient.connect(vertx, resumeUrl);
    try {
      b.hello();
      b.resume(sim.token(), sessionId, 3);
      JsonObject r1 = b.next(5000);
      JsonObject r2 = b.next(5000);
      JsonObject resumed = b.next(5000);
      assertEquals(4, r1.getLong("s"));
      assertEquals("one", r1.getJsonObject("d").getString("content"));
      assertEquals(5, r2.getLong("s"));
      assertEquals("RESUMED", resumed.getString("t"));
      assertEquals(6, resumed.getLong("s"));
      long s3 = Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", message("three")));
      assertEquals(7, b.next(5000).getLong("s"));
      assertEquals(7, s3);
      SimulatorLog.Resume rec = sim.log().resumes().get(0);
      assertTrue(rec.accepted());
      assertEquals(3, rec.seq());
      assertEquals(1, sim.log().openConnections(0));
      assertEquals(1, sim.log().maxSimultaneousConnections(0), "never two connections on shard 0");
      assertEquals(7, sim.log().issued(0), "s 1 to 7, the two issued while detached included");
      assertEquals(7, sim.log().dispatched(0), "each written once: the detached ones only by the replay");
    } finally {
      b.dispose();
    }
  }

  @Test
  void framesWrittenAgainByAReplayAreIssuedOnce(Vertx vertx) throws Exception {
    Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", message("one")));
    Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", message("two!")));
    assertEquals(4, a.await(0, "MESSAGE_CREATE", 5000).getLong("s"));
    a.close(4000);
    a.awaitClose(5000);
    RawClient b = RawClient.connect(vertx, resumeUrl);
    try {
      b.hello();
      b.resume(sim.token(), sessionId, 3);   // as a client that closed before reading s 4 and 5
      assertEquals(4, b.next(5000).getLong("s"));
      assertEquals(5, b.next(5000).getLong("s"));
      assertEquals("RESUMED", b.next(5000).getString("t"));
      assertEquals(6, sim.log().issued(0), "READY, 2 GUILD_CREATE, 2 MESSAGE_CREATE, RESUMED: each once");
      assertEquals(8, sim.log().dispatched(0), "s 4 and 5 were written twice");
    } finally {
      b.dispose();
    }
  }

  @Test
  void resumeWithSeqNeverIssuedGetsOp9False(Vertx vertx) throws Exception {
    a.close(4000);
    a.awaitClose(5000);
    RawClient b = RawClient.connect(vertx, resumeUrl);
    try {
      b.hello();
      b.resume(sim.token(), sessionId, 999_999);
      JsonObject f = b.next(5000);
      assertEquals(9, f.getInteger("op"));
      assertEquals(false, f.getValue("d"));
      assertFalse(sim.log().resumes().get(0).accepted());
    } finally {
      b.dispose();
    }
  }

  @Test
  void resumeOfUnknownSessionGetsOp9False(Vertx vertx) throws Exception {
    RawClient b = RawClient.connect(vertx, resumeUrl);
    try {
      b.hello();
      b.sendText(Sims.fixture("bad/client_resume_unknown_session.json").replace(Sims.FIXTURE_TOKEN, sim.token()));
      JsonObject f = b.next(5000);
      assertEquals(9, f.getInteger("op"));
      assertEquals(false, f.getValue("d"));
    } finally {
      b.dispose();
    }
  }

  @Test
  void clientClose1000EndsTheSession(Vertx vertx) throws Exception {
    a.close(1000);
    a.awaitClose(5000);
    Sims.waitFor(() -> !sim.log().closures().isEmpty(), 2000, "closure");
    assertEquals("client", sim.log().closures().get(0).initiator());
    assertEquals(1000, sim.log().closures().get(0).code());
    RawClient b = RawClient.connect(vertx, resumeUrl);
    try {
      b.hello();
      b.resume(sim.token(), sessionId, 3);
      assertEquals(9, b.next(5000).getInteger("op"));
    } finally {
      b.dispose();
    }
  }

  @Test
  void reconnectOp7ThenServerClosesIfClientDoesNot(Vertx vertx) throws Exception {
    Sims.await(sim.scenario().reconnect(0));
    assertEquals(7, a.next(2000).getInteger("op"));
    int code = a.awaitClose(5000);
    assertEquals(1001, code);
    RawClient b = RawClient.connect(vertx, resumeUrl);
    try {
      b.hello();
      b.resume(sim.token(), sessionId, 3);
      assertEquals("RESUMED", b.next(5000).getString("t"), "session survives a server-initiated reconnect");
    } finally {
      b.dispose();
    }
  }

  @Test
  void invalidSessionFalseEndsSession(Vertx vertx) throws Exception {
    Sims.await(sim.scenario().invalidSession(0, false));
    JsonObject f = a.next(2000);
    assertEquals(9, f.getInteger("op"));
    assertEquals(false, f.getValue("d"));
    a.identify(sim.token(), INTENTS, null);
    JsonObject ready = a.await(0, "READY", 5000);
    assertEquals(1, ready.getLong("s"), "a new session starts at s=1");
    assertTrue(!sessionId.equals(ready.getJsonObject("d").getString("session_id")));
  }

  @Test
  void serverCloseWithFatalCodeEndsSessionOtherwiseKeepsIt(Vertx vertx) throws Exception {
    Sims.await(sim.scenario().close(0, 4000, "test"));
    assertEquals(4000, a.awaitClose(5000));
    RawClient b = RawClient.connect(vertx, resumeUrl);
    try {
      b.hello();
      b.resume(sim.token(), sessionId, 3);
      assertEquals("RESUMED", b.next(5000).getString("t"));
      Sims.await(sim.scenario().close(0, 4004, "fatal"));
      assertEquals(4004, b.awaitClose(5000));
    } finally {
      b.dispose();
    }
    RawClient c = RawClient.connect(vertx, resumeUrl);
    try {
      c.hello();
      c.resume(sim.token(), sessionId, 4);
      assertEquals(9, c.next(5000).getInteger("op"));
    } finally {
      c.dispose();
    }
  }

  @Test
  void dispatchWithoutAnySessionFails() throws Exception {
    a.close(1000);
    a.awaitClose(5000);
    Sims.waitFor(() -> sim.log().openConnections(0) == 0, 2000, "detach");
    try {
      Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", message("nobody")));
      throw new AssertionError("expected NO_CONNECTION");
    } catch (java.util.concurrent.ExecutionException e) {
      assertEquals(SimulatorException.Kind.NO_CONNECTION, ((SimulatorException) e.getCause()).kind());
    }
  }
}
