package dev.cordbus.state;

import static dev.cordbus.state.fixture.Frames.G1;
import static dev.cordbus.state.fixture.Frames.GENERAL;
import static dev.cordbus.state.fixture.Frames.M1;
import static dev.cordbus.state.fixture.Frames.NELLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.state.fixture.BusHarness;
import dev.cordbus.state.fixture.BusHarness.Published;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GUILD_MEMBER_UPDATE, PRESENCE_UPDATE and the USER_UPDATE they imply, as a bot on the bus sees them: a member,
 * user or presence re-sent unchanged publishes nothing (also when its bytes differ but its JSON does not: unmodelled
 * keys in another order, activities spaced differently), and a change publishes exactly one event whose
 * {@code before} is what the cache answered before the dispatch and whose {@code after} is what it answers after,
 * field for field, also when the body is first read after the cache moved on. The dispatches are published as the
 * gateway publishes them, as shared bytes.
 */
@ExtendWith(VertxExtension.class)
class UnchangedUpdatesTest {

  private static final String SESSION = "3f1d2a9c7b8e4f60a1b2c3d4e5f60718";

  private final JsonObject who = new JsonObject().put("guild_id", G1).put("user_id", NELLY);
  private long seq = 200;

  private static String member(String nick, String username, String extra) {
    return "{\"guild_id\":\"" + G1 + "\",\"roles\":[\"41771983423143936\"],\"user\":{\"id\":\"" + NELLY + "\","
        + "\"username\":\"" + username + "\",\"discriminator\":\"1337\",\"global_name\":null,"
        + "\"avatar\":\"8342729096ea3675442027381ff50dfe\",\"public_flags\":64},\"nick\":\"" + nick + "\","
        + "\"avatar\":null,\"banner\":null,\"joined_at\":\"2015-08-11T09:15:02.120000+00:00\",\"premium_since\":null,"
        + "\"deaf\":false,\"mute\":false,\"pending\":false,\"communication_disabled_until\":null" + extra + "}";
  }

  private static String presence(String status, String activities) {
    return "{\"user\":{\"id\":\"" + NELLY + "\"},\"guild_id\":\"" + G1 + "\",\"status\":\"" + status + "\","
        + "\"activities\":" + activities + ",\"client_status\":{\"desktop\":\"" + status + "\"}}";
  }

  /** Publishes {@code json} as the gateway does (the bytes, shared) and waits until it was applied. */
  private void send(BusHarness h, String event, String json) throws Exception {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    h.publishBody(event, seq++, SESSION, DispatchBody.json(b, 0, b.length));
    h.sync();
  }

  private static Published only(List<Published> events) {
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }

  private static List<Published> since(BusHarness h, String name, int before) {
    List<Published> all = h.events(name);
    return all.subList(before, all.size());
  }

  @Test
  void reSentMembersPublishNothingAndAChangePublishesExactlyWhatChanged(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 37); // Nelly's GUILD_MEMBER_UPDATE is file 37
    int members = h.events("GUILD_MEMBER_UPDATE").size();
    int users = h.events("USER_UPDATE").size();
    JsonObject cached = h.query(StateAddresses.MEMBER, who);
    assertEquals("NOT API SUPPORT", cached.getString("nick"));

    send(h, "GUILD_MEMBER_UPDATE", member("NOT API SUPPORT", "Nelly", ""));
    assertEquals(members, h.events("GUILD_MEMBER_UPDATE").size(), "the same member re-sent: no event");
    assertEquals(users, h.events("USER_UPDATE").size());
    assertEquals(cached, h.query(StateAddresses.MEMBER, who));

    // an unmodelled key appears: a change, with the key in after only
    send(h, "GUILD_MEMBER_UPDATE", member("NOT API SUPPORT", "Nelly",
        ",\"avatar_decoration_data\":{\"asset\":\"a_1\",\"sku_id\":\"5\"}"));
    JsonObject decorated = h.query(StateAddresses.MEMBER, who);
    JsonObject body = only(since(h, "GUILD_MEMBER_UPDATE", members)).body();
    assertEquals(new JsonObject().put("guild_id", G1).put("before", cached).put("after", decorated), body);
    assertEquals("a_1", body.getJsonObject("after").getJsonObject("avatar_decoration_data").getString("asset"));
    // the same again with its keys in another order: other bytes, the same JSON, no event
    send(h, "GUILD_MEMBER_UPDATE", member("NOT API SUPPORT", "Nelly",
        ",\"avatar_decoration_data\":{\"sku_id\":\"5\",\"asset\":\"a_1\"}"));
    assertEquals(members + 1, h.events("GUILD_MEMBER_UPDATE").size(), "reordered unmodelled keys: no event");

