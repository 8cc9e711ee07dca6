package dev.cordbus.api.client;

import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.event.Event;
import dev.cordbus.api.event.EventType;
import dev.cordbus.api.event.HandlerErrors;
import dev.cordbus.api.interaction.InteractionHandler;
import dev.cordbus.api.interaction.InteractionHandlers;
import dev.cordbus.api.interaction.InteractionKind;
import dev.cordbus.api.model.Update;
import dev.cordbus.api.rest.RestClient;
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
 * The entry point for Java bots: typed subscriptions to every dispatch ({@link dev.cordbus.api.event.Events}),
 * cache-aware event ({@link dev.cordbus.api.state.StateKeys}) and cordbus's own events through one method,
 * {@link #on(EventType, Handler)}; {@link #waitFor}; interaction handlers with a default reply when they fail;
 * custom events and {@link #state()} queries. Works on any node of a clustered Vert.x.
 *
 * <pre>{@code
 * CordbusClient bot = CordbusClient.create(vertx);
 * bot.on(Events.MESSAGE_REACTION_ADD, e -> log.info("{} reacted {}", e.data().userId(), e.data().emoji().name()));
 * bot.on(StateKeys.MESSAGE_UPDATE, e -> log.info("{} -> {}", e.data().before().content(), e.data().after().content()));
 * bot.onInteraction(InteractionKind.APPLICATION_COMMAND, i -> i.reply("pong", false));
 * bot.state().member(guildId, userId).onSuccess(m -> ...);
 * }</pre>
 *
 * <p>A handler that throws is reported once on {@code discord.error} ({@code kind:"handler"}, the event, the cause);
 * its consumer keeps receiving.
 */
public final class CordbusClient {

  /** Default timeout of state queries. */
  public static final long DEFAULT_QUERY_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final StateClient state;
  private final RestClient rest;
  private final long queryTimeoutMs;

  private CordbusClient(Vertx vertx, long queryTimeoutMs) {
    this.vertx = vertx;
    this.queryTimeoutMs = queryTimeoutMs;
    this.state = new StateClient(vertx, queryTimeoutMs);
    this.rest = new RestClient(vertx.eventBus());
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

  /** The REST client interaction answers go through. */
  public RestClient rest() {
    return rest;
  }

  /**
   * Subscribes to one typed event: a dispatch ({@code Events.MESSAGE_CREATE}), a state event
   * ({@code StateKeys.MESSAGE_UPDATE}) or a cordbus event ({@code Events.SHARD_READY}, {@code Events.ERROR}). The
   * handler gets the headers, the JSON and the record, decoded only when it calls {@code data()}. A handler that
   * throws (a body that does not fit its record included) publishes one {@code discord.error}; the consumer goes on.
   */
  public <T> MessageConsumer<JsonObject> on(EventType<T> key, Handler<Event<T>> handler) {
    return vertx.eventBus().consumer(key.address(), m -> {
      try {
        handler.handle(new Event<>(key, m.headers(), m.body()));
      } catch (RuntimeException | LinkageError | AssertionError e) {
        HandlerErrors.handlerFailed(vertx.eventBus(), key.name(), e);
      }
    });
  }

  /**
   * Handles interactions of {@code kind} (starting the local splitter). A handler that throws or whose future fails
   * publishes one {@code discord.error} ({@code kind:"interaction-handler"}) and, unless it answered already, the
   * user gets an ephemeral "Something went wrong" reply. Completes when registered.
   */
  public Future<MessageConsumer<JsonObject>> onInteraction(InteractionKind kind, InteractionHandler handler) {
    return InteractionHandlers.register(vertx, rest, kind, handler);
  }

  /**
   * The first event of {@code key} matching {@code predicate} within {@code timeout} (typed {@code wait_for}), e.g.
   * a reaction on a message: {@code waitFor(Events.MESSAGE_REACTION_ADD, e -> id.equals(e.data().messageId()),
   * Duration.ofSeconds(60))}. Fails with {@link StateFailure#TIMEOUT}. A predicate that throws counts as no match
   * and is reported on {@code discord.error}.
   */
  public <T> Future<Event<T>> waitFor(EventType<T> key, Predicate<Event<T>> predicate, Duration timeout) {
    Promise<Event<T>> promise = Promise.promise();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(key.address());
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), t -> {
      consumer.unregister();
      promise.tryFail(StateFailure.TIMEOUT.exception("no " + key.name() + " matched within " + timeout));
    });
    consumer.handler(m -> {
      Event<T> event = new Event<>(key, m.headers(), m.body());
      boolean match;
      try {
        match = m.body() != null && predicate.test(event);
      } catch (RuntimeException e) {
        HandlerErrors.handlerFailed(vertx.eventBus(), key.name(), e);
        match = false;
      }
      if (match && promise.tryComplete(event)) {
        vertx.cancelTimer(timer);
        consumer.unregister();
      }
    });
    return promise.future();
  }

  /**
   * Subscribes to a raw dispatch ({@code discord.<EVENT>}), decoded into {@code type} (e.g. Message.class).
   *
   * @deprecated use {@link #on(EventType, Handler)} with a key of {@link dev.cordbus.api.event.Events}: it also
   *     carries the headers and decodes lazily
   */
  @Deprecated
  public <T> MessageConsumer<JsonObject> on(String event, Class<T> type, Handler<T> handler) {
    return vertx.eventBus().consumer(Addresses.dispatch(event), m -> {
      try {
        handler.handle(m.body().mapTo(type));
      } catch (RuntimeException | LinkageError | AssertionError e) {
        HandlerErrors.handlerFailed(vertx.eventBus(), event, e);
      }
    });
  }

  /**
   * Subscribes to a cache-aware event ({@code discord.state.<EVENT>}), e.g. {@code MESSAGE_UPDATE} with
   * {@code Message.class}, {@code GUILD_MEMBER_REMOVE} with {@code Member.class} (the removed member in before).
   *
   * @deprecated use {@link #on(EventType, Handler)} with a key of {@link dev.cordbus.api.state.StateKeys}: its
   *     deletes carry the ids even when the object was not cached, and bulk deletes the cached list
   */
  @Deprecated
  public <T> MessageConsumer<JsonObject> onState(String event, Class<T> type, Handler<Update<T>> handler) {
    return vertx.eventBus().consumer(StateAddresses.event(event), m -> {
      try {
        JsonObject b = m.body();
        T before = b.getValue("before") instanceof JsonObject j ? j.mapTo(type) : null;
        T after = b.getValue("after") instanceof JsonObject j ? j.mapTo(type) : null;
        handler.handle(new Update<>(b.getString("guild_id"), before, after));
      } catch (RuntimeException | LinkageError | AssertionError e) {
        HandlerErrors.handlerFailed(vertx.eventBus(), "state." + event, e);
      }
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
        HandlerErrors.handlerFailed(vertx.eventBus(), address, e);
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
    return vertx.eventBus().consumer(StateAddresses.custom(name), m -> {
      try {
        handler.handle(m.body());
      } catch (RuntimeException | LinkageError | AssertionError e) {
        HandlerErrors.handlerFailed(vertx.eventBus(), "custom." + name, e);
      }
    });
  }
}
