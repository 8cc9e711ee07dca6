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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway side and the REST side share one world: what REST changes is in the next GUILD_CREATE, and what the
 * gateway side applies (scenario dispatches) is what REST answers.
 */
@ExtendWith(VertxExtension.class)
class OneWorldTest {

  private Vertx vertx;
  private DiscordSimulator sim;
  private HttpClient http;
  private RawClient gw;
  private String guild;
  private String channel;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    sim = Sims.start(vertx, Sims.fast().world(World.generate(1, 6, 21L)));
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

  private record Reply(int status, String body) {
  }

  /** One request; a 429 (the reaction route allows one per 0.25 s, as on Discord) is retried after retry_after. */
  private JsonObject call(HttpMethod method, String path, JsonObject body, int expectedStatus) throws Exception {
    for (int attempt = 0; ; attempt++) {
      RequestOptions o = new RequestOptions().setMethod(method).setAbsoluteURI(sim.restBaseUrl() + path)
          .putHeader("Authorization", "Bot " + sim.token());
      Future<Reply> f = http.request(o).compose(req -> {
        Future<HttpClientResponse> sent = body == null ? req.send()
            : req.putHeader("Content-Type", "application/json").send(Buffer.buffer(body.encode()));
        return sent.compose(r -> r.body().map(b -> new Reply(r.statusCode(), b.toString())));
      });
      Reply reply = Sims.await(f);
      if (reply.status() == 429 && attempt < 5) {
        Thread.sleep((long) (new JsonObject(reply.body()).getDouble("retry_after") * 1000) + 50);
        continue;
      }
      assertEquals(expectedStatus, reply.status(), method + " " + path + ": " + reply.body());
      return reply.body().isEmpty() ? null : new JsonObject(reply.body());
    }
  }

  private static JsonObject memberIn(JsonObject guildCreate, String userId) {
    for (Object o : guildCreate.getJsonArray("members")) {
      JsonObject m = (JsonObject) o;
      if (userId.equals(m.getJsonObject("user").getString("id"))) {
        return m;
      }
    }
    return null;
  }

  @Test
  void restMutationsAreInTheNextGuildCreate() throws Exception {
    List<String> members = sim.world().memberIds(guild);
    String renamed = members.stream().filter(id -> !id.equals(sim.world().botId())).findFirst().orElseThrow();
    String kicked = members.stream().filter(id -> !id.equals(sim.world().botId()) && !id.equals(renamed))
        .findFirst().orElseThrow();
    String role = sim.world().guild(guild).getJsonArray("roles").stream().map(r -> ((JsonObject) r).getString("id"))
        .filter(id -> !id.equals(guild)).findFirst().orElseThrow();

    call(HttpMethod.PATCH, "/guilds/" + guild + "/members/" + renamed,
        new JsonObject().put("nick", "Renamed").put("roles", new JsonArray().add(role)), 200);
    call(HttpMethod.DELETE, "/guilds/" + guild + "/members/" + kicked, null, 204);
    String messageId = call(HttpMethod.POST, "/channels/" + channel + "/messages",
        new JsonObject().put("content", "kept in the world"), 200).getString("id");

    // a new session's GUILD_CREATE (rendered from the world) counts one member less
    RawClient second = RawClient.connect(vertx, sim.gatewayUrl());
    try {
      second.hello();
      second.identify(sim.token(), Intent.GUILDS.bit(), null);
      JsonObject created = second.await(0, "GUILD_CREATE", 5000).getJsonObject("d");
      assertEquals(members.size() - 1, created.getInteger("member_count"));
    } finally {
      second.dispose();
    }
    // and the full GUILD_CREATE has the new nick and role and not the kicked member
    JsonObject full = sim.world().guild(guild);
    JsonObject member = memberIn(full, renamed);
    assertNotNull(member);
    assertEquals("Renamed", member.getString("nick"));
    assertEquals(new JsonArray().add(role), member.getJsonArray("roles"));
    assertNull(memberIn(full, kicked), "kicked by REST, gone from GUILD_CREATE");
    assertEquals("kept in the world", sim.world().message(messageId).getString("content"));
    assertEquals(10007, call(HttpMethod.GET, "/guilds/" + guild + "/members/" + kicked, null, 404)
        .getInteger("code"));
  }

  @Test
  void gatewayEventsChangeWhatRestAnswers() throws Exception {
    String messageId = call(HttpMethod.POST, "/channels/" + channel + "/messages",
        new JsonObject().put("content", "react to me"), 200).getString("id");
    String user = sim.world().memberIds(guild).stream().filter(id -> !id.equals(sim.world().botId()))
        .findFirst().orElseThrow();
    JsonObject party = new JsonObject().putNull("id").put("name", "\uD83C\uDF89");
    JsonObject reaction = new JsonObject().put("user_id", user).put("channel_id", channel)
        .put("message_id", messageId).put("guild_id", guild).put("emoji", party);
    String path = "/channels/" + channel + "/messages/" + messageId;

    Sims.await(sim.scenario().dispatch("MESSAGE_REACTION_ADD", reaction));
    JsonObject one = call(HttpMethod.GET, path, null, 200).getJsonArray("reactions").getJsonObject(0);
    assertEquals(1, one.getInteger("count"));
    assertFalse(one.getBoolean("me"));

    call(HttpMethod.PUT, path + "/reactions/%F0%9F%8E%89/@me", null, 204);
    call(HttpMethod.PUT, path + "/reactions/%F0%9F%8E%89/@me", null, 204);
    JsonObject two = call(HttpMethod.GET, path, null, 200).getJsonArray("reactions").getJsonObject(0);
    assertEquals(2, two.getInteger("count"), "the user's and the bot's, the second PUT changed nothing");
    assertTrue(two.getBoolean("me"));

    Sims.await(sim.scenario().dispatch("MESSAGE_REACTION_REMOVE", reaction));
    JsonObject left = call(HttpMethod.GET, path, null, 200).getJsonArray("reactions").getJsonObject(0);
    assertEquals(1, left.getInteger("count"));
    assertTrue(left.getBoolean("me"));

    Sims.await(sim.scenario().dispatch("GUILD_UPDATE", new JsonObject().put("id", guild).put("name", "Renamed")));
    assertEquals("Renamed", call(HttpMethod.GET, "/guilds/" + guild, null, 200).getString("name"));
  }
}
