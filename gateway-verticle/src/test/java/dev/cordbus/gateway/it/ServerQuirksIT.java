package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.simulator.core.SimulatorLog;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What running against an independent Discord-compatible server showed: the User-Agent on the handshake, a server
 * that accepts and never answers, a refused resume URL, and a gateway that keeps refusing IDENTIFY.
 */
class ServerQuirksIT extends GatewayItBase {

  @Test
  void everyHandshakeCarriesTheUserAgentOfTheRestRequests(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    deploy(gatewayConfig("zlib-stream").put("userAgent", "DiscordBot (https://example.org/mybot, 2.1)"));
    waitUntil("group ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
    await(sim.scenario().cut(0));
    waitUntil("a resume", () -> !bus.on(Addresses.SHARD_RESUME).isEmpty());
    List<SimulatorLog.Handshake> hs = sim.log().handshakes();
    assertTrue(hs.size() >= 2, "the first connection and the resume: " + hs);
    for (SimulatorLog.Handshake h : hs) {
      assertEquals("DiscordBot (https://example.org/mybot, 2.1)", h.userAgent(), "handshake on " + h.path());
    }
    assertEquals("DiscordBot (https://github.com/cordbus/cordbus, 0.1.0)",
        new GatewayOptions(new JsonObject().put("token", "t"), k -> null).userAgent(),
        "by default the same User-Agent as the REST verticle");
  }

  @Test
  void aSilentServerIsADisconnectWithinConnectTimeoutAndTheSessionResumes(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    deploy(gatewayConfig("zlib-stream").put("connectTimeoutMs", 800));
    waitUntil("group ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
    String before = inject("before-silence");
    waitUntil("the first dispatch", () -> count(before) == 1);

    sim.scenario().silentUpgrades(2);
    long cutAt = System.currentTimeMillis();
    await(sim.scenario().cut(0));
    injectAsync("during-silence");
    waitUntil("a resume after two silent attempts", () -> !bus.on(Addresses.SHARD_RESUME).isEmpty(), 10_000);
    long took = System.currentTimeMillis() - cutAt;
    List<SimulatorLog.Handshake> hs = sim.log().handshakes();
    assertEquals(2, hs.stream().filter(h -> h.outcome().equals("silent")).count(), "two unanswered upgrades: " + hs);
    // two deadlines of 0.8 s plus backoff (50-400 ms): a shard stuck in CONNECTING would never get here
    assertTrue(took < 6_000, "resumed " + took + " ms after the cut");
    assertTrue(bus.on(Addresses.SHARD_RECONNECT).size() >= 3, "each expiry is a reconnect");
    assertEquals(2, connectErrors(), "each silent attempt is a connect error on discord.error");
    assertEquals(1, sim.log().identifies().size(), "RESUME, not IDENTIFY, after the silent server");
    waitUntil("the dispatch sent while the server was silent", () -> count("during-silence") == 1);
  }

  @Test
  void aResumeUrlRefusedTwiceStillEndsInResume(Vertx vertx) throws Exception {
    start(vertx, simOptions(), "zlib-stream");
    sim.scenario().refuseResumeUrl(2);
    await(sim.scenario().cut(0));
    injectAsync("while-refused");
    waitUntil("a resume", () -> !bus.on(Addresses.SHARD_RESUME).isEmpty(), 10_000);
    assertEquals(1, sim.log().identifies().size(), "RESUME, not IDENTIFY: " + sim.log().identifies());
    assertTrue(sim.log().resumes().stream().anyMatch(SimulatorLog.Resume::accepted), "an accepted RESUME");
    assertTrue(sim.log().handshakes().stream().anyMatch(h -> h.outcome().equals("refused")),
        "the resume URL was refused: " + sim.log().handshakes());
    assertTrue(connectErrors() >= 1, "a refused handshake is a connect error on discord.error");
    waitUntil("the dispatch sent meanwhile", () -> count("while-refused") == 1);
  }

  @Test
  void aResumeUrlRefusedForLongerThanResumeRetryMsIdentifies(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    deploy(gatewayConfig("none").put("resumeRetryMs", 300).put("gatewayUrl", sim.gatewayUrl() + "/resume"));
    waitUntil("group ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
    // every URL of this gateway is the resume path: refused until the retry window is over
    sim.scenario().refuseResumeUrl(1_000);
    await(sim.scenario().cut(0));
    Thread.sleep(1_200);
    sim.scenario().refuseResumeUrl(0);
    waitUntil("a new session", () -> bus.on(Addresses.SHARD_READY).size() == 2, 10_000);
    assertEquals(2, sim.log().identifies().size(), "gave the session up after resumeRetryMs and identified");
  }

  @Test
  void identifyRefusedAgainAndAgainIsReportedOnShardError(Vertx vertx) throws Exception {
    // one identify per 60 s per bucket at the server, one bucket: shard 1's IDENTIFYs are refused (op 9 false)
    startSimulator(vertx, simOptions().maxConcurrency(1).identifyWindowMs(60_000));
    deploy(gatewayConfig("none").put("shardCount", 2));
    waitUntil("identify-rejected on discord.shard.error", () -> bus.on(Addresses.SHARD_ERROR).stream()
        .anyMatch(s -> "identify-rejected".equals(s.json().getString("kind"))), 10_000);
    JsonObject error = bus.on(Addresses.SHARD_ERROR).stream()
        .filter(s -> "identify-rejected".equals(s.json().getString("kind"))).findFirst().orElseThrow().json();
    assertEquals(1, error.getInteger("shard"), error.encode());
    assertTrue(error.getInteger("attempts") >= 3, error.encode());
    assertTrue(error.getString("message").contains("rejected IDENTIFY"), error.encode());
    assertTrue(sim.log().invalidSessions().size() >= 3, "refused at the server: " + sim.log().invalidSessions());
    waitUntil("identify-rejected on discord.error", () -> bus.on(Addresses.ERROR).stream()
        .anyMatch(e -> ErrorKinds.IDENTIFY_REJECTED.equals(e.json().getString("kind"))), 10_000);
    JsonObject onError = bus.on(Addresses.ERROR).stream()
        .filter(e -> ErrorKinds.IDENTIFY_REJECTED.equals(e.json().getString("kind"))).findFirst().orElseThrow().json();
    assertEquals(1, onError.getInteger("shard"), onError.encode());
    assertTrue(onError.getString("message").contains("rejected IDENTIFY"), onError.encode());
    assertTrue(!onError.encode().contains(sim.token()), "no token: " + onError.encode());
  }

  private long connectErrors() {
    return bus.on(Addresses.ERROR).stream().filter(e -> "connect".equals(e.json().getString("kind"))).count();
  }
}
