package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.fixture.PureReplay;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A non-clustered gateway hands every local consumer the same dispatch body (no copy per consumer), so the state
 * verticle must never change a body it is given: a bot reading the same GUILD_CREATE on another event loop would see
 * keys appear (or a ConcurrentModificationException).
 */
class SharedBodiesTest {

  @Test
  void applyingTheRecordedSessionLeavesEveryDispatchBodyUnchanged() {
    PureReplay replay = new PureReplay();
    int applied = 0;
    for (Frames.Frame f : Frames.session()) {
      JsonObject body = f.d().copy();
      JsonObject before = body.copy();
      replay.apply(f.event(), body);
      assertEquals(before, body, f.event() + " (file " + f.file() + ") changed its dispatch body");
      applied++;
    }
    assertTrue(applied > 20, "the session has dispatches: " + applied);
  }

  @Test
  void aMessageMovesItsChannelsLastMessageIdWithoutTouchingTheBody() {
    PureReplay replay = new PureReplay().upTo(Integer.MAX_VALUE);
    JsonObject message = new JsonObject().put("id", "1600000000000000001").put("channel_id", Frames.GENERAL)
        .put("guild_id", Frames.G1).put("type", 0).put("content", "hi")
        .put("author", new JsonObject().put("id", Frames.NELLY).put("username", "nelly"));
    JsonObject before = message.copy();
    replay.apply("MESSAGE_CREATE", message);
    assertEquals(before, message);
    var g = replay.cache.guild(Long.parseLong(Frames.G1));
    assertEquals("1600000000000000001",
        replay.cache.channels().json(g, Long.parseLong(Frames.GENERAL)).getString("last_message_id"));
    JsonObject dumped = replay.cache.dump().getJsonObject("guilds").getJsonObject(Frames.G1).getJsonArray("channels")
        .stream().map(JsonObject.class::cast).filter(c -> Frames.GENERAL.equals(c.getString("id"))).findFirst()
        .orElseThrow();
    assertEquals("1600000000000000001", dumped.getString("last_message_id"));
    // a CHANNEL_UPDATE carrying Discord's own last_message_id replaces the recorded one
    JsonObject update = dumped.copy().put("last_message_id", "1600000000000000000").put("topic", "new topic");
    replay.apply("CHANNEL_UPDATE", update);
    JsonObject after = replay.cache.channels().json(g, Long.parseLong(Frames.GENERAL));
    assertEquals("1600000000000000000", after.getString("last_message_id"));
    assertEquals("new topic", after.getString("topic"));
  }
}
