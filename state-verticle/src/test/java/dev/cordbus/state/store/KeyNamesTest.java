package dev.cordbus.state.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyNamesTest {

  private static final KeyNames NAMES = KeyNames.of("id", "nick", "guild_id", "é");

  /** The index of each key of the object {@code json}, in order. */
  private static List<Integer> indexes(String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    JsonCursor c = new JsonCursor(b, 0, b.length);
    c.enter();
    List<Integer> out = new ArrayList<>();
    while (c.nextKey()) {
      out.add(c.key(NAMES));
      c.skip();
    }
    return out;
  }

  @Test
  void matchesEachNameAtItsIndexAndNothingElse() throws IOException {
    assertEquals(List.of(0, 1, 2, -1, -1, -1, -1), indexes(
        "{\"id\":1,\"nick\":\"a\",\"guild_id\":\"2\",\"ids\":[],\"i\":0,\"guild\":null,\"\":0}"));
  }

  @Test
  void escapedAndNonAsciiKeysAreMatchedByWhatTheyDecodeTo() throws IOException {
    assertEquals(List.of(1, 0, 3, -1), indexes("{\"ni\\u0063k\":1,\"\\u0069d\":2,\"é\":3,\"\\u00e9x\":4}"));
  }
}
