package dev.cordbus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardsTest {

  @ParameterizedTest(name = "guild {0} on {1} shards -> shard {2}")
  @CsvSource({
      // fixture guilds; expected values computed outside Java: (id >> 22) % n
      "41771983423143937, 1, 0",
      "41771983423143937, 2, 0",   // 41771983423143937 >> 22 = 9959216934
      "197038439483310086, 3, 2",  // 197038439483310086 >> 22 = 46977624770
      "613425648685547541, 16, 8", // 613425648685547541 >> 22 = 146252071544
      "41771983423143937, 5, 4",
      // an id above 2^63 must not go negative: (2^64-1) >>> 22 = 4398046511103 = 7 * 628292358729
      "18446744073709551615, 7, 0",
      "18446744073709551615, 10, 3"
  })
  void shardOfGuild(String guild, int shards, int expected) {
    assertEquals(expected, Shards.shardOf(guild, shards));
  }

  @Test
  void dmsGoToShardZero() {
    assertEquals(0, Shards.shardOf((String) null, 8));
  }

  @Test
  void identifyBucketIsShardModuloConcurrency() {
    assertEquals(0, Shards.identifyBucket(16, 16));
    assertEquals(3, Shards.identifyBucket(19, 16));
    assertEquals(0, Shards.identifyBucket(5, 1));
    assertThrows(IllegalArgumentException.class, () -> Shards.identifyBucket(1, 0));
  }

  @Test
  void groupsCoverEveryShardOnceAndEvenly() {
    List<Integer> all = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      List<Integer> ids = Shards.group(g, 3, 8);
      assertEquals(g < 2 ? 3 : 2, ids.size());
      all.addAll(ids);
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), all);
  }

  @Test
  void intentMasksMatchTheDocs() {
    assertEquals(53608447, Intent.ALL);
    assertEquals(53575421, Intent.NON_PRIVILEGED);
    assertEquals(Intent.GUILD_MEMBERS, Intent.parse("guild_members"));
    assertThrows(IllegalArgumentException.class, () -> Intent.parse("GUILD_SPAM"));
  }

  @Test
  void snowflakeTimestampRoundTrips() {
    long id = Snowflakes.of(1786039200000L, 1 << 17);
    assertEquals(1786039200000L, Snowflakes.timestamp(id));
    assertEquals("18446744073709551615", Snowflakes.format(Snowflakes.parse("18446744073709551615")));
  }
}
