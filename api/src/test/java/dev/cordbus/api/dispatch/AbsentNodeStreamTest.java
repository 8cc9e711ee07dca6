package dev.cordbus.api.dispatch;

import static dev.cordbus.api.dispatch.Waits.await;
import static dev.cordbus.api.dispatch.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import dev.cordbus.api.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway publisher's dispatch stream to a node that leaves the cluster's member list (split off; Hazelcast may merge
 * it back later with the same id): the stream stays up while the node reads, so the node gets every batch published
 * meanwhile, and it is closed once the node reads nothing and {@link DispatchStreams#ABSENT_BACKLOG_BYTES} wait for it.
 * One clustered Vert.x (a Hazelcast member of its own on 127.0.0.1); the member lists are given to the streams by hand.
 */
class AbsentNodeStreamTest {

  private Vertx vertx;
  private Context context;
  private RelayLedger.Sender sender;
  private DispatchStreams streams;
  private final List<Long> seqs = new CopyOnWriteArrayList<>();
  /** The seqs of shard 1 (published by a second publisher). */
  private final List<Long> shardOne = new CopyOnWriteArrayList<>();
  private final List<JsonObject> errors = new CopyOnWriteArrayList<>();
  private long seq;
  private long laterSeq;

  @BeforeEach
  void start() throws Exception {
    Config config = new Config().setClusterName("cordbus-unit-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(false);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
    vertx = await(Vertx.builder().withClusterManager(new HazelcastClusterManager(config)).buildClustered());
    await(DispatchRelay.install(vertx));
    await(vertx.eventBus().consumer(Addresses.dispatch("MESSAGE_CREATE"),
        m -> ("1".equals(m.headers().get("shard")) ? shardOne : seqs).add(Long.parseLong(m.headers().get("seq"))))
        .completion());
    await(vertx.eventBus().<JsonObject>consumer(Addresses.ERROR, m -> errors.add(m.body())).completion());
    context = vertx.getOrCreateContext();
    onContext(() -> {
      sender = new RelayLedger.Sender("group-0");
      streams = new DispatchStreams(vertx, sender);
    });
  }

  @AfterEach
  void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void aNodeThatLeftTheMemberListGetsEveryBatchOverItsStreamWhileAwayAndAfter() throws Exception {
    String node = DispatchRelay.nodeId(vertx); // this node's own relay plays the node that leaves
    publish(List.of(node));
    waitFor(() -> onContextGet(() -> streams.open(node)));
    publish(List.of(node));
    long streamedBefore = DispatchStreams.streamed();
    for (int i = 0; i < 5; i++) {
      publish(List.of("gateway-node")); // the node is out of the member list
    }
    assertEquals(5, DispatchStreams.streamed() - streamedBefore, "every batch went over the kept stream");
    publish(List.of("gateway-node", node)); // merged back
    publish(List.of(node));
    assertEquals(7, DispatchStreams.streamed() - streamedBefore, "the same stream once back");
    waitFor(() -> seqs.size() == 9 * 3);
    for (int i = 0; i < seqs.size(); i++) {
      assertEquals(i + 1, seqs.get(i), "every dispatch once, in order: " + seqs);
    }
    Thread.sleep(200);
    assertEquals(List.of(), errors, "nothing reported lost");
  }

  @Test
  void aPublisherMadeWhileANodeIsAwayStreamsToItTooWithoutAskingIt() throws Exception {
    String node = DispatchRelay.nodeId(vertx); // this node's own relay plays the node that leaves
    publish(List.of(node));
    waitFor(() -> onContextGet(() -> streams.open(node)));
    publish(List.of("gateway-node")); // out of the member list: the first publisher keeps its stream
    // a group claimed or handed over during the split: its publisher never had the node in its member list
    RelayLedger.Sender later = onContextGet(() -> new RelayLedger.Sender("group-1"));
    DispatchStreams laterStreams = onContextGet(() -> new DispatchStreams(vertx, later));
    long overBus = DispatchStreams.overBus();
    for (int i = 0; i < 5; i++) {
      publish(later, laterStreams, List.of("gateway-node"), 1);
    }
    publish(later, laterStreams, List.of("gateway-node", node), 1); // merged back
    publish(later, laterStreams, List.of("gateway-node", node), 1);
    waitFor(() -> shardOne.size() == 7 * 3);
    for (int i = 0; i < shardOne.size(); i++) {
      assertEquals(i + 1, shardOne.get(i), "every dispatch of the later publisher once, in order: " + shardOne);
    }
    assertEquals(overBus, DispatchStreams.overBus(), "nothing over the event bus: the node was not asked");
    assertEquals(6, seqs.size(), "the first publisher's dispatches too");
    onContext(laterStreams::close);
    Thread.sleep(200);
    assertEquals(List.of(), errors, "nothing reported lost");
  }

  @Test
  void theStreamOfAnAbsentNodeThatReadsNothingIsClosedOnceItsBacklogPassesTheLimit() throws Exception {
    // a node whose relay gives a stream endpoint where nothing is ever read
    AtomicBoolean closed = new AtomicBoolean();
    AtomicReference<NetSocket> accepted = new AtomicReference<>();
    NetServer deaf = vertx.createNetServer().connectHandler(socket -> {
      socket.pause();
      socket.closeHandler(v -> closed.set(true));
      accepted.set(socket);
    });
    int port = await(deaf.listen(0, "127.0.0.1")).actualPort();
    String node = "deaf-node";
    await(vertx.eventBus().consumer(Addresses.dispatches(node), m -> {
      if (m.body() instanceof JsonObject) {
        m.reply(new JsonObject().put("host", "127.0.0.1").put("port", port));
      }
    }).completion());
    publish(List.of(node));
    waitFor(() -> onContextGet(() -> streams.open(node)));
    byte[] body = new byte[64 * 1024];
    Arrays.fill(body, (byte) 'a');
    body[0] = '"';
    body[body.length - 1] = '"';
    int batches = 0;
    boolean kept = true;
    // up to four times the limit: past it (kernel buffers included) the stream must be closed
    while (kept && batches < 4 * DispatchStreams.ABSENT_BACKLOG_BYTES / (16 * body.length)) {
      DispatchBatch batch = new DispatchBatch();
      for (int i = 0; i < 16; i++) {
        batch.add(new DispatchFrame(0, ++seq, "MESSAGE_CREATE", "7", "session", 0, 0, body, 0, body.length));
      }
      kept = onContextGet(() -> {
        streams.retain(List.of()); // the node left the member list
        streams.sendToAbsent(batch, sender.number(batch.frames().size()));
        return streams.open(node);
      });
      batches++;
    }
    assertTrue(!kept, "closed after " + batches + " batches of 1 MB");
    accepted.get().resume(); // the node reads again: what reached it, then the close
    waitFor(closed::get);
    long sent = (long) batches * 16 * body.length;
    assertTrue(sent > DispatchStreams.ABSENT_BACKLOG_BYTES, "not before the limit: " + sent);
  }

  /** One batch of three dispatches, published as the gateway does with {@code members} as the member list. */
  private void publish(List<String> members) throws Exception {
    publish(sender, streams, members, 0);
  }

  /** One batch of three dispatches of {@code shard}, published by {@code sender} over {@code streams}. */
  private void publish(RelayLedger.Sender sender, DispatchStreams streams, List<String> members, int shard) {
    DispatchBatch batch = new DispatchBatch();
    for (int i = 0; i < 3; i++) {
      long s = shard == 0 ? ++seq : ++laterSeq;
      byte[] d = ("{\"id\":\"" + s + "\"}").getBytes(StandardCharsets.UTF_8);
      batch.add(new DispatchFrame(shard, s, "MESSAGE_CREATE", "7", "session", 0, 0, d, 0, d.length));
    }
    onContext(() -> {
      long number = sender.number(batch.frames().size());
      sender.retain(members);
      streams.retain(members);
      for (String m : members) {
        if (!m.equals("gateway-node")) {
          streams.send(m, batch, new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME), number);
        }
      }
      streams.sendToAbsent(batch, number);
    });
  }

  /** Runs {@code action} on the publisher's context and waits (10 s at most). */
  private void onContext(Runnable action) {
    onContextGet(() -> {
      action.run();
      return null;
    });
  }

  /** Runs {@code action} on the publisher's context and returns its result (10 s at most). */
  private <T> T onContextGet(Supplier<T> action) {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        f.complete(action.get());
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
