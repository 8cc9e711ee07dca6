package dev.cordbus.api.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteractionKindTest {

  @ParameterizedTest(name = "type {0}, component {1} -> {2}")
  @CsvSource({
      "1, , PING",
      "2, , APPLICATION_COMMAND",
      "3, 2, BUTTON",
      "3, 3, SELECT_MENU",
      "3, 5, SELECT_MENU",
      "3, 8, SELECT_MENU",
      "3, 4, UNKNOWN",   // 4 is a text input, only inside modals
      "3, , UNKNOWN",
      "4, , AUTOCOMPLETE",
      "5, , MODAL_SUBMIT",
      "99, , UNKNOWN"
  })
  void kindFollowsTypeAndComponentType(int type, Integer componentType, InteractionKind expected) {
    JsonObject data = new JsonObject();
    if (componentType != null) {
      data.put("component_type", componentType);
    }
    assertEquals(expected, InteractionKind.of(new JsonObject().put("type", type).put("data", data)));
  }

  @ParameterizedTest
  @CsvSource({"'\"2\"'", "null"})
  void malformedTypeIsUnknownNotAnException(String type) {
    assertEquals(InteractionKind.UNKNOWN, InteractionKind.of(new JsonObject("{\"type\":" + type + "}")));
  }

  @org.junit.jupiter.api.Test
  void addressesAreUnderDiscordInteraction() {
    assertEquals("discord.interaction.button", InteractionKind.BUTTON.address());
    assertEquals("discord.interaction.command", InteractionKind.APPLICATION_COMMAND.address());
  }
}
