package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.gateway.publish.EventPublisher;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer in the gateway's own JVM that cannot keep up slows the gateway (flow control) instead of queueing every
 * dispatch it has not handled yet: the simulator's firehose against a MESSAGE_CREATE consumer that spends
 * {@value #SLOW_MICROS} µs on each (about 3,300 a second, a few times slower than the gateway reads),  while an
 * interceptor counts what the gateway published to it. The difference of the two counts is the backlog; with the flow
 * window at 0 (no flow control) it grows with the stream.
 */
@ExtendWith(VertxExtension.class)
class LocalFlowIT extends GatewayItBase {

  private static final int DISPATCHES = 12_000;
  private static final long SLOW_MICROS = 300;
  /** A window small enough that the stream outgrows it many times over without flow control. */
  private static final int WINDOW = 256;
  /** The window, a round of local acknowledgements (a quarter of it) and a batch: the most a consumer may be behind. */
  private static final long BOUND = WINDOW + WINDOW / 4 + EventPublisher.MAX_BATCH_FRAMES;

  @Test
  void aSlowConsumerInTheGatewaysJvmSlowsTheGatewayInsteadOfQueueingEverything(Vertx vertx) throws Exception {
    Stream s = stream(vertx, WINDOW, 5000);
    System.out.printf("[figure] local flow control (flowWindow %d): %,d MESSAGE_CREATE to a consumer taking %d µs "
        + "each, in %.1f s; at most %,d published and not yet handled (bound %,d)%n", WINDOW, s.handled, SLOW_MICROS,
        s.seconds, s.maxBacklog, BOUND);
    assertEquals(0, s.outOfOrder, "in gateway order");
    assertTrue(s.maxBacklog <= BOUND, "the consumer had " + s.maxBacklog + " dispatches published to it and not "
        + "handled: the gateway did not wait for it (bound " + BOUND + ")");
  }

  @Test
  void withTheFlowWindowAtZeroTheSameConsumerQueuesTheStream(Vertx vertx) throws Exception {
    Stream s = stream(vertx, 0, 60_000);
    System.out.printf("[figure] no flow control (flowWindow 0): at most %,d published and not yet handled%n",
        s.maxBacklog);
    assertTrue(s.maxBacklog > BOUND, "without flow control the backlog outgrows the bound: " + s.maxBacklog);
  }

  private record Stream(long handled, double seconds, long maxBacklog, long outOfOrder) {
  }

  /** Streams the firehose through a gateway with {@code flowWindow}; every MESSAGE_CREATE reaches both consumers. */
  private Stream stream(Vertx vertx, long flowWindow, int heartbeatMs) throws Exception {
    startSimulator(vertx, simOptions().heartbeatIntervalMs(heartbeatMs));
    deploy(gatewayConfig("none").put("publishRaw", false).put("flowWindow", flowWindow));
    waitUntil("group ready", () -> !bus.on(Addresses.GROUP_READY).isEmpty());
    AtomicLong published = new AtomicLong();
    AtomicLong handled = new AtomicLong();
    AtomicLong maxBacklog = new AtomicLong();
    AtomicLong outOfOrder = new AtomicLong();
    long[] lastSeq = {-1};
    String address = Addresses.dispatch("MESSAGE_CREATE");
    Handler<DeliveryContext<Object>> counter = ctx -> { // on the gateway's thread, as it publishes
      if (ctx.message().address().equals(address)) {
        published.incrementAndGet();
      }
      ctx.next();
    };
    vertx.eventBus().addOutboundInterceptor(counter);
    MessageConsumer<Object> slow = vertx.eventBus().consumer(address, m -> {
      long until = System.nanoTime() + SLOW_MICROS * 1000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      long seq = Long.parseLong(m.headers().get(Headers.SEQ));
      synchronized (lastSeq) {
        if (seq <= lastSeq[0]) {
          outOfOrder.incrementAndGet();
        }
        lastSeq[0] = seq;
      }
      long h = handled.incrementAndGet();
      maxBacklog.accumulateAndGet(published.get() - h, Math::max);
    });
    await(slow.completion());
    long t0 = System.nanoTime();
    long written = await(sim.scenario().firehose(DISPATCHES, 0));
    assertTrue(written >= DISPATCHES * 8 / 10, written + " dispatches written"); // those the intents let through
    inject("last");
    long lastMessage = sim.log().issued(0);
    waitUntil("the stream's last MESSAGE_CREATE (seq " + lastMessage + ") handled", () -> {
      synchronized (lastSeq) {
        return lastSeq[0] >= lastMessage;
      }
    }, 60_000);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(published.get(), handled.get(), "every MESSAGE_CREATE published was handled");
    vertx.eventBus().removeOutboundInterceptor(counter);
    await(slow.unregister());
    return new Stream(handled.get(), seconds, maxBacklog.get(), outOfOrder.get());
  }
}
