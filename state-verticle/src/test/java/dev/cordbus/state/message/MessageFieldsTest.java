package dev.cordbus.state.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import dev.cordbus.state.cache.JacksonPatches;
import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonRead;
import dev.cordbus.state.store.JsonSlice;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the cache takes from a MESSAGE_CREATE: the fast walk and the fallback read the same, and author and member
 * are what the Jackson readers made of them.
 */
class MessageFieldsTest {

  private static JsonSlice slice(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return new JsonSlice(b, 0, b.length);
  }

  private static String line(MessageFields f) {
    return f.id + " " + f.channelId + " " + f.guildId + " " + JacksonPatches.describe(f.author) + " "
        + JacksonPatches.describe(f.member);
  }

  /** The reading of the old code for a body tree: ids from the tree, author and member by Jackson. */
  private static String jackson(JsonObject d) throws IOException {
    String author = "null";
    String member = "null";
    if (d.getValue("author") instanceof JsonObject a) {
      byte[] b = JsonBytes.encode(a);
      try (JsonParser p = JsonRead.parser(b, 0, b.length)) {
        p.nextToken();
        author = JacksonPatches.describe(JacksonPatches.user(p, b, 0));
      }
    }
    if (d.getValue("member") instanceof JsonObject m) {
      byte[] b = JsonBytes.encode(m);
      try (JsonParser p = JsonRead.parser(b, 0, b.length)) {
        p.nextToken();
        member = JacksonPatches.describe(JacksonPatches.member(p, b, 0));
      }
    }
    return Long.parseLong(d.getString("id")) + " " + Long.parseLong(d.getString("channel_id")) + " "
        + (d.getString("guild_id") == null ? 0 : Long.parseLong(d.getString("guild_id"))) + " " + author + " "
        + member;
  }

  @Test
  void everyFixtureMessageReadsAsTheJacksonReadersReadIt() throws IOException {
    int n = 0;
    for (Frames.Frame f : Frames.session()) {
      if (!f.event().equals("MESSAGE_CREATE")) {
        continue;
      }
      JsonSlice body = JsonSlice.of(f.d());
      String fast = line(MessageFields.read(body));
      assertEquals(jackson(f.d()), fast);
      assertEquals(fast, line(MessageFields.parse(body)), "the fallback reads what the fast walk read");
      n++;
    }
    assertTrue(n >= 5, n + " messages");
  }

  @Test
  void withTheGatewaysIndexEveryFixtureMessageReadsTheSameWithoutTheWalk() throws IOException {
    int n = 0;
    for (dev.cordbus.state.fixture.RawFrames.Raw r : new dev.cordbus.state.fixture.RawFrames().frames) {
      if (!r.frame().event().equals("MESSAGE_CREATE")) {
        continue;
      }
      JsonSlice body = new JsonSlice(r.array(), r.offset(), r.length());
      MessageFields indexed = MessageFields.indexed(body, r.members());
      assertNotNull(indexed, "the index is used, not the walk");
      assertEquals(jackson(r.frame().d()), line(indexed));
      assertEquals(line(indexed), line(MessageFields.read(body, r.members())));
      n++;
    }
    assertTrue(n >= 5, n + " messages");
  }

  @Test
  void anIndexThatDoesNotFitTheBodyIsNotUsed() throws IOException {
    JsonSlice body = slice("{\"id\":\"7\",\"channel_id\":\"8\"}");
    assertNull(MessageFields.indexed(body, new int[] {2, 4, 6, 40}), "a value past the end");
    assertNull(MessageFields.indexed(body, new int[] {2, 4, 6, 9, 11, 21, 22, 26}),
        "an id that is not one (the value taken with its colon)");
    assertEquals("7 8 0 null null", line(MessageFields.read(body, new int[] {2, 4, 6, 40})), "read by the walk");
  }

  @Test
  void escapedKeysTakeTheFallbackAndMalformedPartsAreRefused() {
    MessageFields f = MessageFields.read(slice("{\"\\u0069d\":\"7\",\"channel_id\":8,\"author\":{\"id\":\"9\","
        + "\"username\":\"a\\u00e9\"},\"member\":{\"roles\":[\"1\"],\"nick\":\"n\"},\"content\":\"x\"}"));
    assertEquals("7 8 0", f.id + " " + f.channelId + " " + f.guildId);
    assertTrue(JacksonPatches.describe(f.author).contains("username=aé"), JacksonPatches.describe(f.author));
    assertTrue(JacksonPatches.describe(f.member).contains("nick=n"), JacksonPatches.describe(f.member));
    for (String bad : new String[] {
        "{\"id\":\"1\",\"author\":{\"id\":\"2\",\"username\":tru},\"content\":\"x\"}",
        "{\"id\":\"1\",\"member\":{\"roles\":[\"1\",]},\"content\":\"x\"}",
        "{\"id\":\"1\",\"author\":{\"id\":\"2\"",
        "{\"\\u0069d\":\"1\",\"author\":{\"username\":\"\\q\"}}"}) {
      DecodeException e = assertThrows(DecodeException.class, () -> MessageFields.read(slice(bad)), bad);
      assertTrue(e.getMessage().startsWith("MESSAGE_CREATE body: "), e.getMessage());
    }
  }
}
