package dev.cordbus.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.state.StateAddresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of state routing: reading the announced layout and merging gathered answers. */
class StateLayoutTest {

  static JsonObject group(int count, Integer... shards) {
    return new JsonObject().put("group", "g").put("shards", new JsonArray(List.of((Object[]) shards)))
        .put("shardCount", count);
  }

  @Test
  void noAnnouncedGroupMeansThePlainAddresses() {
    assertFalse(StateLayout.of(List.of()).partitioned());
    assertFalse(StateLayout.of(List.of("junk", new JsonObject().put("shards", "x"), group(0, 1))).partitioned());
  }

  @Test
  void groupsGiveTheShardCountOneShardPerGroupAndTheUncoveredShards() {
    StateLayout l = StateLayout.of(List.of(group(4, 2, 3), group(4, 1, 0)));
    assertTrue(l.partitioned());
    assertEquals(4, l.shardCount());
    assertEquals(List.of(2, 0), l.onePerGroup());
    assertEquals(List.of(), l.uncovered());
    StateLayout missing = StateLayout.of(List.of(group(4, 0, 1), group(4, 3, 9)));
    assertEquals(List.of(2), missing.uncovered(), "shard 9 is out of range and ignored; 2 has no owner");
  }

  @Test
  void mergeConcatenatesGuildsSumsCountsAndJoinsShardLists() {
    JsonObject guilds = StateRouter.merge(StateAddresses.GUILDS, List.of(
        new JsonObject().put("guilds", new JsonArray().add(new JsonObject().put("id", "30"))),
        new JsonObject().put("guilds", new JsonArray().add(new JsonObject().put("id", "4"))
            .add(new JsonObject().put("id", "100")))));
    assertEquals(List.of("4", "30", "100"), guilds.getJsonArray("guilds").stream()
        .map(o -> ((JsonObject) o).getString("id")).toList(), "sorted by numeric id");
    JsonObject counts = StateRouter.merge(StateAddresses.COUNTS, List.of(new JsonObject().put("guilds", 2)
        .put("members", 10), new JsonObject().put("guilds", 3).put("members", 5).put("users", 7)));
    assertEquals(new JsonObject().put("guilds", 5L).put("members", 15L).put("users", 7L), counts);
    JsonObject self = StateRouter.merge(StateAddresses.SELF, List.of(
        new JsonObject().put("user", null).put("shards", new JsonArray().add(new JsonObject().put("shard", 1))),
        new JsonObject().put("user", new JsonObject().put("id", "42")).put("shards", new JsonArray()
            .add(new JsonObject().put("shard", 0)))));
    assertEquals("42", self.getJsonObject("user").getString("id"));
    assertEquals(2, self.getJsonArray("shards").size());
  }
}
