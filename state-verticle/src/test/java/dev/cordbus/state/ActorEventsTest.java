package dev.cordbus.state;

import static dev.cordbus.state.fixture.Frames.BOT;
import static dev.cordbus.state.fixture.Frames.G1;
import static dev.cordbus.state.fixture.Frames.GENERAL;
import static dev.cordbus.state.fixture.Frames.LUIGI;
import static dev.cordbus.state.fixture.Frames.NELLY;
import static dev.cordbus.state.fixture.Frames.THREAD_OLD;
import static dev.cordbus.state.fixture.Frames.VOICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateEvents;
import dev.cordbus.state.fixture.BusHarness;
import dev.cordbus.state.fixture.BusHarness.Published;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * State events that name who acted (issue 14): reactions (also on uncached messages), typing, voice, scheduled-event
 * users and thread member join/leave carry the user id, the emoji where there is one, and the member and user from the
 * payload or the cache. The recorded session (up to its member chunks) gives the cached guild and members.
 */
@ExtendWith(VertxExtension.class)
class ActorEventsTest {

  private static final String SESSION = "3f1d2a9c7b8e4f60a1b2c3d4e5f60718";
  private static final String UNCACHED_MESSAGE = "1599999999999999999";
  private static final String STRANGER = "1588888888888888888";
  private long seq = 5000;

