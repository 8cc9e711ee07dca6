package dev.cordbus.api.dispatch;

import dev.cordbus.api.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consumers of several dispatch names that take them from this node's relay directly, a whole batch's worth per
 * event-loop turn, instead of one event-bus message per dispatch and address: no headers, no message, no delivery
 * per dispatch, and a shard's dispatches in gateway order across names. The state verticle listens this way; to the
 * bot code beside it nothing changes (its consumers of {@code discord.<EVENT>} get their messages as before).
 *
 * <p>A listener of {@code events} also consumes {@code discord.<event>} on the event bus, for what other code
 * publishes there as messages (tools, tests, replays: anything but the relay): those reach the handler as well, with
 * their headers read into the {@link LocalDispatch}. The relay publishes a dispatch on the bus only when its address
 * has another consumer than these, and those consumers skip what the relay published, so the handler gets each
 * dispatch once. Without access to the bus's handler table ({@link LocalHandlers}) the relay publishes everything and
 * the listeners still get each dispatch once.
 */
public final class DispatchListeners {

  /** The listeners of each event bus (of each Vert.x instance in this JVM), usually none. */
  private static final Map<EventBus, Listener[]> BY_BUS = new ConcurrentHashMap<>();

  private DispatchListeners() {
  }

  /** A registration: {@link #unregister()} stops it. */
  public interface Registration {
    /** Stops the listener and removes its consumers. */
    Future<Void> unregister();
  }

  /** One listener: its context, its names, its handler. */
  static final class Listener {
    final ContextInternal context;
    final Set<String> events;
    final Handler<LocalDispatch> handler;
    volatile boolean stopped;

    Listener(ContextInternal context, Set<String> events, Handler<LocalDispatch> handler) {
      this.context = context;
      this.events = events;
      this.handler = handler;
    }

    /** Hands {@code dispatches} to the handler on the listener's context, in order. */
    void deliver(List<LocalDispatch> dispatches) {
      context.runOnContext(v -> {
        for (LocalDispatch d : dispatches) {
          if (stopped) {
            return;
          }
          handler.handle(d);
        }
      });
    }
  }

  /**
   * Hands the dispatches named in {@code events} that reach this node to {@code handler}, on the caller's context (a
   * verticle's: call it from {@code start}), in gateway order; the future completes when the listener's consumers are
   * registered. Installs the relay if needed.
   */
  public static Future<Registration> listen(Vertx vertx, Collection<String> events, Handler<LocalDispatch> handler) {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    EventBus bus = vertx.eventBus();
    Listener listener = new Listener(context, Set.copyOf(events), handler);
    // in the table before its consumers exist: the relay then never sees them without the listener
    BY_BUS.compute(bus, (k, all) -> append(all, listener));
    List<MessageConsumer<Object>> consumers = new ArrayList<>();
    List<Future<?>> registered = new ArrayList<>();
    registered.add(DispatchRelay.install(vertx));
    for (String event : listener.events) {
      MessageConsumer<Object> c = bus.consumer(Addresses.dispatch(event), msg -> {
        if (!listener.stopped && !(msg.body() instanceof JsonObject body && DispatchBody.relayed(body))) {
          handler.handle(LocalDispatch.of(event, msg));
        }
      });
      consumers.add(c);
      registered.add(c.completion());
    }
    Registration registration = () -> {
      listener.stopped = true;
      BY_BUS.computeIfPresent(bus, (k, all) -> remove(all, listener));
      List<Future<?>> gone = new ArrayList<>();
      for (MessageConsumer<Object> c : consumers) {
        gone.add(c.unregister());
      }
      return Future.all(gone).mapEmpty();
    };
    return Future.all(registered).map(registration);
  }

  /** The listeners of {@code bus}, or null for none. */
  static Listener[] of(EventBus bus) {
    return BY_BUS.isEmpty() ? null : BY_BUS.get(bus);
  }

  private static Listener[] append(Listener[] all, Listener l) {
    Listener[] more = all == null ? new Listener[1] : java.util.Arrays.copyOf(all, all.length + 1);
    more[more.length - 1] = l;
    return more;
  }

  private static Listener[] remove(Listener[] all, Listener l) {
    Listener[] fewer = java.util.Arrays.stream(all).filter(x -> x != l).toArray(Listener[]::new);
    return fewer.length == 0 ? null : fewer;
  }
}
