package dev.cordbus.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.event.Event;
import dev.cordbus.api.event.Events;
import dev.cordbus.api.event.Lifecycle;
import dev.cordbus.api.interaction.InteractionHandlers;
import dev.cordbus.api.interaction.InteractionKind;
import dev.cordbus.api.model.Message;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.rest.RestVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Typed handlers on the real path (simulator → gateway → {@link CordbusClient}; answers through the REST verticle
 * to the simulator's REST API): a throwing handler publishes exactly one {@code discord.error} with the cause and
 * its consumer keeps working; a failing interaction handler also gets the default ephemeral reply, which the
 * simulator records, unless it had answered; and the lifecycle bodies the gateway publishes decode typed.
 */
@ExtendWith(VertxExtension.class)
class TypedHandlerFailureTest {

  private DiscordSimulator sim;
  private CordbusClient bot;
  private final Map<String, JsonObject> guilds = new ConcurrentHashMap<>();
  private final List<JsonObject> errors = new CopyOnWriteArrayList<>();
  private final List<Event<Lifecycle.ShardReady>> readies = new CopyOnWriteArrayList<>();
  private final List<Lifecycle.RestResponse> responses = new CopyOnWriteArrayList<>();
  /** Every body cordbus published on its own addresses (shard lifecycle, readiness, REST, errors), by key. */
  private final List<Map.Entry<dev.cordbus.api.event.EventType<?>, JsonObject>> published =
      new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    sim = DiscordSimulator.start(vertx, new SimulatorOptions().heartbeatIntervalMs(1000)
            .world(World.generate(1, 10, 11L)))
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    bot = CordbusClient.create(vertx);
    vertx.eventBus().<JsonObject>consumer(Addresses.ERROR, m -> errors.add(m.body()));
    bot.on(Events.GUILD_CREATE, e -> guilds.put(e.json().getString("id"), e.json()));
    bot.on(Events.SHARD_READY, readies::add);
    bot.on(Events.REST_RESPONSE, e -> responses.add(e.data()));
    for (dev.cordbus.api.event.EventType<?> key : Events.published().values()) {
      vertx.eventBus().<JsonObject>consumer(key.address(), m -> published.add(Map.entry(key, m.body())));
    }
    Promise<Void> ready = Promise.promise();
    vertx.eventBus().consumer(Addresses.GROUP_READY, m -> ready.tryComplete());
    JsonObject gateway = new JsonObject()
        .put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl()).put("gatewayUrl", sim.gatewayUrl())
        .put("intents", new JsonArray().add("GUILDS").add("GUILD_MEMBERS").add("GUILD_MESSAGES")
            .add("MESSAGE_CONTENT"))
        .put("shardCount", 1).put("compression", "none");
    JsonObject rest = new JsonObject().put("token", sim.token()).put("restBaseUrl", sim.restBaseUrl());
    vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(rest))
        .compose(id -> vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(gateway)))
        .compose(id -> ready.future())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    waitFor(() -> guilds.size() == 1 ? Optional.of(true) : Optional.empty());
  }

  @AfterEach
  void stop() throws Exception {
    sim.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aThrowingHandlerPublishesOneErrorWithTheCauseAndKeepsReceiving() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    await(bot.on(Events.MESSAGE_CREATE, e -> {
      Message m = e.data();
      seen.add(m.content());
      if (m.content().equals("explode")) {
        throw new IllegalStateException("handler bug on message " + m.id());
      }
    }).completion());
    message("1534984653373573001", "explode");
    message("1534984653373573002", "still alive");

    waitFor(() -> seen.contains("still alive") ? Optional.of(true) : Optional.empty());
    Thread.sleep(300);
    List<JsonObject> handler = errors.stream().filter(e -> ErrorKinds.HANDLER.equals(e.getString("kind"))).toList();
    assertEquals(1, handler.size(), "exactly one discord.error: " + errors);
    JsonObject error = handler.get(0);
    assertEquals("MESSAGE_CREATE", error.getString("event"));
    assertEquals("java.lang.IllegalStateException: handler bug on message 1534984653373573001",
        error.getString("cause"));
    assertTrue(error.getString("message").contains("the handler of MESSAGE_CREATE threw"), error.encode());
    assertEquals(List.of("explode", "still alive"), seen, "the consumer kept receiving after the throw");
    Lifecycle.ErrorEvent typed = Events.ERROR.decode(error);
    assertEquals(ErrorKinds.HANDLER, typed.kind());
  }

  @Test
  void aThrowingInteractionHandlerGetsTheDefaultEphemeralReplyAndOneError() throws Exception {
    await(bot.onInteraction(InteractionKind.APPLICATION_COMMAND, i -> {
      if ("answers-first".equals(i.data().data().name())) {
        return i.reply("partial", true).compose(v -> Future.failedFuture(new IllegalArgumentException("late")));
      }
      throw new IllegalStateException("no such card: " + i.data().data().name());
    }));
    interaction("1534985408348292001", "cardsearch");

    JsonObject callback = waitFor(() -> callback("1534985408348292001"));
    assertEquals(4, callback.getInteger("type"), "CHANNEL_MESSAGE_WITH_SOURCE");
    assertEquals(InteractionHandlers.DEFAULT_REPLY, callback.getJsonObject("data").getString("content"));
    assertEquals(64, callback.getJsonObject("data").getInteger("flags"), "ephemeral");
    Lifecycle.RestResponse accepted = waitFor(() -> responses.stream()
        .filter(r -> r.route().endsWith("/callback")).findFirst());
    assertEquals(204, accepted.status(), "the simulator accepted the default reply: " + accepted);
    Thread.sleep(300);
    List<JsonObject> failures = errors.stream()
        .filter(e -> ErrorKinds.INTERACTION_HANDLER.equals(e.getString("kind"))).toList();
    assertEquals(1, failures.size(), "exactly one discord.error: " + errors);
    assertEquals("java.lang.IllegalStateException: no such card: cardsearch", failures.get(0).getString("cause"));
    assertEquals("1534985408348292001", failures.get(0).getString("interaction"));
    assertEquals(0, errors.stream().filter(e -> ErrorKinds.HANDLER.equals(e.getString("kind"))).count());

    // a handler that answered and then failed: the error, but no second answer
    interaction("1534985408348292002", "answers-first");
    JsonObject own = waitFor(() -> callback("1534985408348292002"));
    assertEquals("partial", own.getJsonObject("data").getString("content"));
    waitFor(() -> errors.stream().filter(e -> "1534985408348292002".equals(e.getString("interaction")))
        .findFirst());
    Thread.sleep(300);
    assertEquals(1, sim.log().restRequests().stream().filter(r -> r.getString("path", "")
        .contains("/interactions/1534985408348292002/")).count(), "the handler's own answer only");
  }

  @Test
  void theShardReadyBodyDecodesTyped() throws Exception {
    waitFor(() -> readies.isEmpty() ? Optional.empty() : Optional.of(true));
    Event<Lifecycle.ShardReady> e = readies.get(0);
    Lifecycle.ShardReady r = e.data();
    assertEquals(0, r.shard());
    assertEquals(1, r.shardCount());
    assertEquals(0, e.shard(), "the shard header");
    assertNotNull(r.sessionId());
    assertEquals(1, r.guilds());
    assertNotNull(r.user(), "READY's user is on shard.ready");
    assertEquals(List.copyOf(guilds.keySet()), r.unavailableGuilds());
  }

  @Test
  void everyBodyCordbusPublishesDecodesTypedWithNothingLost() throws Exception {
    await(bot.rest().createMessage(guilds.values().iterator().next().getString("system_channel_id"),
        new JsonObject().put("content", "hello")));
    waitFor(() -> published.stream().filter(p -> p.getKey() == Events.REST_RESPONSE).findFirst());
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (Map.Entry<dev.cordbus.api.event.EventType<?>, JsonObject> p : published) {
      Object record = p.getKey().decode(p.getValue());
      assertEquals(p.getKey().recordClass(), record.getClass());
      JsonObject again = dev.cordbus.api.event.TypedJson.encode(record);
      for (String field : p.getValue().fieldNames()) {
        assertEquals(p.getValue().getValue(field) instanceof Number n ? n.doubleValue() : p.getValue().getValue(field),
            again.getValue(field) instanceof Number n ? n.doubleValue() : again.getValue(field),
            p.getKey().name() + "." + field + " survives typed decoding");
      }
      seen.add(p.getKey().name());
    }
    assertTrue(seen.containsAll(List.of(Addresses.SHARD_CONNECT, Addresses.SHARD_READY, Addresses.SHARD_SENT,
        Addresses.GROUP_READY, dev.cordbus.api.rest.RestAddresses.RESPONSE_EVENT)), "bodies seen: " + seen);
  }

  private void message(String id, String content) throws Exception {
    JsonObject guild = guilds.values().iterator().next();
    JsonObject channel = guild.getJsonArray("channels").stream().map(JsonObject.class::cast)
        .filter(c -> c.getInteger("type") == 0).findFirst().orElseThrow();
    JsonObject author = guild.getJsonArray("members").getJsonObject(1).getJsonObject("user");
    await(sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", id)
        .put("channel_id", channel.getString("id")).put("guild_id", guild.getString("id")).put("author", author)
        .put("content", content).put("type", 0).put("timestamp", "2026-08-06T18:01:00.000000+00:00")));
  }

  private void interaction(String id, String command) throws Exception {
    JsonObject guild = guilds.values().iterator().next();
    JsonObject member = guild.getJsonArray("members").getJsonObject(1);
    await(sim.scenario().dispatch("INTERACTION_CREATE", new JsonObject()
        .put("id", id).put("application_id", "1102383887155331072").put("type", 2)
        .put("token", "interaction-token-" + id).put("version", 1)
        .put("guild_id", guild.getString("id")).put("channel_id", guild.getString("system_channel_id"))
        .put("member", member)
        .put("data", new JsonObject().put("id", "1534985408348291000").put("name", command).put("type", 1))));
  }

  private Optional<JsonObject> callback(String interactionId) {
    String path = "/api/v10/interactions/" + interactionId + "/interaction-token-" + interactionId + "/callback";
    return sim.log().restRequests().stream()
        .filter(r -> "POST".equals(r.getString("method")) && path.equals(r.getString("path")))
        .map(r -> r.getJsonObject("body")).findFirst();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Polls every 50 ms for at most 10 s. */
  private static <T> T waitFor(java.util.function.Supplier<Optional<T>> probe) throws Exception {
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
