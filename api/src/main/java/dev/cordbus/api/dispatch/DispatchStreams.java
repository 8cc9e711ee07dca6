package dev.cordbus.api.dispatch;

import dev.cordbus.api.Addresses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * relay reports as lost if it comes back ({@link RelayLedger}). The publishers of one Vert.x share what they know: the
 * endpoints they connected to (a publisher made later connects there at once, its first batches waiting for the
 * connection instead of going over the bus) and the absent nodes they keep streams to (a publisher made during the
 * split, for a group claimed or handed over meanwhile, streams to them too).
 */
public final class DispatchStreams {

  /** System property: {@code false} keeps every batch on the clustered event bus (this node sends and serves none). */
  public static final String OFF_PROPERTY = "cordbus.dispatch.streams";
  /** After a failed attempt, the next one waits this long. */
  static final long RETRY_MS = 1000;
  /** Bytes waiting to be written to a node that left the member list before its stream is closed. */
  static final long ABSENT_BACKLOG_BYTES = 16L << 20;
  /**
   * How long a closed publisher's stream to a node out of the member list may take to pass on what was written to it
   * before the connection is cut (what has not reached the kernel then is lost, and reported by the node's relay);
   * it is cut at once when this Vert.x is closing.
   */
  static final long ABSENT_FLUSH_MS = 120_000;

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
  private final Map<String, StreamLink> links = new HashMap<>();
  /** Links whose node is not in the member list now ({@link StreamLink#absent}). */
  private int absent;
  /** What every publisher of this Vert.x knows of the other nodes' streams. */
  private final StreamPeers known;
  /** The {@link StreamPeers#version} of the absent nodes this publisher has links to. */
  private int knownVersion = -1;
  private boolean closed;


