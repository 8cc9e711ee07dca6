package dev.cordbus.gateway;

import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.cluster.BotReadiness;
import dev.cordbus.gateway.cluster.ClusterIdentifyQueue;
import dev.cordbus.gateway.publish.ErrorPublisher;
import dev.cordbus.gateway.cluster.ClusterNodes;
import dev.cordbus.gateway.cluster.GroupClaimer;
import dev.cordbus.gateway.cluster.GroupListener;
import dev.cordbus.gateway.cluster.GroupLayout;
import dev.cordbus.gateway.cluster.SessionStore;
import dev.cordbus.gateway.compression.ZstdNative;
import dev.cordbus.gateway.config.ClusterOptions;
import dev.cordbus.gateway.config.Compression;
import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.gateway.identify.IdentifyQueue;
import dev.cordbus.gateway.identify.IdentifyQueueFactory;
import dev.cordbus.gateway.identify.LocalIdentifyQueue;
import dev.cordbus.gateway.identify.SessionStartLimit;
import dev.cordbus.gateway.ops.GroupMonitor;
import dev.cordbus.gateway.ops.ShardReadiness;
import dev.cordbus.ops.Ops;
import dev.cordbus.ops.OpsException;
import dev.cordbus.ops.OpsOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Promise;
import io.vertx.ext.healthchecks.Status;
import dev.cordbus.gateway.publish.EventPublisher;
import dev.cordbus.gateway.publish.FrameParser;
import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.gateway.shard.Shard;
import dev.cordbus.gateway.shard.ShardEnv;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one shard group: reads {@code /gateway/bot}, starts one {@link Shard} per shard id through the identify
 * queue, and answers gateway commands ({@code discord.gateway.shard.<id>}, {@code discord.gateway.send}) and
 * {@code discord.gateway.status}. Config: {@link GatewayOptions} JSON.
 *
 * <p>Without cluster features (a plain Vert.x) the group is the configured one and starts at once. On a clustered
 * Vert.x (or with {@code "cluster": true}) the group is held by a lease ({@link GroupClaimer}): a fixed group
 * ({@code shards}) or, with {@code "group": "auto"}, whichever of {@code groups} groups is free; sessions are kept in
 * the cluster ({@link SessionStore}) so the next holder RESUMEs; IDENTIFYs go through the cluster-wide
 * {@link ClusterIdentifyQueue}. A verticle that holds no group is a standby and claims one when it frees up. The
 * deployment completes once the shards were started, or, with leases, once claiming has begun. {@code stop()}
 * closes every socket with 1000 (sessions end), or 4000 with {@code keepSessionOnStop} or leases (sessions stay
 * resumable for the next holder).
 */
