package dev.cordbus.bridge;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BaseBridgeEvent;
import io.vertx.ext.bridge.BridgeEventType;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge-event hook shared by the TCP and SockJS bridges: applies the {@link BridgePolicy} to every frame,
 * removes the secret header from inbound messages before they reach the event bus, logs each denied frame once at
 * WARN with the transport, frame type, address, reason and remote address (never the secret or the body), and
 * closes a connection after {@code maxDenials} denied frames.
 */
public final class BridgeGuard {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeGuard.class);

  private final BridgePolicy policy;
  private final int maxDenials;
  private final AtomicLong denials = new AtomicLong();
  private final AtomicLong closed = new AtomicLong();
  /** Denied frames per connection (the socket object; weak, so a closed connection's count goes with it). */
  private final Map<Object, Integer> perConnection = Collections.synchronizedMap(new WeakHashMap<>());

  /** A guard applying {@code policy} that closes a connection after {@code maxDenials} denied frames. */
  public BridgeGuard(BridgePolicy policy, int maxDenials) {
    this.policy = policy;
    this.maxDenials = maxDenials;
  }

  /**
   * Decides {@code event} (completing it with true or false). {@code transport} and {@code remote} are logged;
   * {@code connection} identifies the client's connection and {@code close} closes it.
   */
  public void handle(BaseBridgeEvent event, String transport, Object remote, Object connection, Runnable close) {
    BridgeEventType type = event.type();
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? null : raw.getString("address");
    JsonObject headers = raw == null ? null : headers(raw);
    Decision decision = policy.decide(type, address, headers);
    if (decision.allowed()) {
      if ((type == BridgeEventType.SEND || type == BridgeEventType.PUBLISH) && headers != null) {
        headers.remove(policy.secretHeader());
        event.setRawMessage(raw);
      }
      if (type == BridgeEventType.SOCKET_CREATED || type == BridgeEventType.SOCKET_CLOSED) {
        LOG.debug("bridge {} {} {}", transport, type, remote);
      }
      event.tryComplete(true);
      return;
    }
    denials.incrementAndGet();
    int count = perConnection.merge(connection, 1, Integer::sum);
    LOG.warn("bridge {} denied {} on '{}' from {}: {}", transport, type, address, remote, decision.reason());
    event.tryComplete(false);
    if (count == maxDenials) {
      closed.incrementAndGet();
      LOG.warn("bridge {} closing the connection from {} after {} denied frames", transport, remote, count);
      close.run();
    }
  }

  private static JsonObject headers(JsonObject raw) {
    Object h = raw.getValue("headers");
    return h instanceof JsonObject o ? o : null;
  }

  /** How many frames were denied since start. */
  public long denials() {
    return denials.get();
  }

  /** How many connections were closed for too many denied frames. */
  public long closedConnections() {
    return closed.get();
  }
}
