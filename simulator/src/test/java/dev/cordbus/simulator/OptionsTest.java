package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.simulator.core.SimulatorException;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Options from JSON, validation naming the field, and the verticle. */
@ExtendWith(VertxExtension.class)
class OptionsTest {

  @Test
  void jsonRoundTripWithoutTokens() {
    SimulatorOptions o = new SimulatorOptions(new JsonObject().put("heartbeatIntervalMs", 900).put("port", 0)
        .put("tokens", new io.vertx.core.json.JsonArray().add("t1")).put("world",
            new JsonObject().put("guilds", 2).put("membersPerGuild", 7).put("seed", 3)));
    assertEquals(900, o.heartbeatIntervalMs());
    assertEquals(2, o.world().guildIds().size());
    JsonObject json = o.toJson();
    assertFalse(json.encode().contains("t1"), "tokens are secrets");
    SimulatorOptions again = new SimulatorOptions(json);
    assertEquals(o.world().guildIds(), again.world().guildIds());
    assertFalse(o.toString().contains("t1"));
  }

  @Test
  void invalidOptionsNameTheField() {
    SimulatorException e = assertThrows(SimulatorException.class,
        () -> new SimulatorOptions(new JsonObject().put("heartbeatIntervalMs", 0)));
    assertEquals(SimulatorException.Kind.INVALID_OPTION, e.kind());
    assertTrue(e.getMessage().contains("heartbeatIntervalMs"), e.getMessage());
    e = assertThrows(SimulatorException.class, () -> new SimulatorOptions().allowedIntents(1 << 30).validate());
    assertTrue(e.getMessage().contains("allowedIntents"));
    e = assertThrows(SimulatorException.class, () -> new SimulatorOptions(new JsonObject().put("port", "x")));
    assertEquals(SimulatorException.Kind.INVALID_OPTION, e.kind());
    // the shared rules (api OptionReader): 1.5 is rejected, not truncated to 1; every bad field in one message
    e = assertThrows(SimulatorException.class, () -> new SimulatorOptions(new JsonObject().put("chunkSize", 1.5)
        .put("firehoseSplice", "yes").put("world", new JsonObject().put("guilds", 2.5))));
    assertTrue(e.getMessage().contains("chunkSize: must be a whole number, was 1.5; write it without a fraction"),
        e.getMessage());
    assertTrue(e.getMessage().contains("firehoseSplice: must be true or false"), e.getMessage());
    assertTrue(e.getMessage().contains("world.guilds: must be a whole number, was 2.5"), e.getMessage());
    assertEquals(2.0, new SimulatorOptions(new JsonObject().put("heartbeatGraceFactor", 2.0)).heartbeatGraceFactor(),
        "a decimal field takes a fraction");
  }

  @Test
  void verticleStartsFromConfig(Vertx vertx) throws Exception {
    SimulatorVerticle v = new SimulatorVerticle();
    String id = Sims.await(vertx.deployVerticle(v, new DeploymentOptions().setConfig(new JsonObject()
        .put("heartbeatIntervalMs", 1000).put("livelyMs", 50)
        .put("world", new JsonObject().put("guilds", 2).put("membersPerGuild", 5)))));
    assertTrue(v.simulator().port() > 0);
    assertTrue(v.simulator().gatewayUrl().startsWith("ws://127.0.0.1:"));
    Sims.await(vertx.undeploy(id));
    SimulatorException bad = assertThrows(SimulatorException.class, () -> {
      try {
        Sims.await(vertx.deployVerticle(new SimulatorVerticle(), new DeploymentOptions().setConfig(
            new JsonObject().put("sendLimit", -1))));
      } catch (java.util.concurrent.ExecutionException ex) {
        throw ex.getCause();
      } catch (Throwable t) {
        throw new AssertionError(t);
      }
    });
    assertTrue(bad.getMessage().contains("sendLimit"));
  }
}
