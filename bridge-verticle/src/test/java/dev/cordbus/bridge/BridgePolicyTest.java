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
import java.util.List;
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

  private static final JsonObject ANONYMOUS = new JsonObject().put("anonymousListeners", true);

  @Test
  void defaultsAllowDiscordEventsOutAndNothingIn() {
    BridgePolicy p = BridgePolicy.of(options(ANONYMOUS.copy(), null));
    for (String ok : new String[] {"discord.MESSAGE_CREATE", "discord.shard.ready", "discord.shard.invalid-session",
        "discord.state.GUILD_JOIN", "discord.raw"}) {
      assertEquals(Reason.NONE, decide(p, BridgeEventType.REGISTER, ok, null), ok);
    }
    assertEquals(Reason.NOT_OUTBOUND, decide(p, BridgeEventType.REGISTER, "other.thing", null));
    assertEquals(Reason.NOT_OUTBOUND, decide(p, BridgeEventType.REGISTER, "discord.", null));
    assertEquals(Reason.SERVICE_ADDRESS, decide(p, BridgeEventType.REGISTER, "discord.rest.request", null));
    assertEquals(Reason.SERVICE_ADDRESS, decide(p, BridgeEventType.REGISTER, "discord.gateway.send", null));
    assertEquals(Reason.SERVICE_ADDRESS, decide(p, BridgeEventType.REGISTER, "discord.state.query.guild", null));
    assertEquals(Reason.SERVICE_ADDRESS, decide(p, BridgeEventType.REGISTER, "discord.state.shard.0", null));
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
  void registerNeedsTheSecretOrAClientTokenUnlessAnonymousListenersOnLoopback() {
    Map<String, String> env = Map.of(BridgeAddresses.SECRET_ENV, SECRET, "PYBOT_TOKEN", "pybot-token-0123456789");
    BridgePolicy p = BridgePolicy.of(new BridgeVerticleOptions(new JsonObject().put("clients", new JsonArray()
        .add(new JsonObject().put("name", "pybot").put("tokenEnv", "PYBOT_TOKEN"))), env::get));
    String event = "discord.MESSAGE_CREATE";
    assertEquals(Reason.SECRET_MISSING, decide(p, BridgeEventType.REGISTER, event, null));
    assertEquals(Reason.SECRET_MISSING, decide(p, BridgeEventType.REGISTER, event, new JsonObject()));
    assertEquals(Reason.SECRET_MISSING, decide(p, BridgeEventType.REGISTER, event,
        new JsonObject().put("x-cordbus-secret", 42)));
    assertEquals(Reason.SECRET_MISMATCH, decide(p, BridgeEventType.REGISTER, event,
        new JsonObject().put("x-cordbus-secret", SECRET + "x")));
    assertEquals(Reason.NONE, decide(p, BridgeEventType.REGISTER, event, new JsonObject().put("x-cordbus-secret",
        SECRET)));
    assertEquals(Reason.NONE, decide(p, BridgeEventType.REGISTER, event, new JsonObject().put("x-cordbus-secret",
        "pybot-token-0123456789")));
    // The address rules still apply to an authenticated client.
    assertEquals(Reason.SERVICE_ADDRESS, decide(p, BridgeEventType.REGISTER, "discord.state.shard.2",
        new JsonObject().put("x-cordbus-secret", SECRET)));
    assertTrue(p.decide(BridgeEventType.UNREGISTER, event, null).allowed());
    assertTrue(p.decide(BridgeEventType.SOCKET_PING, null, null).allowed());

    assertMessage(BridgeAddresses.SECRET_ENV, () -> options(new JsonObject(), null));
    assertMessage("anonymousListeners", () -> options(ANONYMOUS.copy().put("sockjs",
        new JsonObject().put("host", "0.0.0.0")), null));
    assertMessage("anonymousListeners", () -> options(new JsonObject().put("anonymousListeners", "yes"), null));
    assertMessage("clients[0].tokenEnv", () -> options(new JsonObject().put("clients", new JsonArray()
        .add(new JsonObject().put("name", "a").put("tokenEnv", "UNSET_VAR"))), SECRET));
    assertMessage("clients[0].token", () -> options(new JsonObject().put("clients", new JsonArray()
        .add(new JsonObject().put("name", "a").put("token", SECRET))), SECRET));
    assertMessage("clients[1].name", () -> new BridgeVerticleOptions(new JsonObject().put("clients", new JsonArray()
        .add(new JsonObject().put("name", "a").put("tokenEnv", "PYBOT_TOKEN"))
        .add(new JsonObject().put("name", "a").put("tokenEnv", "PYBOT_TOKEN"))), env::get));
    assertMessage("maxDenials", () -> options(new JsonObject().put("maxDenials", 0), SECRET));
    assertMessage("tls.keyPath", () -> options(new JsonObject().put("tls", new JsonObject()), SECRET));
    assertMessage("tls.certPath", () -> options(new JsonObject().put("tls", new JsonObject()
        .put("keyPath", "pom.xml").put("certPath", "/nonexistent.pem")), SECRET));
  }

  @Test
  void optionsRejectBadConfigNamingTheField() {
    assertMessage("secret", () -> options(new JsonObject().put("secret", SECRET), null));
    assertMessage("inbound", () -> options(new JsonObject().put("inbound", new JsonArray().add("discord\\.rest\\..+")),
        null));
    assertMessage("CORDBUS_BRIDGE_SECRET", () -> options(new JsonObject(), "short"));
    assertMessage("outbound[1]", () -> options(new JsonObject().put("outbound", new JsonArray().add("a").add("(")),
        SECRET));
    assertMessage("outbound[0]", () -> options(new JsonObject().put("outbound", new JsonArray().add(3)), SECRET));
    assertMessage("tcp.port", () -> options(new JsonObject().put("tcp", new JsonObject().put("port", 70000)),
        SECRET));
    assertMessage("sockjs.path", () -> options(new JsonObject().put("sockjs", new JsonObject().put("path", "x")),
        SECRET));
    assertMessage("both bridges", () -> options(new JsonObject().put("tcp", false).put("sockjs", false), SECRET));
    // the shared rules (api OptionReader): 1.5 is rejected, not truncated, and every bad field is in one message
    assertMessage("replyTimeoutMs: must be a whole number, was 1.5", () -> options(new JsonObject()
        .put("replyTimeoutMs", 1.5), SECRET));
    BridgeException e = assertThrows(BridgeException.class, () -> options(new JsonObject()
        .put("tcp", new JsonObject().put("port", 2.5)).put("maxDenials", 0).put("outbound", new JsonArray().add("(")),
        SECRET));
    for (String field : List.of("tcp.port: must be a whole number, was 2.5", "maxDenials: must be between 1 and",
        "outbound[0]")) {
      assertTrue(e.getMessage().contains(field), field + " not in: " + e.getMessage());
    }
    assertMessage(BridgeAddresses.SECRET_ENV + ": not set and no clients", () -> options(new JsonObject()
        .put("clients", new JsonArray()), null));
  }

  @Test
  void optionsNeverPrintTheSecret() {
    BridgeVerticleOptions o = options(new JsonObject().put("inbound", new JsonArray().add("discord\\.rest\\..+")),
        SECRET);
    assertFalse(o.toString().contains(SECRET), o.toString());
    assertFalse(BridgePolicy.of(o).toString().contains(SECRET));
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
