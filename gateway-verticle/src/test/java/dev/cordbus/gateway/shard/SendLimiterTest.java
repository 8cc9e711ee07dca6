package dev.cordbus.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendLimiterTest {

  @Test
  void commandLimitReservesRoomForHeartbeats() {
    assertEquals(120 - 2 - SendLimiter.MARGIN, SendLimiter.commandLimit(120, 60_000, 41_250));
    assertEquals(120 - 60 - SendLimiter.MARGIN, SendLimiter.commandLimit(120, 60_000, 1000));
    assertEquals(120 - 2 - SendLimiter.MARGIN, SendLimiter.commandLimit(120, 60_000, 45_000));
    assertEquals(1, SendLimiter.commandLimit(120, 60_000, 100), "never below one");
  }

  @Test
  void commandsWaitWhenTheWindowIsFullAndHeartbeatsAlwaysGo() {
    SendLimiter l = new SendLimiter(120, 60_000, 41_250);
    int allowed = l.commandLimit();
    long now = 1_000_000;
    for (int i = 0; i < allowed; i++) {
      assertEquals(0, l.waitMs(now + i));
      l.command(now + i);
    }
    long wait = l.waitMs(now + allowed);
    long slack = SendLimiter.slack(60_000);
    assertEquals(1000, slack);
    assertEquals(60_000 + slack - allowed, wait, "until the first command leaves the window (plus slack)");
    l.heartbeat(now + allowed);
    l.heartbeat(now + allowed + 1);
    assertEquals(allowed + 2, l.inWindow(now + allowed + 1));
    assertTrue(l.inWindow(now + allowed + 1) <= 120);
    assertTrue(l.waitMs(now + 60_000 + slack) > 0, "one command expired but two heartbeats came in");
    assertEquals(0, l.waitMs(now + 60_002 + slack), "three commands expired");
    l.command(now + 60_002 + slack);
    assertTrue(l.waitMs(now + 60_002 + slack) > 0);
  }

  @Test
  void neverMoreThanTheLimitInAnyWindowWithHeartbeatsOnSchedule() {
    long interval = 41_250;
    SendLimiter l = new SendLimiter(120, 60_000, interval);
    long nextBeat = 0;
    int maxSeen = 0;
    for (long t = 0; t < 600_000; t += 50) {
      if (t >= nextBeat) {
        l.heartbeat(t);
        nextBeat += interval;
      }
      if (l.waitMs(t) == 0) {
        l.command(t);
      }
      maxSeen = Math.max(maxSeen, l.inWindow(t));
    }
    assertTrue(maxSeen <= 120, "max " + maxSeen);
    assertTrue(maxSeen >= l.commandLimit(), "the limiter lets commands use the room, max " + maxSeen);
  }
}
