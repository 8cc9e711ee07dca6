package dev.cordbus.bridge;

import dev.cordbus.api.Address;
import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Answers {@link StateAddresses#ROUTED} on the bridge node for bots in other languages: {@code {address, body,
 * timeoutMs?}} goes through the Java {@code StateClient}, so a Python or TypeScript bot gets exactly its routing
 * (owner of the guild's shard, scatter-gather, REBUILDING when an owner is missing) without reading the cluster's
 * layout map. Only the state queries and state-served gateway commands are accepted; anything else fails
 * BAD_REQUEST, so the proxy never opens another address. A failure keeps its code and message.
 */
final class StateProxy {

  /** The addresses the proxy forwards: request-reply constants of {@link StateAddresses} that are not prefixes. */
  static final Set<String> ROUTABLE = BridgeAddresses.constants(StateAddresses.class, Address.Mode.REQUEST_REPLY)
      .stream().filter(a -> !a.endsWith(".") && !a.equals(StateAddresses.ROUTED)).collect(Collectors.toSet());

  private static final long MAX_TIMEOUT_MS = 120_000;

  private final Vertx vertx;
  private final long defaultTimeoutMs;
  /** One client per timeout in whole seconds (each keeps its layout read for a second, like a Java bot's). */
  private final Map<Long, CordbusClient> clients = new ConcurrentHashMap<>();

  StateProxy(Vertx vertx, long defaultTimeoutMs) {
    this.vertx = vertx;
    this.defaultTimeoutMs = defaultTimeoutMs;
  }

  /** Registers the consumer; completes when it is registered. */
  Future<Void> start() {
    return vertx.eventBus().<Object>consumer(StateAddresses.ROUTED, this::handle).completion();
  }

  private void handle(Message<Object> msg) {
    if (!(msg.body() instanceof JsonObject req) || !(req.getValue("address") instanceof String address)) {
      msg.fail(StateFailure.BAD_REQUEST.code(), "expected {address, body}, with address one of " + List.copyOf(
          ROUTABLE));
      return;
    }
    if (!ROUTABLE.contains(address)) {
      msg.fail(StateFailure.BAD_REQUEST.code(), "address '" + address + "' is not a state query or command");
      return;
    }
    Object b = req.getValue("body");
    JsonObject body = b == null ? new JsonObject() : b instanceof JsonObject o ? o : null;
    if (body == null) {
      msg.fail(StateFailure.BAD_REQUEST.code(), "body: expected a JSON object");
      return;
    }
    Object t = req.getValue("timeoutMs", defaultTimeoutMs);
    if (!(t instanceof Number n) || n.longValue() < 1 || n.longValue() > MAX_TIMEOUT_MS) {
      msg.fail(StateFailure.BAD_REQUEST.code(), "timeoutMs: expected 1.." + MAX_TIMEOUT_MS + ", got " + t);
      return;
    }
    long seconds = (n.longValue() + 999) / 1000;
    CordbusClient client = clients.computeIfAbsent(seconds, s -> CordbusClient.create(vertx, s * 1000));
    client.state().query(address, body).onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(ar.result());
      } else if (ar.cause() instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        msg.fail(re.failureCode(), String.valueOf(re.getMessage()));
      } else if (ar.cause() instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
        msg.fail(StateFailure.REBUILDING.code(), "no state verticle answers " + address + " right now");
      } else {
        msg.fail(StateFailure.TIMEOUT.code(), address + ": " + ar.cause().getMessage());
      }
    });
  }
}
