package dev.cordbus.bench.jmh;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.bench.BenchCluster;
import dev.cordbus.gateway.publish.EventPublisher;
import dev.cordbus.gateway.publish.Frame;
import dev.cordbus.gateway.publish.FrameParser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Delivery of a parsed ~1.4 KB MESSAGE_CREATE through the gateway's {@link EventPublisher} to a consumer of
 * {@code discord.MESSAGE_CREATE} that reads one field of the body: on the same Vert.x ({@code local}) and on a second
 * clustered Vert.x (real Hazelcast on 127.0.0.1, a random cluster name; {@code clustered}). {@code one}: publish one
 * dispatch and wait until the handler ran (latency of a lone event). {@code batch}: publish 1,000 and wait for all
 * (cost per event under load).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DeliveryBench {

  private static final int BATCH = 1000;

  @Param({"local", "clustered"})
  public String node;

  private Vertx gatewayNode;
  private Vertx botNode;
  private EventPublisher publisher;
  private Frame frame;
  private final AtomicLong received = new AtomicLong();
  private long sent;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    if ("local".equals(node)) {
      gatewayNode = Vertx.vertx();
      botNode = gatewayNode;
    } else {
      String name = BenchCluster.uniqueName();
      int port = BenchCluster.randomBasePort();
      gatewayNode = BenchCluster.start(name, port).await();
      botNode = BenchCluster.start(name, port).await();
    }
    DispatchRelay.install(botNode).await();
    botNode.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> {
      if (m.body().getString("id") != null) {
        received.incrementAndGet();
      }
    }).completion().await();
    publisher = new EventPublisher(gatewayNode, "bench", false);
    frame = new FrameParser().parse(Payloads.frame("MESSAGE_CREATE", 1,
        Payloads.messageCreate(1400000000000000000L, 3)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (received.get() == 0) { // the first cross-node message can take a while: retry until one arrives
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the consumer on the other node never received a dispatch");
      }
      publisher.dispatch(0, frame, "session", System.nanoTime(), 0L);
      Thread.sleep(100);
    }
    Thread.sleep(500);
    sent = received.get();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (botNode != gatewayNode) {
      botNode.close().await();
    }
    gatewayNode.close().await();
  }

  private void publishAndWait(int n) {
    for (int i = 0; i < n; i++) {
      publisher.dispatch(0, frame, "session", System.nanoTime(), 0L);
    }
    sent += n;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received.get() < sent) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("lost dispatches: sent " + sent + ", received " + received.get());
      }
      Thread.onSpinWait();
    }
  }

  /** One dispatch, published and handled. */
  @Benchmark
  public void one() {
    publishAndWait(1);
  }

  /** 1,000 dispatches back to back; the score is per dispatch. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void batch() {
    publishAndWait(BATCH);
  }
}
