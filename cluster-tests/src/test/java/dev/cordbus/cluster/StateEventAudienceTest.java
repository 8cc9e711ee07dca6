package dev.cordbus.cluster;

import static dev.cordbus.cluster.ClusterRig.await;
import static dev.cordbus.cluster.ClusterRig.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.XmlConfigBuilder;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.state.StateVerticle;
import dev.cordbus.testkit.ClusterConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * State events on a real two-JVM Hazelcast cluster: the state verticle runs on a clustered Vert.x in this JVM, fed
 * MESSAGE_CREATE dispatches on its own bus, and a bot JVM ({@link XnodeBotMain}) consumes
 * {@code discord.state.MESSAGE_CREATE} or not. While nobody in the cluster consumes a state event's address, the
 * event is not published (counted as unheard, {@code cordbus_state_events_total{outcome="unheard"}}); a consumer that
 * registers on the other node receives every event from shortly after its registration, once and in order; when
 * it leaves, publishing stops again, until the next consumer registers. A consumer on the state's own node gets every
 * event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StateEventAudienceTest {

  private static final String EVENT = "MESSAGE_CREATE";
  private static final String STATE_ADDRESS = Addresses.state(EVENT);
  /** How long after its registration completed a consumer on another node may still miss state events. */
  private static final long REGISTRATION_WINDOW_MS = 5_000;
  private static final int BURST = 300;

  private static Vertx node;
  private static XnodeBot bot;
  private static StateVerticle state;
  private static long nextId = 1;

  @BeforeAll
  static void start() throws Exception {
    Path clusterXml = ClusterConfig.isolatedCopy();
    bot = XnodeBot.start("audience-bot", clusterXml);
    Config hz = new XmlConfigBuilder(clusterXml.toString()).build();
    node = await(Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager(hz)).buildClustered(), 90);
    state = new StateVerticle();
    await(node.deployVerticle(state), 30);
    bot.await("NODE-READY", 90_000, "the bot node to join the cluster");
  }

  @AfterAll
  static void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    if (node != null) {
      await(node.close(), 30);
    }
  }

  @Test
  @Order(1)
  void withNobodyListeningAnywhereStateEventsAreNotPublished() throws Exception {
    long before = counters()[1];
    // the first events of an address are published while the cluster is asked; then they stop
    long sent = sendUntil(() -> counters()[1] > before + 20, 10_000, "state events to stop being published");
    long[] c = counters();
    System.out.println("FIGURE unheard after " + sent + " dispatches: published " + c[0] + ", unheard " + c[1]);
    assertTrue(c[0] < sent, "most were not published: " + c[0] + " published of " + sent);
  }

  @Test
  @Order(2)
  void aConsumerOnAnotherNodeGetsEveryEventSoonAfterItsRegistration() throws Exception {
    bot.reporters(List.of(Addresses.state(EVENT))); // three consumers
    long registered = System.nanoTime();
    sendUntil(() -> counts().stream().allMatch(n -> n > 0), REGISTRATION_WINDOW_MS, "the first state event to reach "
        + "the other node within " + REGISTRATION_WINDOW_MS + " ms of its registration");
    long firstMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - registered);
    System.out.println("FIGURE first state event on the other node " + firstMs + " ms after its registration");
    List<Integer> base = counts();
    long firstOfBurst = nextId;
    for (int i = 0; i < BURST; i++) {
      send();
    }
    waitFor(() -> counts().stream().allMatch(n -> n >= base.get(0) + BURST), 20_000, "the burst to arrive");
    Thread.sleep(300);
    Map<Integer, List<JsonObject>> dump = bot.dump();
    assertEquals(3, dump.size(), "three consumers");
    for (var e : dump.entrySet()) {
      List<Long> ids = new ArrayList<>();
      for (JsonObject seen : e.getValue()) {
        long id = Long.parseLong(new JsonObject(seen.getString("body")).getJsonObject("after").getString("id"));
        if (id >= firstOfBurst) {
          ids.add(id);
        }
      }
      List<Long> expected = new ArrayList<>();
      for (long id = firstOfBurst; id < firstOfBurst + BURST; id++) {
        expected.add(id);
      }
      assertEquals(expected, ids, "consumer " + e.getKey() + " got every event of the burst once, in order");
    }
  }

  @Test
  @Order(3)
  void whenTheLastConsumerLeavesPublishingStopsAgainUntilTheNextRegisters() throws Exception {
    bot.stopReporters();
    long before = counters()[1];
    long sent = sendUntil(() -> counters()[1] > before + 20, 10_000, "state events to stop being published again");
    System.out.println("FIGURE unheard again after " + sent + " dispatches");
    // and an address known as unheard is heard again by the next consumer
    bot.reporters(List.of(Addresses.state(EVENT)));
    sendUntil(() -> counts().stream().allMatch(n -> n > 0), REGISTRATION_WINDOW_MS,
        "a consumer registered again to get state events within " + REGISTRATION_WINDOW_MS + " ms");
    bot.stopReporters();
  }

  @Test
  @Order(4)
  void aConsumerOnTheStateNodeGetsEveryEvent() throws Exception {
    List<Long> got = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> local = node.eventBus().consumer(STATE_ADDRESS,
        m -> got.add(Long.parseLong(m.body().getJsonObject("after").getString("id"))));
    await(local.completion(), 10);
    // a local consumer is in the handler table at once, so nothing is skipped here; Vert.x's own node selector may
    // still hold the address's nodes from before (its updates are throttled), so the first event is waited for
    sendUntil(() -> !got.isEmpty(), 5_000, "the local consumer's first event");
    got.clear();
    long first = nextId;
    for (int i = 0; i < BURST; i++) {
      send();
    }
    waitFor(() -> got.size() >= BURST, 10_000, "the burst on the same node");
    List<Long> expected = new ArrayList<>();
    for (long id = first; id < first + BURST; id++) {
      expected.add(id);
    }
    assertEquals(expected, got, "every event once, in order");
    await(local.unregister(), 10);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** One MESSAGE_CREATE (a fresh id, no guild) to the state verticle, on this node only. */
  private static void send() {
    long id = nextId++;
    JsonObject d = new JsonObject().put("id", Long.toString(id)).put("channel_id", "42").put("content", "m" + id)
        .put("author", new JsonObject().put("id", "7").put("username", "u"));
    node.eventBus().publish(Addresses.dispatch(EVENT), d, new DeliveryOptions().setLocalOnly(true)
        .addHeader(Headers.SHARD, "0").addHeader(Headers.EVENT, EVENT));
  }

  /** Sends one dispatch every 10 ms until {@code done}; returns how many were sent. */
  private static long sendUntil(BooleanSupplier done, long ms, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    long sent = 0;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " after " + ms + " ms (" + sent + " dispatches sent; published / "
            + "unheard " + counters()[0] + " / " + counters()[1] + ")");
      }
      send();
      sent++;
      Thread.sleep(10);
    }
    return sent;
  }

  /** Published and unheard state events so far (counted on the verticle's context, read here as they are). */
  private static long[] counters() {
    return new long[] {state.published(), state.unheard()};
  }

  private static List<Integer> counts() {
    try {
      return bot.counts();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
