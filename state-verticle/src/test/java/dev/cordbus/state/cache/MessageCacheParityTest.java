package dev.cordbus.state.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageCache} (intrusive lists) against {@link LinkedMessageCache} (the two access-ordered maps it
 * replaced): the same random puts, edits, reads, removals and channel drops under several limits give the same
 * answers, the same evictions and the same contents in the same order, after every operation.
 */
class MessageCacheParityTest {

  @Test
  void behavesAsTheLinkedHashMapCacheItReplaced() {
    int[][] limits = {{1, 1}, {5, 3}, {10, 100}, {50, 7}, {0, 5}, {5, 0}};
    for (int[] l : limits) {
      for (long seed = 1; seed <= 20; seed++) {
        run(l[0], l[1], new Random(seed), "limits " + l[0] + "/" + l[1] + ", seed " + seed);
      }
    }
  }

  private static void run(int total, int perChannel, Random r, String what) {
    MessageCache cache = new MessageCache(total, perChannel);
    LinkedMessageCache ref = new LinkedMessageCache(total, perChannel);
    for (int step = 0; step < 2_000; step++) {
      long channel = r.nextInt(5); // 0 is never cached
      long id = channel * 100 + 1 + r.nextInt(15); // ids are unique per channel, as Discord's snowflakes are
      String at = what + ", step " + step;
      switch (r.nextInt(7)) {
        case 0, 1 -> {
          byte[] json = ("{\"id\":\"" + id + "\",\"step\":" + step + "}").getBytes(StandardCharsets.UTF_8);
          assertArrayEquals(ref.put(channel, id, json), cache.put(channel, id, json), at + ": put");
        }
        case 2 -> {
          JsonObject edit = new JsonObject().put("id", Long.toString(id)).put("edited", step);
          assertArrayEquals(ref.put(channel, id, edit), cache.put(channel, id, edit), at + ": edit");
        }
        case 3 -> assertArrayEquals(ref.bytes(channel, id), cache.bytes(channel, id), at + ": bytes");
        case 4 -> assertEquals(ref.get(channel, id), cache.get(channel, id), at + ": get");
        case 5 -> assertEquals(ref.remove(channel, id), cache.remove(channel, id), at + ": remove");
        default -> {
          if (r.nextInt(20) == 0) {
            ref.removeChannel(channel);
            cache.removeChannel(channel);
          } else {
            assertEquals(ref.channel(channel), cache.channel(channel), at + ": channel order");
          }
        }
      }
      assertEquals(ref.size(), cache.size(), at + ": size");
      assertEquals(ref.evicted(), cache.evicted(), at + ": evicted");
      if (step % 50 == 0) {
        assertEquals(ref.all(), cache.all(), at + ": all");
      }
    }
    cache.clear();
    assertEquals(0, cache.size());
    assertEquals(0, cache.all().size());
  }
}
