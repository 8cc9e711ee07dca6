package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Intent;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.RawClient;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** REST endpoints, their errors and rate-limit headers, and the gateway events their mutations fire. */
@ExtendWith(VertxExtension.class)
class RestTest {

  private DiscordSimulator sim;
  private HttpClient http;
  private RawClient gw;
  private String guild;
  private String channel;

  /** A response: status, headers we look at, body. */
  record Reply(int status, io.vertx.core.MultiMap headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    sim = Sims.start(vertx, Sims.fast().messageRateLimit(5).messageRateWindowMs(5000)
        .world(World.generate(1, 5, 8L)));
    http = vertx.createHttpClient();
    guild = sim.world().guildIds().get(0);
    channel = sim.world().textChannelId(guild);
    gw = RawClient.connect(vertx, sim.gatewayUrl());
    gw.hello();
    gw.identify(sim.token(), Intent.GUILDS.bit() | Intent.GUILD_MESSAGES.bit()
        | Intent.GUILD_MESSAGE_REACTIONS.bit(), null);
    gw.await(0, "GUILD_CREATE", 5000);
  }

  @AfterEach
  void stop() throws Exception {
    gw.dispose();
    Sims.await(http.close());
    Sims.await(sim.close());
  }

  private Reply call(HttpMethod method, String path, String token, JsonObject body) throws Exception {
    RequestOptions o = new RequestOptions().setMethod(method).setAbsoluteURI(sim.restBaseUrl() + path);
    if (token != null) {
      o.putHeader("Authorization", "Bot " + token);
    }
    Future<Reply> f = http.request(o).compose(req -> {
      Future<HttpClientResponse> sent = body == null ? req.send()
          : req.putHeader("Content-Type", "application/json").send(Buffer.buffer(body.encode()));
      return sent.compose(r -> r.body().map(b -> new Reply(r.statusCode(), r.headers(), b.toString())));
    });
    return Sims.await(f);
  }

  @Test
  void gatewayDiscovery() throws Exception {
    Reply g = call(HttpMethod.GET, "/gateway", null, null);
    assertEquals(200, g.status());
    assertEquals(sim.gatewayUrl(), g.json().getString("url"));
    Reply bot = call(HttpMethod.GET, "/gateway/bot", sim.token(), null);
    assertEquals(200, bot.status());
    JsonObject limit = bot.json().getJsonObject("session_start_limit");
    assertEquals(1000, limit.getInteger("total"));
    assertEquals(999, limit.getInteger("remaining"), "one IDENTIFY was made");
    assertEquals(1, bot.json().getInteger("shards"));
    assertTrue(limit.getLong("reset_after") > 0);
  }

  @Test
  void badOrMissingTokenIs401() throws Exception {
    for (String token : new String[] {null, "wrong"}) {
      Reply r = call(HttpMethod.GET, "/gateway/bot", token, null);
      assertEquals(401, r.status());
      assertEquals(new JsonObject().put("message", "401: Unauthorized").put("code", 0), r.json());
    }
  }

  @Test
  void usersMeAndChannel() throws Exception {
    Reply me = call(HttpMethod.GET, "/users/@me", sim.token(), null);
    assertEquals(sim.world().botId(), me.json().getString("id"));
    assertTrue(me.json().getBoolean("bot"));
    Reply ch = call(HttpMethod.GET, "/channels/" + channel, sim.token(), null);
    assertEquals(200, ch.status());
    assertEquals(guild, ch.json().getString("guild_id"));
    Reply unknown = call(HttpMethod.GET, "/channels/1", sim.token(), null);
    assertEquals(404, unknown.status());
    assertEquals(10003, unknown.json().getInteger("code"));
  }

