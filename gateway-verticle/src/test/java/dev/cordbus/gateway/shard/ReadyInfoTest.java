package dev.cordbus.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cordbus.gateway.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@link ReadyInfo} reads the recorded READY fixture, and a READY that lacks fields gives nulls, not failures. */
class ReadyInfoTest {

  @Test
  void theRecordedReady() throws Exception {
    JsonObject d = new JsonObject(Files.readString(Fixtures.dir().resolve("gateway/005_s2c_READY.json")))
        .getJsonObject("d");
    JsonObject info = ReadyInfo.of(d.getMap());
    assertEquals(d.getInteger("v"), info.getInteger("v"));
    assertEquals(d.getJsonObject("user").getString("id"), info.getJsonObject("user").getString("id"));
    assertEquals(d.getJsonObject("application").getString("id"), info.getJsonObject("application").getString("id"));
    assertEquals(d.getJsonObject("application").getLong("flags"), info.getJsonObject("application").getLong("flags"));
    JsonArray ids = new JsonArray();
    d.getJsonArray("guilds").forEach(g -> ids.add(((JsonObject) g).getString("id")));
    assertEquals(ids, info.getJsonArray("unavailableGuilds"));
    assertEquals(d.getString("resume_gateway_url"), info.getString("resumeGatewayUrl"));
  }

  @Test
  void missingFieldsAreNull() {
    JsonObject info = ReadyInfo.of(new JsonObject().put("session_id", "s").put("guilds", new JsonArray()
        .add(new JsonObject().put("id", "1").put("unavailable", false)).add("junk")).getMap());
    assertNull(info.getValue("v"));
    assertNull(info.getValue("user"));
    assertNull(info.getValue("application"));
    assertEquals(new JsonArray(), info.getJsonArray("unavailableGuilds"), "an available guild is not listed");
  }
}