public class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  /** The User-Agent Discord asks bots to send. */
  public static final String USER_AGENT = GatewayOptions.DEFAULT_USER_AGENT;

  private final Function<String, String> env;
  private final IdentifyQueueFactory queueFactory;
  private final ShardCommands commands = new ShardCommands();
  private GatewayOptions options;
  private WebClient webClient;
  private WebSocketClient wsClient;
  private IdentifyQueue identifyQueue;
  private GroupClaimer claimer;
  private SessionStore store;
  private ShardGroup group;
  private String gatewayUrl;
  private int shardCount;
  private SessionStartLimit limit;
  /** What {@code /gateway/bot} said, for status replies and budget checks. */
  private GatewayParams params;
  private BotReadiness readiness;
  private Ops ops;
  private MeterRegistry meters;
  private String opsName;
  private long startNanos;
  private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();

  /** Uses the process environment and the default identify queue (cluster-wide when clustered). */
  public GatewayVerticle() {
    this(System::getenv);
  }

  /** Uses {@code env} for environment lookups (tests) and the default identify queue. */
  public GatewayVerticle(Function<String, String> env) {
    this(env, null);
  }

  /**
   * Uses {@code env} and an identify queue made by {@code queueFactory}; null = {@link ClusterIdentifyQueue} when
   * cluster features are on, else {@link LocalIdentifyQueue}.
   */
  public GatewayVerticle(Function<String, String> env, IdentifyQueueFactory queueFactory) {
    this.env = env;
    this.queueFactory = queueFactory;
  }

  private boolean clusterActive() {
    return options.cluster().active(vertx.isClustered());
  }

  @Override
  public Future<?> start() {
    startNanos = System.nanoTime();
    OpsOptions opsOptions;
    try {
      options = new GatewayOptions(config(), env);
      opsOptions = OpsOptions.of(config(), env);
      if (options.compression() == Compression.ZSTD_STREAM) {
        ZstdNative.require();
      }
    } catch (GatewayException | OpsException e) {
      return Future.failedFuture(e);
    }
    ops = Ops.of(vertx);
    meters = ops.meters(opsOptions);
    opsName = "gateway-" + INSTANCES.incrementAndGet();
    webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent(options.userAgent())
        .setConnectTimeout((int) options.connectTimeoutMs()));
    wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(1024 * 1024).setMaxMessageSize(16 * 1024 * 1024)
        .setConnectTimeout((int) options.connectTimeoutMs()));
    registerOps();
    return DispatchRelay.install(vertx).compose(r -> ops.start(opsOptions))
        .compose(r -> new GatewayBot(webClient, options).fetch()).compose(bot -> {
      shardCount = options.shardCount() != null ? options.shardCount() : bot.shards();
      gatewayUrl = options.gatewayUrl() != null ? options.gatewayUrl() : bot.url();
      limit = bot.limit();
      params = new GatewayParams(gatewayUrl, shardCount, limit, System.currentTimeMillis());
      readiness = new BotReadiness(vertx, shardCount);
      identifyQueue = queueFactory != null ? queueFactory.create(vertx, options, limit)
          : clusterActive() ? new ClusterIdentifyQueue(vertx, options.identifyIntervalMs(), limit)
          : new LocalIdentifyQueue(vertx, options.identifyIntervalMs(), limit);
      LOG.info("group '{}': {} shards, gateway {}, compression {}, session starts {}/{} (max_concurrency {}), "
          + "cluster features {}", options.group(), shardCount, gatewayUrl, options.compression().value(),
          limit.remaining(), limit.total(), limit.maxConcurrency(), clusterActive() ? "on" : "off");
      if (!clusterActive()) {
        group = newGroup(options.group(), options.shardIds(shardCount), () -> true);
        checkBudget(options.group(), group.ids().size());
        return registerConsumers().compose(v -> readiness.starting(group.ids()))
            .compose(v -> group.start(options.cluster().sessionFlushMs()));
      }
      options.shardIds(shardCount); // validates fixed ids against the count
      store = new SessionStore(vertx, shardCount);
      ClusterNodes nodes = new ClusterNodes(vertx);
      claimer = new GroupClaimer(vertx, options.cluster(), groupNames(), nodes,
          nodes.nodeId() + "/" + UUID.randomUUID(), new GroupListener() {
            @Override
            public Future<Void> gained(String name) {
              return runGroup(name);
            }

            @Override
            public Future<Void> lost(String name, String why) {
              new ErrorPublisher(vertx, name, options.token()).publish(ErrorKinds.LEASE_LOST, null, "group '" + name
                  + "': this node lost the group's cluster lease (" + why + "); its shards stopped and another "
                  + "gateway node resumes them", null);
              return dropGroup(false);
            }

            @Override
            public Future<Void> handoff(String name) {
              return dropGroup(true);
            }

            @Override
            public boolean canHandOff(String name) {
              ShardGroup g = group;
              return g != null && g.name().equals(name) && g.allReady();
            }
          });
      return registerConsumers().onSuccess(v -> claimer.start());
    });
  }

  private List<String> groupNames() {
    ClusterOptions c = options.cluster();
    if (!c.autoGroup()) {
      return List.of(options.group());
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < c.autoGroups(); i++) {
      names.add(GroupLayout.name(i, c.autoGroups()));
    }
    return names;
  }

  private List<Integer> idsOf(String name) {
    ClusterOptions c = options.cluster();
    return c.autoGroup() ? GroupLayout.shardsOf(groupNames().indexOf(name), c.autoGroups(), shardCount)
        : options.shardIds(shardCount);
  }

  private ShardGroup newGroup(String name, List<Integer> ids, BooleanSupplier mayRun) {
    EventPublisher publisher = new EventPublisher(vertx, name, options.publishRaw(), options.batchDispatches(),
        mayRun, options.flowWindow()).redacting(options.token());
    GroupMonitor monitor = new GroupMonitor(meters, ops.nodeId(), name, ids.size(), startNanos,
        () -> claimer == null ? 0 : claimer.epoch(), identifyQueue::remaining, ops::error);
    monitor.flow(publisher.gate()::pauses, publisher.gate()::pausedMs);
    ShardEnv shardEnv = new ShardEnv(vertx, context, wsClient, options, identifyQueue, publisher,
        new FrameParser(t -> DispatchRelay.heardHere(vertx.eventBus(), t)),
        () -> gatewayUrl, new SplittableRandom(), mayRun, monitor);
    return new ShardGroup(name, ids, shardCount, shardEnv, clusterActive() ? store : null, commands,
        s -> readiness.ready(s.id(), s.session() == null ? null : s.session().id()));
  }

  /** The lease of {@code name} was gained: read the group's sessions from the cluster and start its shards. */
  private Future<Void> runGroup(String name) {
    List<Integer> ids = idsOf(name);
    ShardGroup g = newGroup(name, ids, claimer.guard()::valid);
    group = g;
    return store.load(ids).recover(e -> {
      LOG.warn("group '{}': could not read its sessions from the cluster ({}); identifying", name, e.toString());
      return Future.succeededFuture(java.util.Map.of());
    }).compose(stored -> {
      if (group != g) {
        return Future.succeededFuture();
      }
      g.restore(stored);
      LOG.info("group '{}': shards {} of {} ({} resuming)", name, ids, shardCount, stored.size());
      checkBudget(name, ids.size() - stored.size());
      List<Integer> identifying = ids.stream().filter(id -> !stored.containsKey(id)).toList();
      return readiness.starting(identifying).compose(v -> g.start(options.cluster().sessionFlushMs()));
    });
  }

  private void checkBudget(String name, int needed) {
    params.checkBudget(new ErrorPublisher(vertx, name, options.token()), name, needed);
  }

  /** Stops the running group (sessions stay resumable); {@code graceful}: also write the final sessions. */
  private Future<Void> dropGroup(boolean graceful) {
    ShardGroup g = group;
    group = null;
    return g == null ? Future.succeededFuture() : g.stop(true, graceful);
  }

  private Future<Void> registerConsumers() {
    List<Future<Void>> registered = new ArrayList<>();
    registered.add(vertx.eventBus().<JsonObject>consumer(Addresses.GATEWAY_SEND, this::forward).completion());
    registered.add(vertx.eventBus().<JsonObject>consumer(Addresses.GATEWAY_STATUS,
        m -> m.reply(status())).completion());
    return Future.all(registered).mapEmpty();
  }

  /** {@code discord.gateway.send {shard, op, d}}: the owner of the shard may be another verticle or node. */
  private void forward(Message<JsonObject> m) {
    JsonObject body = m.body();
    Integer shard = body == null ? null : body.getInteger("shard");
    if (shard == null) {
      m.fail(400, "invalid gateway command: 'shard' (an integer shard id) is required");
      return;
    }
    Shard local = group == null ? null : group.shard(shard);
    JsonObject command = new JsonObject().put("op", body.getValue("op")).put("d", body.getValue("d"));
    if (local != null) {
      commands.reply(m, local.send(command));
    } else {
      vertx.eventBus().request(Addresses.gatewayShard(shard), command)
          .onSuccess(r -> m.reply(r.body()))
          .onFailure(e -> m.fail(503, "shard " + shard + " is not served by any gateway verticle: " + e.getMessage()));
    }
  }

  /** The status of this verticle's group ({@code group} null and no shards for a standby verticle). */
  public JsonObject status() {
    ShardGroup g = group;
    return new JsonObject().put("group", g == null ? null : g.name()).put("shardCount", shardCount)
        .put("shards", g == null ? new JsonArray() : g.status())
        .put("gateway", params == null ? null : params.toJson(identifyQueue));
  }

  /** The console's section and the readiness check of this verticle, answered on its context. */
  private void registerOps() {
    ops.section(opsName, () -> onContext(this::opsStatus));
    ops.readiness(opsName, promise -> onContext(this::opsStatus).onComplete(ar -> {
      if (ar.failed()) {
        promise.complete(Status.KO(new JsonObject().put("reason", ar.cause().toString())));
        return;
      }
      JsonObject s = ar.result();
      if (s.getString("group") == null) {
        promise.complete(Status.OK(new JsonObject().put("standby", true)));
        return;
      }
      JsonArray notReady = ShardReadiness.notReady(s.getJsonArray("shards"));
      promise.complete(notReady.isEmpty() ? Status.OK(new JsonObject().put("group", s.getString("group")))
          : Status.KO(new JsonObject().put("group", s.getString("group")).put("notReady", notReady)
              .put("reason", "shard(s) not ready: " + notReady.stream().map(o -> "shard "
                  + ((JsonObject) o).getInteger("shard") + " " + ((JsonObject) o).getString("state"))
                  .collect(java.util.stream.Collectors.joining(", ")))));
    }));
  }

  private <T> Future<T> onContext(java.util.function.Supplier<T> work) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> promise.complete(work.get()));
    return promise.future();
  }

  /** This verticle's part of the node status (console). */
  private JsonObject opsStatus() {
    ShardGroup g = group;
    JsonObject out = new JsonObject().put("kind", "gateway").put("group", g == null ? null : g.name())
        .put("shardCount", shardCount).put("leaseEpoch", claimer == null ? null : claimer.epoch());
    JsonArray shards = new JsonArray();
    int waiting = 0;
    long lastWait = -1;
    if (g != null) {
      for (Shard s : g.shards()) {
        shards.add(s.status());
        waiting += s.identifyWaiting() ? 1 : 0;
        lastWait = Math.max(lastWait, s.lastIdentifyWaitMs());
      }
      GroupMonitor m = g.monitor();
      out.put("progress", new JsonObject().put("shards", shards.size()).put("identified", m.identified())
          .put("identifyWaitMs", m.identifyWaitMs())
          .put("startToReadyMs", m.startToReadyMs() < 0 ? null : m.startToReadyMs()));
    }
    SessionStartLimit l = limit;
    return out.put("shards", shards).put("identify", new JsonObject().put("waiting", waiting)
        .put("lastWaitMs", lastWait < 0 ? null : lastWait)
        .put("remaining", identifyQueue == null ? null : identifyQueue.remaining())
        .put("total", l == null ? null : l.total()).put("maxConcurrency", l == null ? null : l.maxConcurrency()));
  }

  @Override
  public Future<?> stop() {
    if (ops != null) {
      ops.removeSection(opsName);
      ops.removeReadiness(opsName);
    }
    Future<Void> stopped;
    if (claimer == null) {
      ShardGroup g = group;
      stopped = g == null ? Future.succeededFuture() : g.stop(options.keepSessionOnStop(), false);
      if (g != null && !options.keepSessionOnStop() && readiness != null) {
        stopped = stopped.eventually(() -> readiness.dropped(g.ids()));
      }
    } else {
      // with leases the sessions stay resumable and are handed to the next holder
      stopped = claimer.leaving().eventually(() -> dropGroup(true)).eventually(() -> claimer.stop());
    }
    return stopped.eventually(() -> {
      if (identifyQueue != null) {
        identifyQueue.close();
      }
      if (webClient != null) {
        webClient.close();
      }
      return wsClient == null ? Future.succeededFuture() : wsClient.close();
    });
  }
}
