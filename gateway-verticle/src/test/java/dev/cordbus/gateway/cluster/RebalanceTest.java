package dev.cordbus.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One handoff at a time in the whole cluster: the fullest node's greatest owner, the smallest node id first. */
class RebalanceTest {

  private static final List<String> GROUPS = List.of("g0", "g1", "g2", "g3");
  private static final long NOW = 1_000_000;

  private static String lease(String owner) {
    return new Lease(owner, 1, NOW + 60_000).encode();
  }

  private static List<String> handingOff(Map<String, String> entries, List<String> members) {
    List<String> out = new ArrayList<>();
    for (String e : entries.values()) {
      String owner = Lease.decode(e).owner();
      String node = Lease.decode(e).node();
      if (Rebalance.shouldHandOff(entries, members, GROUPS, node, owner, NOW, 1000)) {
        out.add(owner);
      }
    }
    return out;
  }

  @Test
  void aNewNodeGetsOneGroupFromTheFullestNodeOnly() {
    Map<String, String> entries = Map.of("group.g0", lease("a/1"), "group.g1", lease("a/2"),
        "group.g2", lease("b/1"), "group.g3", lease("b/2"));
    assertEquals(List.of("a/2"), handingOff(entries, List.of("a", "b", "c")), "a (smaller id than b), its greatest");
  }

  @Test
  void nothingMovesWhileAGroupIsFree() {
    // a handed off a group a moment ago and c has not claimed it yet: b must not hand one off as well
    Map<String, String> entries = Map.of("group.g0", lease("a/1"), "group.g2", lease("b/1"), "group.g3", lease("b/2"));
    assertTrue(handingOff(entries, List.of("a", "b", "c")).isEmpty(), "g1 is free: c takes it first");
  }

  @Test
  void nothingMovesWhenEveryNodeHasItsShare() {
    Map<String, String> entries = Map.of("group.g0", lease("a/1"), "group.g1", lease("a/2"),
        "group.g2", lease("b/1"), "group.g3", lease("c/1"));
    assertTrue(handingOff(entries, List.of("a", "b", "c")).isEmpty());
  }

  @Test
  void anExpiredLeaseIsAFreeGroupNotAHeldOne() {
    // a would hold 3 of 4 with its expired lease counted; expired, g1 is free and goes to b first
    Map<String, String> entries = Map.of("group.g0", lease("a/1"), "group.g1",
        new Lease("a/2", 1, NOW - 5_000).encode(), "group.g2", lease("a/3"), "group.g3", lease("b/1"));
    assertFalse(Rebalance.shouldHandOff(entries, List.of("a", "b"), GROUPS, "a", "a/3", NOW, 1000));
    assertEquals(1, Rebalance.fewestHeld(entries, List.of("a", "b"), GROUPS, NOW, 1000));
  }

  @Test
  void theFewestGroupsHeldCountsMembersWithoutALeaseAndIgnoresExpiredOnes() {
    Map<String, String> entries = Map.of("group.g0", lease("a/1"), "group.g1", lease("a/2"),
        "group.g2", lease("b/1"), "group.g3", new Lease("c/1", 1, NOW - 5_000).encode());
    assertEquals(0, Rebalance.fewestHeld(entries, List.of("a", "b", "c"), GROUPS, NOW, 1000),
        "c's lease expired: c holds nothing, and the node b would hand a free group to");
    assertEquals(1, Rebalance.fewestHeld(entries, List.of("a", "b"), GROUPS, NOW, 1000));
    assertEquals(2, Rebalance.fewestHeld(entries, List.of("a"), GROUPS, NOW, 1000));
  }

  @Test
  void aClaimWaitsAboveItsShareAndWhileAnotherNodeHoldsFewer() {
    Map<String, String> entries = Map.of("group.g0", lease("a/1"), "group.g1", lease("a/2"),
        "group.g2", lease("b/1"));
    assertEquals(0, Rebalance.claimWaitMs(entries, List.of("a", "b", "c"), GROUPS, 0, 2, 1000, NOW, 1000),
        "a node holding nothing never waits");
    assertEquals(0, Rebalance.claimWaitMs(entries, List.of("b"), GROUPS, 1, 2, 1000, NOW, 1000),
        "below its share and alone: at once");
    assertEquals(1500, Rebalance.claimWaitMs(entries, List.of("a", "b", "c"), GROUPS, 2, 2, 1000, NOW, 1000),
        "a holds 2 while c holds none: half a renew period times (1 + the groups a holds above c)");
    assertEquals(500, Rebalance.claimWaitMs(null, List.of("a", "b"), GROUPS, 2, 2, 1000, NOW, 1000),
        "leases not known: only the share's wait");
  }
}
