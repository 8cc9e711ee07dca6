package dev.cordbus.gateway.publish;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.dispatch.AckRounds;
import dev.cordbus.api.dispatch.DispatchBatch;
import dev.cordbus.api.dispatch.DispatchBatchCodec;
import dev.cordbus.api.dispatch.DispatchFrame;
import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.dispatch.DispatchStreams;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * Publishes what one gateway verticle's shards receive: dispatches, every frame on {@code discord.raw}, and the
 * lifecycle messages {@code discord.shard.*} (each with {@code shard, shardCount, group}).
 *
 * <p>Dispatches are not published one by one: those read in one event-loop turn go out as one {@link DispatchBatch}
 * (payloads as the received bytes): this node's consumers get them at once, each other node in one event-bus message
 * to its {@link DispatchRelay}, which puts them on {@code discord.<EVENT>} for its consumers, in gateway order. A lifecycle message
 * first flushes the pending batch, so a node sees READY before {@code discord.shard.ready}. Runs on the gateway
 * verticle's context.
 *
 * <p>A turn is bounded: a batch also leaves as soon as it holds {@value #MAX_BATCH_FRAMES} dispatches or its first one
 * was read {@value #MAX_BATCH_AGE_MICROS} µs ago. A turn that reads a backlog (after a pause of the process, or
 * while the JIT warms up) can run for tens of milliseconds and read hundreds of frames; without the bound none of
 * them reaches a consumer before the last is parsed, so the first waited the whole turn, and another node got them
 * as one large message it then handed out all at once. With it the consumers (on other threads, other nodes) work on
 * the first frames while the gateway parses the next ones.
 */
public final class EventPublisher {

  /** Dispatches in one batch at most: a batch this full leaves at once, without waiting for the end of the turn. */
  public static final int MAX_BATCH_FRAMES = 64;
  /** A batch whose first dispatch was read this long ago leaves at once, without waiting for the end of the turn. */
  public static final long MAX_BATCH_AGE_MICROS = 1000;
  private static final long MAX_BATCH_AGE_NANOS = MAX_BATCH_AGE_MICROS * 1000;
  /** Dispatches handed to this node's consumers between two acknowledgement rounds, at most. */
  static final long LOCAL_ACK_EVERY = 1024;

  private final Vertx vertx;
  private final EventBus bus;
  private final Context context;
  private final String group;
  private final boolean publishRaw;
  private final boolean batch;
  private final java.util.function.BooleanSupplier mayPublish;
  private ErrorPublisher errors;
  private DispatchBatch pending = new DispatchBatch();
  /** When the first dispatch of {@link #pending} was read ({@code received-nanos}). */
  private long pendingSinceNanos;
  private long dropped;
  private boolean flushScheduled;
  /** Numbers the dispatches sent to each other node, so their relays notice any the cluster drops. */
  private final dev.cordbus.api.dispatch.RelayLedger.Sender sender;
  /** What carries the batches to each other node: a stream per node once it is up ({@link DispatchStreams}). */
  private final DispatchStreams streams;
  /** Pauses the group's sockets while this node's consumers or another node are too far behind ({@link FlowGate}). */
  private final FlowGate gate;
  /**
   * How far this node's own consumers are behind what the group handed them (null: flow control off): a round every
   * {@value #LOCAL_ACK_EVERY} dispatches, or a quarter of a smaller window, so a paused group always has a round under
   * way that can resume it.
   */
  private final AckRounds local;
  /** The reused arrays the group's sockets read frames into (null: off); a queued dispatch's are released here. */
  private final FrameSlabs slabs = FrameSlabs.enabled() ? new FrameSlabs() : null;
  /** The other nodes' acknowledgements (clustered Vert.x only), or null. */
  private final io.vertx.core.eventbus.MessageConsumer<Object> acks;

  /** A publisher for {@code group}, flushing on the caller's context (call it on the gateway verticle's). */
  public EventPublisher(Vertx vertx, String group, boolean publishRaw) {
    this(vertx, group, publishRaw, true);
  }

  /**
   * A publisher for {@code group}; {@code batch} false publishes each dispatch as its own message (still through the
   * relay, so the order holds), to measure what batching saves.
   */
  public EventPublisher(Vertx vertx, String group, boolean publishRaw, boolean batch) {
    this(vertx, group, publishRaw, batch, () -> true, FlowGate.WINDOW);
  }

  /**
   * A publisher whose batches go out only while {@code mayPublish} holds (the group's cluster lease): a batch
   * whose turn ends after the lease was lost is dropped, not published (the shards stop reading such frames
   * already; this is the last check before anything leaves), and whose sockets pause while this node's consumers or
   * another node are more than {@code flowWindow} dispatches behind (0: never; gateway option {@code flowWindow}).
   */
  public EventPublisher(Vertx vertx, String group, boolean publishRaw, boolean batch,
      java.util.function.BooleanSupplier mayPublish, long flowWindow) {
    this.mayPublish = mayPublish;
    this.batch = batch;
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.context = vertx.getOrCreateContext();
    this.group = group;
    this.publishRaw = publishRaw;
    this.sender = new dev.cordbus.api.dispatch.RelayLedger.Sender(group);
    this.streams = vertx.isClustered() ? new DispatchStreams(vertx, sender) : null;
    this.local = flowWindow > 0 ? new AckRounds(vertx, context, Math.min(LOCAL_ACK_EVERY, flowWindow / 4),
        count -> acknowledged()) : null;
    this.gate = new FlowGate(vertx, group, flowWindow, () -> {
      sender.skipLagging(flowWindow);
      if (local != null) {
        local.skip();
      }
    });
    this.acks = vertx.isClustered() ? bus.consumer(Addresses.relayAck(sender.id()), m -> {
      if (m.body() instanceof JsonObject ack && ack.getValue("node") instanceof String node
          && ack.getValue("acked") instanceof Number acked) {
        sender.acked(node, acked.longValue());
        acknowledged();
      }
    }) : null;
    this.errors = new ErrorPublisher(vertx, group, null);
    DispatchRelay.install(vertx);
  }

  /** The slabs the group's sockets read frames into, or null when they are off ({@link FrameSlabs#OFF_PROPERTY}). */
  public FrameSlabs slabs() {
    return slabs;
  }

  /** The flow control of this group's sockets: the shards register theirs. */
  public FlowGate gate() {
    return gate;
  }

  /**
   * Publishes what this turn queued, stops listening for acknowledgements, resumes any paused socket and closes the
   * dispatch streams (the group stops).
   */
  public void close() {
    if (Vertx.currentContext() == context) {
      // what this turn read goes out while the streams are up (a group handed over: its sessions are saved with
      // these seqs, so the next holder does not replay them); a flush after the close would reach the members over
      // the event bus only, not a split-off node
      flushNow();
    }
    gate.close();
    if (streams != null) {
      streams.close();
    }
    if (acks != null) {
      acks.unregister();
    }
  }

  /** Removes {@code token} from every string published on {@code discord.error}; returns this. */
  public EventPublisher redacting(String token) {
    errors = new ErrorPublisher(vertx, group, token);
    return this;
  }

  /** The name of the group the messages are tagged with. */
  public String group() {
    return group;
  }

  /**
   * Queues a dispatch whose {@code d} is an object; it goes out at the end of this event-loop turn, or at once when
   * the batch is full ({@value #MAX_BATCH_FRAMES}) or its first dispatch was read {@value #MAX_BATCH_AGE_MICROS} µs
   * before this one ({@code nanos}, the read time). Called from another thread (tools, benchmarks), it is published at
   * once, alone. A frame whose bytes a {@link #slabs() slab} lends is released once its batch went out (or was
   * dropped); the publisher owns it from this call.
   */
  public void dispatch(int shard, Frame frame, String sessionId, long nanos, long millis) {
    DispatchFrame f = new DispatchFrame(shard, frame.s(), frame.t(), frame.guild(), sessionId, nanos, millis,
        frame.bytes(), frame.dOffset(), frame.dLength(), frame.dMembers());
    boolean lent = slabs != null && slabs.lends(f.array());
    if (!batch || Vertx.currentContext() != context) {
      DispatchBatch alone = new DispatchBatch();
      alone.add(f);
      if (lent) {
        alone.lend();
      }
      send(alone);
      release(alone);
      return;
    }
    if (pending.isEmpty()) {
      pendingSinceNanos = nanos;
    }
    if (lent) {
      pending.lend();
    }
    pending.add(f);
    if (pending.frames().size() >= MAX_BATCH_FRAMES || nanos - pendingSinceNanos >= MAX_BATCH_AGE_NANOS) {
      flushNow();
      return;
    }
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  /** Publishes the dispatches queued so far, as one batch. */
  public void flush() {
    flushScheduled = false;
    flushNow();
  }

  /** Publishes the pending batch now; a flush already scheduled for the end of the turn stays (it finds less). */
  private void flushNow() {
    if (pending.isEmpty()) {
      return;
    }
    DispatchBatch batch = pending;
    pending = new DispatchBatch();
    if (!mayPublish.getAsBoolean()) {
      dropped += batch.frames().size();
      org.slf4j.LoggerFactory.getLogger(EventPublisher.class).warn("group '{}': {} dispatches not published: this "
          + "node no longer holds the group's cluster lease ({} so far)", group, batch.frames().size(), dropped);
      release(batch);
      return;
    }
    try {
      send(batch);
    } finally {
      release(batch);
    }
  }

  /** A batch that went out (or was dropped): the slabs may reuse its frames' bytes (they were copied if kept). */
  private void release(DispatchBatch batch) {
    if (batch.lent()) {
      for (DispatchFrame f : batch.frames()) {
        slabs.release(f.array());
      }
    }
  }

  /** Dispatches dropped because the lease was lost before their batch went out. */
  public long dropped() {
    return dropped;
  }

  /** This node's consumers first, at once, then one message to the relay of each other node. */
  private void send(DispatchBatch batch) {
    // numbered only from the publisher's own event loop: batches sent from other threads could overtake each other
    boolean own = Vertx.currentContext() == context;
    DispatchRelay.publish(vertx, batch, own ? sender : null, own ? streams : null);
    if (own && local != null) {
      local.handed(batch.frames().size());
      gate.sent(behind());
    }
  }

  /** This node's consumers or another node took dispatches: the gate may open. */
  private void acknowledged() {
    gate.acknowledged(behind());
  }

  /** The most dispatches this node's consumers or another node have not taken yet. */
  private long behind() {
    return Math.max(sender.behind(), local == null ? 0 : local.behind());
  }

  /** Publishes a frame's text on {@code discord.raw} (if enabled). */
  public void raw(int shard, Frame frame, byte[] bytes, int offset, int length, long nanos, long millis) {
    if (!publishRaw) {
      return;
    }
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(Headers.SHARD, Integer.toString(shard))
        .addHeader(Headers.RECEIVED_NANOS, Long.toString(nanos))
        .addHeader(Headers.RECEIVED_MILLIS, Long.toString(millis));
    if (frame != null) {
      options.addHeader(Headers.OP, Integer.toString(frame.op()));
    }
    bus.publish(Addresses.RAW, new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8), options);
  }

  /** Whether raw frames are published. */
  public boolean publishesRaw() {
    return publishRaw;
  }

  /** Publishes a lifecycle message on {@code address}, adding {@code shard, shardCount, group}. */
  public void lifecycle(String address, int shard, int shardCount, JsonObject body) {
    flush();
    body.put("shard", shard).put("shardCount", shardCount).put("group", group);
    bus.publish(address, body, new DeliveryOptions().addHeader(Headers.SHARD, Integer.toString(shard)));
  }

  /**
   * Publishes an error on {@code discord.error} (after the pending dispatches, like a lifecycle message): {@code kind}
   * one of {@link dev.cordbus.api.ErrorKinds}, {@code shard} null for the group; {@code extra} fields are added.
   */
  public void error(String kind, Integer shard, String message, Throwable cause, JsonObject extra) {
    flush();
    errors.publish(kind, shard, message, cause, extra);
  }

  /** Publishes a group-level message. */
  public void groupReady(JsonObject body) {
    flush();
    bus.publish(Addresses.GROUP_READY, body.put("group", group));
  }
}
