package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.state.cache.MemberPolicy;
import dev.cordbus.state.cache.MessageCache;
import dev.cordbus.state.event.SeqTracker;
import dev.cordbus.state.store.LongMap;
import dev.cordbus.state.store.Timestamps;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pure decisions and data structures, no Vert.x. */
class UnitsTest {

  @Test
  void longMapBehavesLikeAHashMap() {
    LongMap<Long> m = new LongMap<>();
    Map<Long, Long> ref = new HashMap<>();
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long k = 1 + r.nextInt(5000);
      if (r.nextInt(3) == 0) {
        assertEquals(ref.remove(k), m.remove(k));
      } else {
        assertEquals(ref.put(k, (long) i), m.put(k, (long) i));
      }
    }
    assertEquals(ref.size(), m.size());
    ref.forEach((k, v) -> assertEquals(v, m.get(k)));
    assertEquals(ref.size(), m.sortedKeys().length);
    assertThrows(IllegalArgumentException.class, () -> m.put(0, 1L));
  }

  @Test
  void seqTrackerDropsReplayedDuplicatesAndResetsOnReady() {
    SeqTracker t = new SeqTracker();
    assertTrue(t.accept(0, "A", 1, true));
    assertTrue(t.accept(0, "A", 2, false));
    assertFalse(t.accept(0, "A", 2, false), "same seq again");
    assertFalse(t.accept(0, "A", 1, false), "older seq");
    assertTrue(t.accept(1, "X", 1, true), "shards are independent");
    assertTrue(t.accept(0, "B", 1, true), "a new session restarts at 1");
    assertTrue(t.accept(0, "B", 2, false));
    assertTrue(t.accept(0, "B", -1, false), "unknown seq is applied");
    assertEquals(2, t.duplicates());
    assertEquals(2, t.lastSeq(0));
  }

  @Test
  void memberPolicyDecisions() {
    assertTrue(MemberPolicy.ALL.keep(false, false, false));
    assertTrue(MemberPolicy.ONLINE.keep(false, true, false));
    assertFalse(MemberPolicy.ONLINE.keep(false, false, false));
    assertTrue(MemberPolicy.VOICE.keep(false, false, true));
    assertFalse(MemberPolicy.VOICE.keep(false, true, false));
    assertTrue(MemberPolicy.NONE.keep(true, false, false));
    assertFalse(MemberPolicy.NONE.keep(false, true, true));
  }

  @Test
  void optionsNameTheBadField() {
    StateException e = assertThrows(StateException.class,
        () -> new StateOptions(new JsonObject().put("memberPolicy", "SOME")));
    assertTrue(e.getMessage().contains("memberPolicy"));
    e = assertThrows(StateException.class, () -> new StateOptions(new JsonObject().put("messageCacheSize", -1)));
    assertTrue(e.getMessage().contains("messageCacheSize"));
    e = assertThrows(StateException.class,
        () -> new StateOptions(new JsonObject().put("resources", new io.vertx.core.json.JsonArray().add("NOPE"))));
    assertTrue(e.getMessage().contains("resources"));
    // the shared rule for whole numbers (api OptionReader): 1.5 is rejected naming the field, not truncated to 1
    e = assertThrows(StateException.class, () -> new StateOptions(new JsonObject().put("messagesPerChannel", 1.5)
        .put("shardCount", 2).put("shards", new io.vertx.core.json.JsonArray().add(2))));
    assertEquals(StateException.Kind.BAD_CONFIG, e.kind());
    assertTrue(e.getMessage().contains("messagesPerChannel: must be a whole number, was 1.5; write it without a"
        + " fraction"), e.getMessage());
    assertTrue(e.getMessage().contains("shards: holds 2, which is not between 0 and 1"), e.getMessage());
    StateOptions o = new StateOptions(new JsonObject().put("memberPolicy", "online").put("messagesPerChannel", 5));
    assertEquals(MemberPolicy.ONLINE, o.memberPolicy());
    assertEquals(o.toJson(), new StateOptions(o.toJson()).toJson());
  }

  @Test
  void messageCacheEvictsPerChannelAndTotal() {
    MessageCache c = new MessageCache(5, 3);
    for (long i = 1; i <= 4; i++) {
      c.put(100, i, new JsonObject().put("id", i));
    }
    assertNull(c.get(100, 1), "per-channel limit 3: the oldest went");
    assertNotNull(c.get(100, 2));
    for (long i = 11; i <= 13; i++) {
      c.put(200, i, new JsonObject().put("id", i));
    }
    assertEquals(5, c.size(), "total limit");
    assertNull(c.get(100, 3), "least recently used overall went (2 was read)");
    assertNotNull(c.get(100, 2));
    assertNull(c.remove(999, 2), "wrong channel removes nothing");
    assertNotNull(c.get(100, 2));
  }

  @Test
  void hashesCompactAndExpandBack() {
    for (String h : new String[] {"a_bab14f271d565501444b2ca3be944b25", "8342729096ea3675442027381ff50dfe"}) {
      assertTrue(dev.cordbus.state.store.Hashes.compact(h) instanceof byte[]);
      assertEquals(h, dev.cordbus.state.store.Hashes.expand(dev.cordbus.state.store.Hashes.compact(h)));
    }
    for (String odd : new String[] {"short", "8342729096EA3675442027381FF50DFE", "zz42729096ea3675442027381ff50dfe"}) {
      assertEquals(odd, dev.cordbus.state.store.Hashes.compact(odd));
    }
    assertNull(dev.cordbus.state.store.Hashes.expand(null));
  }

  @Test
  void timestampsRoundTripDiscordFormat() {
    String s = "2015-08-11T09:15:02.120000+00:00";
    assertEquals(s, Timestamps.format(Timestamps.parse(s)));
    assertEquals(Timestamps.NONE, Timestamps.parse("yesterday"));
    assertEquals("2024-02-29T23:59:59.999999+00:00", Timestamps.format(Timestamps.parse("2024-02-29T23:59:59.999999+00:00")));
    assertEquals(Timestamps.parse("2015-06-01T14:00:00.000000+02:00"), Timestamps.parse("2015-06-01T12:00:00.000000+00:00"));
    assertEquals(Timestamps.parse("2020-01-01T00:00:00Z"), Timestamps.parse("2020-01-01T00:00:00.000000+00:00"));
    assertNull(Timestamps.format(Timestamps.NONE));
  }
}