  /** Streams for the batches {@code sender} numbers; make it on the publisher's event loop. */
  public DispatchStreams(Vertx vertx, RelayLedger.Sender sender) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.sender = sender;
    this.enabled = enabled() && vertx.isClustered();
    this.known = StreamPeers.of(vertx);
  }

  /** Whether this JVM sends and serves dispatch streams (system property {@value #OFF_PROPERTY}). */
  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(OFF_PROPERTY));
  }

  /** Whether {@link #send} would write to {@code node}'s stream now (else over the event bus). */
  boolean open(String node) {
    StreamLink link = enabled ? links.get(node) : null;
    return link != null && link.state == StreamLink.State.OPEN;
  }

  /**
   * Sends batch {@code number} ({@link RelayLedger.Sender#number}) to {@code node}, a member of the cluster: over its
   * stream when up, over the event bus otherwise.
   */
  void send(String node, DispatchBatch batch, DeliveryOptions base, long number) {
    StreamLink link = enabled && !closed ? links.computeIfAbsent(node, k -> new StreamLink()) : null;
    if (link != null && link.state == StreamLink.State.OPEN) {
      sender.sentTo(node, number);
      link.socket.writeMessage(batchRecord(number, batch));
      STREAMED.increment();
      return;
    }
    if (link != null && link.state == StreamLink.State.BUS && System.currentTimeMillis() >= link.retryAt) {
      connect(node, link);
    }
    if (link != null && link.state == StreamLink.State.WAITING) {
      sender.sentTo(node, number);
      link.queue(number, batch);
      return;
    }
    OVER_BUS.increment();
    bus.publish(Addresses.dispatches(node), batch, sender.options(node, number, base));
    if (link != null) {
      link.busNumber = number;
    }
  }

  /**
   * Sends batch {@code number} to the nodes that left the member list and whose stream is kept ({@link #retain}),
   * closing the stream of one that has more than {@value #ABSENT_BACKLOG_BYTES} bytes waiting.
   */
  void sendToAbsent(DispatchBatch batch, long number) {
    if (absent == 0 || closed) {
      return;
    }
    for (Map.Entry<String, StreamLink> e : links.entrySet()) {
      StreamLink link = e.getValue();
      if (!link.absent) {
        continue;
      }
      if (link.state == StreamLink.State.WAITING) {
        link.queue(number, batch);
        if (link.waiting > ABSENT_BACKLOG_BYTES) {
          LOG.warn("the dispatch stream to node {}, which left the cluster, has not connected while {} MB waited for "
              + "it: dropping them; its relay reports what it misses as lost if it comes back", e.getKey(),
              link.waiting >> 20);
          known.unlistAbsent(e.getKey());
          link.down();
        }
        continue;
      }
      if (link.state != StreamLink.State.OPEN) {
        continue;
      }
      if (link.waiting > ABSENT_BACKLOG_BYTES) {
        LOG.warn("node {} left the cluster and has read nothing of the last {} MB sent to it: closing its dispatch "
            + "stream; what it misses from now on its relay reports as lost if it comes back", e.getKey(),
            link.waiting >> 20);
        NetSocketInternal socket = link.socket;
        known.unlistAbsent(e.getKey()); // publishers made from now on do not connect to it
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

  /**
   * Connects to {@code node}'s stream server and sends HELLO: at the endpoint a publisher of this node learned before
   * when there is one (a node that is out of the member list, or frozen, is not asked), else at the one its relay
   * gives when asked over the event bus.
   */
  private void connect(String node, StreamLink link) {
    if (client == null) {
      client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5000));
    }
    JsonObject cached = link.endpoint != null ? link.endpoint : known.endpoints.get(node);
    if (cached != null) {
      link.await();
    } else {
      link.state = StreamLink.State.CONNECTING;
    }
    Future<JsonObject> endpoint = cached != null ? Future.succeededFuture(cached)
        : bus.<JsonObject>request(Addresses.dispatches(node), new JsonObject().put("stream", sender.id()),
            new DeliveryOptions().setSendTimeout(5000)).map(Message::body);
    endpoint.compose(e -> {
      link.endpoint = e;
      return client.connect(e.getInteger("port"), e.getString("host"));
    }).onComplete(ar -> {
      if (ar.failed() || closed || links.get(node) != link) {
        ArrayDeque<StreamLink.Pending> waited = link.pending;
        link.pending = null;
        if (waited != null && !link.absent && !closed) {
          // a member: what waited goes over the event bus after all, in order
          DeliveryOptions base = new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME);
          for (StreamLink.Pending p : waited) {
            link.waiting -= p.bytes();
            OVER_BUS.increment();
            bus.publish(Addresses.dispatches(node), p.batch(), sender.options(node, p.number(), base));
            link.busNumber = p.number();
          }
        }
        if (ar.succeeded()) {
          ar.result().close();
        } else {
          if (cached != null) {
            known.forget(node); // it went away: the next attempt asks its relay
          }
          if (link.absent) {
            LOG.info("no dispatch stream to node {}, which is out of the cluster's member list: {}", node,
                ar.cause().toString());
          } else {
            LOG.debug("no dispatch stream to node {} yet (event bus meanwhile): {}", node, ar.cause().toString());
          }
        }
        link.down();
        return;
      }
      known.learned(node, link.endpoint);
      NetSocketInternal socket = (NetSocketInternal) ar.result();
      // the batches sent over the event bus so far come first
      socket.writeMessage(helloRecord(link.busNumber, sender.id()));
      if (link.pending != null) {
        for (StreamLink.Pending p : link.pending) {
          socket.writeMessage(batchRecord(p.number(), p.batch())).onComplete(w -> link.waiting -= p.bytes());
          STREAMED.increment();
        }
        link.pending = null;
      }
      socket.closeHandler(v -> {
        if (link.socket == socket) {
          if (link.absent) {
            known.forget(node); // gone: publishers made from now on do not connect to it
          }
          link.down();
          if (!closed) {
            LOG.info("dispatch stream to node {} closed; its batches go over the event bus until it is back", node);
          }
        }
      });
      socket.exceptionHandler(e -> LOG.debug("dispatch stream to node {}: {}", node, e.toString()));
      link.socket = socket;
      link.state = StreamLink.State.OPEN;
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
    if (closed) {
      return; // what the publisher still sends goes over the event bus
    }
    if (known.version.get() != knownVersion) {
      followAbsent(members);
    }
    if (absent == 0 && links.size() <= members.size() && members.containsAll(links.keySet())) {
      return;
    }
    for (Iterator<Map.Entry<String, StreamLink>> it = links.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, StreamLink> e = it.next();
      StreamLink link = e.getValue();
      if (members.contains(e.getKey())) {
        if (link.absent) {
          link.absent = false;
          absent--;
          known.unlistAbsent(e.getKey());
          LOG.info("node {} is back in the cluster; its dispatch stream stayed up meanwhile", e.getKey());
        }
      } else if (link.state == StreamLink.State.OPEN || link.state == StreamLink.State.WAITING) {
        if (!link.absent) {
          link.absent = true;
          absent++;
          known.listAbsent(e.getKey(), link.endpoint);
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

  /**
   * Adds a link to each node that another publisher of this Vert.x keeps a stream to while the node is out of the
   * member list ({@link StreamPeers#absent}) and that this one has none to: a publisher made during a split (a group
   * claimed or handed over meanwhile) reaches the split-off node as the older ones do. Its batches wait while it
   * connects ({@link StreamLink.State#WAITING}).
   */
  private void followAbsent(Collection<String> members) {
    knownVersion = known.version.get();
    for (Map.Entry<String, JsonObject> e : known.absent.entrySet()) {
      String node = e.getKey();
      if (links.containsKey(node) || members.contains(node)) {
        continue;
      }
      StreamLink link = new StreamLink();
      link.absent = true;
      link.endpoint = e.getValue();
      links.put(node, link);
      absent++;
      LOG.info("node {} is out of the cluster's member list and this node keeps dispatch streams to it (a split that "
          + "may merge again): publisher {} streams to it too", node, sender.id());
      connect(node, link);
    }
  }

  /** Closes every stream (the publisher stops). */
  public void close() {
    closed = true;
    boolean stopping = ((VertxInternal) vertx).closeFuture().isClosed();
    for (StreamLink link : links.values()) {
      NetSocketInternal socket = link.socket;
      if (socket != null) {
        socket.close(); // once what was written has gone
        if (link.absent) {
          // a split-off node reads nothing while it is frozen: what waits for it goes once it reads again, but not
          // past a limit, and not while this Vert.x closes (it would wait for the socket)
          io.netty.channel.Channel channel = socket.channelHandlerContext().channel();
          if (stopping) {
            channel.close();
          } else {
            channel.eventLoop().schedule(() -> channel.close(), ABSENT_FLUSH_MS, TimeUnit.MILLISECONDS);
          }
        }
      }
      link.down();
    }
    links.clear();
    absent = 0;
    if (client != null) {
      client.close();
    }
  }
}