  @Test
  void createEditReactDeleteFireGatewayEvents() throws Exception {
    Reply created = call(HttpMethod.POST, "/channels/" + channel + "/messages", sim.token(),
        new JsonObject(Sims.fixture("rest/create_message.request.json")));
    assertEquals(200, created.status());
    JsonObject m = created.json();
    assertEquals("Hello, World!", m.getString("content"));
    assertEquals(sim.world().botId(), m.getJsonObject("author").getString("id"));
    assertEquals("rich", m.getJsonArray("embeds").getJsonObject(0).getString("type"));
    assertNull(m.getValue("guild_id"), "REST messages have no guild_id");
    assertEquals("5", created.headers().get("X-RateLimit-Limit"));
    assertEquals("4", created.headers().get("X-RateLimit-Remaining"));
    assertNotNull(created.headers().get("X-RateLimit-Bucket"));
    assertNotNull(created.headers().get("X-RateLimit-Reset-After"));
    JsonObject event = gw.await(0, "MESSAGE_CREATE", 5000).getJsonObject("d");
    assertEquals(m.getString("id"), event.getString("id"));
    assertEquals(guild, event.getString("guild_id"));
    assertNotNull(event.getJsonObject("member"), "the gateway adds member");
    assertEquals("Hello, World!", event.getString("content"), "the bot's own message keeps its content");

    String path = "/channels/" + channel + "/messages/" + m.getString("id");
    Reply edited = call(HttpMethod.PATCH, path, sim.token(), new JsonObject().put("content", "Hello again"));
    assertEquals(200, edited.status());
    assertNotNull(edited.json().getString("edited_timestamp"));
    assertEquals("Hello again", gw.await(0, "MESSAGE_UPDATE", 5000).getJsonObject("d").getString("content"));

    Reply reacted = call(HttpMethod.PUT, path + "/reactions/%F0%9F%94%A5/@me", sim.token(), null);
    assertEquals(204, reacted.status());
    JsonObject reaction = gw.await(0, "MESSAGE_REACTION_ADD", 5000).getJsonObject("d");
    assertEquals("\uD83D\uDD25", reaction.getJsonObject("emoji").getString("name"));
    assertEquals(sim.world().botId(), reaction.getString("user_id"));

    Reply deleted = call(HttpMethod.DELETE, path, sim.token(), null);
    assertEquals(204, deleted.status());
    assertEquals(m.getString("id"), gw.await(0, "MESSAGE_DELETE", 5000).getJsonObject("d").getString("id"));
    Reply again = call(HttpMethod.PATCH, path, sim.token(), new JsonObject().put("content", "x"));
    assertEquals(404, again.status());
    assertEquals(10008, again.json().getInteger("code"));
    assertTrue(sim.log().restRequests().stream().anyMatch(r -> "POST".equals(r.getString("method"))
        && ("/api/v10/channels/" + channel + "/messages").equals(r.getString("path"))
        && "Hello, World!".equals(r.getJsonObject("body").getString("content"))));
  }

  @Test
  void createMessageValidation() throws Exception {
    Reply empty = call(HttpMethod.POST, "/channels/" + channel + "/messages", sim.token(), new JsonObject());
    assertEquals(400, empty.status());
    assertEquals(50006, empty.json().getInteger("code"));
    Reply tooLong = call(HttpMethod.POST, "/channels/" + channel + "/messages", sim.token(),
        new JsonObject().put("content", "x".repeat(2001)));
    assertEquals(400, tooLong.status());
    assertEquals(new JsonObject(Sims.fixture("rest/error_400_invalid_form_body.json")).getJsonObject("body"),
        tooLong.json());
    Reply unknown = call(HttpMethod.POST, "/channels/42/messages", sim.token(), new JsonObject().put("content", "x"));
    assertEquals(404, unknown.status());
    assertEquals(10003, unknown.json().getInteger("code"));
  }

  @Test
  void sixthMessageInTheWindowIs429() throws Exception {
    for (int i = 0; i < 2; i++) {
      call(HttpMethod.POST, "/channels/" + channel + "/messages", sim.token(), new JsonObject().put("content", "m"));
    }
    Reply last = null;
    for (int i = 0; i < 4; i++) {
      last = call(HttpMethod.POST, "/channels/" + channel + "/messages", sim.token(),
          new JsonObject().put("content", "m" + i));
    }
    assertEquals(429, last.status());
    assertEquals("0", last.headers().get("X-RateLimit-Remaining"));
    assertNotNull(last.headers().get("Retry-After"));
    assertTrue(last.json().getDouble("retry_after") > 0);
    assertEquals(false, last.json().getBoolean("global"));
  }

