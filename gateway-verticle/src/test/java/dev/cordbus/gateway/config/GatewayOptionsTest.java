package dev.cordbus.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.gateway.error.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GatewayOptionsTest {

  private static final String TOKEN = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs";
  private static final Function<String, String> NO_ENV = k -> null;

  @Test
  void defaults() {
    GatewayOptions o = new GatewayOptions(new JsonObject().put("token", TOKEN), NO_ENV);
    assertEquals(TOKEN, o.token());
    assertEquals(GatewayOptions.DEFAULT_INTENTS, o.intents());
    assertNull(o.shardCount(), "auto");
    assertNull(o.shards());
    assertEquals("https://discord.com/api/v10", o.restBaseUrl());
    assertNull(o.gatewayUrl());
    assertEquals(Compression.ZLIB_STREAM, o.compression());
    assertEquals(250, o.largeThreshold());
    assertEquals("default", o.group());
    assertFalse(o.publishRaw(), "raw frames cost a decode and a publish per frame: off unless asked for");
    assertEquals(1000, o.invalidSessionWaitMinMs());
    assertEquals(5000, o.invalidSessionWaitMaxMs());
    assertEquals(5000, o.identifyIntervalMs());
    assertEquals(List.of(0, 1, 2), o.shardIds(3));
  }

  @Test
  void parsesEveryKey() {
    GatewayOptions o = new GatewayOptions(new JsonObject().put("token", "Bot " + TOKEN)
        .put("intents", new JsonArray().add("guilds").add("GUILD_MESSAGES").add("MESSAGE_CONTENT"))
        .put("shardCount", 4).put("shards", new JsonArray().add(1).add(3))
        .put("restBaseUrl", "http://127.0.0.1:1/api/v10/").put("gatewayUrl", "ws://127.0.0.1:1")
        .put("compression", "none").put("largeThreshold", 50).put("group", "g1").put("publishRaw", true)
        .put("presence", new JsonObject().put("status", "idle"))
        .put("backoffBaseMs", 10).put("backoffMaxMs", 100).put("identifyIntervalMs", 0), NO_ENV);
    assertEquals(TOKEN, o.token(), "a 'Bot ' prefix is removed");
    assertEquals(Intent.GUILDS.bit() | Intent.GUILD_MESSAGES.bit() | Intent.MESSAGE_CONTENT.bit(), o.intents());
    assertEquals(4, o.shardCount());
    assertEquals(List.of(1, 3), o.shards());
    assertEquals("http://127.0.0.1:1/api/v10", o.restBaseUrl());
    assertEquals(Compression.NONE, o.compression());
    assertEquals("idle", o.presence().getString("status"));
    assertTrue(o.publishRaw());
    assertEquals(513, new GatewayOptions(new JsonObject().put("token", TOKEN).put("intents", 513), NO_ENV)
        .intents());
  }

  @Test
  void environmentOverridesAndSuppliesTheToken() {
    Map<String, String> env = Map.of("DISCORD_TOKEN", TOKEN, "CORDBUS_REST_URL", "http://sim:1/api/v10",
        "CORDBUS_GATEWAY_URL", "ws://sim:1", "CORDBUS_SHARD_COUNT", "6", "CORDBUS_SHARDS", "4,5",
        "CORDBUS_INTENTS", "GUILDS,GUILD_MEMBERS", "CORDBUS_COMPRESSION", "none");
    GatewayOptions o = new GatewayOptions(new JsonObject().put("shardCount", 2).put("compression", "zlib-stream"),
        env::get);
    assertEquals(TOKEN, o.token());
    assertEquals("http://sim:1/api/v10", o.restBaseUrl());
    assertEquals("ws://sim:1", o.gatewayUrl());
    assertEquals(6, o.shardCount());
    assertEquals(List.of(4, 5), o.shards());
    assertEquals(Intent.GUILDS.bit() | Intent.GUILD_MEMBERS.bit(), o.intents());
    assertEquals(Compression.NONE, o.compression());
  }

  @Test
  void zstdStreamIsAcceptedFromTheFileAndTheEnvironment() {
    assertEquals(Compression.ZSTD_STREAM, new GatewayOptions(new JsonObject().put("token", TOKEN)
        .put("compression", "zstd-stream"), NO_ENV).compression());
    assertEquals(Compression.ZSTD_STREAM, new GatewayOptions(new JsonObject().put("token", TOKEN),
        Map.of("CORDBUS_COMPRESSION", " ZSTD-STREAM ")::get).compression());
    GatewayException e = assertThrows(GatewayException.class, () -> new GatewayOptions(new JsonObject()
        .put("token", TOKEN).put("compression", "zstd"), NO_ENV));
    assertTrue(e.getMessage().contains("compression: must be \"zlib-stream\", \"zstd-stream\" or \"none\""),
        e.getMessage());
  }

  @Test
  void everyBadFieldIsNamedInOneError() {
    JsonObject bad = new JsonObject()
        .put("intents", new JsonArray().add("GUILDS").add("NOT_AN_INTENT"))
        .put("shardCount", "many")
        .put("shards", new JsonArray().add(-1))
        .put("restBaseUrl", "ftp://x")
        .put("gatewayUrl", "http://not-ws")
        .put("compression", "gzip")
        .put("largeThreshold", 251)
        .put("presence", "online")
        .put("group", "")
        .put("publishRaw", "yes").put("batchDispatches", 1).put("flowWindow", -1)
        .put("backoffBaseMs", -1)
        .put("invalidSessionWaitMinMs", 10).put("invalidSessionWaitMaxMs", 5)
        .put("identifyIntervalMs", "fast");
    GatewayException e = assertThrows(GatewayException.class, () -> new GatewayOptions(bad, NO_ENV));
    assertEquals(GatewayException.Kind.CONFIG, e.kind());
    for (String field : List.of("token", "intents", "shardCount", "shards", "restBaseUrl", "gatewayUrl",
        "compression", "largeThreshold", "presence", "group", "publishRaw", "batchDispatches", "flowWindow",
        "backoffBaseMs",
        "invalidSessionWaitMaxMs", "identifyIntervalMs")) {
      assertTrue(e.getMessage().contains(field + ":"), field + " not named in: " + e.getMessage());
    }
    assertTrue(e.getMessage().contains("NOT_AN_INTENT"));
  }

  @Test
  void singleBadFields() {
    assertBad(new JsonObject().put("largeThreshold", 49), "largeThreshold");
    assertBad(new JsonObject().put("intents", 1 << 30), "intents");
    assertBad(new JsonObject().put("shardCount", 0), "shardCount");
    assertBad(new JsonObject().put("shardCount", 2).put("shards", new JsonArray().add(2)), "shards");
    assertBad(new JsonObject().put("shards", new JsonArray().add(1).add(1)), "shards");
    assertBad(new JsonObject().put("backoffBaseMs", 500).put("backoffMaxMs", 100), "backoffMaxMs");
    GatewayOptions auto = new GatewayOptions(new JsonObject().put("token", TOKEN)
        .put("shards", new JsonArray().add(5)), NO_ENV);
    GatewayException e = assertThrows(GatewayException.class, () -> auto.shardIds(3));
    assertTrue(e.getMessage().contains("shards:"), e.getMessage());
  }

  @Test
  void intentKeywords() {
    assertEquals(Intent.ALL, intents("all"));
    assertEquals(Intent.NON_PRIVILEGED, intents("default"));
    assertEquals(Intent.NONE, intents("NONE"));
    assertEquals(0, Intent.NONE);
    assertEquals(Intent.NON_PRIVILEGED | Intent.MESSAGE_CONTENT.bit(),
        intents(new JsonArray().add("default").add("MESSAGE_CONTENT")), "keywords combine with names");
    assertEquals(Intent.GUILDS.bit() | Intent.GUILD_MEMBERS.bit(), intents("GUILDS,GUILD_MEMBERS"));
    GatewayOptions fromEnv = new GatewayOptions(new JsonObject().put("token", TOKEN),
        Map.of("CORDBUS_INTENTS", "all")::get);
    assertEquals(Intent.ALL, fromEnv.intents());
    GatewayException e = assertThrows(GatewayException.class, () -> new GatewayOptions(new JsonObject()
        .put("token", TOKEN).put("intents", "everything"), NO_ENV));
    assertTrue(e.getMessage().contains("intents:") && e.getMessage().contains("'everything'")
        && e.getMessage().contains("\"all\"") && e.getMessage().contains("\"default\""), e.getMessage());
  }

  private static int intents(Object value) {
    return new GatewayOptions(new JsonObject().put("token", TOKEN).put("intents", value), NO_ENV).intents();
  }

  @Test
  void aFractionIsRejectedNamingTheFieldLikeEveryModule() {
    GatewayException e = assertThrows(GatewayException.class, () -> new GatewayOptions(new JsonObject()
        .put("token", TOKEN).put("sendLimit", 1.5).put("leaseTtlMs", 2.5), NO_ENV));
    assertTrue(e.getMessage().contains("sendLimit: must be a whole number, was 1.5; write it without a fraction"),
        e.getMessage());
    assertTrue(e.getMessage().contains("leaseTtlMs: must be a whole number, was 2.5"), e.getMessage());
    assertEquals(120, new GatewayOptions(new JsonObject().put("token", TOKEN).put("sendLimit", 120.0), NO_ENV)
        .sendLimit(), "120.0 is a whole number");
  }

  @Test
  void theTokenNeverShows() {
    GatewayOptions o = new GatewayOptions(new JsonObject().put("token", TOKEN), NO_ENV);
    assertFalse(o.toString().contains(TOKEN), o.toString());
    assertTrue(o.toString().contains("***"));
    assertFalse(o.toJson().encode().contains(TOKEN));
    GatewayException e = assertThrows(GatewayException.class, () -> new GatewayOptions(new JsonObject()
        .put("token", TOKEN).put("largeThreshold", 1), NO_ENV));
    assertFalse(e.getMessage().contains(TOKEN));
    GatewayException missing = assertThrows(GatewayException.class, () -> new GatewayOptions(new JsonObject(),
        NO_ENV));
    assertTrue(missing.getMessage().contains("DISCORD_TOKEN"), missing.getMessage());
  }

  private static void assertBad(JsonObject json, String field) {
    GatewayException e = assertThrows(GatewayException.class,
        () -> new GatewayOptions(json.put("token", TOKEN), NO_ENV));
    assertTrue(e.getMessage().contains(field + ":"), field + " not named in: " + e.getMessage());
  }
}
