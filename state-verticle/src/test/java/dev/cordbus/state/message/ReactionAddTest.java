package dev.cordbus.state.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.state.StateOptions;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reaction added as bytes (a message's first, another of an emoji it has, a new emoji) leaves exactly the message
 * that the general path (the tree of its reactions) leaves, for every message and reaction shape; the shapes the bytes
 * path does not take are left to the general path.
 */
class ReactionAddTest {

  static final long CHANNEL = 300;
  static final long MESSAGE = 400;
  static final String SELF = "999";

  /** Reaction dispatch bodies: {@code (emoji, user, burst, extra keys)} as Discord sends them, in several shapes. */
  static final List<String> REACTIONS = List.of(
      body("{\"id\":null,\"name\":\"\uD83D\uDD25\"}", "5", "false"),
      body("{\"id\":null,\"name\":\"\\ud83d\\udd25\"}", SELF, "false"),
      body("{\"id\":\"41771983429993937\",\"name\":\"LUL\"}", SELF, "true"),
      body("{\"id\":\"41771983429993937\",\"name\":\"LUL\",\"animated\":true}", "5", "true"),
      body("{ \"id\" : null , \"name\" : \"x\" }", "5", null),
      // not the fast path's shape: the general path applies them
      body("{\"name\":\"x\",\"id\":null}", "5", "false"),
      body("{\"id\":\"1\",\"name\":\"x\",\"roles\":[]}", "5", "false"),
      body("{\"name\":\"x\"}", "5", "false"),
      "{\"channel_id\":300,\"message_id\":\"400\",\"user_id\":\"5\",\"emoji\":{\"id\":null,\"name\":\"x\"}}",
      "{\"channel_id\":\"300\",\"message_id\":\"400\",\"user_id\":\"5\",\"emoji\":null}");

  /** Messages with reactions of several shapes (the first two are what the bytes path raises or extends). */
  static final List<String> MORE = List.of(
      "{\"id\":\"400\",\"reactions\":[{\"count\":7,\"count_details\":{\"burst\":2,\"normal\":5},\"me\":false,"
          + "\"me_burst\":false,\"emoji\":{\"id\":null,\"name\":\"\\ud83d\\udd25\"},\"burst_colors\":[]},{\"count\":1,"
          + "\"count_details\":{\"burst\":0,\"normal\":1},\"me\":true,\"me_burst\":false,\"emoji\":{\"id\":"
          + "\"41771983429993937\",\"name\":\"LUL\",\"animated\":false},\"burst_colors\":[]}],\"content\":\"x\"}",
      "{\"reactions\":[{\"emoji\":{\"name\":\"x\",\"id\":null},\"burst_colors\":[\"#ff0000\"],\"me_burst\":true,"
          + "\"me\":false,\"count_details\":{\"normal\":123456789,\"burst\":0},\"count\":123456789}]}",
      "{\"reactions\":[{\"count\":1,\"count_details\":{\"burst\":0,\"normal\":1},\"emoji\":null},"
          + "{\"count\":1.5,\"count_details\":{\"burst\":0,\"normal\":1},\"emoji\":{\"id\":null,\"name\":\"x\"}}]}",
      "{\"reactions\":[{\"count\":1,\"emoji\":{\"id\":7,\"name\":\"x\"}}]}",
      "{\"reactions\":[{\"count\":2,\"count_details\":{\"burst\":0,\"normal\":2},\"emoji\":{\"id\":null,"
          + "\"name\":\"x\"}}]}",
      "{\"reactions\":[1,{\"count\":1}]}",
      "{\"reactions\":{}}");

  static String body(String emoji, String user, String burst) {
    return "{\"user_id\":\"" + user + "\",\"type\":0,\"message_id\":\"" + MESSAGE + "\",\"member\":{\"user\":{\"id\":\""
        + user + "\",\"username\":\"u\"},\"roles\":[]},\"emoji\":" + emoji + ",\"channel_id\":\"" + CHANNEL + "\","
        + "\"guild_id\":\"7\"" + (burst == null ? "" : ",\"burst\":" + burst) + "}";
  }

  private static Cache cache(String message) {
    Cache cache = new Cache(new StateOptions());
    cache.users().self(new JsonObject().put("id", SELF).put("username", "bot"));
    if (message != null) {
      cache.messages().put(CHANNEL, MESSAGE, message.getBytes(StandardCharsets.UTF_8));
    }
    return cache;
  }

  private static Dispatch dispatch(String body) {
    byte[] b = ("[" + body + "]").getBytes(StandardCharsets.UTF_8);
    return new Dispatch("MESSAGE_REACTION_ADD", 0, "s", 1, DispatchBody.json(b, 1, b.length - 2));
  }

  private static Object decoded(Cache cache) {
    byte[] b = cache.messages().bytes(CHANNEL, MESSAGE);
    return b == null ? null : new JsonObject(Buffer.buffer(b));
  }

  @Test
  void theBytesDecodeToWhatTheGeneralPathGives() {
    List<String> messages = new ArrayList<>(ReactionSpliceTest.MESSAGES);
    messages.addAll(MORE);
    messages.add(null); // not cached
    int fast = 0;
    for (String message : messages) {
      for (String reaction : REACTIONS) {
        Cache general = cache(message);
        String generalFailed = applyGeneral(general, reaction);
        Cache bytes = cache(message);
        boolean taken = ReactionAdd.apply(bytes, dispatch(reaction), new Emitter(true, name -> false));
        String bytesFailed = null;
        if (!taken) {
          bytesFailed = applyGeneral(bytes, reaction);
        } else {
          fast++;
        }
        String what = "reaction " + reaction + " on " + message + (taken ? " (bytes)" : " (general)");
        assertEquals(generalFailed, bytesFailed, what + ": refused alike");
        assertEquals(decoded(general), decoded(bytes), what);
        assertEquals(general.unknownTargets(), bytes.unknownTargets(), what + ": misses");
        if (REACTIONS.indexOf(reaction) >= 5) {
          assertEquals(false, taken, what + ": a shape for the general path");
        } else if (message == null || !message.contains("eactions") || message.equals(MORE.get(0))
            || message.equals(MORE.get(1))) {
          assertEquals(true, taken, what + ": a shape for the bytes");
        }
      }
    }
    assertTrue(fast >= 40, "the common cases took the bytes: " + fast);
  }

  /** Applies the reaction the general way; the exception's class when it refuses it (the verticle counts a failure). */
  private static String applyGeneral(Cache cache, String reaction) {
    try {
      MessageUpdater.add(cache, dispatch(reaction), new Emitter(true, name -> false));
      return null;
    } catch (RuntimeException e) {
      return e.getClass().getName();
    }
  }

  @Test
  void aHeardEventOrATreeBodyTakesTheGeneralPath() {
    String message = "{\"id\":\"400\",\"content\":\"hi\"}";
    String reaction = REACTIONS.get(0);
    assertEquals(false, ReactionAdd.apply(cache(message), dispatch(reaction), new Emitter(true, name -> true)),
        "someone consumes the state event: it is built the general way");
    Dispatch tree = new Dispatch("MESSAGE_REACTION_ADD", 0, "s", 1, new JsonObject(reaction));
    assertEquals(false, ReactionAdd.apply(cache(message), tree, new Emitter(false)), "a body that is not bytes");
    Cache c = cache(message);
    assertEquals(true, ReactionAdd.apply(c, dispatch(reaction), new Emitter(false)), "events off");
    JsonObject after = (JsonObject) decoded(c);
    assertEquals(1, after.getJsonArray("reactions").getJsonObject(0).getInteger("count"));
    assertEquals("hi", after.getString("content"));
  }
}
