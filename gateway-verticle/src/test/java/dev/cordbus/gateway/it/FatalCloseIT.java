package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fatal close codes stop the shard with one clear message and no further connection attempt. */
class FatalCloseIT extends GatewayItBase {

  private static final Map<Integer, String> ADVICE = Map.of(
      4004, "check DISCORD_TOKEN",
      4010, "shard ids",
      4011, "shardCount",
      4012, "API version",
      4013, "intents value",
      4014, "Developer Portal");

  @ParameterizedTest
  @ValueSource(ints = {4004, 4010, 4011, 4012, 4013, 4014})
  void fatalCloseStopsTheShard(int code, Vertx vertx) throws Exception {
    start(vertx, simOptions(), "zlib-stream");
    int accepted = sim.log().connectionsAccepted();
    int identifies = sim.log().identifies().size();
    await(sim.scenario().close(0, code, "fatal " + code));
    waitUntil("shard error for " + code, () -> !fatalErrors().isEmpty());
    JsonObject error = fatalErrors().get(0).json();
    assertEquals(code, error.getInteger("code"));
    assertEquals(0, error.getInteger("shard"));
    assertTrue(error.getString("message").contains(ADVICE.get(code)), error.getString("message"));
    Thread.sleep(2500);
    assertEquals(accepted, sim.log().connectionsAccepted(), "no further connection attempt");
    assertEquals(identifies, sim.log().identifies().size());
    assertEquals(1, fatalErrors().size(), "one message");
    JsonObject status = await(vertx.eventBus().<JsonObject>request(Addresses.GATEWAY_STATUS, null)).body();
    assertEquals("FATALLY_CLOSED", status.getJsonArray("shards").getJsonObject(0).getString("state"));
  }

  @Test
  void disallowedPrivilegedIntentsAreNamed(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions().allowedIntents(Intent.NON_PRIVILEGED));
    deploy(gatewayConfig("none"));
    waitUntil("4014", () -> !fatalErrors().isEmpty());
    JsonObject error = fatalErrors().get(0).json();
    assertEquals(4014, error.getInteger("code"));
    String message = error.getString("message");
    assertTrue(message.contains("GUILD_MEMBERS") && message.contains("MESSAGE_CONTENT"), message);
    assertFalse(message.contains("GUILD_PRESENCES"), message);
    assertEquals(List.of("GUILD_MEMBERS", "MESSAGE_CONTENT"), error.getJsonArray("privilegedIntents").getList());
    int accepted = sim.log().connectionsAccepted();
    Thread.sleep(2000);
    assertEquals(accepted, sim.log().connectionsAccepted(), "no reconnect loop");
  }

  @Test
  void rejectedTokenFailsTheDeployment(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> deploy(gatewayConfig("none").put("token", "not-the-token")));
    assertTrue(e.getCause().getMessage().contains("token rejected by Discord (401): check DISCORD_TOKEN"),
        e.getCause().getMessage());
    assertFalse(e.getCause().getMessage().contains("not-the-token"));
    assertEquals(0, sim.log().connectionsAccepted());
  }

  @Test
  void invalidConfigurationFailsTheDeploymentNamingTheField(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> deploy(gatewayConfig("none").put("largeThreshold", 1000)));
    assertTrue(e.getCause().getMessage().contains("largeThreshold"), e.getCause().getMessage());
  }

  private List<BusRecorder.Sent> fatalErrors() {
    return bus.on(Addresses.SHARD_ERROR).stream()
        .filter(s -> "fatal-close".equals(s.json().getString("kind"))).toList();
  }
}
