package dev.cordbus.api.dispatch;

import dev.cordbus.api.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

/**
 * Puts the dispatches of every gateway in the cluster on this node's {@code discord.<EVENT>} addresses.
 *
 * <p>Gateways hand their {@link DispatchBatch}es to their own node's consumers directly and send them to the relay of
 * every other node: one record per event-loop turn on the gateway group's {@link DispatchStreams dispatch stream} to
 * that node ({@link StreamServer}), or one event-bus message to {@link Addresses#dispatches(String)} while the stream
 * is not up, the payloads as the bytes Discord sent. Each node runs one relay (installed once per Vert.x instance by
 * whichever cordbus verticle or client starts first, or by {@link #install} in your own code) that hands every
 * dispatch of a batch, in order, to the local consumers of its address with the usual headers and to the {@link
 * DispatchListeners listeners} of its name. So on every node a
 * shard's dispatches arrive in gateway order across addresses, a remote node receives each payload once whatever its
 * number of consumers, and the body, a {@link DispatchBody}, is parsed at most once per node, when first read.
 *
 * <p>A node on which nothing installed the relay receives no dispatches: call {@code DispatchRelay.install(vertx)}
 * (or use {@code CordbusClient}/{@code StateClient}, which do) before registering consumers.
 */
public final class DispatchRelay {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DispatchRelay.class);
  private static final String INSTALLED = "cordbus.dispatch-relay";
  /** {@code discord.<EVENT>} per event name, so the hot path does not concatenate (bounded: names are few). */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> ADDRESSES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Dispatches the relays of this JVM received from gateways of other nodes, over the event bus or a stream. */
  private static final java.util.concurrent.atomic.LongAdder RECEIVED = new java.util.concurrent.atomic.LongAdder();

  private DispatchRelay() {
  }

  /**
   * Dispatches the relays of this JVM have received from the gateways of other nodes so far (over the event bus or a
   * dispatch stream), before handing them to the consumers here.
   */
  public static long received() {
    return RECEIVED.sum();
  }

  /**
   * Installs the relay on {@code vertx} unless it is there already; the future completes when the relay's consumer
   * is registered (cluster-wide on a clustered Vert.x), on the caller's context. The relay lives as long as the
   * Vert.x instance, whatever verticle installed it.
   */
  public static Future<Void> install(Vertx vertx) {
    // the caller's continuations must run on the caller's context, not on the relay's
    Promise<Void> forCaller = ((VertxInternal) vertx).getOrCreateContext().promise();
    installed(vertx).onComplete(forCaller);
    return forCaller.future();
  }

  private static Future<Void> installed(Vertx vertx) {
    LocalMap<String, Installed> map = vertx.sharedData().getLocalMap(INSTALLED);
    synchronized (DispatchRelay.class) {
      Installed existing = map.get(INSTALLED);
      if (existing != null) {
        return existing.registered;
      }
      EventBus bus = vertx.eventBus();
      register(bus, new DispatchBatchCodec());
      register(bus, new SharedBodyCodec());
      // A context of its own: a consumer registered from a verticle's context would go when that verticle does.
      ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
      Promise<Void> registered = context.promise();
      String address = Addresses.dispatches(nodeId(vertx));
      RelayLedger ledger = new RelayLedger();
      ShardSeqs seqs = new ShardSeqs(Long.getLong(ShardSeqs.GRACE_PROPERTY, ShardSeqs.DEFAULT_GRACE_MS));
      RelayAcks acks = new RelayAcks((VertxInternal) vertx, context, nodeId(vertx));
      StreamServer streams = vertx.isClustered() && DispatchStreams.enabled()
          ? new StreamServer((VertxInternal) vertx, ledger, (sender, sent, batch) -> {
            handOut(bus, seqs, batch, ledger.arrived(bus, sender, sent, batch.frames().size()) > 0);
            acks.handedOut(sender, sent);
          }) : null;
      context.runOnContext(v -> {
        vertx.setPeriodic(Math.min(1000, seqs.graceMs()), t -> {
          for (ShardSeqs.Lost lost : seqs.expired(System.currentTimeMillis())) {
            RelayLedger.seqsLost(bus, lost, seqs.graceMs());
          }
        });
        Future<Void> listening = streams == null ? Future.succeededFuture()
            : streams.listen(streamHost(vertx), Integer.getInteger(DispatchStreams.OFF_PROPERTY + ".port", 0))
                .recover(e -> {
                  LOG.warn("no dispatch stream server on this node ({}): gateways send it every batch over the "
                      + "event bus", e.toString());
                  return Future.succeededFuture();
                });
        listening.compose(l -> bus.consumer(address, m -> {
          if (m.body() instanceof DispatchBatch batch) {
            handOut(bus, seqs, batch, ledger.arrived(bus, m.headers(), batch.frames().size()) > 0);
            acks.handedOut(m.headers());
            if (streams != null) {
              String sender = m.headers().get(RelayLedger.SENDER);
              if (sender != null) {
                streams.busArrived(sender);
              }
            }
          } else if (m.body() instanceof JsonObject hello && hello.containsKey("stream")) {
            JsonObject endpoint = streams == null ? null : streams.endpoint();
            if (endpoint != null) {
              m.reply(endpoint);
            } else {
              m.fail(503, "no dispatch stream server on this node");
            }
          }
        }).completion()).onComplete(registered);
      });
      map.put(INSTALLED, new Installed(registered.future()));
      return registered.future();
    }
  }

  /**
   * A batch from another node, over its stream or the event bus: each dispatch's seq noted ({@code reported}: the
   * ledger reported a loss before this batch) and the dispatch handed to this node's consumers, in one walk.
   */
  private static void handOut(EventBus bus, ShardSeqs seqs, DispatchBatch batch, boolean reported) {
    RECEIVED.add(batch.frames().size());
    long now = System.currentTimeMillis();
    FanOut out = new FanOut(bus, batch, false);
    for (DispatchFrame f : batch.frames()) {
      seqs.arrived(f.shard(), f.session(), f.seq(), now, reported);
      out.frame(f, address(f.event()));
    }
    out.deliver();
  }

  /** This node's id in the cluster ({@code "local"} on a plain Vert.x): its relay listens on that address. */
  public static String nodeId(Vertx vertx) {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager().getNodeId() : "local";
  }

  /**
   * How a gateway publishes a batch: to this node's consumers at once, on the caller's thread (no relay hop, no
   * cluster lookup), then one message to the relay of each other node of the cluster.
   */
  public static void publish(Vertx vertx, DispatchBatch batch) {
    publish(vertx, batch, null);
  }

  /**
   * As {@link #publish(Vertx, DispatchBatch)}, numbering what goes to each node with {@code sender} (null: not
   * numbered) so the receiving relays report dispatches the cluster dropped ({@link RelayLedger}).
   */
  public static void publish(Vertx vertx, DispatchBatch batch, RelayLedger.Sender sender) {
    publish(vertx, batch, sender, null);
  }

  /**
   * As {@link #publish(Vertx, DispatchBatch, RelayLedger.Sender)}, sending to each other node over {@code streams}
   * (made with the same {@code sender}; null: over the event bus) once its stream is up, and to the nodes that left the
   * member list while their stream was up, as long as it stays up ({@link DispatchStreams}).
   */
  public static void publish(Vertx vertx, DispatchBatch batch, RelayLedger.Sender sender, DispatchStreams streams) {
    EventBus bus = vertx.eventBus();
    fanOut(bus, batch, true);
    if (!vertx.isClustered()) {
      return;
    }
    io.vertx.core.spi.cluster.ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    String self = cluster.getNodeId();
    DeliveryOptions options = new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME);
    java.util.List<String> nodes = cluster.getNodes();
    long number = 0;
    if (sender != null) {
      sender.retain(nodes);
      number = sender.number(batch.frames().size());
    }
    if (streams != null) {
      streams.retain(nodes);
    }
    for (String node : nodes) {
      if (node.equals(self)) {
        continue;
      }
      if (batch.lent() && (streams == null || !streams.open(node))) {
        batch = batch.copied(); // the event bus may hold the message (and its bytes) past this call
      }
      if (streams != null) {
        streams.send(node, batch, options, number);
      } else {
        bus.publish(Addresses.dispatches(node), batch, sender == null ? options
            : sender.options(node, number, options));
      }
    }
    if (streams != null) {
      streams.sendToAbsent(batch, number); // nodes split off that may come back: their streams stay up
    }
  }

  /**
   * Whether a dispatch named {@code event} may have a consumer on this node: {@code discord.<event>} is registered
   * here, or the bus's handler table cannot be read or has an interceptor ({@link LocalHandlers}; then every dispatch
   * is published here).
   */
  public static boolean heardHere(EventBus bus, String event) {
    java.util.Map<String, ?> handlers = LocalHandlers.of(bus);
    return handlers == null || handlers.containsKey(address(event));
  }

  private static String address(String event) {
    return ADDRESSES.size() < 4096 ? ADDRESSES.computeIfAbsent(event, Addresses::dispatch) : Addresses.dispatch(event);
  }

  /**
   * Publishes the dispatches of a batch, in order, to the local consumers of their addresses, and hands the
   * {@link DispatchListeners listeners}' dispatches to them (one task per listener and batch); a dispatch whose address
   * has no consumer on this node but the listeners' own is not published, and one nobody here wants costs nothing
   * ({@link LocalHandlers}).
   */
  public static void fanOut(EventBus bus, DispatchBatch batch) {
    fanOut(bus, batch, false);
  }

  /**
   * As {@link #fanOut(EventBus, DispatchBatch)}; {@code gateway}: the caller is a gateway of this node, whose event
   * loop the listeners' consumers may follow ({@link DispatchListeners#follow}).
   */
  private static void fanOut(EventBus bus, DispatchBatch batch, boolean gateway) {
    FanOut out = new FanOut(bus, batch, gateway);
    for (DispatchFrame f : batch.frames()) {
      out.frame(f, address(f.event()));
    }
    out.deliver();
  }

  /** The host this node's cluster members reach it on (its event bus host): the stream server listens there. */
  private static String streamHost(Vertx vertx) {
    io.vertx.core.spi.cluster.NodeInfo info = ((VertxInternal) vertx).clusterManager().getNodeInfo();
    return info != null && info.host() != null ? info.host() : "127.0.0.1";
  }

  private static void register(EventBus bus, io.vertx.core.eventbus.MessageCodec<?, ?> codec) {
    try {
      bus.registerCodec(codec);
    } catch (IllegalStateException alreadyRegistered) {
      // registered by an earlier relay of this Vert.x that was undeployed with its instance
    }
  }

  private record Installed(Future<Void> registered) implements Shareable {
  }
}
