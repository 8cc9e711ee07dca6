package dev.cordbus.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.config.GatewayOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of clustering: group layout, lease encoding and expiry, the local guard, the options. */
class LeaseAndLayoutTest {

  @Test
  void autoGroupsAreConsecutiveAndCoverEveryShardOnce() {
    assertEquals(List.of(0, 1), GroupLayout.shardsOf(0, 4, 8));
    assertEquals(List.of(6, 7), GroupLayout.shardsOf(3, 4, 8));
    List<Integer> all = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      all.addAll(GroupLayout.shardsOf(g, 3, 10));
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), all);
    assertEquals(4, GroupLayout.shardsOf(0, 3, 10).size());
    assertThrows(IllegalArgumentException.class, () -> GroupLayout.shardsOf(4, 4, 8));
  }

  @Test
  void leaseRoundTripsAndExpiresOnlyAfterTheSkew() {
    Lease l = new Lease("node-a/1;x", 3, 10_000);
    assertEquals(l, Lease.decode(l.encode()));
    assertNull(Lease.decode("garbage"));
    assertFalse(l.claimable(10_500, 1000));
    assertTrue(l.claimable(11_001, 1000));
    Lease t = l.takenBy("node-b/2", 20_000);
    assertEquals(4, t.epoch());
    assertEquals(3, l.renewed(15_000).epoch());
  }

  @Test
  void guardRunsOutOnTheLocalClock() throws InterruptedException {
    LeaseGuard g = new LeaseGuard();
    assertFalse(g.valid());
    g.renewed(System.nanoTime(), 80);
    assertTrue(g.valid());
    Thread.sleep(120);
    assertFalse(g.valid(), "no renewal within the TTL: the holder must stop sending");
    g.renewed(System.nanoTime(), 10_000);
    g.release();
    assertFalse(g.valid());
  }

  @Test
  void theShippedClusterConfigParsesAndFollowsTheLeaseRule() throws Exception {
    java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("cordbus.fixtures", "../fixtures"))
        .toAbsolutePath().getParent();
    JsonObject json = new JsonObject(java.nio.file.Files.readString(root.resolve("conf/gateway-cluster.json")));
    GatewayOptions o = new GatewayOptions(json, n -> "DISCORD_TOKEN".equals(n) ? "t" : null);
    assertTrue(o.cluster().autoGroup());
    assertEquals(8, GroupLayout.shardsOf(3, o.cluster().autoGroups(), o.shardCount()).get(1) + 1);
    // Discord closes a connection 1.5 heartbeat intervals (41.25 s) after its last heartbeat
    assertTrue(o.cluster().leaseTtlMs() - o.cluster().leaseRenewMs() > 41_250 * 1.5,
        "lease TTL minus renew period must exceed Discord's heartbeat timeout");
  }

  @Test
  void autoGroupNeedsGroupsAndAFixedShardCount() {
    JsonObject base = new JsonObject().put("token", "t").put("group", "auto");
    GatewayException e = assertThrows(GatewayException.class,
        () -> new GatewayOptions(base.copy().put("shardCount", "auto").put("groups", 2), n -> null));
    assertTrue(e.getMessage().contains("shardCount"), e.getMessage());
    e = assertThrows(GatewayException.class, () -> new GatewayOptions(base.copy().put("shardCount", 8), n -> null));
    assertTrue(e.getMessage().contains("groups"), e.getMessage());
    e = assertThrows(GatewayException.class, () -> new GatewayOptions(base.copy().put("shardCount", 8)
        .put("groups", 4).put("leaseTtlMs", 1000).put("leaseRenewMs", 800), n -> null));
    assertTrue(e.getMessage().contains("leaseRenewMs"), e.getMessage());
    GatewayOptions ok = new GatewayOptions(base.copy().put("shardCount", 8).put("groups", 4), n -> null);
    assertTrue(ok.cluster().autoGroup());
    assertTrue(ok.cluster().active(false), "auto groups always use the cluster map");
    assertFalse(new GatewayOptions(new JsonObject().put("token", "t"), n -> null).cluster().active(false));
  }

  @Test
  void aLeaseIsFreeWhenAbsentExpiredOwnOrHeldByANodeThatLeft() {
    Lease held = new Lease("node-a/1", 2, 10_000);
    List<String> members = List.of("node-a", "node-b");
    assertTrue(Lease.freeFor(null, "node-b/1", 5_000, 1_000, members));
    assertFalse(Lease.freeFor(held, "node-b/1", 5_000, 1_000, members), "held by a live member");
    assertTrue(Lease.freeFor(held, "node-b/1", 11_001, 1_000, members), "expired past the skew");
    assertTrue(Lease.freeFor(held, "node-a/1", 5_000, 1_000, members), "its own");
    assertTrue(Lease.freeFor(held, "node-b/1", 5_000, 1_000, List.of("node-b")), "its node left");
    assertEquals("node-a/1, no longer a cluster member", Lease.describe(held, 5_000, 1_000, List.of("node-b")));
    assertEquals("none", Lease.describe(null, 5_000, 1_000, members));
  }
}