  private BusHarness cached(Vertx vertx, boolean publishEvents) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject().put("publishEvents", publishEvents));
    h.replay(1, 17); // READY, the guilds, their member chunks
    assertNotNull(h.query(StateAddresses.MEMBER, new JsonObject().put("guild_id", G1).put("user_id", NELLY)));
    return h;
  }

  /** As the gateway delivers it: a body over the received bytes (the state verticle reads them streaming). */
  private void dispatchAsBytes(BusHarness h, String event, JsonObject d) throws Exception {
    byte[] bytes = (" " + d.encode()).getBytes(StandardCharsets.UTF_8);
    h.publishBody(event, ++seq, SESSION, DispatchBody.json(bytes, 1, bytes.length - 1));
    h.sync();
  }

  private void dispatch(BusHarness h, String event, JsonObject d) throws Exception {
    h.publish(event, ++seq, SESSION, d, 0);
    h.sync();
  }

  /** The events of this test's own dispatches (the replayed session has its own typing and reactions). */
  private static List<Published> events(BusHarness h, String name) {
    return h.events(name).stream().filter(p -> Long.parseLong(p.headers().getString("seq")) > 5000).toList();
  }

  private static JsonObject only(BusHarness h, String name) {
    List<Published> l = events(h, name);
    assertEquals(1, l.size(), name + ": " + l);
    return l.get(0).body();
  }

  private static JsonObject emoji(String name) {
    return new JsonObject().put("id", null).put("name", name);
  }

  @Test
  void aReactionOnAnUncachedMessageStillFiresWithTheUserAndTheEmoji(Vertx vertx) throws Exception {
    BusHarness h = cached(vertx, true);
    dispatchAsBytes(h, "MESSAGE_REACTION_ADD", new JsonObject().put("user_id", STRANGER).put("channel_id", GENERAL)
        .put("message_id", UNCACHED_MESSAGE).put("guild_id", G1).put("emoji", emoji("\uD83D\uDD25"))
        .put("burst", false).put("type", 0));
    JsonObject e = only(h, "MESSAGE_REACTION_ADD");
    assertEquals(STRANGER, e.getString("user_id"));
    assertEquals("\uD83D\uDD25", e.getJsonObject("emoji").getString("name"));
    assertEquals(G1, e.getString("guild_id"));
    assertEquals(GENERAL, e.getString("channel_id"));
    assertEquals(UNCACHED_MESSAGE, e.getString("message_id"));
    assertFalse(e.getBoolean("burst"));
    assertTrue(e.containsKey("before") && e.getValue("before") == null, "uncached message: before is null");
    assertNull(e.getValue("after"));
    assertNull(e.getValue("user"), "an unknown user");
    assertNull(e.getValue("member"));

    // a DM reaction: no guild_id, still fires
    dispatch(h, "MESSAGE_REACTION_REMOVE", new JsonObject().put("user_id", STRANGER).put("channel_id", "1577777")
        .put("message_id", UNCACHED_MESSAGE).put("emoji", emoji("x")).put("burst", true));
    JsonObject dm = only(h, "MESSAGE_REACTION_REMOVE");
    assertFalse(dm.containsKey("guild_id"));
    assertTrue(dm.getBoolean("burst"));
    assertEquals(STRANGER, dm.getString("user_id"));
  }

  @Test
  void aReactionByACachedMemberCarriesTheMemberAndUser(Vertx vertx) throws Exception {
    BusHarness h = cached(vertx, true);
    dispatchAsBytes(h, "MESSAGE_REACTION_ADD", new JsonObject().put("user_id", NELLY).put("channel_id", GENERAL)
        .put("message_id", UNCACHED_MESSAGE).put("guild_id", G1).put("emoji", emoji("a")).put("burst", false));
    JsonObject e = only(h, "MESSAGE_REACTION_ADD");
    assertEquals(NELLY, e.getJsonObject("member").getJsonObject("user").getString("id"), "member from the cache");
    assertEquals("Nelly", e.getJsonObject("user").getString("username"), "user from the cache");
    // the payload member wins over the cache (it is what Discord says now)
    dispatchAsBytes(h, "MESSAGE_REACTION_ADD", new JsonObject().put("user_id", LUIGI).put("channel_id", GENERAL)
        .put("message_id", UNCACHED_MESSAGE).put("guild_id", G1).put("emoji", emoji("b")).put("burst", false)
        .put("member", new JsonObject().put("user", new JsonObject().put("id", LUIGI).put("username", "Luigi"))
            .put("nick", "green").put("roles", new JsonArray())));
    JsonObject payload = events(h, "MESSAGE_REACTION_ADD").get(1).body();
    assertEquals("green", payload.getJsonObject("member").getString("nick"));
    assertEquals(LUIGI, payload.getJsonObject("user").getString("id"));
    // remove-emoji and remove-all fire too, with what they have
    dispatch(h, "MESSAGE_REACTION_REMOVE_EMOJI", new JsonObject().put("channel_id", GENERAL).put("guild_id", G1)
        .put("message_id", UNCACHED_MESSAGE).put("emoji", emoji("b")));
    assertEquals("b", only(h, "MESSAGE_REACTION_REMOVE_EMOJI").getJsonObject("emoji").getString("name"));
    dispatch(h, "MESSAGE_REACTION_REMOVE_ALL", new JsonObject().put("channel_id", GENERAL).put("guild_id", G1)
        .put("message_id", UNCACHED_MESSAGE));
    assertEquals(UNCACHED_MESSAGE, only(h, "MESSAGE_REACTION_REMOVE_ALL").getString("message_id"));
  }

  @Test
  void typingCarriesTheMemberAndCachesIt(Vertx vertx) throws Exception {
    BusHarness h = cached(vertx, true);
    dispatchAsBytes(h, "TYPING_START", new JsonObject().put("channel_id", GENERAL).put("guild_id", G1)
        .put("user_id", STRANGER).put("timestamp", 1786039300)
        .put("member", new JsonObject().put("user", new JsonObject().put("id", STRANGER).put("username", "newcomer"))
            .put("roles", new JsonArray()).put("joined_at", "2026-08-06T18:00:00.000000+00:00")));
    JsonObject e = only(h, "TYPING_START");
    assertEquals(STRANGER, e.getString("user_id"));
    assertEquals(1786039300, e.getInteger("timestamp"));
    assertEquals("newcomer", e.getJsonObject("member").getJsonObject("user").getString("username"));
    assertEquals("newcomer", e.getJsonObject("user").getString("username"));
    JsonObject member = h.query(StateAddresses.MEMBER, new JsonObject().put("guild_id", G1).put("user_id", STRANGER));
    assertEquals("newcomer", member.getJsonObject("user").getString("username"), "the payload member was cached");
    // typing by a cached member without a payload member (a DM-less guild typing never lacks it, but be lenient)
    dispatch(h, "TYPING_START", new JsonObject().put("channel_id", GENERAL).put("guild_id", G1)
        .put("user_id", NELLY).put("timestamp", 1786039301));
    assertEquals("Nelly", events(h, "TYPING_START").get(1).body().getJsonObject("user").getString("username"));
  }

  @Test
  void voiceStateCarriesTheMember(Vertx vertx) throws Exception {
    BusHarness h = cached(vertx, true);
    JsonObject state = new JsonObject().put("guild_id", G1).put("channel_id", VOICE).put("user_id", NELLY)
        .put("session_id", "v1").put("deaf", false).put("mute", false).put("self_deaf", false)
        .put("self_mute", true).put("self_video", false).put("suppress", false);
    dispatch(h, "VOICE_STATE_UPDATE", state.copy().put("member", new JsonObject()
        .put("user", new JsonObject().put("id", NELLY).put("username", "Nelly")).put("nick", "in voice")
        .put("roles", new JsonArray())));
    JsonObject e = only(h, "VOICE_STATE_UPDATE");
    assertEquals("in voice", e.getJsonObject("member").getString("nick"));
    assertEquals(VOICE, e.getJsonObject("after").getString("channel_id"));
    // leaving, without a payload member: the cached one
    dispatch(h, "VOICE_STATE_UPDATE", state.copy().putNull("channel_id"));
    JsonObject left = events(h, "VOICE_STATE_UPDATE").get(1).body();
    assertNull(left.getValue("after"));
    assertEquals(NELLY, left.getJsonObject("member").getJsonObject("user").getString("id"));
  }

  @Test
  void threadMembersUpdateSplitsIntoJoinAndLeave(Vertx vertx) throws Exception {
    BusHarness h = cached(vertx, true);
    dispatch(h, "THREAD_MEMBERS_UPDATE", new JsonObject().put("id", THREAD_OLD).put("guild_id", G1)
        .put("member_count", 3)
        .put("added_members", new JsonArray().add(new JsonObject().put("id", THREAD_OLD).put("user_id", STRANGER)
            .put("join_timestamp", "2026-08-06T18:00:00.000000+00:00").put("flags", 0)
            .put("member", new JsonObject().put("user", new JsonObject().put("id", STRANGER).put("username", "joiner"))
                .put("roles", new JsonArray()))))
        .put("removed_member_ids", new JsonArray().add(LUIGI)));
    JsonObject join = only(h, StateEvents.THREAD_MEMBER_JOIN);
    assertEquals(G1, join.getString("guild_id"));
    assertEquals(THREAD_OLD, join.getString("thread_id"));
    assertEquals(STRANGER, join.getString("user_id"));
    assertEquals("joiner", join.getJsonObject("member").getJsonObject("user").getString("username"));
    assertEquals("joiner", join.getJsonObject("user").getString("username"));
    JsonObject leave = only(h, StateEvents.THREAD_MEMBER_LEAVE);
    assertEquals(LUIGI, leave.getString("user_id"));
    assertEquals("Luigi", leave.getJsonObject("user").getString("username"), "the leaver from the cache");
    assertEquals(LUIGI, leave.getJsonObject("member").getJsonObject("user").getString("id"));
    // an uncached thread: still split
    dispatch(h, "THREAD_MEMBERS_UPDATE", new JsonObject().put("id", "1566666666666666666").put("guild_id", G1)
        .put("member_count", 1).put("removed_member_ids", new JsonArray().add(NELLY)));
    assertEquals(2, events(h, StateEvents.THREAD_MEMBER_LEAVE).size());
  }

  @Test
  void scheduledEventUsersCarryTheUserAndMember(Vertx vertx) throws Exception {
    BusHarness h = cached(vertx, true);
    dispatch(h, "GUILD_SCHEDULED_EVENT_USER_ADD", new JsonObject().put("guild_scheduled_event_id", "1555555555555555555")
        .put("user_id", NELLY).put("guild_id", G1));
    JsonObject e = only(h, "GUILD_SCHEDULED_EVENT_USER_ADD");
    assertEquals("1555555555555555555", e.getString("guild_scheduled_event_id"));
    assertEquals(NELLY, e.getString("user_id"));
    assertEquals("Nelly", e.getJsonObject("user").getString("username"));
    assertEquals(NELLY, e.getJsonObject("member").getJsonObject("user").getString("id"));
    assertNull(e.getValue("before"), "the scheduled event is not cached");
    dispatch(h, "GUILD_SCHEDULED_EVENT_USER_REMOVE", new JsonObject()
        .put("guild_scheduled_event_id", "1555555555555555555").put("user_id", BOT).put("guild_id", G1));
    assertEquals(BOT, only(h, "GUILD_SCHEDULED_EVENT_USER_REMOVE").getJsonObject("user").getString("id"));
  }

  @Test
  void nothingIsPublishedWithPublishEventsOffButTheCacheStillLearns(Vertx vertx) throws Exception {
    BusHarness h = cached(vertx, false);
    dispatchAsBytes(h, "MESSAGE_REACTION_ADD", new JsonObject().put("user_id", NELLY).put("channel_id", GENERAL)
        .put("message_id", UNCACHED_MESSAGE).put("guild_id", G1).put("emoji", emoji("a")));
    dispatch(h, "TYPING_START", new JsonObject().put("channel_id", GENERAL).put("guild_id", G1)
        .put("user_id", STRANGER).put("timestamp", 1).put("member", new JsonObject()
            .put("user", new JsonObject().put("id", STRANGER).put("username", "quiet")).put("roles", new JsonArray())));
    assertTrue(h.published.isEmpty(), "published: " + h.published);
    assertEquals("quiet", h.query(StateAddresses.MEMBER, new JsonObject().put("guild_id", G1)
        .put("user_id", STRANGER)).getJsonObject("user").getString("username"));
  }
}
