package dev.cordbus.api.dispatch;

import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;

/** One gateway publisher's stream to one node ({@link DispatchStreams}); used on the publisher's event loop only. */
final class StreamLink {

  /** Where one node's batches go. */
  enum State {
    /** Over the event bus; a stream is asked for once {@link #retryAt} has passed. */
    BUS,
    /** Over the event bus while the endpoint is asked for and the connection made. */
    CONNECTING,
    /**
     * Connecting to an endpoint known already: the batches wait in {@link #pending}, none go over the event bus (a node
     * that is out of the member list, or frozen, would never get them).
     */
    WAITING,
    /** Over {@link #socket}. */
    OPEN
  }

  /** A batch that waits for a stream to connect. */
  record Pending(long number, DispatchBatch batch, int bytes) {
  }

  State state = State.BUS;
  /** The stream, while {@link State#OPEN}. */
  NetSocketInternal socket;
  /** No attempt before this time (millis). */
  long retryAt;
  /** The node is not in the cluster's member list now; its open stream is kept ({@link DispatchStreams#retain}). */
  boolean absent;
  /**
   * Bytes written to the stream while the node was absent that the socket has not passed to the kernel yet (Vert.x
   * and Netty queue them once the kernel's buffer is full: the node reads nothing).
   */
  long waiting;
  /** Where the stream goes, once known. */
  JsonObject endpoint;
  /** The batches published while {@link State#WAITING}, in order (null in the other states). */
  ArrayDeque<Pending> pending;
  /** The number of the last batch sent to the node over the event bus (0 for none): the stream's HELLO says it. */
  long busNumber;

  /** Waits for the stream to the endpoint known already ({@link State#WAITING}). */
  void await() {
    state = State.WAITING;
    pending = new ArrayDeque<>();
  }

  /** Queues batch {@code number} while {@link State#WAITING}. */
  void queue(long number, DispatchBatch batch) {
    DispatchBatch kept = batch.lent() ? batch.copied() : batch;
    int bytes = DispatchBatchCodec.wireLength(kept.frames());
    waiting += bytes;
    pending.add(new Pending(number, kept, bytes));
  }

  /** The stream is down: back to the event bus, a new attempt after {@link DispatchStreams#RETRY_MS}. */
  void down() {
    if (pending != null) {
      for (Pending p : pending) {
        waiting -= p.bytes();
      }
      pending = null;
    }
    state = State.BUS;
    socket = null;
    retryAt = System.currentTimeMillis() + DispatchStreams.RETRY_MS;
  }
}
