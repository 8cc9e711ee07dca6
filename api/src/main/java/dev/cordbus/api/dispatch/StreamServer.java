package dev.cordbus.api.dispatch;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of the dispatch streams ({@link DispatchStreams}): a TCP server on this node's cluster host where
 * each gateway publisher of another node sends its batches over a connection of its own, instead of one clustered
 * event-bus message per batch. Runs on the relay's context; what arrives is handed out exactly like a batch that came
 * over the event bus (numbering checked, acknowledged).
 *
 * <p>A stream record is {@code int length} (of what follows), {@code byte kind}, then for {@link #HELLO} {@code long
 * busSent} and the publisher's id in UTF-8, for {@link #BATCH} {@code long sent} (what the publisher has sent this node
 * so far, this batch included) and the batch in {@link DispatchBatchCodec}'s wire form. Each record is copied once, from
 * the socket's buffers into an array of its size, and its dispatches' bodies are slices of that array.
 *
 * <p>A publisher sends over the event bus until its stream is up, then switches. Its HELLO says how many dispatches it
 * sent this node over the bus ({@code busSent}); the stream's batches are held until the relay has handed out that many
 * from the bus (at most {@value #HOLD_MS} ms, then they go anyway and the numbering reports what is missing), so the
 * switch does not reorder a shard's dispatches.
 */
final class StreamServer {

  /** A stream's first record: who sends, and how much it sent over the event bus before. */
  static final byte HELLO = 1;
  /** A numbered batch. */
  static final byte BATCH = 2;
  /** A record longer than this is refused (a dispatch is at most a few MB; a batch holds 64). */
  static final int MAX_RECORD = 256 << 20;
  /** How long a stream's first batches wait for the batches its publisher sent over the event bus before. */
  static final long HOLD_MS = 2000;
  /** A record longer than this gets its array in steps, as its bytes arrive. */
  static final int GROW_FROM = 1 << 20;
  /** Dispatches held for one stream before its socket is paused. */
  private static final int HOLD_PAUSE = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);

  /** Hands a numbered batch to this node's consumers. */
  interface Delivery {
    void deliver(String sender, long sent, DispatchBatch batch);
  }

  private final VertxInternal vertx;
  private final RelayLedger ledger;
  private final Delivery delivery;
  /** Streams whose first batches wait for the event bus, by publisher. */
  private final Map<String, Connection> waiting = new HashMap<>();
  private NetServer server;
  private JsonObject endpoint;

  StreamServer(VertxInternal vertx, RelayLedger ledger, Delivery delivery) {
    this.vertx = vertx;
    this.ledger = ledger;
    this.delivery = delivery;
  }

  /** Listens on {@code host:port} (0: any free port); call it on the relay's context. */
  Future<Void> listen(String host, int port) {
    server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
    server.connectHandler(socket -> new Connection(socket));
    return server.listen().map(s -> {
      endpoint = new JsonObject().put("host", host).put("port", s.actualPort());
      return null;
    });
  }

  /** Where publishers connect ({@code {host, port}}), or null while the server is not listening. */
  JsonObject endpoint() {
    return endpoint;
  }

  /** A batch of {@code sender} came over the event bus: a stream of it that waited for the bus may go on. */
  void busArrived(String sender) {
    Connection c = waiting.get(sender);
    if (c != null && ledger.seen(sender) >= c.waitFor) {
      c.release();
    }
  }

  /** A batch a stream holds while the batches before it come over the event bus. */
  private record Held(long sent, DispatchBatch batch) {
  }

  /** One publisher's stream: reassembles the records that span read buffers. */
  private final class Connection {

    private final NetSocket socket;
    private String sender;
    /** The bus count this stream's batches wait for, while {@link #held} is not null. */
    private long waitFor;
    private ArrayDeque<Held> held;
    private int heldDispatches;
    private long holdTimer = -1;
    /** The record being assembled (without its length), or null. */
    private byte[] record;
    /** The length of {@link #record} once complete (its array grows to it past {@link #GROW_FROM} bytes). */
    private int recordLength;
    private int filled;
    private final byte[] length = new byte[4];
    private int lengthFilled;

    Connection(NetSocket socket) {
      this.socket = socket;
      // the socket's own buffers, not Vert.x's heap copy of each read: every record is copied once, into its array
      ((NetSocketInternal) socket).messageHandler(msg -> {
        if (msg instanceof ByteBuf bytes) {
          try {
            read(bytes);
          } catch (RuntimeException e) {
            malformed(e);
          } finally {
            bytes.release();
          }
        } else {
          ReferenceCountUtil.release(msg);
        }
      });
      socket.closeHandler(v -> closed());
      socket.exceptionHandler(e -> LOG.debug("dispatch stream from {}: {}", socket.remoteAddress(), e.toString()));
    }

    private void malformed(RuntimeException e) {
      LOG.warn("dispatch stream from {} (publisher {}): malformed data ({}); closing it: the publisher falls back to "
          + "the event bus and reconnects. Is something other than a cordbus gateway of this cluster connecting "
          + "to this port?", socket.remoteAddress(), sender, e.toString());
      record = null;
      ((NetSocketInternal) socket).messageHandler(ReferenceCountUtil::release);
      socket.close();
    }

    private void read(ByteBuf in) {
      while (in.isReadable()) {
        if (record == null) {
          int len;
          if (lengthFilled == 0 && in.readableBytes() >= 4) {
            len = in.readInt();
          } else {
            while (lengthFilled < 4 && in.isReadable()) {
              length[lengthFilled++] = in.readByte();
            }
            if (lengthFilled < 4) {
              return;
            }
            lengthFilled = 0;
            len = DispatchBatchCodec.readInt(length, 0);
          }
          if (len < 9 || len > MAX_RECORD) {
            throw new IllegalArgumentException("a record of " + len + " bytes (expected 9 to " + MAX_RECORD + ")");
          }
          // a record says its length before its bytes come: a large one grows as they do, so a length alone
          // (a hostile or broken peer) cannot make this node allocate up to MAX_RECORD for nothing
          record = new byte[Math.min(len, GROW_FROM)];
          recordLength = len;
          filled = 0;
        }
        if (filled == record.length) {
          record = java.util.Arrays.copyOf(record, (int) Math.min(recordLength, 2L * record.length));
        }
        int n = Math.min(record.length - filled, in.readableBytes());
        in.readBytes(record, filled, n);
        filled += n;
        if (filled == recordLength) {
          byte[] r = record;
          record = null;
          record(r);
        }
      }
    }

    private void record(byte[] a) {
      int len = a.length;
      byte kind = a[0];
      long count = DispatchBatchCodec.readLong(a, 1);
      if (kind == HELLO && sender == null) {
        sender = new String(a, 9, len - 9, StandardCharsets.UTF_8);
        if (count > 0 && ledger.seen(sender) < count) {
          waitFor = count;
          held = new ArrayDeque<>();
          waiting.put(sender, this);
          holdTimer = vertx.setTimer(HOLD_MS, t -> {
            holdTimer = -1;
            LOG.warn("dispatch stream of publisher {}: the {} dispatches it sent over the event bus before did not "
                + "all arrive within {} ms; going on with the stream", sender, waitFor, HOLD_MS);
            release();
          });
        }
        return;
      }
      if (kind != BATCH || sender == null) {
        throw new IllegalArgumentException(kind == HELLO ? "a second HELLO" : kind == BATCH ? "a batch before HELLO"
            : "unknown record kind " + kind);
      }
      int total = DispatchBatchCodec.readInt(a, 9);
      if (total != len - 9) {
        throw new IllegalArgumentException("a batch of " + total + " bytes in a record of " + (len - 9));
      }
      DispatchBatch batch = DispatchBatchCodec.read(a, 9);
      if (held != null) {
        held.add(new Held(count, batch));
        heldDispatches += batch.frames().size();
        if (heldDispatches > HOLD_PAUSE) {
          socket.pause();
        }
        return;
      }
      delivery.deliver(sender, count, batch);
    }

    /** Hands out what waited for the event bus, and everything after it at once. */
    void release() {
      if (held == null) {
        return;
      }
      if (holdTimer >= 0) {
        vertx.cancelTimer(holdTimer);
        holdTimer = -1;
      }
      waiting.remove(sender, this);
      ArrayDeque<Held> h = held;
      held = null;
      for (Held b : h) {
        delivery.deliver(sender, b.sent(), b.batch());
      }
      if (heldDispatches > HOLD_PAUSE) {
        socket.resume();
      }
      heldDispatches = 0;
    }

    private void closed() {
      release();
      record = null;
    }
  }
}
