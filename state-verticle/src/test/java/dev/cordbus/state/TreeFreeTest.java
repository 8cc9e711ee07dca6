package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.state.bench.Synthetic;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.StateEvent;
import dev.cordbus.state.fixture.BusHarness;
import dev.cordbus.state.fixture.RawFrames;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The events a bot receives most (message edits included) are applied from the bytes of their {@code DispatchBody}:
 * the body's tree is never built by the state verticle (whether or not it publishes state events; only a consumer
 * that reads the body, or the event bus copying it for a local consumer of a state event, builds it).
 */
@ExtendWith(VertxExtension.class)
class TreeFreeTest {

  static final Set<String> HOT = Set.of("MESSAGE_CREATE", "MESSAGE_UPDATE", "PRESENCE_UPDATE", "GUILD_MEMBER_UPDATE",
      "MESSAGE_REACTION_ADD", "GUILD_CREATE", "GUILD_MEMBERS_CHUNK");

  private static JsonObject bytes(JsonObject tree) {
    byte[] b = ("[1," + tree.encode() + "]").getBytes(StandardCharsets.UTF_8);
    return DispatchBody.json(b, 3, b.length - 4);
  }

  @ParameterizedTest(name = "publishEvents {0}")
  @ValueSource(booleans = {false, true})
  void hotEventsNeverBuildTheirTree(boolean publishEvents) {
    Cache cache = new Cache(new StateOptions());
    EventTable table = new EventTable();
    RawFrames raw = new RawFrames();
    List<String> checked = new ArrayList<>();
    for (RawFrames.Raw r : raw.frames) {
      JsonObject body = DispatchBody.json(r.array(), r.offset(), r.length());
      apply(cache, table, r.frame().event(), body, publishEvents);
      if (HOT.contains(r.frame().event())) {
        assertFalse(DispatchBody.of(body).isParsed(), r.frame().event() + " (file " + r.frame().file()
            + ") built the tree of its body");
        checked.add(r.frame().event());
      }
    }
    assertEquals(HOT, Set.copyOf(checked), "the session has each hot event");

    // the bench's shapes: a guild of 250 members, ~1.4 KB messages with member and author
    Synthetic gen = new Synthetic(3);
    JsonObject guild = bytes(gen.guildCreate(7, 250, 0));
    // a new session listing nothing: the fixture guilds go, the synthetic one joins
    apply(cache, table, "READY", new JsonObject().put("session_id", "s").put("guilds", new JsonArray()), publishEvents);
    List<StateEvent> joined = apply(cache, table, "GUILD_CREATE", guild, publishEvents);
    assertFalse(DispatchBody.of(guild).isParsed());
    assertEquals(250, cache.counts(null).getInteger("members"), cache.counts(null).encode());
    assertEquals(publishEvents, !joined.isEmpty());
    List<JsonObject> messages = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      messages.add(gen.messageCreate(7, i, i));
      JsonObject m = bytes(messages.get(i));
      List<StateEvent> events = apply(cache, table, "MESSAGE_CREATE", m, publishEvents);
      assertFalse(DispatchBody.of(m).isParsed());
      if (publishEvents) {
        assertTrue(events.get(0).body().getValue("after") == m, "the event's after is the received body itself");
      }
    }
    // edits of those messages: partial (content and edited_timestamp), re-sent whole, and unchanged
    for (JsonObject created : messages) {
      JsonObject partial = new JsonObject().put("id", created.getValue("id"))
          .put("channel_id", created.getValue("channel_id")).put("guild_id", created.getValue("guild_id"))
          .put("content", "edited").put("edited_timestamp", "2026-08-06T18:05:00.000000+00:00");
      JsonObject whole = created.copy().put("content", "edited again");
      List<JsonObject> edits = List.of(partial, whole, whole);
      for (int e = 0; e < edits.size(); e++) {
        JsonObject edit = edits.get(e);
        JsonObject body = bytes(edit);
        List<StateEvent> events = apply(cache, table, "MESSAGE_UPDATE", body, publishEvents);
        assertFalse(DispatchBody.of(body).isParsed(), "MESSAGE_UPDATE built the tree of its body");
        JsonObject cached = cache.messages().get(Long.parseLong(created.getString("channel_id")),
            Long.parseLong(created.getString("id")));
        assertEquals(created.copy().put("content", edit.getValue("content"))
            .put("edited_timestamp", edit.getValue("edited_timestamp")), cached);
        assertEquals(publishEvents && e < 2 ? 1 : 0, events.size(), "an event for each change, none for the last");
      }
    }
  }

  private static List<StateEvent> apply(Cache cache, EventTable table, String event, JsonObject body,
      boolean publishEvents) {
    Emitter out = new Emitter(publishEvents);
    if (table.get(event) != null) {
      table.get(event).apply(cache, new Dispatch(event, 0, "s", -1, body), out);
    }
    return out.events();
  }

  @Test
  void overTheBusWithEventsOff(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject().put("publishEvents", false));
    RawFrames raw = new RawFrames();
    for (RawFrames.Raw r : raw.frames) {
      h.publishRaw(r);
    }
    h.sync();
    // the harness kept no reference: publish the hot ones again under new seqs and look at those bodies
    long seq = 1000;
    List<JsonObject> bodies = new ArrayList<>();
    String session = raw.frames.get(raw.frames.size() - 1).frame().session();
    for (RawFrames.Raw r : raw.frames) {
      if (HOT.contains(r.frame().event()) && !r.frame().event().equals("GUILD_CREATE")) {
        JsonObject body = DispatchBody.json(r.array(), r.offset(), r.length());
        bodies.add(body);
        h.publishBody(r.frame().event(), seq++, session, body);
      }
    }
    h.sync();
    assertEquals(0, h.verticle.failed());
    for (JsonObject b : bodies) {
      assertFalse(DispatchBody.of(b).isParsed());
    }
  }
}
