package dev.cordbus.api.dispatch;

import static dev.cordbus.api.dispatch.Waits.await;
import static dev.cordbus.api.dispatch.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A listener takes its dispatches from the relay, once each, in gateway order across names, beside the bot's own
 * consumers of the same addresses; what is published on {@code discord.<EVENT>} by hand reaches it too; an address
 * only listeners want gets no event-bus message.
 */
class DispatchListenersTest {

  private Vertx vertx;
  private final List<LocalDispatch> heard = new CopyOnWriteArrayList<>();
  private final List<String> threads = new CopyOnWriteArrayList<>();
  private DispatchListeners.Registration registration;
  private String listenerThread;

  /** A verticle listening to MESSAGE_CREATE and TYPING_START, as the state verticle does. */
  private final class Listening extends AbstractVerticle {
    @Override
    public void start(Promise<Void> started) {
      listenerThread = Thread.currentThread().getName();
      DispatchListeners.listen(vertx, List.of("MESSAGE_CREATE", "TYPING_START"), d -> {
        threads.add(Thread.currentThread().getName());
        heard.add(d);
      }).onSuccess(r -> registration = r).<Void>mapEmpty().onComplete(started);
    }
  }

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    await(vertx.deployVerticle(new Listening()));
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void aListenerGetsEachDispatchOnceInOrderBesideTheBotsOwnConsumer() throws Exception {
    AtomicInteger botMessages = new AtomicInteger();
    await(vertx.eventBus().consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
      assertEquals("{\"n\":" + m.headers().get(Headers.SEQ) + "}", DispatchBody.bytesOf((JsonObject) m.body())
          .toString(), "the bot's consumer gets its message as before");
      botMessages.incrementAndGet();
    }).completion());
    AtomicInteger typingMessages = new AtomicInteger();
    vertx.eventBus().addInboundInterceptor(dc -> {
      if (dc.message().address().equals(Addresses.dispatch("TYPING_START"))) {
        typingMessages.incrementAndGet();
      }
      dc.next();
    });
    DispatchBatch batch = new DispatchBatch();
    for (int i = 0; i < 40; i++) {
      byte[] d = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
      batch.add(new DispatchFrame(2, i, i % 3 == 0 ? "TYPING_START" : i % 7 == 0 ? "GUILD_CREATE" : "MESSAGE_CREATE",
          "81384788765712384", "sess", 5, 6, d, 0, d.length));
    }
    vertx.runOnContext(v -> DispatchRelay.fanOut(vertx.eventBus(), batch));
    long expected = batch.frames().stream().filter(f -> !f.event().equals("GUILD_CREATE")).count();
    long creates = batch.frames().stream().filter(f -> f.event().equals("MESSAGE_CREATE")).count();
    waitFor(() -> heard.size() == expected && botMessages.get() == creates);
    Thread.sleep(200);
    assertEquals(expected, heard.size(), "each once: " + heard);
    for (int i = 1; i < heard.size(); i++) {
      assertTrue(heard.get(i - 1).seq() < heard.get(i).seq(), "gateway order across names");
    }
    LocalDispatch first = heard.get(0);
    assertEquals("TYPING_START", first.event());
    assertEquals(2, first.shard());
    assertEquals("sess", first.session());
    assertEquals("81384788765712384", first.guild());
    assertEquals(0, first.body().getInteger("n"));
    assertEquals(creates, botMessages.get());
    assertEquals(0, typingMessages.get(), "nobody but the listener wants TYPING_START: no event-bus message");
    assertTrue(threads.stream().allMatch(listenerThread::equals), "on the listener's context: " + threads);
  }

  @Test
  void whatIsPublishedByHandReachesTheListenerWithItsHeadersAndStopsWhenItUnregisters() throws Exception {
    vertx.eventBus().publish(Addresses.dispatch("MESSAGE_CREATE"), new JsonObject().put("id", "1"),
        new DeliveryOptions().addHeader(Headers.SHARD, "3").addHeader(Headers.SEQ, "77")
            .addHeader(Headers.SESSION, "s"));
    vertx.eventBus().publish(Addresses.dispatch("TYPING_START"), "not an object");
    waitFor(() -> heard.size() == 2);
    assertEquals(3, heard.get(0).shard());
    assertEquals(77, heard.get(0).seq());
    assertEquals("s", heard.get(0).session());
    assertNull(heard.get(0).guild());
    assertEquals("1", heard.get(0).body().getString("id"));
    assertNotNull(heard.get(1));
    assertNull(heard.get(1).body(), "a body that is not an object is passed as null");

    await(registration.unregister());
    DispatchBatch batch = new DispatchBatch();
    byte[] d = "{}".getBytes(StandardCharsets.UTF_8);
    batch.add(new DispatchFrame(0, 9, "MESSAGE_CREATE", null, null, 0, 0, d, 0, 2));
    vertx.runOnContext(v -> DispatchRelay.fanOut(vertx.eventBus(), batch));
    vertx.eventBus().publish(Addresses.dispatch("MESSAGE_CREATE"), new JsonObject());
    Thread.sleep(300);
    assertEquals(2, heard.size(), "nothing after unregister");
  }

  /**
   * The listener's consumers move to a gateway's event loop (here a verticle's standing in for it) the first time a
   * dispatch they skip is published beside the bot's consumer, and they outlive that verticle: what is published by
   * hand still reaches the listener once, and the bot's consumer still gets every relayed dispatch. Fails when the
   * moved consumers are registered from the gateway's own verticle context (they go with it).
   */
  @Test
  void theListenersConsumersFollowThePublisherAndOutliveIt() throws Exception {
    List<Integer> bot = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"),
        m -> bot.add(m.body().getInteger("n", -1))).completion());
    Publisher publisher = new Publisher();
    String id = await(vertx.deployVerticle(publisher));
    Promise<Void> published = Promise.promise();
    publisher.context().runOnContext(v -> {
      DispatchRelay.publish(vertx, creates(0, 5));
      published.complete();
    });
    await(published.future());
    waitFor(() -> heard.size() == 5 && bot.size() == 5);
    vertx.eventBus().publish(Addresses.dispatch("MESSAGE_CREATE"), new JsonObject().put("n", 100),
        new DeliveryOptions().addHeader(Headers.SEQ, "100"));
    waitFor(() -> heard.size() == 6 && bot.size() == 6);

    await(vertx.undeploy(id));
    vertx.eventBus().publish(Addresses.dispatch("MESSAGE_CREATE"), new JsonObject().put("n", 101),
        new DeliveryOptions().addHeader(Headers.SEQ, "101"));
    vertx.runOnContext(v -> DispatchRelay.fanOut(vertx.eventBus(), creates(5, 5)));
    waitFor(() -> heard.size() == 12 && bot.size() == 12);
    Thread.sleep(300);
    assertEquals(12, heard.size(), "each once, the hand-published ones too: " + heard);
    assertEquals(List.of(0, 1, 2, 3, 4, 100, 101, 5, 6, 7, 8, 9), bot, "the bot's consumer got every one");
    // the relayed ones in gateway order; one published by hand comes through the moved consumer, one hop later, and
    // has no order with a gateway's batch published meanwhile
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
        heard.stream().map(LocalDispatch::seq).filter(q -> q < 100).toList(), "relayed ones in order");
    assertEquals(List.of(100L, 101L), heard.stream().map(LocalDispatch::seq).filter(q -> q >= 100).toList());
    assertTrue(threads.stream().allMatch(listenerThread::equals), "on the listener's context: " + threads);
  }

  /** A verticle whose context publishes batches, as a gateway group's does. */
  private static final class Publisher extends AbstractVerticle {
    io.vertx.core.Context context() {
      return context;
    }
  }

  /** {@code count} MESSAGE_CREATE with seqs (and {@code n}) from {@code from}. */
  private static DispatchBatch creates(int from, int count) {
    DispatchBatch batch = new DispatchBatch();
    for (int i = from; i < from + count; i++) {
      byte[] d = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
      batch.add(new DispatchFrame(0, i, "MESSAGE_CREATE", null, "sess", 0, 0, d, 0, d.length));
    }
    return batch;
  }
}
