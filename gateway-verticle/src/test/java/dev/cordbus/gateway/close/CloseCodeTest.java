package dev.cordbus.gateway.close;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.gateway.Fixtures;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloseCodeTest {

  @Test
  void everyCodeOfTheFixtureTableHasTheExpectedAction() throws Exception {
    JsonObject table = new JsonObject(Files.readString(Fixtures.dir().resolve("close_codes.json")));
    Set<Integer> seen = new HashSet<>();
    for (Object o : table.getJsonArray("codes")) {
      JsonObject row = (JsonObject) o;
      int code = row.getInteger("code");
      CloseCode cc = CloseCode.of(code).orElseThrow(() -> new AssertionError("missing code " + code));
      assertEquals(row.getString("name"), cc.name(), "name of " + code);
      assertEquals(CloseAction.valueOf(row.getString("action").toUpperCase(Locale.ROOT)), cc.action(),
          "action of " + code);
      assertEquals(row.getBoolean("reconnect"), cc.canReconnect(), "reconnect of " + code);
      assertEquals(cc.action(), CloseCode.actionFor(code));
      seen.add(code);
    }
    assertEquals(CloseCode.values().length, seen.size(), "the enum has exactly the table's codes");
  }

  @Test
  void codesOutsideTheTableResume() {
    for (int code : new int[] {1000, 1001, 1006, 1011, 4006, 4015, 4999, 0}) {
      assertEquals(CloseAction.RESUME, CloseCode.actionFor(code), "code " + code);
    }
  }

  @Test
  void fatalCodesAreExactly4004And4010To4014() {
    for (CloseCode c : CloseCode.values()) {
      boolean fatal = c.code() == 4004 || (c.code() >= 4010 && c.code() <= 4014);
      assertEquals(fatal, c.action() == CloseAction.STOP, c.name());
    }
  }

  @Test
  void fatalMessagesSayWhatToDo() {
    assertTrue(FatalCloseMessages.message(CloseCode.AUTHENTICATION_FAILED, 0, 1, 1, null)
        .contains("check DISCORD_TOKEN"));
    assertTrue(FatalCloseMessages.message(CloseCode.INVALID_SHARD, 2, 2, 1, null).contains("[2, 2]"));
    assertTrue(FatalCloseMessages.message(CloseCode.SHARDING_REQUIRED, 0, 1, 1, null).contains("shardCount"));
    assertTrue(FatalCloseMessages.message(CloseCode.INVALID_API_VERSION, 0, 1, 1, null).contains("version"));
    assertTrue(FatalCloseMessages.message(CloseCode.INVALID_INTENTS, 0, 1, 1 << 30, null)
        .contains(String.valueOf(1 << 30)));
    String m = FatalCloseMessages.message(CloseCode.DISALLOWED_INTENTS, 0, 1, (1 << 1) | (1 << 15) | 1, "nope");
    assertTrue(m.contains("GUILD_MEMBERS") && m.contains("MESSAGE_CONTENT") && m.contains("Developer Portal"), m);
    assertFalse(m.contains("GUILD_PRESENCES"), m);
  }
}