    // one field changed: exactly one event, before = the cache before, after = the cache after
    send(h, "GUILD_MEMBER_UPDATE", member("changed", "Nelly", ""));
    JsonObject renamed = h.query(StateAddresses.MEMBER, who);
    body = only(since(h, "GUILD_MEMBER_UPDATE", members + 1)).body();
    assertEquals(new JsonObject().put("guild_id", G1).put("before", decorated).put("after", renamed), body);
    assertEquals(decorated.copy().put("nick", "changed"), body.getJsonObject("after"), "only the nick changed");
    assertEquals(users, h.events("USER_UPDATE").size(), "the user did not change");

    // the member's user changed: the member event carries it, and USER_UPDATE says what changed
    JsonObject user = h.query(StateAddresses.USER, who);
    send(h, "GUILD_MEMBER_UPDATE", member("changed", "Nelly2", ""));
    JsonObject after = h.query(StateAddresses.MEMBER, who);
    body = only(since(h, "GUILD_MEMBER_UPDATE", members + 2)).body();
    assertEquals(new JsonObject().put("guild_id", G1).put("before", renamed).put("after", after), body);
    JsonObject userBody = only(since(h, "USER_UPDATE", users)).body();
    assertEquals(new JsonObject().put("before", user).put("after", user.copy().put("username", "Nelly2")), userBody);
    assertEquals(userBody.getJsonObject("after"), h.query(StateAddresses.USER, who));
  }

  @Test
  void aBodyReadLaterShowsTheCacheAsItWasWhenTheEventFired(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 37);
    JsonObject nelly = h.query(StateAddresses.MEMBER, who);
    JsonObject user = h.query(StateAddresses.USER, who);
    int reactions = h.events("MESSAGE_REACTION_ADD").size();
    // a reaction without a payload member (user and member from the cache) and a member change, bodies not read yet
    send(h, "MESSAGE_REACTION_ADD", "{\"user_id\":\"" + NELLY + "\",\"channel_id\":\"" + GENERAL + "\","
        + "\"message_id\":\"" + M1 + "\",\"guild_id\":\"" + G1 + "\",\"emoji\":{\"id\":null,\"name\":\"x\"}}");
    send(h, "GUILD_MEMBER_UPDATE", member("first", "Nelly", ""));
    Published reaction = only(since(h, "MESSAGE_REACTION_ADD", reactions));
    Published first = h.events("GUILD_MEMBER_UPDATE").get(h.events("GUILD_MEMBER_UPDATE").size() - 1);
    JsonObject firstAfter = h.query(StateAddresses.MEMBER, who);
    // the cache moves on
    send(h, "GUILD_MEMBER_UPDATE", member("second", "Nelly3", ""));
    assertEquals("second", h.query(StateAddresses.MEMBER, who).getString("nick"));
    // read now: each body is the cache at its own dispatch
    assertEquals(nelly, reaction.body().getJsonObject("member"));
    assertEquals(user, reaction.body().getJsonObject("user"));
    assertEquals(new JsonObject().put("guild_id", G1).put("before", nelly).put("after", firstAfter), first.body());
    assertEquals("first", first.body().getJsonObject("after").getString("nick"));
    assertEquals("Nelly", first.body().getJsonObject("after").getJsonObject("user").getString("username"));
  }

  @Test
  void reSentPresencesPublishNothingAndAChangePublishesExactlyWhatChanged(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject());
    h.replay(1, 37);
    send(h, "PRESENCE_UPDATE", presence("online", "[{\"name\":\"Rust\",\"type\":0}]"));
    int presences = h.events("PRESENCE_UPDATE").size();
    JsonObject online = h.query(StateAddresses.PRESENCE, who);

    send(h, "PRESENCE_UPDATE", presence("online", "[ { \"type\" : 0 , \"name\" : \"Rust\" } ]"));
    assertEquals(presences, h.events("PRESENCE_UPDATE").size(), "the same presence, other bytes: no event");
    assertEquals(online, h.query(StateAddresses.PRESENCE, who));

    send(h, "PRESENCE_UPDATE", presence("idle", "[{\"name\":\"Rust\",\"type\":0}]"));
    JsonObject idle = h.query(StateAddresses.PRESENCE, who);
    assertNotEquals(online, idle);
    JsonObject body = only(since(h, "PRESENCE_UPDATE", presences)).body();
    assertEquals(new JsonObject().put("guild_id", G1).put("before", online).put("after", idle), body);
    assertEquals("idle", body.getJsonObject("after").getJsonObject("client_status").getString("desktop"));

    send(h, "PRESENCE_UPDATE", presence("idle", "[{\"name\":\"Go\",\"type\":0}]"));
    body = only(since(h, "PRESENCE_UPDATE", presences + 1)).body();
    assertEquals(idle, body.getJsonObject("before"));
    assertEquals("Go", body.getJsonObject("after").getJsonArray("activities").getJsonObject(0).getString("name"));
    assertTrue(h.events("USER_UPDATE").isEmpty() || h.events("USER_UPDATE").stream()
        .noneMatch(p -> NELLY.equals(p.body().getJsonObject("after").getString("id"))), "no user field was sent");
  }
}
