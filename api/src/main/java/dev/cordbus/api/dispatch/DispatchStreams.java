package dev.cordbus.api.dispatch;

import dev.cordbus.api.Addresses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one gateway publisher sends its batches to each other node: over a TCP connection of its own to that node's
 * relay ({@link StreamServer}), the batch written once into a pooled direct buffer, instead of a clustered event-bus
 * message. Measured on the two-node bench, the event bus cost the gateway a fresh heap buffer per batch and node, the
 * subscription lookup and the message headers, and the receiving node three copies of every batch (its record parser
 * appends each read to the record and copies the record out); the stream server copies each batch once, from the
 * socket's buffers.
 *
 * <p>Until a node's stream is up (and whenever it is down) its batches go over the event bus as before, to {@link
 * Addresses#dispatches(String)}; the relay there answers a request on that address with its stream's endpoint. The
 * switch keeps the order (see {@link StreamServer}). Off with the system property {@value #OFF_PROPERTY}{@code =false}
 * on either node. Use from the publisher's event loop only.
 *
 * <p>A node that leaves the cluster's member list keeps its stream while the stream is up and keeps up: a stream does
 * not depend on Hazelcast, and a node that is split from this one (frozen long enough to be removed, or cut off) and
 * merged back later with the same id gets every batch published meanwhile, in order, instead of missing them. The
 * stream is closed once more than {@value #ABSENT_BACKLOG_BYTES} bytes wait to be written to the absent node (it reads
 * nothing: still frozen, or gone without closing), or when its socket closes; what the node misses from then on its
 * relay reports as lost if it comes back ({@link RelayLedger}).
 */
public final class DispatchStreams {

  /** System property: {@code false} keeps every batch on the clustered event bus (this node sends and serves none). */
  public static final String OFF_PROPERTY = "cordbus.dispatch.streams";
  /** After a failed attempt, the next one waits this long. */
  static final long RETRY_MS = 1000;
  /** Bytes waiting to be written to a node that left the member list before its stream is closed. */
  static final long ABSENT_BACKLOG_BYTES = 16L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(DispatchStreams.class);
  private static final java.util.concurrent.atomic.LongAdder STREAMED = new java.util.concurrent.atomic.LongAdder();
  private static final java.util.concurrent.atomic.LongAdder OVER_BUS = new java.util.concurrent.atomic.LongAdder();
  private static final java.util.concurrent.atomic.LongAdder OPENED = new java.util.concurrent.atomic.LongAdder();

  private final Vertx vertx;
  private final EventBus bus;
  private final RelayLedger.Sender sender;
  private final boolean enabled;
  /** Kept in a field: an unreferenced client is closed by the GC. */
  private NetClient client;
  private final Map<String, Link> links = new HashMap<>();
  /** Links whose node is not in the member list now ({@link Link#absent}). */
  private int absent;
  private boolean closed;

  /** Where one node's batches go. */
  private enum State {
    /** Over the event bus; a stream is asked for once {@link Link#retryAt} has passed. */
    BUS,
    /** Over the event bus while the endpoint is asked for and the connection made. */
    CONNECTING,
    /** Over {@link Link#socket}. */
    OPEN
  }

  /** One node's stream. */
  private static final class Link {
    State state = State.BUS;
    /** The stream, while {@link State#OPEN}. */
    NetSocketInternal socket;
    /** No attempt before this time (millis). */
    long retryAt;
    /** The node is not in the cluster's member list now; its open stream is kept ({@link #retain}). */
    boolean absent;
    /**
     * Bytes written to the stream while the node was absent that the socket has not passed to the kernel yet (Vert.x
     * and Netty queue them once the kernel's buffer is full: the node reads nothing).
     */
    long waiting;

    void down() {
      state = State.BUS;
      socket = null;
      retryAt = System.currentTimeMillis() + RETRY_MS;
    }
  }

  /** Streams for the batches {@code sender} numbers; make it on the publisher's event loop. */
  public DispatchStreams(Vertx vertx, RelayLedger.Sender sender) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.sender = sender;
    this.enabled = enabled() && vertx.isClustered();
  }

  /** Whether this JVM sends and serves dispatch streams (system property {@value #OFF_PROPERTY}). */
  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(OFF_PROPERTY));
  }

  /** Whether {@link #send} would write to {@code node}'s stream now (else over the event bus). */
  boolean open(String node) {
    Link link = enabled ? links.get(node) : null;
    return link != null && link.state == State.OPEN;
  }

  /**
   * Sends batch {@code number} ({@link RelayLedger.Sender#number}) to {@code node}, a member of the cluster: over its
   * stream when up, over the event bus otherwise.
   */
  void send(String node, DispatchBatch batch, DeliveryOptions base, long number) {
    Link link = enabled ? links.computeIfAbsent(node, k -> new Link()) : null;
    if (link != null && link.state == State.OPEN) {
      sender.sentTo(node, number);
      link.socket.writeMessage(batchRecord(number, batch));
      STREAMED.increment();
      return;
    }
    OVER_BUS.increment();
    bus.publish(Addresses.dispatches(node), batch, sender.options(node, number, base));
    if (link != null && link.state == State.BUS && System.currentTimeMillis() >= link.retryAt) {
      connect(node, link);
    }
  }

  /**
   * Sends batch {@code number} to the nodes that left the member list and whose stream is kept ({@link #retain}),
   * closing the stream of one that has more than {@value #ABSENT_BACKLOG_BYTES} bytes waiting.
   */
  void sendToAbsent(DispatchBatch batch, long number) {
    if (absent == 0) {
      return;
    }
    for (Map.Entry<String, Link> e : links.entrySet()) {
      Link link = e.getValue();
      if (!link.absent || link.state != State.OPEN) {
        continue;
      }
      if (link.waiting > ABSENT_BACKLOG_BYTES) {
        LOG.warn("node {} left the cluster and has read nothing of the last {} MB sent to it: closing its dispatch "
            + "stream; what it misses from now on its relay reports as lost if it comes back", e.getKey(),
            link.waiting >> 20);
        NetSocketInternal socket = link.socket;
        link.down();
        socket.close();
        continue;
      }
      ByteBuf record = batchRecord(number, batch);
      int bytes = record.readableBytes();
      link.waiting += bytes;
      link.socket.writeMessage(record).onComplete(ar -> link.waiting -= bytes);
      STREAMED.increment();
    }
  }

  /** Asks {@code node}'s relay where its stream server listens, connects, and sends HELLO. */
  private void connect(String node, Link link) {
    link.state = State.CONNECTING;
    if (client == null) {
      client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5000));
    }
    bus.<JsonObject>request(Addresses.dispatches(node), new JsonObject().put("stream", sender.id()),
        new DeliveryOptions().setSendTimeout(5000))
        .compose(reply -> client.connect(reply.body().getInteger("port"), reply.body().getString("host")))
        .onComplete(ar -> {
          if (ar.failed() || closed || links.get(node) != link) {
            if (ar.succeeded()) {
              ar.result().close();
            } else {
              LOG.debug("no dispatch stream to node {} yet (event bus meanwhile): {}", node, ar.cause().toString());
            }
            link.down();
            return;
          }
          NetSocketInternal socket = (NetSocketInternal) ar.result();
          // the batches sent over the event bus so far come first
          socket.writeMessage(helloRecord(sender.sent(node), sender.id()));
          socket.closeHandler(v -> {
            if (link.socket == socket) {
              link.down();
              if (!closed) {
                LOG.info("dispatch stream to node {} closed; its batches go over the event bus until it is back", node);
              }
            }
          });
          socket.exceptionHandler(e -> LOG.debug("dispatch stream to node {}: {}", node, e.toString()));
          link.socket = socket;
          link.state = State.OPEN;
          OPENED.increment();
        });
  }

  /** A stream's first record: the publisher {@code id}, which sent {@code busSent} dispatches over the bus before. */
  static ByteBuf helloRecord(long busSent, String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    ByteBuf hello = PooledByteBufAllocator.DEFAULT.directBuffer(4 + 9 + bytes.length);
    hello.writeInt(9 + bytes.length);
    hello.writeByte(StreamServer.HELLO);
    hello.writeLong(busSent);
    hello.writeBytes(bytes);
    return hello;
  }

  /** The record of {@code batch}, numbered {@code sent}, in a pooled direct buffer (released once written). */
  static ByteBuf batchRecord(long sent, DispatchBatch batch) {
    List<DispatchFrame> frames = batch.frames();
    int total = DispatchBatchCodec.wireLength(frames);
    ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(4 + 9 + total);
    out.writeInt(9 + total);
    out.writeByte(StreamServer.BATCH);
    out.writeLong(sent);
    DispatchBatchCodec.write(frames, total, out);
    return out;
  }

  /** Dispatch streams this JVM's gateway publishers have opened so far. */
  public static long opened() {
    return OPENED.sum();
  }

  /** Batches this JVM's gateway publishers sent over dispatch streams so far. */
  public static long streamed() {
    return STREAMED.sum();
  }

  /** Numbered batches this JVM's gateway publishers sent over the clustered event bus so far (no stream up yet). */
  public static long overBus() {
    return OVER_BUS.sum();
  }

  /**
   * Follows the member list: the link of a node not in {@code members} is kept while its stream is open (the node
   * may be split off and merged back: {@link #sendToAbsent}) and dropped otherwise; a kept node that is back is an
   * ordinary member again.
   */
  void retain(Collection<String> members) {
    if (absent == 0 && links.size() <= members.size() && members.containsAll(links.keySet())) {
      return;
    }
    for (Iterator<Map.Entry<String, Link>> it = links.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Link> e = it.next();
      Link link = e.getValue();
      if (members.contains(e.getKey())) {
        if (link.absent) {
          link.absent = false;
          absent--;
          LOG.info("node {} is back in the cluster; its dispatch stream stayed up meanwhile", e.getKey());
        }
      } else if (link.state == State.OPEN) {
        if (!link.absent) {
          link.absent = true;
          absent++;
          LOG.info("node {} left the cluster; its dispatch stream stays up while it reads, so it misses nothing if "
              + "it comes back (a split cluster merged again)", e.getKey());
        }
      } else {
        it.remove();
        if (link.absent) {
          absent--;
        }
        if (link.socket != null) {
          link.socket.close();
        }
      }
    }
  }

  /** Closes every stream (the publisher stops). */
  public void close() {
    closed = true;
    for (Link link : links.values()) {
      if (link.socket != null) {
        link.socket.close();
      }
    }
    links.clear();
    absent = 0;
    if (client != null) {
      client.close();
    }
  }
}
