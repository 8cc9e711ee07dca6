package dev.cordbus.state;

import static dev.cordbus.state.fixture.Frames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.fixture.PureReplay;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dispatch table is exhaustive, and every state-changing event changes the cache (table-driven). */
class EventTableTest {

  /** The 79 op-0 event names of EVENTS.md (discord-api-docs @ c98d64b). */
  static final Set<String> DOCUMENTED = Set.of("READY", "RESUMED", "RATE_LIMITED",
      "APPLICATION_COMMAND_PERMISSIONS_UPDATE", "AUTO_MODERATION_RULE_CREATE", "AUTO_MODERATION_RULE_UPDATE",
      "AUTO_MODERATION_RULE_DELETE", "AUTO_MODERATION_ACTION_EXECUTION", "CHANNEL_CREATE", "CHANNEL_UPDATE",
      "CHANNEL_DELETE", "CHANNEL_PINS_UPDATE", "CHANNEL_INFO", "THREAD_CREATE", "THREAD_UPDATE", "THREAD_DELETE",
      "THREAD_LIST_SYNC", "THREAD_MEMBER_UPDATE", "THREAD_MEMBERS_UPDATE", "ENTITLEMENT_CREATE",
      "ENTITLEMENT_UPDATE", "ENTITLEMENT_DELETE", "GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE",
      "GUILD_AUDIT_LOG_ENTRY_CREATE", "GUILD_BAN_ADD", "GUILD_BAN_REMOVE", "GUILD_EMOJIS_UPDATE",
      "GUILD_STICKERS_UPDATE", "GUILD_INTEGRATIONS_UPDATE", "GUILD_MEMBER_ADD", "GUILD_MEMBER_REMOVE",
      "GUILD_MEMBER_UPDATE", "GUILD_MEMBERS_CHUNK", "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE", "GUILD_ROLE_DELETE",
      "GUILD_SCHEDULED_EVENT_CREATE", "GUILD_SCHEDULED_EVENT_UPDATE", "GUILD_SCHEDULED_EVENT_DELETE",
      "GUILD_SCHEDULED_EVENT_USER_ADD", "GUILD_SCHEDULED_EVENT_USER_REMOVE", "GUILD_SOUNDBOARD_SOUND_CREATE",
      "GUILD_SOUNDBOARD_SOUND_UPDATE", "GUILD_SOUNDBOARD_SOUND_DELETE", "GUILD_SOUNDBOARD_SOUNDS_UPDATE",
      "SOUNDBOARD_SOUNDS", "INTEGRATION_CREATE", "INTEGRATION_UPDATE", "INTEGRATION_DELETE", "INTERACTION_CREATE",
      "INVITE_CREATE", "INVITE_DELETE", "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK",
      "MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE", "MESSAGE_REACTION_REMOVE_ALL",
      "MESSAGE_REACTION_REMOVE_EMOJI", "MESSAGE_POLL_VOTE_ADD", "MESSAGE_POLL_VOTE_REMOVE", "PRESENCE_UPDATE",
      "STAGE_INSTANCE_CREATE", "STAGE_INSTANCE_UPDATE", "STAGE_INSTANCE_DELETE", "SUBSCRIPTION_CREATE",
      "SUBSCRIPTION_UPDATE", "SUBSCRIPTION_DELETE", "TYPING_START", "USER_UPDATE", "VOICE_CHANNEL_EFFECT_SEND",
      "VOICE_STATE_UPDATE", "VOICE_SERVER_UPDATE", "WEBHOOKS_UPDATE", "VOICE_CHANNEL_STATUS_UPDATE",
      "VOICE_CHANNEL_START_TIME_UPDATE");

  /** Handled events that only derive an event and change nothing by design. */
  static final Set<String> EVENT_ONLY = Set.of("GUILD_BAN_ADD");

  private final EventTable table = new EventTable();

