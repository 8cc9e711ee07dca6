package dev.cordbus.api.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Whether an address has a consumer on this Vert.x instance, read from the event bus's own handler table, so the relay
 * builds no message (headers, body wrapper, delivery) for a dispatch nobody on this node listens to: on a gateway node
 * without bot code that is every dispatch. A publish to such an address would be dropped by the event bus anyway.
 * While the bus has an outbound interceptor (a recorder, a tracer of your own) every dispatch is published as before,
 * so interceptors still see each one.
 *
 * <p>The table is Vert.x's {@code EventBusImpl.handlerMap} (every local registration, cluster-wide or local-only, is
 * in it from the moment {@code consumer()} returns). It is internal to Vert.x: when it cannot be read (another event
 * bus implementation, a module system that forbids the access), {@link #of} returns null and every dispatch is
 * published as before. {@link #unheard} asks the same of one address for other publishers (the state verticle's
 * events), on a clustered Vert.x of the whole cluster.
 */
public final class LocalHandlers {

  private static final Field HANDLER_MAP = find("handlerMap");
  private static final Field INTERCEPTORS = find("outboundInterceptors");

  private LocalHandlers() {
  }

  /**
   * The bus's address → handlers table (read-only use), or null when every dispatch must be published: the table
   * cannot be read, or an outbound interceptor is installed.
   */
  static Map<String, ?> of(EventBus bus) {
    if (HANDLER_MAP == null || INTERCEPTORS == null || !HANDLER_MAP.getDeclaringClass().isInstance(bus)) {
      return null;
    }
    try {
      Object interceptors = INTERCEPTORS.get(bus);
      if (!(interceptors instanceof Object[] array) || array.length > 0) {
        return null;
      }
      return HANDLER_MAP.get(bus) instanceof Map<?, ?> map ? (Map<String, ?>) map : null;
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  /**
   * Whether the address whose entry in the handler table ({@link #of}) is {@code handlers} has more than {@code own}
   * consumers: false for no entry; true when it cannot tell (an entry of another shape).
   */
  static boolean moreThan(Object handlers, int own) {
    if (handlers == null) {
      return false;
    }
    return own == 0 || !(handlers instanceof io.vertx.core.impl.utils.ConcurrentCyclicSequence<?> seq)
        || seq.size() > own;
  }

  /**
   * Whether a publish to {@code address} would reach no one: the handler table is readable, there is no outbound
   * interceptor and no consumer of that address on this Vert.x, and, on a clustered Vert.x, no node of the cluster
   * consumes it as far as {@link ClusterAudience} knows (Hazelcast only; the first question about an address, and any
   * after a consumer of it registered or left somewhere, answers false while it looks). False whenever it cannot be
   * sure.
   */
  public static boolean unheard(Vertx vertx, String address) {
    Map<String, ?> handlers = of(vertx.eventBus());
    if (handlers == null || handlers.containsKey(address)) {
      return false;
    }
    return !vertx.isClustered() || ClusterAudience.of(vertx).nobody(address);
  }

  private static Field find(String name) {
    try {
      Field f = Class.forName("io.vertx.core.eventbus.impl.EventBusImpl").getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
