package dev.cordbus.api.dispatch;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the dispatches a gateway sends to each other node and checks the count where they arrive, so a dispatch the
 * cluster dropped is reported, not lost in silence.
 *
 * <p>The clustered event bus drops a message whose address has no registration in the sender's view of the cluster.
 * A node's relay registration can vanish for a while: Hazelcast loses a partition's entries when its owner and its
 * backup go at once, and the node re-registers only on the next membership change. A node can also leave the
 * sender's view of the cluster and come back with the same id: a split cluster that Hazelcast merges again. Each
 * {@link Sender} (one per gateway publisher, so one event loop and one TCP connection per destination: in order)
 * numbers its batches with how many dispatches it has published so far, this batch included, the same number for
 * every node, and puts two headers on every batch: who sent it and that number. The receiving relay compares with
 * the last number it saw from that sender; a jump means dispatches did not reach this node (dropped on the way, or
 * published while this node was out of the sender's view), and it logs a warning and publishes {@link
 * ErrorKinds#DISPATCHES_LOST} on {@code discord.error} on its own node. The first batch from a sender sets the
 * baseline (a node that joins never had the earlier ones).
 */
public final class RelayLedger {

  /** Header: the sender's id (a gateway publisher of some node). */
  static final String SENDER = "cordbus-sender";
  /** Header: dispatches this sender has published so far, this batch included (one number for every node). */
  static final String SENT = "cordbus-sent";
  private static final Logger LOG = LoggerFactory.getLogger(RelayLedger.class);
  private static final AtomicLong LOST = new AtomicLong();

  /** Last count seen per sender; touched only on the relay's context. */
  private final Map<String, Long> seen = new HashMap<>();

  RelayLedger() {
  }

  /** Dispatches reported lost by the relays of this JVM so far. */
  public static long lost() {
    return LOST.get();
  }

  /**
   * Checks the numbering of a batch that arrived with {@code headers} and {@code size} dispatches; batches without
   * it (a tool publishing by hand) are not checked.
   */
  long arrived(EventBus bus, MultiMap headers, int size) {
    String sender = headers.get(SENDER);
    String sent = headers.get(SENT);
    return sender != null && sent != null ? arrived(bus, sender, Long.parseLong(sent), size) : 0;
  }

  /** The last count seen from {@code sender}, or -1 before its first batch. */
  long seen(String sender) {
    Long last = seen.get(sender);
    return last == null ? -1 : last;
  }

  /**
   * Checks a batch of {@code size} dispatches that {@code sender} numbered {@code now} (this batch included); returns
   * how many were reported lost before it (0 for none).
   */
  long arrived(EventBus bus, String sender, long now, int size) {
    Long before = seen.put(sender, now);
    if (seen.size() > 4096) {
      seen.clear(); // senders come and go with gateway restarts: forget them all rather than grow
      seen.put(sender, now);
    }
    long missing = before == null ? 0 : now - size - before;
    if (missing <= 0) {
      return 0;
    }
    String message = missing + " dispatch(es) from gateway publisher " + sender + " never reached this node: the "
        + "cluster dropped them (this node's relay registration was missing from the sender's view, e.g. Hazelcast "
        + "lost the partition holding it when several members went at once), or they were published while this node "
        + "was out of the sender's view of the cluster (a split) and its dispatch stream was down. Consumers here "
        + "missed them; check the cluster's membership log around this time";
    report(bus, missing, message, new JsonObject().put("sender", sender));
    return missing;
  }

  /** Reports the seqs of a shard that never reached this node ({@link ShardSeqs}). */
  static void seqsLost(EventBus bus, ShardSeqs.Lost lost, long graceMs) {
    String message = lost.count() + " dispatch(es) of shard " + lost.shard() + " (seqs " + lost.from() + " to "
        + lost.to() + " of its session) never reached this node: no gateway's stream or message carried them within "
        + graceMs + " ms (for example, the shard's group moved to a gateway node that never had this "
        + "node in its view while this node was split from the cluster). Consumers here missed them; check the "
        + "cluster's membership log around this time";
    report(bus, lost.count(), message, new JsonObject().put("shard", lost.shard()).put("fromSeq", lost.from())
        .put("toSeq", lost.to()));
  }

  /**
   * Counts {@code lost} dispatches, logs {@code message} and publishes it on {@code discord.error} on this node as
   * {@link ErrorKinds#DISPATCHES_LOST}, with {@code details} (the sender, or the shard and its seqs).
   */
  private static void report(EventBus bus, long lost, String message, JsonObject details) {
    LOST.addAndGet(lost);
    LOG.warn(message);
    bus.publish(Addresses.ERROR, new JsonObject().put("kind", ErrorKinds.DISPATCHES_LOST).put("message", message)
        .put("lost", lost).mergeIn(details), new DeliveryOptions().setLocalOnly(true));
  }

  /**
   * Numbers what one gateway publisher sends to the other nodes, and keeps how far each node's relay has acknowledged
   * ({@link RelayAcks}): {@link #behind()} is the flow control's measure. Use it from one event loop.
   */
  public static final class Sender {

    private final String id;
    /** Dispatches numbered so far: the number of the last batch. */
    private long published;
    /** The nodes sent to since they (last) joined this sender's view: what was sent and how far they acknowledged. */
    private final Map<String, Node> sent = new HashMap<>();

    /** One node's counts. */
    private static final class Node {
      /** The number of the last batch sent to the node. */
      long sent;
      /** The number the node acknowledged last; -1 until the node's relay first answers. */
      long acked = -1;
      /** Not waited for: it let a pause run out without acknowledging anything (until it does). */
      boolean skipped;
    }

    /** @param name a readable prefix for the id (the group name); a random suffix makes it unique */
    public Sender(String name) {
      this.id = name + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This sender's id: the relays acknowledge on {@code Addresses.relayAck(id)}. */
    public String id() {
      return id;
    }

    /**
     * Numbers a batch of {@code size} dispatches: what this sender has published so far, this batch included. Call it
     * once per batch, whatever the number of nodes it goes to.
     */
    long number(int size) {
      published += size;
      return published;
    }

    /** The delivery options of a batch of {@code size} dispatches sent to {@code node} alone. */
    DeliveryOptions next(String node, int size, DeliveryOptions base) {
      return options(node, number(size), base);
    }

    /** The delivery options of batch {@code number} ({@link #number}) to {@code node}, noted as sent to it. */
    DeliveryOptions options(String node, long number, DeliveryOptions base) {
      sentTo(node, number);
      return new DeliveryOptions(base).addHeader(SENDER, id).addHeader(SENT, Long.toString(number));
    }

    /** Notes that batch {@code number} went to {@code node}. */
    void sentTo(String node, long number) {
      Node count = sent.computeIfAbsent(node, k -> new Node());
      count.sent = number;
      if (sent.size() > 1024) {
        sent.keySet().removeIf(k -> !k.equals(node)); // nodes that left long ago
      }
    }

    /** The number of the last batch sent to {@code node} since it (last) joined this sender's view; 0 for none. */
    long sent(String node) {
      Node count = sent.get(node);
      return count == null ? 0 : count.sent;
    }

    /** {@code node}'s relay has handed out what this sender sent it up to the batch numbered {@code count}. */
    public void acked(String node, long count) {
      Node c = sent.get(node);
      if (c != null && count > c.acked && count <= c.sent) {
        c.acked = count;
        c.skipped = false;
      }
    }

    /**
     * Stops waiting for the nodes more than {@code limit} behind, until each acknowledges something again: a pause of
     * the gateway ran out without them answering (frozen, stuck), and one such node must not stall the others.
     */
    public void skipLagging(long limit) {
      for (Node c : sent.values()) {
        if (c.acked >= 0 && c.sent - c.acked > limit) {
          c.skipped = true;
        }
      }
    }

    /**
     * The most dispatches sent to one node and not yet acknowledged by it, over the nodes whose relay has answered
     * at least once (one that never did, an older cordbus or a node still joining, is not waited for) and that are not
     * skipped ({@link #skipLagging}); 0 for none.
     */
    public long behind() {
      long most = 0;
      for (Node c : sent.values()) {
        if (c.acked >= 0 && !c.skipped) {
          most = Math.max(most, c.sent - c.acked);
        }
      }
      return most;
    }

    /**
     * Forgets the nodes not in {@code members} (they left the cluster: nothing more will be acknowledged). One that
     * comes back is not waited for until it answers again, and its relay reports what it missed meanwhile (the numbers
     * went on without it).
     */
    public void retain(java.util.Collection<String> members) {
      sent.keySet().retainAll(members);
    }
  }
}
