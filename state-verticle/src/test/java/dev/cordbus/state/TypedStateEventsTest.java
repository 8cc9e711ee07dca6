package dev.cordbus.state;

import static dev.cordbus.state.fixture.Frames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.api.event.Event;
import dev.cordbus.api.event.EventType;
import dev.cordbus.api.event.TypedJson;
import dev.cordbus.api.model.Message;
import dev.cordbus.api.state.StateBodies;
import dev.cordbus.api.state.StateKeys;
import dev.cordbus.state.event.StateEvent;
import dev.cordbus.state.fixture.BusHarness;
import dev.cordbus.state.fixture.BusHarness.Published;
import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.fixture.PureReplay;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The typed state events ({@link StateKeys}) against what the real state verticle publishes: every event of the
 * fixture session (and its extras) replayed through a deployed {@code StateVerticle}, and one sample of every
 * state-changing dispatch applied by the real updaters, decodes into its record with nothing of the body lost, and
 * deletes keep their ids when the object was not cached.
 */
@ExtendWith(VertxExtension.class)
class TypedStateEventsTest {

  /** Decodes one published body with its key; fails on an unknown name or anything lost on re-encoding. */
  private static Object decode(String name, JsonObject body) {
    EventType<?> key = StateKeys.of(name);
    assertNotNull(key, "no StateKeys entry for discord.state." + name);
    Object record = key.decode(body);
    assertEquals(key.recordClass(), record.getClass(), name);
    JsonObject again = TypedJson.encode(record);
    List<String> lost = lost("$", body, again);
    assertTrue(lost.isEmpty(), name + ": lost on typed decoding " + lost);
    return record;
  }

  @Test
  void everyEventTheVerticlePublishesOverTheFixturesDecodes(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 80);
    String session = Frames.session().get(Frames.session().size() - 1).session();
    try (Stream<java.nio.file.Path> extras = Files.list(Frames.dir().resolve("gateway/extra"))) {
      for (java.nio.file.Path p : extras.sorted().toList()) {
        String name = p.getFileName().toString().replace(".json", "");
        if (new JsonObject(Files.readString(p)).getInteger("op") == 0) {
          h.publish(Frames.extra(name, session));
        }
      }
    }
    h.publish("MESSAGE_DELETE", 900, session, new JsonObject().put("id", "1534999999999999999")
        .put("channel_id", GENERAL).put("guild_id", G1), 0);
    h.sync();

    Set<String> names = new TreeSet<>();
    for (Published p : h.published) {
      names.add(p.name());
      decode(p.name(), p.body());
    }
    assertTrue(names.size() >= 25, "kinds published over the fixtures: " + names);

    StateBodies.Change<Message> edit = StateKeys.MESSAGE_UPDATE.decode(h.events("MESSAGE_UPDATE").get(0).body());
    assertEquals("Supa Hot", edit.before().content());
    assertEquals("Supa Hot \uD83D\uDD25 https://discord.com/developers", edit.after().content());
    assertEquals(G1, edit.guildId());

    List<Published> deletes = h.events("MESSAGE_DELETE");
    StateBodies.MessageDeleted uncached = StateKeys.MESSAGE_DELETE.decode(deletes.get(deletes.size() - 1).body());
    assertEquals("1534999999999999999", uncached.id(), "an uncached delete keeps its id");
    assertEquals(GENERAL, uncached.channelId());
    assertNull(uncached.before());
    StateBodies.MessageDeleted cached = StateKeys.MESSAGE_DELETE.decode(deletes.get(0).body());
    assertEquals(M2, cached.id());
    assertEquals(M2, cached.before().id(), "the cached message rides along");

    StateBodies.MessagesDeleted bulk = StateKeys.MESSAGE_DELETE_BULK.decode(only(h, "MESSAGE_DELETE_BULK"));
    assertEquals(List.of(M3, M4), bulk.ids());
    assertEquals(Set.of(M3, M4), Set.copyOf(bulk.before().stream().map(Message::id).toList()),
        "the bulk delete's cached list is typed");

    StateBodies.MemberRemoved removed = StateKeys.GUILD_MEMBER_REMOVE.decode(only(h, "GUILD_MEMBER_REMOVE"));
    assertEquals(TEST, removed.user().id());
    assertEquals(TEST, removed.before().user().id());

    StateBodies.Typing typing = StateKeys.TYPING_START.decode(h.events("TYPING_START").get(0).body());
    assertEquals(G1, typing.guildId());
    assertNotNull(typing.member(), "typing in a guild carries the member");
    assertEquals(typing.userId(), typing.member().user().id());

