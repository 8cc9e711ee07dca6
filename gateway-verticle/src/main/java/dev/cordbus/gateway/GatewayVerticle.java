package dev.cordbus.gateway;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.gateway.identify.IdentifyQueue;
import dev.cordbus.gateway.identify.IdentifyQueueFactory;
import dev.cordbus.gateway.identify.LocalIdentifyQueue;
import dev.cordbus.gateway.identify.SessionStartLimit;
import dev.cordbus.gateway.publish.EventPublisher;
import dev.cordbus.gateway.publish.FrameParser;
import dev.cordbus.gateway.shard.Shard;
import dev.cordbus.gateway.shard.ShardEnv;
import dev.cordbus.gateway.shard.ShardState;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the shards of one group: reads {@code /gateway/bot}, starts one {@link Shard} per shard id through the
 * identify queue, and answers gateway commands ({@code discord.gateway.shard.<id>}, {@code discord.gateway.send})
 * and {@code discord.gateway.status}. Config: {@link GatewayOptions} JSON. The deployment completes once the shards
 * were started (not necessarily READY); {@code stop()} closes every socket with 1000 (sessions end), or 4000 with
 * {@code keepSessionOnStop} (sessions stay resumable).
 */
public class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  /** The User-Agent Discord asks bots to send. */
  public static final String USER_AGENT = "DiscordBot (https://github.com/cordbus, 0.1)";

  private final Function<String, String> env;
  private final IdentifyQueueFactory queueFactory;
  private GatewayOptions options;
  private WebClient webClient;
  private WebSocketClient wsClient;
  private IdentifyQueue identifyQueue;
  private final Map<Integer, Shard> shards = new LinkedHashMap<>();
  private final Set<Integer> readyShards = new TreeSet<>();
  private boolean groupReadyPublished;
  private String gatewayUrl;
  private int shardCount;

  /** Uses the process environment and a {@link LocalIdentifyQueue}. */
  public GatewayVerticle() {
    this(System::getenv);
  }

  /** Uses {@code env} for environment lookups (tests) and a {@link LocalIdentifyQueue}. */
  public GatewayVerticle(Function<String, String> env) {
    this(env, (vertx, opts, limit) -> new LocalIdentifyQueue(vertx, opts.identifyIntervalMs(), limit));
  }

  /** Uses {@code env} and an identify queue made by {@code queueFactory} (e.g. a cluster-wide one). */
  public GatewayVerticle(Function<String, String> env, IdentifyQueueFactory queueFactory) {
    this.env = env;
    this.queueFactory = queueFactory;
  }

  @Override
  public Future<?> start() {
    try {
      options = new GatewayOptions(config(), env);
    } catch (GatewayException e) {
      return Future.failedFuture(e);
    }
    webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent(USER_AGENT)
        .setConnectTimeout((int) options.connectTimeoutMs()));
    wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(1024 * 1024).setMaxMessageSize(16 * 1024 * 1024)
        .setConnectTimeout((int) options.connectTimeoutMs()));
    return new GatewayBot(webClient, options).fetch().compose(bot -> {
      shardCount = options.shardCount() != null ? options.shardCount() : bot.shards();
      gatewayUrl = options.gatewayUrl() != null ? options.gatewayUrl() : bot.url();
      List<Integer> ids = options.shardIds(shardCount);
      SessionStartLimit limit = bot.limit();
      identifyQueue = queueFactory.create(vertx, options, limit);
      LOG.info("group '{}': shards {} of {}, gateway {}, compression {}, session starts {}/{} (max_concurrency {})",
          options.group(), ids, shardCount, gatewayUrl, options.compression().value(), limit.remaining(),
          limit.total(), limit.maxConcurrency());
      ShardEnv shardEnv = new ShardEnv(vertx, context, wsClient, options, identifyQueue,
          new EventPublisher(vertx.eventBus(), options.group(), options.publishRaw()), new FrameParser(),
          () -> gatewayUrl, this::onShardReady, new SplittableRandom());
      for (int id : ids) {
        shards.put(id, new Shard(id, shardCount, shardEnv));
      }
      return registerConsumers();
    }).onSuccess(v -> shards.values().forEach(Shard::start));
  }

  private Future<Void> registerConsumers() {
    List<Future<Void>> registered = new ArrayList<>();
    for (Shard shard : shards.values()) {
      registered.add(vertx.eventBus().<JsonObject>consumer(Addresses.gatewayShard(shard.id()),
          m -> onShardCommand(shard, m)).completion());
    }
    registered.add(vertx.eventBus().<JsonObject>consumer(Addresses.GATEWAY_SEND, this::forward).completion());
    registered.add(vertx.eventBus().<JsonObject>consumer(Addresses.GATEWAY_STATUS,
        m -> m.reply(status())).completion());
    return Future.all(registered).mapEmpty();
  }

  /** A command on {@code discord.gateway.shard.<n>}: {@code {op, d}}, or {@code {op:"reidentify"}} (state rebuild). */
  private static void onShardCommand(Shard shard, Message<JsonObject> m) {
    if (m.body() != null && Addresses.REIDENTIFY_OP.equals(m.body().getValue("op"))) {
      shard.reidentify().onSuccess(action -> m.reply(new JsonObject().put("shard", shard.id()).put("action", action)));
      return;
    }
    reply(m, shard.send(m.body()));
  }

  /** {@code discord.gateway.send {shard, op, d}}: the owner of the shard may be another verticle or node. */
  private void forward(Message<JsonObject> m) {
    JsonObject body = m.body();
    Integer shard = body == null ? null : body.getInteger("shard");
    if (shard == null) {
      m.fail(400, "invalid gateway command: 'shard' (an integer shard id) is required");
      return;
    }
    Shard local = shards.get(shard);
    JsonObject command = new JsonObject().put("op", body.getValue("op")).put("d", body.getValue("d"));
    if (local != null) {
      reply(m, local.send(command));
    } else {
      vertx.eventBus().request(Addresses.gatewayShard(shard), command)
          .onSuccess(r -> m.reply(r.body()))
          .onFailure(e -> m.fail(503, "shard " + shard + " is not served by any gateway verticle: " + e.getMessage()));
    }
  }

  private static void reply(Message<JsonObject> m, Future<Void> sent) {
    sent.onSuccess(v -> m.reply(new JsonObject().put("sent", true)))
        .onFailure(e -> m.fail(e instanceof GatewayException g && g.kind() == GatewayException.Kind.NOT_CONNECTED
            ? 503 : 400, e.getMessage()));
  }

  /** The status of this group's shards. */
  public JsonObject status() {
    JsonArray list = new JsonArray();
    shards.values().forEach(s -> list.add(s.status()));
    return new JsonObject().put("group", options.group()).put("shardCount", shardCount).put("shards", list);
  }

  private void onShardReady(Shard shard) {
    readyShards.add(shard.id());
    if (!groupReadyPublished && readyShards.containsAll(shards.keySet())
        && shards.values().stream().allMatch(s -> s.state() == ShardState.READY)) {
      groupReadyPublished = true;
      LOG.info("group '{}': every shard is READY {}", options.group(), shards.keySet());
      new EventPublisher(vertx.eventBus(), options.group(), false).groupReady(new JsonObject()
          .put("shards", new JsonArray(new ArrayList<>(shards.keySet()))).put("shardCount", shardCount));
    }
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> closing = new ArrayList<>();
    shards.values().forEach(s -> closing.add(s.stop()));
    return Future.all(closing).eventually(() -> {
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
