package dev.cordbus.simulator.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Buckets per route and major parameter; reaction paths parse emojis. */
class RestRateLimiterTest {

  @Test
  void bucketPerChannelWithFixedWindow() {
    RestRateLimiter l = new RestRateLimiter(2, 1000);
    assertEquals(1, l.acquire("POST /m", "c1", 0).remaining());
    assertTrue(l.acquire("POST /m", "c1", 10).allowed());
    RestRateLimiter.Decision third = l.acquire("POST /m", "c1", 20);
    assertFalse(third.allowed());
    assertEquals(980, third.resetAfterMs());
    assertTrue(l.acquire("POST /m", "c2", 20).allowed(), "another channel has its own bucket");
    assertTrue(l.acquire("POST /m", "c1", 1000).allowed(), "new window");
    assertEquals(l.acquire("POST /m", "c1", 0).bucket(), l.acquire("POST /m", "c9", 0).bucket());
    assertNotEquals(l.acquire("POST /m", "c1", 0).bucket(), l.acquire("DELETE /m", "c1", 0).bucket());
  }

  @Test
  void emojiPathSegments() {
    assertEquals("\uD83D\uDD25", ReactionRoutes.emoji("\uD83D\uDD25").getString("name"));
    assertEquals("41771983429993937", ReactionRoutes.emoji("LUL:41771983429993937").getString("id"));
    assertEquals(null, ReactionRoutes.emoji("LUL:notanid"));
    assertEquals(null, ReactionRoutes.emoji(""));
  }
}