    StateBodies.ReactionChange fire = StateKeys.MESSAGE_REACTION_ADD.decode(h.events("MESSAGE_REACTION_ADD").get(0)
        .body());
    assertEquals(M1, fire.messageId());
    assertEquals(NELLY, fire.userId());
    assertEquals("\uD83D\uDD25", fire.emoji().name());
    assertEquals(NELLY, fire.user().id(), "the reacting user, typed");
    assertNotNull(fire.before(), "M1 is cached");
  }

  @Test
  void aSampleOfEveryStateChangingDispatchDecodesThroughItsKey() {
    Map<String, Supplier<JsonObject>> samples = EventTableTest.samples();
    Set<String> kinds = new TreeSet<>();
    for (Map.Entry<String, Supplier<JsonObject>> e : samples.entrySet()) {
      PureReplay r = EventTableTest.base();
      for (StateEvent se : r.apply(e.getKey(), e.getValue().get())) {
        kinds.add(se.name());
        Object record = decode(se.name(), se.body());
        Event<?> event = new Event<>(StateKeys.of(se.name()), MultiMap.caseInsensitiveMultiMap()
            .add("shard", "0").add("guild", "41771983423143937"), se.body());
        assertEquals(record, event.data(), "the Event decodes the same record");
        assertEquals(0, event.shard());
        if (record instanceof StateBodies.Change<?> c) {
          assertTrue(c.before() != null || c.after() != null, se.name() + ": a change with neither side");
        }
      }
    }
    PureReplay session = new PureReplay().upTo(80);
    List<StateEvent> leave = session.apply("THREAD_MEMBERS_UPDATE", new JsonObject().put("id", THREAD_NEW)
        .put("guild_id", G1).put("member_count", 1).put("removed_member_ids", new JsonArray().add(NELLY)));
    StateBodies.ThreadMemberChange left = StateKeys.THREAD_MEMBER_LEAVE.decode(leave.stream()
        .filter(e -> e.name().equals("THREAD_MEMBER_LEAVE")).findFirst().orElseThrow().body());
    assertEquals(THREAD_NEW, left.threadId());
    assertEquals(NELLY, left.userId());
    session.apply("GUILD_DELETE", new JsonObject().put("id", G1).put("unavailable", true)); // an outage
    for (StateEvent se : session.events) {
      kinds.add(se.name());
      decode(se.name(), se.body());
    }
    Set<String> notProduced = new TreeSet<>();
    StateKeys.all().forEach(k -> notProduced.add(k.name()));
    notProduced.removeAll(kinds);
    assertTrue(notProduced.isEmpty(), "state keys no sample or fixture produced: " + notProduced);
  }

  @Test
  void uncachedDeletesKeepTheirIds() {
    PureReplay r = new PureReplay().upTo(8);
    StateEvent role = r.apply("GUILD_ROLE_DELETE", new JsonObject().put("guild_id", G1)
        .put("role_id", "1534999999999999998")).get(0);
    StateBodies.RoleDeleted rd = StateKeys.GUILD_ROLE_DELETE.decode(role.body());
    assertEquals("1534999999999999998", rd.roleId());
    assertNull(rd.before());
    StateEvent member = r.apply("GUILD_MEMBER_REMOVE", new JsonObject().put("guild_id", G1)
        .put("user", new JsonObject().put("id", MISSING_USER).put("username", "gone"))).get(0);
    StateBodies.MemberRemoved mr = StateKeys.GUILD_MEMBER_REMOVE.decode(member.body());
    assertEquals(MISSING_USER, mr.user().id(), "the user Discord sent, though no member was cached");
    assertNull(mr.before());
    StateEvent channel = r.apply("CHANNEL_DELETE", new JsonObject().put("guild_id", G1)
        .put("id", "1534999999999999997").put("type", 0)).get(0);
    assertEquals("1534999999999999997", StateKeys.CHANNEL_DELETE.decode(channel.body()).id());
  }

  private static JsonObject only(BusHarness h, String name) {
    List<Published> l = h.events(name);
    assertEquals(1, l.size(), name);
    return l.get(0).body();
  }

  /** Paths of {@code a} lost or changed in {@code b} (null = absent). */
  private static List<String> lost(String path, Object a, Object b) {
    List<String> out = new ArrayList<>();
    if (a == null) {
      return out;
    }
    if (a instanceof JsonObject oa) {
      if (!(b instanceof JsonObject ob)) {
        out.add(path + " became " + b);
      } else {
        oa.fieldNames().forEach(k -> out.addAll(lost(path + "." + k, oa.getValue(k), ob.getValue(k))));
      }
    } else if (a instanceof JsonArray aa) {
      if (!(b instanceof JsonArray ab) || ab.size() != aa.size()) {
        out.add(path + " became " + b);
      } else {
        for (int i = 0; i < aa.size(); i++) {
          out.addAll(lost(path + "[" + i + "]", aa.getValue(i), ab.getValue(i)));
        }
      }
    } else if (a instanceof Number na && b instanceof Number nb) {
      if (new java.math.BigDecimal(na.toString()).compareTo(new java.math.BigDecimal(nb.toString())) != 0) {
        out.add(path + ": " + a + " became " + b);
      }
    } else if (!a.equals(b)) {
      out.add(path + ": " + a + " became " + b);
    }
    return out;
  }
}
