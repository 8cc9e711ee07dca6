package dev.cordbus.gateway.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZombieTest {

  @Test
  void decision() {
    assertFalse(Zombie.isZombie(0, false), "first tick: nothing sent yet");
    assertFalse(Zombie.isZombie(0, true));
    assertFalse(Zombie.isZombie(3, true), "acked since the last beat");
    assertTrue(Zombie.isZombie(1, false), "a beat due with no ACK since the previous one");
  }

  @Test
  void trackerFollowsBeatsAndAcks() {
    HeartbeatTracker t = new HeartbeatTracker();
    assertFalse(t.zombied());
    t.sent(1_000_000_000L);
    assertTrue(t.zombied(), "no ACK yet when the next beat is due");
    t.acked(1_042_000_000L);
    assertFalse(t.zombied());
    assertEquals(42, t.latencyMs());
    t.sent(2_000_000_000L);
    t.acked(2_010_000_000L);
    t.acked(2_090_000_000L);
    assertEquals(10, t.latencyMs(), "a second ACK for the same beat does not change the latency");
    t.sent(3_000_000_000L);
    assertTrue(t.zombied());
    assertEquals(3, t.sentCount());
  }
}
