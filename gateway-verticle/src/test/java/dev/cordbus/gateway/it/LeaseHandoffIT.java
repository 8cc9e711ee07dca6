package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.simulator.core.SimulatorLog;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cluster features on one plain Vert.x ({@code "cluster": true}: its shared data is local): two verticles for the
 * same fixed group; one runs it, the other is a standby. Undeploying the holder hands the group over: the standby
 * claims the lease at once, reads the session it left in the store and RESUMEs (no second IDENTIFY), and the shard
 * never has two connections.
 */
class LeaseHandoffIT extends GatewayItBase {

  @Test
  void undeployingTheHolderHandsTheGroupToTheStandbyWhichResumes(Vertx vertx) throws Exception {
    startSimulator(vertx, simOptions());
    JsonObject config = gatewayConfig("none").put("cluster", true).put("group", "g").put("leaseTtlMs", 6000)
        .put("leaseRenewMs", 200).put("clockSkewMs", 100).put("sessionFlushMs", 50);
    deploy(config);
    waitUntil("holder ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
    String standby = await(vertx.deployVerticle(new GatewayVerticle(k -> null),
        new DeploymentOptions().setConfig(config)));
    inject("before");
    Thread.sleep(600); // a few renewals: the standby must not take a held group
    assertEquals(1, sim.log().identifies().size());
    assertEquals(1, sim.log().openConnections(0));

    long before = System.currentTimeMillis();
    await(vertx.undeploy(deployment));
    deployment = standby;
    waitUntil("the standby resumed", () -> sim.log().resumes().stream().anyMatch(SimulatorLog.Resume::accepted));
    long tookMs = sim.log().resumes().get(0).atMillis() - before;
    List<SimulatorLog.Identify> identifies = sim.log().identifies();
    assertEquals(1, identifies.size(), "RESUME, not IDENTIFY: " + identifies);
    assertEquals(1, sim.log().maxSimultaneousConnections(0), "never two connections");
    assertTrue(tookMs < 2500, "a graceful handoff does not wait for the lease to expire: " + tookMs + " ms");
    inject("after");
    waitUntil("dispatch after the handoff", () -> bus.on(Addresses.dispatch("MESSAGE_CREATE")).size() >= 2);
  }
}
