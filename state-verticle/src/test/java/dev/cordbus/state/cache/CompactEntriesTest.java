package dev.cordbus.state.cache;

import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.state.store.Interner;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Members, users and presences in their compact forms give back what Discord sent. */
class CompactEntriesTest {

  private static JsonObject user() {
    return new JsonObject().put("id", "80351110224678912").put("username", "nelly").put("discriminator", "0")
        .put("global_name", "Nelly ✨").put("avatar", "a_8342729096ea3675442027381ff50dfe").put("public_flags", 64)
        .put("bot", true).put("avatar_decoration_data", new JsonObject().put("asset", "x"));
  }

  private static JsonObject member() {
    return new JsonObject().put("user", user()).put("nick", "Nell").put("avatar", null).put("banner", "notahash")
        .put("roles", new JsonArray().add("41771983423143936")).put("joined_at", "2015-04-26T06:26:56.936000+00:00")
        .put("premium_since", null).put("deaf", false).put("mute", true).put("flags", 2).put("pending", false)
        .put("communication_disabled_until", "2030-01-01T00:00:00.000000+00:00").put("unusual_dm_activity_until", "x");
  }

  @Test
  void aMemberAndItsUserComeBackFieldForField() {
    UserStore users = new UserStore();
    MemberEntry m = new MemberEntry(users.acquire(user()));
    m.apply(MemberPatch.of(member()), new Interner(100));
    JsonObject expected = member().copy();
    expected.remove("unusual_dm_activity_until");
    JsonObject got = m.toJson();
    assertEquals("x", got.remove("unusual_dm_activity_until"));
    assertEquals(expected, got);
    assertEquals("nelly", m.user.username());
  }

  @Test
  void aPartialUpdateChangesOnlyItsKeys() {
    UserStore users = new UserStore();
    MemberEntry m = new MemberEntry(users.acquire(user()));
    Interner strings = new Interner(100);
    m.apply(MemberPatch.of(member()), strings);
    m.apply(MemberPatch.of(new JsonObject().put("nick", null).put("deaf", true).put("flags", 0)), strings);
    users.update(new JsonObject().put("id", "80351110224678912").put("global_name", null).put("bot", false));
    JsonObject got = m.toJson();
    assertNull(got.getString("nick"));
    assertTrue(got.getBoolean("deaf"));
    assertTrue(got.getBoolean("mute"), "kept");
    assertEquals(0, got.getInteger("flags"));
    assertEquals("notahash", got.getString("banner"), "kept");
    assertNull(got.getJsonObject("user").getString("global_name"));
    assertNull(got.getJsonObject("user").getValue("bot"), "bot is written only when true");
    assertEquals("a_8342729096ea3675442027381ff50dfe", got.getJsonObject("user").getString("avatar"), "kept");
  }

  @Test
  void presencesWithoutActivitiesAreSharedAndThoseWithActivitiesAreNot() {
    JsonObject online = new JsonObject().put("status", "online").put("activities", new JsonArray())
        .put("client_status", new JsonObject().put("desktop", "online"));
    assertSame(PresenceEntry.of(online), PresenceEntry.of(online.copy()));
    assertNotSame(PresenceEntry.of(online), PresenceEntry.of(online.copy().put("status", "idle")));
    JsonObject playing = online.copy().put("activities", new JsonArray().add(new JsonObject().put("name", "Chess")
        .put("type", 0)));
    assertNotSame(PresenceEntry.of(playing), PresenceEntry.of(playing));
    assertEquals("Chess", PresenceEntry.of(playing).toJson(1, 2).getJsonArray("activities").getJsonObject(0)
        .getString("name"));
    assertEquals(new JsonObject().put("desktop", "online"), PresenceEntry.of(online).toJson(1, 2)
        .getJsonObject("client_status"));
  }
}
