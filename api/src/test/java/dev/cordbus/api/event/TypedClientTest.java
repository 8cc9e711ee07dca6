package dev.cordbus.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.api.Headers;
import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.api.dispatch.SharedBodyCodec;
import dev.cordbus.api.model.Message;
import dev.cordbus.api.state.StateFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CordbusClient#on(EventType, io.vertx.core.Handler)} on one Vert.x: headers and lazy decoding from the
 * received bytes, a body that does not fit its record reported once on {@code discord.error} without stopping the
 * consumer, and the typed {@code waitFor}.
 */
class TypedClientTest {

  private Vertx vertx;
  private CordbusClient bot;
  private final List<JsonObject> errors = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    try {
      vertx.eventBus().registerCodec(new SharedBodyCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // registered by the relay
    }
    bot = CordbusClient.create(vertx);
    await(vertx.eventBus().<JsonObject>consumer(Addresses.ERROR, m -> errors.add(m.body())).completion());
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  private void publish(String event, String json, long seq) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    vertx.eventBus().publish(Addresses.dispatch(event), DispatchBody.json(bytes, 0, bytes.length),
        new DeliveryOptions().setLocalOnly(true).setCodecName(SharedBodyCodec.NAME)
            .addHeader(Headers.SHARD, "3").addHeader(Headers.SEQ, Long.toString(seq))
            .addHeader(Headers.GUILD, "41771983423143937").addHeader(Headers.SESSION, "s1"));
  }

  @Test
  void headersAndALazyRecordAndABadBodyReportedOnce() throws Exception {
    List<Event<Message>> seen = new CopyOnWriteArrayList<>();
    List<String> contents = new CopyOnWriteArrayList<>();
    await(bot.on(Events.MESSAGE_CREATE, seen::add).completion());
    await(bot.on(Events.MESSAGE_CREATE, e -> contents.add(e.data().content())).completion());

    publish("MESSAGE_CREATE", "{\"id\":\"1\",\"channel_id\":\"2\",\"content\":\"hi\",\"author\":{\"id\":\"3\"},"
        + "\"new_field\":[1,2]}", 7);
    publish("MESSAGE_CREATE", "{\"id\":\"4\",\"channel_id\":\"2\",\"author\":\"not an object\"}", 8);
    publish("MESSAGE_CREATE", "{\"id\":\"5\",\"channel_id\":\"2\",\"content\":\"after\"}", 9);
    poll(() -> seen.size() == 3 && contents.size() == 2 && errors.size() == 1);

    Event<Message> first = seen.get(0);
    assertEquals(3, first.shard());
    assertEquals(7, first.seq());
    assertEquals("41771983423143937", first.guildId());
    assertEquals("s1", first.session());
    assertFalse(first.isDecoded());
    assertFalse(DispatchBody.of(first.json()).isParsed(), "a handler that read only headers built nothing");
    assertEquals("hi", first.data().content());
    assertEquals(List.of(1, 2), first.data().extra().get("new_field"));
    assertEquals(List.of("hi", "after"), contents, "the bad body did not stop the consumer");

    Thread.sleep(200);
    assertEquals(1, errors.size(), "one discord.error: " + errors);
    JsonObject error = errors.get(0);
    assertEquals(ErrorKinds.HANDLER, error.getString("kind"));
    assertEquals("MESSAGE_CREATE", error.getString("event"));
    assertTrue(error.getString("message").contains("could not decode MESSAGE_CREATE into model.Message"),
        error.getString("message"));
    assertTrue(error.getString("cause").startsWith(TypedJson.DecodeFailure.class.getName()), error.encode());
  }

  @Test
  void typedWaitForMatchesAndTimesOut() throws Exception {
    Future<Event<MessagePayloads.Reaction>> wait = bot.waitFor(Events.MESSAGE_REACTION_ADD,
        e -> "10".equals(e.data().messageId()), Duration.ofSeconds(5));
    Thread.sleep(100);
    publish("MESSAGE_REACTION_ADD", "{\"user_id\":\"3\",\"channel_id\":\"2\",\"message_id\":\"9\","
        + "\"emoji\":{\"id\":null,\"name\":\"x\"},\"burst\":false,\"type\":0}", 1);
    publish("MESSAGE_REACTION_ADD", "{\"user_id\":\"3\",\"channel_id\":\"2\",\"message_id\":\"10\","
        + "\"emoji\":{\"id\":null,\"name\":\"\\ud83d\\udd25\"},\"burst\":true,\"type\":1}", 2);
    Event<MessagePayloads.Reaction> r = await(wait);
    assertEquals(2, r.seq());
    assertEquals("\uD83D\uDD25", r.data().emoji().name());
    assertTrue(r.data().burst());

    Future<Event<Message>> none = bot.waitFor(Events.MESSAGE_CREATE, e -> true, Duration.ofMillis(100));
    Throwable failure = none.toCompletionStage().toCompletableFuture().handle((v, t) -> t).get(5, TimeUnit.SECONDS);
    assertEquals(StateFailure.TIMEOUT, StateFailure.of(failure));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static void poll(java.util.function.BooleanSupplier done) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not done within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
