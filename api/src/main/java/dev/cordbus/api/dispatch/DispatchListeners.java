package dev.cordbus.api.dispatch;

import dev.cordbus.api.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * dispatch once. The first time a gateway of this node publishes such a dispatch, they move to its event loop
 * ({@link #follow}), where skipping it costs no wake-up of another loop; a dispatch published by hand then reaches the
 * handler through that loop, one hop later. Without access to the bus's handler table ({@link LocalHandlers}) the
 * relay publishes everything and the listeners still get each dispatch once.
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

  /** One listener: its context, its names, its handler, and its consumers of {@code discord.<event>}. */
  static final class Listener {
    final ContextInternal context;
    final Set<String> events;
    final Handler<LocalDispatch> handler;
    volatile boolean stopped;
    /** Its consumers of its names' addresses, for what others publish there (see {@link #follow}). */
    final List<MessageConsumer<Object>> consumers = new CopyOnWriteArrayList<>();
    /** Whether {@link #consumers} moved to a gateway's event loop ({@link #follow}; they move once). */
    volatile boolean moved;

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

    /**
     * Registers, from the calling thread's context, a consumer of {@code discord.<event>} for each name: it skips what
     * the relay published (the listener had it directly) and hands anything else to the handler on the listener's
     * context.
     */
    List<Future<?>> consume(EventBus bus) {
      List<Future<?>> registered = new ArrayList<>();
      for (String event : events) {
        MessageConsumer<Object> c = bus.consumer(Addresses.dispatch(event), msg -> {
          if (stopped || msg.body() instanceof JsonObject body && DispatchBody.relayed(body)) {
            return;
          }
          LocalDispatch d = LocalDispatch.of(event, msg);
          ContextInternal current = ContextInternal.current();
          if (current != null && current.unwrap() == context.unwrap()) {
            handler.handle(d); // not moved: on the listener's own context (a message runs on a duplicate of it)
          } else {
            context.runOnContext(v -> {
              if (!stopped) {
                handler.handle(d);
              }
            });
          }
        });
        consumers.add(c);
        registered.add(c.completion());
      }
      return registered;
    }

    /**
     * Moves {@link #consumers} to the event loop of {@code here}, the calling thread's context: the new ones are
     * registered from a context of their own on that event loop (not a verticle's, whose undeployment would take them
     * along), then the old ones go. A message already on its way to an old one is still handed over, once.
     */
    void moveHere(EventBus bus, ContextInternal here) {
      moved = true;
      List<MessageConsumer<Object>> old = new ArrayList<>(consumers);
      consumers.clear();
      ContextInternal own = ((VertxInternal) here.owner()).contextBuilder().withEventLoop(here.nettyEventLoop())
          .build();
      own.dispatch(v -> consume(bus));
      for (MessageConsumer<Object> c : old) {
        c.unregister();
      }
      if (stopped) {
        // unregistered meanwhile, perhaps before these existed
        consumers.forEach(MessageConsumer::unregister);
      }
    }
  }

  /**
   * Called by a gateway of this node before it publishes a dispatch named {@code event} on the bus for other
   * consumers of its address: the consumers of the {@code listeners} of that name receive it too, only to skip it,
   * and that costs a task on their event loop per dispatch, often waking it. So the first time, they move to the
   * gateway's event loop (the calling thread's), where such a delivery is a task on the same loop. They move once:
   * with several gateway groups on the node, the others deliver to them as before. The relay's fan-out of other
   * nodes' batches does not move them (on a bot node that measured slower: the skipping then ran on the relay's
   * own busy loop). Not from a worker or a non-Vert.x thread.
   */
  static void follow(Listener[] listeners, String event, EventBus bus) {
    ContextInternal here = null;
    for (Listener l : listeners) {
      if (l.moved || l.stopped || !l.events.contains(event)) {
        continue;
      }
      if (here == null) {
        here = ContextInternal.current();
        if (here == null || !here.isEventLoopContext()) {
          return;
        }
      }
      if (here.nettyEventLoop() != l.context.nettyEventLoop()) {
        l.moveHere(bus, here);
      } else {
        l.moved = true;
      }
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
    List<Future<?>> registered = new ArrayList<>();
    registered.add(DispatchRelay.install(vertx));
    registered.addAll(listener.consume(bus));
    Registration registration = () -> {
      listener.stopped = true;
      BY_BUS.computeIfPresent(bus, (k, all) -> remove(all, listener));
      List<Future<?>> gone = new ArrayList<>();
      for (MessageConsumer<Object> c : listener.consumers) {
        gone.add(c.unregister());
      }
      return Future.all(gone).mapEmpty();
    };
    if (context.isDeployment()) {
      // moved consumers (see follow) do not go with the listener's verticle by themselves
      context.addCloseHook(done -> registration.unregister().onComplete(ar -> done.succeed()));
    }
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
