package dev.cordbus.example.ops;

import static dev.cordbus.example.ops.OpsDeployment.await;
import static dev.cordbus.example.ops.OpsDeployment.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code /health/ready} of a gateway + state node with two shards (identified 3 s apart): DOWN, naming the shard
 * that is not READY, until every shard is READY; UP after; DOWN again, naming the shard, after a fatal close (4004).
 * {@code /health/live} is UP throughout.
 */
class HealthReadyTest {

  record Probe(long atMs, int status, String body) {
  }

  @Test
  void readyOnlyWhenEveryShardIsReadyAndNotAfterAFatalClose() throws Exception {
    try (OpsDeployment d = new OpsDeployment()) {
      d.simulator(new SimulatorOptions().heartbeatIntervalMs(5000).identifyWindowMs(50).world(World.small(7)));
      AtomicLong groupReadyAt = new AtomicLong();
      await(d.vertx.eventBus().consumer(Addresses.GROUP_READY, m -> groupReadyAt.compareAndSet(0,
          System.currentTimeMillis())).completion());
      JsonObject ops = new JsonObject().put("port", 0);
      d.state(ops);
      // the second shard waits 3 s for the identify queue, so there is a window with only shard 0 READY that
      // probes see even on a loaded machine
      d.gateway(d.gatewayConfig(2, ops).put("identifyIntervalMs", 3000));
      List<Probe> probes = new CopyOnWriteArrayList<>();
      long deadline = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < deadline) {
        HttpResponse<Buffer> r = d.get("/health/ready");
        probes.add(new Probe(System.currentTimeMillis(), r.statusCode(), r.bodyAsString()));
        if (r.statusCode() == 200) {
          break;
        }
        Thread.sleep(50);
      }
      Probe first = probes.get(0);
      assertEquals(503, first.status(), "not ready before the shards are READY: " + first.body());
      assertTrue(probes.stream().anyMatch(p -> p.status() == 503 && p.body().contains("\"shard\":1")
              && !p.body().contains("\"shard\":0")),
          "a probe while only shard 0 was READY names shard 1 alone: " + probes);
      Probe up = probes.get(probes.size() - 1);
      assertEquals(200, up.status(), "ready in the end: " + probes);
      assertTrue(groupReadyAt.get() > 0 && groupReadyAt.get() <= up.atMs() + 5,
          "UP only after every shard was READY (group-ready at " + groupReadyAt.get() + ", UP at " + up.atMs() + ")");
      assertTrue(new JsonObject(up.body()).getString("status").equals("UP"), up.body());

      await(d.sim.scenario().close(1, 4004, "Authentication failed."));
      waitUntil("DOWN after the fatal close", () -> {
        try {
          return d.get("/health/ready").statusCode() == 503;
        } catch (Exception e) {
          return false;
        }
      }, 10_000);
      HttpResponse<Buffer> down = d.get("/health/ready");
      JsonObject body = new JsonObject(down.bodyAsString());
      assertEquals("DOWN", body.getString("status"), body.encodePrettily());
      String text = body.encode();
      assertTrue(text.contains("\"shard\":1") && text.contains("FATALLY_CLOSED"), "the body names shard 1: " + text);
      assertTrue(!text.contains("\"shard\":0"), "shard 0 is fine: " + text);
      assertEquals(200, d.get("/health/live").statusCode(), "the node is still live");
    }
  }
}
