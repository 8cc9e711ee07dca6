package dev.cordbus.state;

import static dev.cordbus.state.fixture.Frames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.state.fixture.BusHarness;
import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.fixture.PureReplay;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Events naming unknown guilds, channels, members or messages neither crash nor corrupt the cache. */
@ExtendWith(VertxExtension.class)
class RobustnessTest {

  static final String UNKNOWN_GUILD = "1191168914227331099";

  /** Retargets every sample at a guild, channel, message and user nobody knows. */
  private static JsonObject retarget(JsonObject d) {
    JsonObject c = d.copy();
    for (String k : new String[] {"guild_id", "channel_id", "message_id", "user_id", "role_id",
        "guild_scheduled_event_id", "sound_id"}) {
      if (c.containsKey(k)) {
        c.put(k, UNKNOWN_GUILD);
      }
    }
    if (c.getValue("id") != null) {
      c.put("id", UNKNOWN_GUILD);
    }
    return c;
  }

  @Test
  void unknownTargetsChangeNothing() {
    for (Map.Entry<String, Supplier<JsonObject>> e : EventTableTest.samples().entrySet()) {
      if (e.getKey().equals("READY") || e.getKey().equals("GUILD_CREATE") || e.getKey().equals("USER_UPDATE")
          || e.getKey().startsWith("MESSAGE_CREATE") || e.getKey().equals("MESSAGE_UPDATE")) {
        continue; // these legitimately create state for new ids
      }
      PureReplay r = EventTableTest.base();
      JsonObject before = r.cache.dump();
      JsonObject d = retarget(e.getValue().get());
      r.apply(e.getKey(), d);
      assertEquals(before, r.cache.dump(), e.getKey() + " with unknown ids changed the cache: " + d);
    }
  }

  @Test
  void emptyAndMalformedPayloadsNeverThrow() {
    for (String event : new dev.cordbus.state.EventTable().handlers().keySet()) {
      if (event.equals("READY") || event.equals("USER_UPDATE")) {
        continue;
      }
      PureReplay r = EventTableTest.base();
      JsonObject before = r.cache.dump();
      assertDoesNotThrow(() -> r.apply(event, new JsonObject()), event);
      assertDoesNotThrow(() -> r.apply(event, new JsonObject().put("guild_id", "not-a-snowflake").put("id", "x")),
          event);
      assertEquals(before, r.cache.dump(), event + " with an empty payload changed the cache");
    }
  }

  @Test
  void badFixturesOverTheBus(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 25);
    JsonObject before = h.sync();
    for (String name : new String[] {"message_delete_unknown_ids", "message_create_id_as_number"}) {
      JsonObject f = new JsonObject(Files.readString(Frames.dir().resolve("bad/" + name + ".json")));
      h.publish(f.getString("t"), 100, "3f1d2a9c7b8e4f60a1b2c3d4e5f60718", f.getJsonObject("d"), 0);
    }
    // a body that is not an object, and a dispatch for a shard with no session
    vertx.eventBus().publish("discord.MESSAGE_CREATE", "garbage");
    h.publish("GUILD_MEMBER_ADD", 5, "other", new JsonObject().put("guild_id", UNKNOWN_GUILD)
        .put("user", new JsonObject().put("id", MISSING_USER)), 3);
    JsonObject after = h.sync();
    assertEquals(before.getInteger("members"), after.getInteger("members"));
    assertEquals(before.getInteger("guilds"), after.getInteger("guilds"));
    assertEquals("Supa Hot \uD83D\uDD25 https://discord.com/developers",
        h.query(StateAddresses.MESSAGE, new JsonObject().put("channel_id", GENERAL).put("message_id", M1))
            .getString("content"));
    assertTrue(after.getLong("unknown_targets") > before.getLong("unknown_targets"));
  }
}
