package dev.cordbus.rest;

import static dev.cordbus.rest.TestSupport.await;
import static dev.cordbus.rest.TestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cordbus.api.rest.Messages;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.rest.RestCall;
import dev.cordbus.api.rest.RestClient;
import dev.cordbus.api.rest.RestFailure;
import dev.cordbus.simulator.rest.RateLimitSim;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The typed calls a bot uses, their gateway events, and the error mapping, against the simulator. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestCallsTest {

  /** Generous limits: these tests are about behaviour, not waiting. */
  static RateLimitSim relaxed() {
    return new RateLimitSim().defaultRule(100, 1000)
        .rule("POST /channels/{channel_id}/messages", "m", 100, 1000)
        .rule("PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", "r", 100, 1000)
        .rule("DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", "r", 100, 1000);
  }

  SimServer sim;
  RestClient rest;

  void start(Vertx vertx) {
    sim = await(SimServer.start(vertx, relaxed()), 10);
    TestSupport.deploy(vertx, sim.restConfig(new JsonObject()));
    rest = new RestClient(vertx.eventBus(), 20_000);
  }

  @Test
  void messageLifecycleEmitsTheGatewayEvents(Vertx vertx) {
    start(vertx);
    JsonObject body = Messages.embed(Messages.noMentions(Messages.reply("Hello, World!",
        "1534984653373571072")), "Hello, Embed!", "This is an embedded message.");
    JsonObject m = await(rest.createMessage(SimServer.GENERAL, body), 10);
    String id = m.getString("id");
    assertEquals("Hello, World!", m.getString("content"));
    assertEquals("rich", m.getJsonArray("embeds").getJsonObject(0).getString("type"));
    assertEquals("1534984653373571072", m.getJsonObject("message_reference").getString("message_id"));
    assertFalse(m.containsKey("guild_id"), "REST messages carry no guild_id");
    JsonObject created = sim.dispatched("MESSAGE_CREATE").get(0);
    assertEquals(SimServer.GUILD, created.getString("guild_id"));
    assertNotNull(created.getJsonObject("member"));

    JsonObject edited = await(rest.editMessage(SimServer.GENERAL, id, Messages.content("edited")), 10);
    assertEquals("edited", edited.getString("content"));
    assertNotNull(sim.dispatched("MESSAGE_UPDATE").get(0).getString("edited_timestamp"));

    await(rest.addReaction(SimServer.GENERAL, id, "🔥"), 10);
    assertEquals("🔥", sim.dispatched("MESSAGE_REACTION_ADD").get(0).getJsonObject("emoji").getString("name"));
    assertTrue(sim.sim.store().message(id).getJsonArray("reactions").getJsonObject(0).getBoolean("me"));
    await(rest.addReaction(SimServer.GENERAL, id, "LUL:123456"), 10);
    await(rest.removeOwnReaction(SimServer.GENERAL, id, "🔥"), 10);
    assertEquals(1, sim.dispatched("MESSAGE_REACTION_REMOVE").size());
    await(rest.removeAllReactions(SimServer.GENERAL, id), 10);
    assertEquals(1, sim.dispatched("MESSAGE_REACTION_REMOVE_ALL").size());

    await(rest.triggerTyping(SimServer.GENERAL), 10);
    assertEquals(1, sim.dispatched("TYPING_START").size());
    await(rest.deleteMessage(SimServer.GENERAL, id, "cleanup"), 10);
    assertEquals(id, sim.dispatched("MESSAGE_DELETE").get(0).getString("id"));

    String a = await(rest.createMessage(SimServer.GENERAL, Messages.content("a")), 10).getString("id");
    String b = await(rest.createMessage(SimServer.GENERAL, Messages.content("b")), 10).getString("id");
    await(rest.bulkDelete(SimServer.GENERAL, new JsonArray().add(a).add(b), null), 10);
    assertEquals(new JsonArray().add(a).add(b), sim.dispatched("MESSAGE_DELETE_BULK").get(0).getJsonArray("ids"));
  }

  @Test
  void attachmentsGoAsMultipart(Vertx vertx) {
    start(vertx);
    JsonObject m = await(rest.createMessage(SimServer.GENERAL, Messages.content("see file"), "hello.txt",
        "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 10);
    assertEquals("see file", m.getString("content"));
    JsonObject attachment = m.getJsonArray("attachments").getJsonObject(0);
    assertEquals("hello.txt", attachment.getString("filename"));
    assertEquals(5, attachment.getInteger("size"));
  }

  @Test
  void guildsMembersUsersAndDms(Vertx vertx) {
    start(vertx);
    assertEquals(SimServer.GUILD, await(rest.getGuild(SimServer.GUILD), 10).getString("id"));
    assertEquals("general", await(rest.getChannel(SimServer.GENERAL), 10).getString("name"));
    assertEquals("Nelly", await(rest.getMember(SimServer.GUILD, SimServer.NELLY), 10).getJsonObject("user")
        .getString("username"));
    assertEquals("Mason", await(rest.getUser(SimServer.MASON), 10).getString("username"));

    JsonObject nelly = await(rest.modifyMember(SimServer.GUILD, SimServer.NELLY, new JsonObject()
        .put("nick", "NOT API SUPPORT").put("roles", new JsonArray().add(SimServer.ROLE_BOYZ)), "promotion"), 10);
    assertEquals("NOT API SUPPORT", nelly.getString("nick"));
    JsonObject update = sim.dispatched("GUILD_MEMBER_UPDATE").get(0);
    assertEquals(new JsonArray().add(SimServer.ROLE_BOYZ), update.getJsonArray("roles"));
    await(rest.timeoutMember(SimServer.GUILD, SimServer.NELLY, "2099-01-01T00:00:00Z", "spam"), 10);
    assertEquals("2099-01-01T00:00:00Z", sim.sim.store().member(SimServer.GUILD, SimServer.NELLY)
        .getString("communication_disabled_until"));

    await(rest.kick(SimServer.GUILD, SimServer.LUIGI, "bye"), 10);
    assertEquals(SimServer.LUIGI, sim.dispatched("GUILD_MEMBER_REMOVE").get(0).getJsonObject("user")
        .getString("id"));
    await(rest.ban(SimServer.GUILD, SimServer.MASON, 3600, "rules"), 10);
    assertTrue(sim.sim.store().banned(SimServer.GUILD, SimServer.MASON));
    assertEquals(1, sim.dispatched("GUILD_BAN_ADD").size());
    await(rest.unban(SimServer.GUILD, SimServer.MASON, null), 10);
    assertEquals(1, sim.dispatched("GUILD_BAN_REMOVE").size());

    JsonObject dm = await(rest.openDm(SimServer.NELLY), 10);
    assertEquals(1, dm.getInteger("type"));
    assertEquals(dm.getString("id"), await(rest.openDm(SimServer.NELLY), 10).getString("id"));
    JsonObject sent = await(rest.createMessage(dm.getString("id"), Messages.content("hi")), 10);
    assertEquals(dm.getString("id"), sent.getString("channel_id"));
  }

  @Test
  void interactionsAnswerOnceThenFollowUp(Vertx vertx) {
    start(vertx);
    String app = sim.sim.store().applicationId();
    sim.sim.store().registerInteraction("777", "itoken-secret", SimServer.GENERAL, SimServer.GUILD,
        SimServer.MASON);
    await(rest.interactionCallback("777", "itoken-secret", new JsonObject().put("type", 4)
        .put("data", Messages.content("Gitrog!"))), 10);
    JsonObject original = sim.dispatched("MESSAGE_CREATE").get(0);
    assertEquals(20, original.getInteger("type"));
    assertEquals("Gitrog!", original.getString("content"));

    RestFailure again = failure(rest.interactionCallback("777", "itoken-secret", new JsonObject().put("type", 4)
        .put("data", Messages.content("twice"))), 10);
    assertEquals(400, again.status());
    assertEquals(40060, again.code());
    assertFalse(again.message().contains("itoken-secret"));

    JsonObject followup = await(rest.createFollowup(app, "itoken-secret", Messages.content("more")), 10);
    assertEquals("more", followup.getString("content"));
    JsonObject edited = await(rest.editOriginalResponse(app, "itoken-secret", Messages.content("edited")), 10);
    assertEquals(original.getString("id"), edited.getString("id"));
    assertEquals("edited", edited.getString("content"));

    RestFailure unknown = failure(rest.interactionCallback("778", "nope", new JsonObject().put("type", 1)), 10);
    assertEquals(404, unknown.status());
    assertEquals(10062, unknown.code());
  }

  @Test
  void applicationCommandsAreRegistered(Vertx vertx) {
    start(vertx);
    String app = sim.sim.store().applicationId();
    JsonArray commands = new JsonArray()
        .add(new JsonObject().put("name", "cardsearch").put("description", "Find a card"))
        .add(new JsonObject().put("name", "ping").put("description", "Pong"));
    JsonArray registered = await(rest.registerGlobalCommands(app, commands), 10);
    assertEquals(2, registered.size());
    assertNotNull(registered.getJsonObject(0).getString("id"));
    assertEquals(2, sim.sim.store().commands(null).size());
    JsonArray guild = await(rest.registerGuildCommands(app, SimServer.GUILD, new JsonArray()
        .add(new JsonObject().put("name", "local").put("description", "Guild only"))), 10);
    assertEquals(SimServer.GUILD, guild.getJsonObject(0).getString("guild_id"));
    RestFailure bad = failure(rest.registerGlobalCommands(app, new JsonArray()
        .add(new JsonObject().put("name", "Bad Name").put("description", "x"))), 10);
    assertEquals(50035, bad.code());
  }

  @Test
  void errorsCarryStatusCodeMessageAndFieldErrors(Vertx vertx) {
    start(vertx);
    RestFailure unknownChannel = failure(rest.getChannel("1"), 10);
    assertEquals(RestFailure.Kind.HTTP, unknownChannel.kind());
    assertEquals(404, unknownChannel.status());
    assertEquals(10003, unknownChannel.code());
    assertEquals("Unknown Channel", unknownChannel.message());

    RestFailure tooLong = failure(rest.createMessage(SimServer.GENERAL, Messages.content("x".repeat(2001))), 10);
    assertEquals(400, tooLong.status());
    assertEquals(50035, tooLong.code());
    assertEquals("BASE_TYPE_MAX_LENGTH", tooLong.errors().getJsonObject("content").getJsonArray("_errors")
        .getJsonObject(0).getString("code"));

    assertEquals(50006, failure(rest.createMessage(SimServer.GENERAL, new JsonObject()), 10).code());
    assertEquals(10008, failure(rest.getMessage(SimServer.GENERAL, "42"), 10).code());
    assertEquals(10007, failure(rest.getMember(SimServer.GUILD, "42"), 10).code());
    assertEquals(10014, failure(rest.addReaction(SimServer.GENERAL, "1534984653373571072", "notanemoji"), 10)
        .code());

    RestFailure invalid = failure(vertx.eventBus().request(RestAddresses.REQUEST,
        new JsonObject().put("method", "GET")), 10);
    assertEquals(RestFailure.Kind.INVALID_REQUEST, invalid.kind());
    assertTrue(invalid.message().startsWith("path:"), invalid.message());
    RestFailure escape = failure(rest.call(RestCall.of("GET", "//evil.example/x")), 10);
    assertEquals(RestFailure.Kind.INVALID_REQUEST, escape.kind());
  }

  @Test
  void aRejectedTokenStopsCallsAndNeverLeaks(Vertx vertx) {
    ListAppender<ILoggingEvent> logs = TestSupport.captureLogs();
    try {
      String secret = "wrong-secret-token-xyz";
      sim = await(SimServer.start(vertx, relaxed()), 10);
      List<JsonObject> events = TestSupport.events(vertx);
      TestSupport.deploy(vertx, sim.restConfig(new JsonObject().put("token", secret)));
      rest = new RestClient(vertx.eventBus(), 20_000);
      RestFailure first = failure(rest.getCurrentUser(), 10);
      assertEquals(401, first.status());
      assertEquals(0, first.code());
      assertEquals("401: Unauthorized", first.message());
      int requestsBefore = sim.requests.size();
      RestFailure second = failure(rest.createMessage(SimServer.GENERAL, Messages.content("x")), 10);
      assertEquals(RestFailure.Kind.TOKEN_REJECTED, second.kind());
      assertEquals(requestsBefore, sim.requests.size(), "no further request reached Discord");
      for (RestFailure f : List.of(first, second)) {
        assertFalse(f.toJson().encode().contains(secret));
      }
      assertFalse(events.toString().contains(secret));
      assertFalse(sim.requests.toString().contains(secret));
      assertFalse(TestSupport.logsContain(logs, secret), "token in logs");
      assertFalse(logs.list.isEmpty(), "the 401 was logged");
    } finally {
      TestSupport.detach(logs);
    }
  }

  @Test
  void badOptionsFailTheDeploymentNamingTheField(Vertx vertx) {
    sim = await(SimServer.start(vertx, relaxed()), 10);
    Throwable e = failureOf(vertx, sim.restConfig(new JsonObject().put("maxRetries", -1)));
    assertTrue(e.getMessage().startsWith("invalid rest configuration: maxRetries: must be >= 0, was -1"),
        e.getMessage());
    e = failureOf(vertx, sim.restConfig(new JsonObject().put("restBaseUrl", "ftp://x")));
    assertTrue(e.getMessage().contains("restBaseUrl: must be a URL starting with http://"), e.getMessage());
    // the same rule for whole numbers as every module (api OptionReader): 1.5 is rejected, not truncated to 1,
    // and every bad field is named in the one message
    e = failureOf(vertx, sim.restConfig(new JsonObject().put("maxQueue", 1.5).put("publishEvents", "yes")));
    assertTrue(e.getMessage().contains("maxQueue: must be a whole number, was 1.5; write it without a fraction"),
        e.getMessage());
    assertTrue(e.getMessage().contains("publishEvents: must be true or false"), e.getMessage());
    assertFalse(new RestOptions(sim.restConfig(new JsonObject()), java.util.Map.of()).toString()
        .contains(SimServer.TOKEN));
  }

  private static Throwable failureOf(Vertx vertx, JsonObject config) {
    try {
      vertx.deployVerticle(new RestVerticle(), new io.vertx.core.DeploymentOptions().setConfig(config))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e.getCause();
    }
    throw new AssertionError("deployment should fail");
  }
}
