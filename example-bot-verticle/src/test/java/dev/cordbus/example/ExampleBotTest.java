package dev.cordbus.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.rest.RestVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example bot against the simulator through the real gateway: a user's {@code !ping} gets a {@code pong} reply
 * that reaches the simulator's REST API, and a member who joins is welcomed in the guild's system channel.
 */
@ExtendWith(VertxExtension.class)
class ExampleBotTest {

  private DiscordSimulator sim;
  /** Guild id → GUILD_CREATE payload, as the gateway delivered it. */
  private final Map<String, JsonObject> guilds = new ConcurrentHashMap<>();
  /** Every {@code discord.rest} observability event of the REST verticle: {@code {method, route, status...}}. */
  private final java.util.List<JsonObject> responses = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    sim = DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(1000)
            .world(World.generate(2, 10, 7L)))
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("GUILD_CREATE"),
        m -> guilds.put(m.body().getString("id"), m.body()));
    vertx.eventBus().<JsonObject>consumer(RestAddresses.RESPONSE_EVENT, m -> responses.add(m.body()));
    Promise<Void> ready = Promise.promise();
    vertx.eventBus().consumer(Addresses.GROUP_READY, m -> ready.tryComplete());
    JsonObject gateway = new JsonObject()
        .put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl()).put("gatewayUrl", sim.gatewayUrl())
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MEMBERS").add("GUILD_MESSAGES")
            .add("MESSAGE_CONTENT").add("GUILD_MESSAGE_REACTIONS"))
        .put("shardCount", 1).put("compression", "zlib-stream");
    JsonObject rest = new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl());
    vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(rest))
        .compose(id -> vertx.deployVerticle(new ExampleBotVerticle(), new DeploymentOptions()
            .setConfig(new JsonObject().put("reactionWaitMs", 20_000))))
        .compose(id -> vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(gateway)))
        .compose(id -> ready.future())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    waitFor(vertx, () -> guilds.size() == 2 ? Optional.of(true) : Optional.empty());
  }

  @AfterEach
  void stop() throws Exception {
    sim.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void answersPingWithPongThroughDiscordRest(Vertx vertx) throws Exception {
    JsonObject guild = guilds.values().iterator().next();
    JsonObject channel = textChannel(guild);
    JsonObject user = guild.getJsonArray("members").getJsonObject(1).getJsonObject("user");
    sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject()
        .put("id", "1534984653373571999").put("channel_id", channel.getString("id"))
        .put("guild_id", guild.getString("id")).put("author", user).put("content", "!ping")
        .put("type", 0).put("timestamp", "2026-08-06T18:01:00.000000+00:00"))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    JsonObject reply = waitFor(vertx, () -> findPost(channel.getString("id"), b -> "pong".equals(b.getString("content"))));
    assertEquals("1534984653373571999", reply.getJsonObject("message_reference").getString("message_id"),
        "the pong replies to the !ping message");
  }

  @Test
  void answersThePingSlashCommandThroughTheInteractionCallback(Vertx vertx) throws Exception {
    JsonObject guild = guilds.values().iterator().next();
    JsonObject channel = textChannel(guild);
    JsonObject member = guild.getJsonArray("members").getJsonObject(1);
    sim.scenario().dispatch("INTERACTION_CREATE", new JsonObject()
        .put("id", "1534985408348291999").put("application_id", "1102383887155331072").put("type", 2)
        .put("token", "interaction-token-for-test").put("version", 1)
        .put("guild_id", guild.getString("id")).put("channel_id", channel.getString("id"))
        .put("member", member)
        .put("data", new JsonObject().put("id", "1534985408348291000").put("name", "ping").put("type", 1)))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    String path = "/api/v10/interactions/1534985408348291999/interaction-token-for-test/callback";
    JsonObject callback = waitFor(vertx, () -> sim.log().restRequests().stream()
        .filter(r -> "POST".equals(r.getString("method")) && path.equals(r.getString("path")))
        .map(r -> r.getJsonObject("body")).findFirst());
    assertEquals(4, callback.getInteger("type"), "CHANNEL_MESSAGE_WITH_SOURCE");
    assertEquals("pong", callback.getJsonObject("data").getString("content"));
    JsonObject response = waitFor(vertx, () -> responses.stream()
        .filter(r -> r.getString("route", "").endsWith("/callback")).findFirst());
    assertEquals(204, response.getInteger("status"), "the simulator accepted the callback: " + response);
  }

  @Test
  void welcomesANewMemberInTheSystemChannel(Vertx vertx) throws Exception {
    JsonObject guild = guilds.values().iterator().next();
    String systemChannel = guild.getString("system_channel_id");
    assertNotNull(systemChannel, "generated guilds have a system channel");
    JsonObject newcomer = new JsonObject().put("id", "1191168914227331999").put("username", "newcomer")
        .put("discriminator", "0").put("global_name", "Newcomer").put("avatar", (String) null);
    sim.scenario().dispatch("GUILD_MEMBER_ADD", new JsonObject().put("guild_id", guild.getString("id"))
        .put("user", newcomer).put("roles", new JsonArray()).put("joined_at", "2026-08-06T18:05:00.000000+00:00")
        .put("deaf", false).put("mute", false))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    JsonObject welcome = waitFor(vertx, () -> findPost(systemChannel,
        b -> b.getString("content", "").contains("<@1191168914227331999>")));
    assertEquals("Welcome, <@1191168914227331999>!", welcome.getString("content"));
  }

  @Test
  void waitsForAReactionToItsMessageAndNamesWhoReactedWithWhat(Vertx vertx) throws Exception {
    JsonObject guild = guilds.values().iterator().next();
    JsonObject channel = textChannel(guild);
    JsonObject member = guild.getJsonArray("members").getJsonObject(1);
    Map<String, String> posted = new ConcurrentHashMap<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
      if (m.body().getString("content", "").startsWith("React to this message")) {
        posted.put("id", m.body().getString("id"));
      }
    }).completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject()
        .put("id", "1534984653373572999").put("channel_id", channel.getString("id"))
        .put("guild_id", guild.getString("id")).put("author", member.getJsonObject("user")).put("content", "!react")
        .put("type", 0).put("timestamp", "2026-08-06T18:01:00.000000+00:00"))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    String question = waitFor(vertx, () -> Optional.ofNullable(posted.get("id")));

    // a reaction on another message is not the one the bot waits for
    JsonObject fire = new JsonObject().put("id", (String) null).put("name", "\uD83D\uDD25");
    sim.scenario().dispatch("MESSAGE_REACTION_ADD", reaction(guild, channel, member, "1534984653373572999", fire))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    sim.scenario().dispatch("MESSAGE_REACTION_ADD", reaction(guild, channel, member, question, fire))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    String name = member.getString("nick") != null ? member.getString("nick")
        : member.getJsonObject("user").getString("global_name") != null
        ? member.getJsonObject("user").getString("global_name") : member.getJsonObject("user").getString("username");
    JsonObject answer = waitFor(vertx, () -> findPost(channel.getString("id"),
        b -> b.getString("content", "").contains("reacted with")));
    assertEquals(name + " reacted with \uD83D\uDD25", answer.getString("content"));
    assertEquals(question, answer.getJsonObject("message_reference").getString("message_id"),
        "the answer replies to the message that was reacted to");
    Thread.sleep(300);
    assertEquals(1, sim.log().restRequests().stream().filter(r -> r.getJsonObject("body") != null
        && r.getJsonObject("body").getString("content", "").contains("reacted with")).count(),
        "only the reaction on the bot's message was answered, once");
  }

  private static JsonObject reaction(JsonObject guild, JsonObject channel, JsonObject member, String messageId,
      JsonObject emoji) {
    return new JsonObject().put("user_id", member.getJsonObject("user").getString("id"))
        .put("channel_id", channel.getString("id")).put("message_id", messageId)
        .put("guild_id", guild.getString("id")).put("member", member).put("emoji", emoji)
        .put("burst", false).put("type", 0);
  }

  private static JsonObject textChannel(JsonObject guild) {
    for (Object o : guild.getJsonArray("channels")) {
      JsonObject c = (JsonObject) o;
      if (c.getInteger("type") == 0) {
        return c;
      }
    }
    throw new AssertionError("no text channel in " + guild.getString("id"));
  }

  private Optional<JsonObject> findPost(String channelId, Predicate<JsonObject> body) {
    String path = "/api/v10/channels/" + channelId + "/messages";
    return sim.log().restRequests().stream()
        .filter(r -> "POST".equals(r.getString("method")) && path.equals(r.getString("path")))
        .map(r -> r.getJsonObject("body"))
        .filter(b -> b != null && body.test(b))
        .findFirst();
  }

  /** Polls every 50 ms for at most 10 s. */
  private static <T> T waitFor(Vertx vertx, java.util.function.Supplier<Optional<T>> probe) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("condition not met within 10 s");
  }
}