  @Test
  void restSeesWhatHappenedOnTheGatewaySide() throws Exception {
    // a user joins and speaks after the simulator started: REST knows the member and can reply and react
    String userId = "1500000000000000001";
    JsonObject user = new JsonObject().put("id", userId).put("username", "late_joiner").put("discriminator", "0")
        .put("global_name", null).put("avatar", null);
    Sims.await(sim.scenario().dispatch("GUILD_MEMBER_ADD", new JsonObject().put("guild_id", guild).put("user", user)
        .put("roles", new io.vertx.core.json.JsonArray()).put("joined_at", "2026-11-23T10:00:00.000Z")
        .put("deaf", false).put("mute", false).put("flags", 0)));
    String messageId = "1500000000000000002";
    Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", messageId)
        .put("channel_id", channel).put("guild_id", guild).put("author", user).put("content", "!ping")
        .put("timestamp", "2026-11-23T10:00:01.000Z").put("type", 0)));

    Reply member = call(HttpMethod.GET, "/guilds/" + guild + "/members/" + userId, sim.token(), null);
    assertEquals(200, member.status(), member.body());
    assertEquals("late_joiner", member.json().getJsonObject("user").getString("username"));
    Reply reply = call(HttpMethod.POST, "/channels/" + channel + "/messages", sim.token(), new JsonObject()
        .put("content", "pong").put("message_reference", new JsonObject().put("message_id", messageId)));
    assertEquals(200, reply.status(), reply.body());
    assertEquals("!ping", reply.json().getJsonObject("referenced_message").getString("content"));
    Reply reacted = call(HttpMethod.PUT, "/channels/" + channel + "/messages/" + messageId + "/reactions/%F0%9F%8E%89/@me",
        sim.token(), null);
    assertEquals(204, reacted.status(), reacted.body());

    // and forgets what left: the member is gone, the deleted message is unknown
    Sims.await(sim.scenario().dispatch("GUILD_MEMBER_REMOVE", new JsonObject().put("guild_id", guild)
        .put("user", user)));
    Sims.await(sim.scenario().dispatch("MESSAGE_DELETE", new JsonObject().put("id", messageId)
        .put("channel_id", channel).put("guild_id", guild)));
    assertEquals(10007, call(HttpMethod.GET, "/guilds/" + guild + "/members/" + userId, sim.token(), null).json()
        .getInteger("code"));
    assertEquals(10008, call(HttpMethod.GET, "/channels/" + channel + "/messages/" + messageId, sim.token(), null)
        .json().getInteger("code"));
  }

  @Test
  void unknownRouteIs404Json() throws Exception {
    Reply r = call(HttpMethod.GET, "/nope", sim.token(), null);
    assertEquals(404, r.status());
    assertEquals(0, r.json().getInteger("code"));
  }

  @Test
  void stormAnswersTheNextRequestsButNotGatewayDiscovery() throws Exception {
    sim.scenario().restStorm(503, 2, 0);
    assertEquals(200, call(HttpMethod.GET, "/gateway/bot", sim.token(), null).status(), "discovery is spared");
    Reply first = call(HttpMethod.GET, "/users/@me", sim.token(), null);
    assertEquals(503, first.status());
    assertEquals(new JsonObject().put("message", "503: upstream error (simulated storm)").put("code", 0),
        first.json());
    assertEquals(503, call(HttpMethod.GET, "/nope", sim.token(), null).status(), "unknown routes are stormed too");
    assertEquals(200, call(HttpMethod.GET, "/users/@me", sim.token(), null).status(), "the storm is over");
    assertEquals(2, sim.scenario().restStorm(429, 1, 1500), "two requests were answered by the first storm");
    Reply limited = call(HttpMethod.GET, "/users/@me", sim.token(), null);
    assertEquals(429, limited.status());
    assertEquals(new JsonObject().put("message", "You are being rate limited.").put("retry_after", 1.5)
        .put("global", true), limited.json());
    assertEquals("global", limited.headers().get("X-RateLimit-Scope"));
    assertEquals("2", limited.headers().get("Retry-After"));
  }

  @Test
  void everyRequestIsLoggedOnceWithItsJsonBody() throws Exception {
    int before = sim.log().restRequests().size();
    JsonObject body = new JsonObject().put("content", "logged once");
    assertEquals(200, call(HttpMethod.POST, "/channels/" + channel + "/messages", sim.token(), body).status());
    assertEquals(404, call(HttpMethod.GET, "/nope", sim.token(), null).status());
    assertEquals(401, call(HttpMethod.GET, "/users/@me", "wrong", null).status());
    java.util.List<JsonObject> logged = sim.log().restRequests();
    assertEquals(java.util.List.of(
        new JsonObject().put("method", "POST").put("path", "/api/v10/channels/" + channel + "/messages")
            .put("body", body),
        new JsonObject().put("method", "GET").put("path", "/api/v10/nope").putNull("body"),
        new JsonObject().put("method", "GET").put("path", "/api/v10/users/@me").putNull("body")),
        logged.subList(before, logged.size()));
    assertFalse(logged.toString().contains("wrong"), "no token in the log");
  }
}
