package dev.cordbus.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The example bot's options read with the shared api rules: defaults, and every bad field named in one message. */
class ExampleBotOptionsTest {

  @Test
  void defaultsAndValues() {
    ExampleBotOptions d = new ExampleBotOptions(new JsonObject());
    assertEquals("!", d.prefix());
    assertTrue(d.welcome());
    assertTrue(d.registerCommands());
    assertEquals(60_000, d.reactionWaitMs());
    assertEquals(5_000, new ExampleBotOptions(new JsonObject().put("reactionWaitMs", 5000)).reactionWaitMs());
    ExampleBotOptions o = new ExampleBotOptions(new JsonObject().put("prefix", "?").put("welcome", false));
    assertEquals("?", o.prefix());
    assertFalse(o.welcome());
  }

  @Test
  void everyBadFieldIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExampleBotOptions(
        new JsonObject().put("prefix", " ").put("welcome", 1.5).put("registerCommands", "yes")
            .put("reactionWaitMs", 0)));
    assertTrue(e.getMessage().startsWith("invalid example bot configuration: prefix: must be a non-empty string"),
        e.getMessage());
    assertTrue(e.getMessage().contains("welcome: must be true or false, was 1.5"), e.getMessage());
    assertTrue(e.getMessage().contains("registerCommands: must be true or false, was \"yes\""), e.getMessage());
    assertTrue(e.getMessage().contains("reactionWaitMs"), e.getMessage());
  }
}
