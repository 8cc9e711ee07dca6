package dev.cordbus.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.bridge.Decision.Reason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The access rules and the option parsing as pure functions, without Vert.x running. */
class BridgePolicyTest {

  private static final String SECRET = "0123456789abcdef-secret";

  private static BridgeVerticleOptions options(JsonObject json, String secret) {
    return new BridgeVerticleOptions(json, Map.of(BridgeAddresses.SECRET_ENV, secret == null ? "" : secret)::get);
  }

  private static Reason decide(BridgePolicy p, BridgeEventType type, String address, JsonObject headers) {
    return p.decide(type, address, headers).reason();
  }

  @Test
  void defaultsAllowDiscordEventsOutAndNothingIn() {
    BridgePolicy p = BridgePolicy.of(options(new JsonObject(), null));
    for (String ok : new String[] {"discord.MESSAGE_CREATE", "discord.shard.ready", "discord.shard.invalid-session",
        "discord.state.GUILD_JOIN", "discord.raw"}) {
      assertEquals(Reason.NONE, decide(p, BridgeEventType.REGISTER, ok, null), ok);
    }
    assertEquals(Reason.NOT_OUTBOUND, decide(p, BridgeEventType.REGISTER, "other.thing", null));
    assertEquals(Reason.NOT_OUTBOUND, decide(p, BridgeEventType.REGISTER, "discord.", null));
    assertEquals(Reason.SERVICE_ADDRESS, decide(p, BridgeEventType.REGISTER, "discord.rest.request", null));
    assertEquals(Reason.SERVICE_ADDRESS, decide(p, BridgeEventType.REGISTER, "discord.gateway.send", null));
    assertEquals(Reason.SERVICE_ADDRESS, decide(p, BridgeEventType.REGISTER, "discord.state.query.guild", null));
    assertEquals(Reason.NOT_INBOUND, decide(p, BridgeEventType.SEND, "discord.rest.request",
        new JsonObject().put("x-cordbus-secret", SECRET)));
    assertEquals(Reason.NOT_INBOUND, decide(p, BridgeEventType.PUBLISH, "discord.MESSAGE_CREATE", null));
    assertEquals(Reason.NO_ADDRESS, decide(p, BridgeEventType.SEND, null, null));
    assertTrue(p.decide(BridgeEventType.SOCKET_CREATED, null, null).allowed());
  }

  @Test
  void inboundChecksTheSecretInTheConfiguredHeader() {
    JsonObject conf = new JsonObject().put("secretHeader", "x-key")
        .put("inbound", new JsonArray().add(new JsonObject().put("address", "discord.rest.request"))
            .add("discord\\.gateway\\..+"));
    BridgePolicy p = BridgePolicy.of(options(conf, SECRET));
    assertEquals(Reason.NONE, decide(p, BridgeEventType.SEND, "discord.rest.request",
        new JsonObject().put("x-key", SECRET)));
    assertEquals(Reason.NONE, decide(p, BridgeEventType.SEND, "discord.gateway.send",
        new JsonObject().put("x-key", SECRET)));
    assertEquals(Reason.SECRET_MISSING, decide(p, BridgeEventType.SEND, "discord.rest.request", null));
    assertEquals(Reason.SECRET_MISSING, decide(p, BridgeEventType.SEND, "discord.rest.request",
        new JsonObject().put("x-cordbus-secret", SECRET)));
    assertEquals(Reason.SECRET_MISMATCH, decide(p, BridgeEventType.PUBLISH, "discord.rest.request",
        new JsonObject().put("x-key", SECRET + "x")));
    assertEquals(Reason.SECRET_MISMATCH, decide(p, BridgeEventType.SEND, "discord.rest.request",
        new JsonObject().put("x-key", SECRET.substring(1))));
    assertEquals(Reason.NOT_INBOUND, decide(p, BridgeEventType.SEND, "discord.rest.status",
        new JsonObject().put("x-key", SECRET)));
  }

  @Test
  void optionsRejectBadConfigNamingTheField() {
    assertMessage("secret", () -> options(new JsonObject().put("secret", SECRET), null));
    assertMessage("inbound", () -> options(new JsonObject().put("inbound", new JsonArray().add("discord\\.rest\\..+")),
        null));
    assertMessage("CORDBUS_BRIDGE_SECRET", () -> options(new JsonObject(), "short"));
    assertMessage("outbound[1]", () -> options(new JsonObject().put("outbound", new JsonArray().add("a").add("(")),
        null));
    assertMessage("outbound[0]", () -> options(new JsonObject().put("outbound", new JsonArray().add(3)), null));
    assertMessage("tcp.port", () -> options(new JsonObject().put("tcp", new JsonObject().put("port", 70000)), null));
    assertMessage("sockjs.path", () -> options(new JsonObject().put("sockjs", new JsonObject().put("path", "x")),
        null));
    assertMessage("both bridges", () -> options(new JsonObject().put("tcp", false).put("sockjs", false), null));
  }

  @Test
  void optionsNeverPrintTheSecret() {
    BridgeVerticleOptions o = options(new JsonObject().put("inbound", new JsonArray().add("discord\\.rest\\..+")),
        SECRET);
    assertFalse(o.toString().contains(SECRET), o.toString());
    assertTrue(o.toString().contains("***"));
    assertEquals("127.0.0.1", o.tcp().host());
    assertEquals(BridgeVerticleOptions.DEFAULT_TCP_PORT, o.tcp().port());
    assertEquals("/eventbus", o.sockjs().path());
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable parse) {
    BridgeException e = assertThrows(BridgeException.class, parse);
    assertEquals(BridgeException.Kind.CONFIG, e.kind());
    assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' does not name " + expected);
  }
}
