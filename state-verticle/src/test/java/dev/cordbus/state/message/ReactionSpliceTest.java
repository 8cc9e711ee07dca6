package dev.cordbus.state.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Splicing reactions into a message's bytes gives exactly what changing the decoded message gives. */
class ReactionSpliceTest {

  static final JsonObject FIRE = new JsonObject().put("id", null).put("name", "\uD83D\uDD25");
  static final JsonObject LUL = new JsonObject().put("id", "41771983429993937").put("name", "LUL");

  static final List<String> MESSAGES = List.of(
      "{}",
      "{ }",
      "{\"id\":\"1\",\"content\":\"hi\"}",
      "{\"reactions\":[{\"count\":1,\"count_details\":{\"burst\":0,\"normal\":1},\"me\":false,\"me_burst\":false,"
          + "\"emoji\":{\"id\":null,\"name\":\"\uD83D\uDD25\"},\"burst_colors\":[]}],\"id\":\"1\"}",
      "{\"id\":\"1\", \"reactions\" : [{\"count\":2,\"count_details\":{\"burst\":0,\"normal\":2},\"me\":true,"
          + "\"emoji\":{\"id\":null,\"name\":\"\uD83D\uDD25\"}}] , \"content\":\"x\"}",
      "{\"id\":\"1\",\"content\":\"x\",\"reactions\":[{\"count\":1,\"emoji\":{\"id\":\"41771983429993937\","
          + "\"name\":\"LUL\"}}]}",
      "{\"id\":\"1\",\"reactions\":null}",
      "{\"id\":\"1\",\"\\u0072eactions\":[{\"count\":1,\"emoji\":{\"id\":null,\"name\":\"x\"}}],\"c\":\"a\\\"}\"}",
      "{\"content\":\"a \\\"reactions\\\": [] }\",\"embeds\":[{\"t\":\"{[\"}],\"reactions\":[]}",
      "{\"reactions\":[]}");

  static final List<Consumer<JsonObject>> CHANGES = List.of(
      m -> Reactions.add(m, FIRE, false, true),
      m -> Reactions.add(m, LUL, true, false),
      m -> Reactions.remove(m, FIRE, false, false),
      m -> Reactions.remove(m, LUL, false, false),
      m -> Reactions.removeEmoji(m, FIRE),
      m -> m.remove("reactions"));

  @Test
  void spliceEqualsTheTreeChange() {
    for (String message : MESSAGES) {
      for (int i = 0; i < CHANGES.size(); i++) {
        Consumer<JsonObject> change = CHANGES.get(i);
        JsonObject tree = new JsonObject(message);
        change.accept(tree);
        byte[] spliced = ReactionSplice.apply(message.getBytes(StandardCharsets.UTF_8), change);
        assertEquals(tree, new JsonObject(Buffer.buffer(spliced)), "change " + i + " on " + message + " gave "
            + new String(spliced, StandardCharsets.UTF_8));
      }
    }
  }
}
