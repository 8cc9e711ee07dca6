package dev.cordbus.bridge;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BaseBridgeEvent;
import io.vertx.ext.bridge.BridgeEventType;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge-event hook shared by the TCP and SockJS bridges: applies the {@link BridgePolicy} to every frame,
 * removes the secret header from inbound messages before they reach the event bus, and logs each denial at WARN
 * with the transport, frame type, address, reason and remote address (never the secret or the body).
 */
public final class BridgeGuard {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeGuard.class);

  private final BridgePolicy policy;
  private final AtomicLong denials = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger clients = new java.util.concurrent.atomic.AtomicInteger();
  private java.util.function.Consumer<String> onDenied = reason -> { };

  /** Reports each denial's reason (a {@link Decision.Reason} name, lower case) for metrics. */
  public void onDenied(java.util.function.Consumer<String> listener) {
    this.onDenied = listener;
  }

  /** Clients connected now (sockets created and not yet closed), over both transports. */
  public int clients() {
    return clients.get();
  }

  /** A guard applying {@code policy}. */
  public BridgeGuard(BridgePolicy policy) {
    this.policy = policy;
  }

  /** Decides {@code event} (completing it with true or false); {@code transport} and {@code remote} are logged. */
  public void handle(BaseBridgeEvent event, String transport, Object remote) {
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
      if (type == BridgeEventType.SOCKET_CREATED) {
        clients.incrementAndGet();
      } else if (type == BridgeEventType.SOCKET_CLOSED) {
        clients.decrementAndGet();
      }
      if (type == BridgeEventType.SOCKET_CREATED || type == BridgeEventType.SOCKET_CLOSED) {
        LOG.debug("bridge {} {} {}", transport, type, remote);
      }
      event.tryComplete(true);
      return;
    }
    denials.incrementAndGet();
    onDenied.accept(decision.reason().name().toLowerCase());
    LOG.warn("bridge {} denied {} on '{}' from {}: {}", transport, type, address, remote, decision.reason());
    event.tryComplete(false);
  }

  private static JsonObject headers(JsonObject raw) {
    Object h = raw.getValue("headers");
    return h instanceof JsonObject o ? o : null;
  }

  /** How many frames were denied since start. */
  public long denials() {
    return denials.get();
  }
}