  @Test
  void everyDocumentedEventIsHandledOrIgnoredOnPurpose() {
    assertEquals(79, DOCUMENTED.size());
    Set<String> handled = table.handlers().keySet();
    Set<String> ignored = EventTable.IGNORED.keySet();
    Set<String> both = new HashSet<>(handled);
    both.retainAll(ignored);
    assertTrue(both.isEmpty(), "handled and ignored: " + both);
    Set<String> covered = new TreeSet<>(handled);
    covered.addAll(ignored);
    Set<String> missing = new TreeSet<>(DOCUMENTED);
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), "neither handled nor ignored: " + missing);
    Set<String> extra = new TreeSet<>(covered);
    extra.removeAll(DOCUMENTED);
    assertTrue(extra.isEmpty(), "not a documented event: " + extra);
    EventTable.IGNORED.values().forEach(reason -> assertFalse(reason.isBlank()));
  }

  @Test
  void theListIsExactlyTheEventsOfEventsMd() throws Exception {
    // docs/discord/EVENTS.md is the repo's copy of the protocol notes; fixtures sit beside docs/.
    Path md = Frames.dir().resolve("../docs/discord/EVENTS.md").normalize();
    assertTrue(Files.exists(md), "EVENTS.md not found at " + md.toAbsolutePath());
    Matcher m = Pattern.compile("^\\| ([A-Z][A-Z_ /]{3,}?) *\\|", Pattern.MULTILINE).matcher(Files.readString(md));
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      // "STAGE_INSTANCE_CREATE/UPDATE/DELETE" and "INTEGRATION_CREATE / _UPDATE" name several events.
      String[] parts = m.group(1).replace(" ", "").split("/");
      names.add(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        String prefix = parts[0].substring(0, parts[0].lastIndexOf('_'));
        names.add(parts[i].startsWith("_") ? prefix + parts[i] : prefix + "_" + parts[i]);
      }
    }
    assertEquals(new TreeSet<>(DOCUMENTED), names);
  }

  private static JsonObject frame(int file) {
    return Frames.session().stream().filter(f -> f.file() == file).findFirst().orElseThrow().d().copy();
  }

  private static JsonObject extra(String name) {
    return Frames.extra(name, "s").d().copy();
  }

  private static JsonObject o(Object... kv) {
    JsonObject j = new JsonObject();
    for (int i = 0; i < kv.length; i += 2) {
      j.put((String) kv[i], kv[i + 1]);
    }
    return j;
  }

  static final String STAGE = "1534990000000000001";
  static final String EVENT1 = "1534990000000000002";
  static final String M7 = "1534990000000000003";
  static final String NEW_ID = "1534990000000000009";

  /** The base world: the session up to 047, plus a reaction, a stage, a scheduled event and a poll message. */
  static PureReplay base() {
    PureReplay r = new PureReplay().upTo(47);
    r.apply(Frames.session().stream().filter(f -> f.file() == 18).findFirst().orElseThrow());
    r.apply("STAGE_INSTANCE_CREATE", o("id", STAGE, "guild_id", G1, "channel_id", VOICE, "topic", "t",
        "privacy_level", 2));
    r.apply("GUILD_SCHEDULED_EVENT_CREATE", o("id", EVENT1, "guild_id", G1, "name", "gank", "user_count", 3));
    r.apply("MESSAGE_CREATE", o("id", M7, "channel_id", GENERAL, "guild_id", G1, "content", "vote",
        "author", o("id", MASON, "username", "Mason"),
        "poll", o("question", o("text", "?"), "answers", new JsonArray().add(o("answer_id", 1)),
            "results", o("is_finalized", false, "answer_counts",
                new JsonArray().add(o("id", 1, "count", 2, "me_voted", false))))));
    return r;
  }

  static Map<String, Supplier<JsonObject>> samples() {
    Map<String, Supplier<JsonObject>> s = new LinkedHashMap<>();
    s.put("READY", () -> frame(75));
    s.put("GUILD_CREATE", () -> frame(7).put("id", NEW_ID));
    s.put("GUILD_UPDATE", () -> extra("guild_update"));
    s.put("GUILD_DELETE", () -> frame(71));
    s.put("GUILD_ROLE_CREATE", () -> frame(38));
    s.put("GUILD_ROLE_UPDATE", () -> frame(39));
    s.put("GUILD_ROLE_DELETE", () -> o("guild_id", G1, "role_id", ROLE_BOYZ));
    s.put("GUILD_MEMBER_ADD", () -> {
      JsonObject d = frame(36);
      d.getJsonObject("user").put("id", NEW_ID);
      return d;
    });
    s.put("GUILD_MEMBER_UPDATE", () -> frame(37).put("nick", "changed"));
    s.put("GUILD_MEMBER_REMOVE", () -> frame(56));
    s.put("GUILD_MEMBERS_CHUNK", () -> frame(11));
    s.put("PRESENCE_UPDATE", () -> extra("presence_update_user_changed"));
    s.put("USER_UPDATE", () -> extra("user_update"));
    s.put("TYPING_START", () -> {
      JsonObject d = frame(16);
      d.getJsonObject("member").getJsonObject("user").put("id", NEW_ID);
      return d;
    });
    s.put("CHANNEL_CREATE", () -> frame(41));
    s.put("CHANNEL_UPDATE", () -> frame(42));
    s.put("CHANNEL_DELETE", () -> o("id", GENERAL, "guild_id", G1, "type", 0));
    s.put("CHANNEL_PINS_UPDATE", () -> extra("channel_pins_update"));
    s.put("CHANNEL_INFO", () -> frame(62));
    s.put("VOICE_CHANNEL_STATUS_UPDATE", () -> extra("voice_channel_status_update"));
    s.put("VOICE_CHANNEL_START_TIME_UPDATE", () -> o("id", VOICE, "guild_id", G1, "voice_start_time", 1786037999));
    s.put("THREAD_CREATE", () -> frame(44).put("id", NEW_ID));
    s.put("THREAD_UPDATE", () -> extra("thread_update_archived"));
    s.put("THREAD_DELETE", () -> extra("thread_delete"));
    s.put("THREAD_LIST_SYNC", () -> o("guild_id", G1, "threads", new JsonArray(), "members", new JsonArray()));
    s.put("THREAD_MEMBER_UPDATE", () -> extra("thread_member_update"));
    s.put("THREAD_MEMBERS_UPDATE", () -> o("id", THREAD_OLD, "guild_id", G1, "member_count", 7));
    s.put("STAGE_INSTANCE_CREATE", () -> o("id", NEW_ID, "guild_id", G1, "channel_id", VOICE, "topic", "x"));
    s.put("STAGE_INSTANCE_UPDATE", () -> o("id", STAGE, "guild_id", G1, "channel_id", VOICE, "topic", "new"));
    s.put("STAGE_INSTANCE_DELETE", () -> o("id", STAGE, "guild_id", G1, "channel_id", VOICE));
    s.put("GUILD_SCHEDULED_EVENT_CREATE", () -> o("id", NEW_ID, "guild_id", G1, "name", "n"));
    s.put("GUILD_SCHEDULED_EVENT_UPDATE", () -> o("id", EVENT1, "guild_id", G1, "name", "renamed", "user_count", 3));
    s.put("GUILD_SCHEDULED_EVENT_DELETE", () -> o("id", EVENT1, "guild_id", G1));
    s.put("GUILD_SCHEDULED_EVENT_USER_ADD",
        () -> o("guild_scheduled_event_id", EVENT1, "user_id", NELLY, "guild_id", G1));
    s.put("GUILD_SCHEDULED_EVENT_USER_REMOVE",
        () -> o("guild_scheduled_event_id", EVENT1, "user_id", NELLY, "guild_id", G1));
    s.put("GUILD_SOUNDBOARD_SOUND_CREATE", () -> o("sound_id", NEW_ID, "guild_id", G1, "name", "boo"));
    s.put("GUILD_SOUNDBOARD_SOUND_UPDATE", () -> frame(60).getJsonArray("soundboard_sounds").getJsonObject(0)
        .put("name", "Yay!!"));
    s.put("GUILD_SOUNDBOARD_SOUND_DELETE", () -> extra("guild_soundboard_sound_delete"));
    s.put("GUILD_SOUNDBOARD_SOUNDS_UPDATE", () -> o("guild_id", G1, "soundboard_sounds", new JsonArray()));
    s.put("SOUNDBOARD_SOUNDS", () -> o("guild_id", G1, "soundboard_sounds", new JsonArray()));
    s.put("GUILD_EMOJIS_UPDATE", () -> frame(58));
    s.put("GUILD_STICKERS_UPDATE", () -> extra("guild_stickers_update"));
    s.put("MESSAGE_CREATE", () -> frame(67));
    s.put("MESSAGE_UPDATE", () -> frame(24).put("content", "changed"));
    s.put("MESSAGE_DELETE", () -> o("id", M1, "channel_id", GENERAL, "guild_id", G1));
    s.put("MESSAGE_DELETE_BULK", () -> o("ids", new JsonArray().add(M1), "channel_id", GENERAL, "guild_id", G1));
    s.put("MESSAGE_REACTION_ADD", () -> frame(19));
    s.put("MESSAGE_REACTION_REMOVE", () -> frame(20));
    s.put("MESSAGE_REACTION_REMOVE_ALL", () -> frame(23));
    s.put("MESSAGE_REACTION_REMOVE_EMOJI", () -> frame(20).put("emoji", frame(20).getJsonObject("emoji")));
    s.put("MESSAGE_POLL_VOTE_ADD", () -> o("user_id", NELLY, "channel_id", GENERAL, "message_id", M7,
        "guild_id", G1, "answer_id", 1));
    s.put("MESSAGE_POLL_VOTE_REMOVE", () -> o("user_id", NELLY, "channel_id", GENERAL, "message_id", M7,
        "guild_id", G1, "answer_id", 1));
    s.put("VOICE_STATE_UPDATE", () -> frame(54));
    return s;
  }

  @Test
  void everyStateChangingEventChangesTheCache() {
    Map<String, Supplier<JsonObject>> samples = samples();
    Set<String> stateChanging = new TreeSet<>(table.handlers().keySet());
    stateChanging.removeAll(EVENT_ONLY);
    assertEquals(stateChanging, new TreeSet<>(samples.keySet()), "a sample for every state-changing event");
    for (Map.Entry<String, Supplier<JsonObject>> e : samples.entrySet()) {
      PureReplay r = base();
      JsonObject before = r.cache.dump();
      r.apply(e.getKey(), e.getValue().get());
      assertNotEquals(before, r.cache.dump(), e.getKey() + " changed nothing");
    }
  }

  @Test
  void eventOnlyHandlersChangeNothing() {
    PureReplay r = base();
    JsonObject before = r.cache.dump();
    assertEquals(1, r.apply("GUILD_BAN_ADD", frame(55)).size());
    assertEquals(before, r.cache.dump());
  }
}
