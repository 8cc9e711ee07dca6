package dev.cordbus.api.client;

import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.model.Update;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateFailure;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The entry point for Java bots: typed subscriptions to dispatches and cache-aware events, {@link #waitFor},
 * custom events and {@link #state()} queries. Works on any node of a clustered Vert.x.
 *
 * <pre>{@code
 * CordbusClient bot = CordbusClient.create(vertx);
 * bot.onState("MESSAGE_UPDATE", Message.class, u -> log.info("{} -> {}", u.before().content(), u.after().content()));
 * bot.state().member(guildId, userId).onSuccess(m -> ...);
 * }</pre>
 */
public final class CordbusClient {

  /** Default timeout of state queries. */
  public static final long DEFAULT_QUERY_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final StateClient state;
  private final long queryTimeoutMs;

  private CordbusClient(Vertx vertx, long queryTimeoutMs) {
    this.vertx = vertx;
    this.queryTimeoutMs = queryTimeoutMs;
    this.state = new StateClient(vertx, queryTimeoutMs);
    DispatchRelay.install(vertx);
  }

  /** A client with the default query timeout. */
  public static CordbusClient create(Vertx vertx) {
    return new CordbusClient(vertx, DEFAULT_QUERY_TIMEOUT_MS);
  }

  /** A client whose queries time out after {@code queryTimeoutMs}. */
  public static CordbusClient create(Vertx vertx, long queryTimeoutMs) {
    return new CordbusClient(vertx, queryTimeoutMs);
  }

  /** State queries and gateway commands. */
  public StateClient state() {
    return state;
  }

  /** Subscribes to a raw dispatch ({@code discord.<EVENT>}), decoded into {@code type} (e.g. Message.class). */
  public <T> MessageConsumer<JsonObject> on(String event, Class<T> type, Handler<T> handler) {
    return vertx.eventBus().consumer(Addresses.dispatch(event), m -> handler.handle(m.body().mapTo(type)));
  }

  /**
   * Subscribes to a cache-aware event ({@code discord.state.<EVENT>}), e.g. {@code MESSAGE_UPDATE} with
   * {@code Message.class}, {@code GUILD_MEMBER_REMOVE} with {@code Member.class} (the removed member in before).
   */
  public <T> MessageConsumer<JsonObject> onState(String event, Class<T> type, Handler<Update<T>> handler) {
    return vertx.eventBus().consumer(StateAddresses.event(event), m -> {
      JsonObject b = m.body();
      T before = b.getValue("before") instanceof JsonObject j ? j.mapTo(type) : null;
      T after = b.getValue("after") instanceof JsonObject j ? j.mapTo(type) : null;
      handler.handle(new Update<>(b.getString("guild_id"), before, after));
    });
  }

  /**
   * The body of the first message on {@code address} matching {@code predicate} within {@code timeout}; fails with
   * {@link StateFailure#TIMEOUT} otherwise. Like discord.py's {@code wait_for}.
   */
  public Future<JsonObject> waitFor(String address, Predicate<JsonObject> predicate, Duration timeout) {
    Promise<JsonObject> promise = Promise.promise();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address);
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), t -> {
      consumer.unregister();
      promise.tryFail(StateFailure.TIMEOUT.exception("nothing matched on " + address + " within " + timeout));
    });
    consumer.handler(m -> {
      boolean match;
      try {
        match = m.body() != null && predicate.test(m.body());
      } catch (RuntimeException e) {
        match = false;
      }
      if (match && promise.tryComplete(m.body())) {
        vertx.cancelTimer(timer);
        consumer.unregister();
      }
    });
    return promise.future();
  }

  /**
   * The gateway parameters as {@code GET /gateway/bot} gave them to a gateway verticle of the cluster (disnake's
   * {@code GatewayParams} with its {@code SessionStartLimit}): {@code {url, shards, session_start_limit:{total,
   * remaining, reset_after, max_concurrency}}}, {@code remaining} as the gateway's identify queue counts it now and
   * {@code reset_after} in ms from now; {@code shards} is the shard count in use. Asks {@code discord.gateway.status};
   * fails when no gateway verticle answers within the query timeout.
   */
  public Future<JsonObject> gatewayInfo() {
    return vertx.eventBus().<JsonObject>request(Addresses.GATEWAY_STATUS, null,
            new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(queryTimeoutMs))
        .compose(m -> m.body() != null && m.body().getValue("gateway") instanceof JsonObject g
            ? Future.succeededFuture(g)
            : Future.failedFuture(new IllegalStateException("the gateway verticle that answered "
                + Addresses.GATEWAY_STATUS + " has not read /gateway/bot yet; try again once it started")));
  }

  /** Publishes a custom event ({@code discord.custom.<name>}) to every subscriber, like disnake's dispatch. */
  public void dispatch(String name, JsonObject body) {
    vertx.eventBus().publish(StateAddresses.custom(name), body);
  }

  /** Subscribes to a custom event. */
  public MessageConsumer<JsonObject> onCustom(String name, Handler<JsonObject> handler) {
    return vertx.eventBus().consumer(StateAddresses.custom(name), m -> handler.handle(m.body()));
  }
}
