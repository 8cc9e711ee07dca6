package dev.cordbus.api.dispatch;

import dev.cordbus.api.Addresses;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The receiving half of the relay's flow control: tells each gateway publisher how many of the dispatches it sent
 * this node have been handled here, so a gateway slows the shards that feed a node falling behind instead of letting
 * the node queue every batch it cannot handle yet (a bot node that could not keep up held hundreds of MB of queued
 * batches in the bench, all of it copied by every young GC).
 *
 * <p>"Handled" is measured with a marker ({@link AckRounds}): after the relay has handed a batch to the local
 * consumers, a no-op task goes to the end of every event loop of this Vert.x; when all have run, the consumers on event
 * loops (verticles, the usual case) have taken every message queued before them, and the count is sent to the publisher
 * ({@link Addresses#relayAck}, {@code {node, acked}}). A round starts once {@value #ACK_EVERY} dispatches since the
 * last acknowledgement were handed out, one round at a time: at 5,000 dispatches/s that is five small messages a
 * second (a round per batch cost the clustered delivery latency 0.4-1 ms at the median: every event loop woken and an
 * acknowledgement for the gateway's event loop per batch). What is left unacknowledged is thus below
 * {@value #ACK_EVERY}, under the gateway's resume threshold, so a paused gateway always hears enough to read again.
 * Consumers on worker threads are not waited for. Runs on the relay's context.
 */
final class RelayAcks {

  /** Dispatches handed out from one sender between two acknowledgement rounds. */
  static final long ACK_EVERY = 1024;

  private final VertxInternal vertx;
  private final EventBus bus;
  private final Context context;
  private final String node;
  /** Per sender: its acknowledgement rounds. */
  private final Map<String, AckRounds> senders = new HashMap<>();

  RelayAcks(VertxInternal vertx, Context context, String node) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.context = context;
    this.node = node;
  }

  /** A numbered batch ({@link RelayLedger} headers) has been handed to this node's consumers. */
  void handedOut(MultiMap headers) {
    String sender = headers.get(RelayLedger.SENDER);
    String sent = headers.get(RelayLedger.SENT);
    if (sender != null && sent != null) {
      handedOut(sender, Long.parseLong(sent));
    }
  }

  /** The batch {@code sender} numbered {@code sent} has been handed to this node's consumers. */
  void handedOut(String sender, long sent) {
    AckRounds rounds = senders.computeIfAbsent(sender, k -> new AckRounds(vertx, context, ACK_EVERY,
        count -> bus.send(Addresses.relayAck(k), new JsonObject().put("node", node).put("acked", count))));
    if (senders.size() > 4096) {
      senders.entrySet().removeIf(e -> { // senders come and go with gateway restarts
        boolean gone = !e.getKey().equals(sender);
        if (gone) {
          e.getValue().stop();
        }
        return gone;
      });
    }
    rounds.handedUpTo(sent);
  }
}
