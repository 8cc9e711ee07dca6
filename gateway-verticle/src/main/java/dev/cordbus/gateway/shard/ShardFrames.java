package dev.cordbus.gateway.shard;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.ops.ShardMeters;
import dev.cordbus.gateway.publish.EventPublisher;
import dev.cordbus.gateway.publish.Frame;
import dev.cordbus.gateway.publish.FrameSlabs;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frame handling of a {@link Shard}: decompression, parsing (once), publishing in arrival order, and the protocol
 * opcodes: HELLO, RECONNECT, INVALID_SESSION, READY/RESUMED and broken streams become {@link ShardEvent}s for the
 * shard's machine; heartbeat requests, ACKs and the heartbeat timer are handled here. It records each dispatch's seq
 * in the {@link ShardSession} and changes nothing else of the shard. Bad frames never crash the shard: each is
 * counted, logged once at WARN and published on {@code discord.shard.error}.
 */
final class ShardFrames {

  private static final Logger LOG = LoggerFactory.getLogger(ShardFrames.class);

  private final Shard shard;
  private final int id;
  private final int shardCount;
  private final ShardEnv env;
  private final EventPublisher publisher;
  private final ShardMeters meters;
  private final ShardSession session;
  private final ShardSender sender;
  /** Frames that could not be decoded or broke the envelope rules, over the shard's life. */
  private long badFrames;
  /**
   * The slab array lending the frame being handled, while this shard still has to release it: null when it is not a
   * slab's, or once it went to the publisher as a queued dispatch (which then releases it) ({@link FrameSlabs}).
   */
  private byte[] lent;

  ShardFrames(Shard shard) {
    this.shard = shard;
    this.id = shard.id;
    this.shardCount = shard.shardCount;
    this.env = shard.env;
    this.publisher = shard.publisher;
    this.meters = shard.meters;
    this.session = shard.session;
    this.sender = shard.sender;
  }

  /** Frames that could not be decoded or broke the envelope rules, over the shard's life. */
  long badFrames() {
    return badFrames;
  }

  /**
   * Every WebSocket frame of {@code c}, up to the opcode: assembles the message, reads it in place, decompresses a
   * binary message through the connection's decoder (if any), parses the envelope once and hands the frame on by
   * opcode.
   *
   * <p>The bytes are a slab's ({@link FrameSlabs}; what the publisher keeps is released after its batch went out,
   * the rest here when the frame is handled) or else the unpooled heap buffer Vert.x copied the frame into
   * ({@code VertxHandler.safeBuffer}), which nobody reuses; a copy only when the buffer has no array.
   *
   * <p>One method, not a chain of small ones, on purpose: the JIT compiles each hot method of a chain on its own and
   * inlines everything below it again, and with its one C2 thread busy through a firehose every link of the chain
   * got hot and was compiled, each with the whole frame path inside (in the two-node bench's gateway JVM six
   * compilations of the same path, about a second of C2 per run). Too big to be inlined into the WebSocket
   * handler, this is compiled once; the dispatch path below it ({@link #onDispatch}) is a method of its own.
   */
  void onWebSocketFrame(Connection c, io.vertx.core.http.WebSocketFrame frame) {
    Buffer data = frame.binaryData(); // a new Buffer each time it is asked for: once per frame
    FrameSlabs slabs = publisher.slabs();
    ByteBuf buf = underlying(data);
    // a flush while handling may resume the socket, which hands queued frames over before this call returns
    byte[] outer = lent;
    lent = slabs != null && buf.hasArray() && slabs.lends(buf.array()) ? buf.array() : null;
    try {
      Buffer message;
      try {
        message = c.message(frame, data);
      } catch (GatewayException e) {
        // a message too large to assemble: its bytes are gone
        if (c == shard.conn) {
          shard.fire(ShardEvent.BAD_STREAM, Cause.of(4000, e.getMessage() + ", reconnecting"));
        }
        return;
      }
      if (message == null || c != shard.conn) {
        return;
      }
      long nanos = System.nanoTime();
      long millis = System.currentTimeMillis();
      ByteBuf in = message == data ? buf : underlying(message);
      byte[] bytes = in.hasArray() ? in.array() : message.getBytes();
      int offset = in.hasArray() ? in.arrayOffset() + in.readerIndex() : 0;
      int length = message.length();
      int wire = length;
      if (!c.text() && c.decoder != null) {
        try {
          bytes = c.decoder.feed(bytes, offset, length);
          offset = 0;
          length = bytes == null ? 0 : bytes.length;
        } catch (GatewayException e) {
          shard.fire(ShardEvent.BAD_STREAM, Cause.of(4000, "corrupt " + c.decoder.name() + ", reconnecting: "
              + e.getMessage()));
          return;
        }
      }
      meters.frame(wire, length);
      if (bytes == null) {
        return;
      }
      if (!env.mayRun().getAsBoolean()) {
        // read after this node lost (or could no longer prove) the group's lease, e.g. frames the kernel buffered
        // while the process was stalled: another node may be resuming this session; nothing of it is published
        shard.readWithoutLease();
        return;
      }
      Frame f;
      try {
        f = env.parser().parse(bytes, offset, length);
      } catch (GatewayException e) {
        publisher.raw(id, null, bytes, offset, length, nanos, millis);
        bad(e.getMessage());
        return;
      }
      publisher.raw(id, f, bytes, offset, length, nanos, millis);
      switch (f.op()) {
        case Frame.DISPATCH -> onDispatch(c, f, nanos, millis);
        case Frame.HEARTBEAT -> heartbeat(c);
        case Frame.HEARTBEAT_ACK -> c.heartbeat.acked(nanos);
        case Frame.HELLO -> onHello(c, f);
        case Frame.RECONNECT -> shard.fire(ShardEvent.RECONNECT_REQUESTED,
            Cause.of(4000, "server requested reconnect (op 7)"));
        case Frame.INVALID_SESSION -> onInvalidSession(f);
        default -> LOG.debug("shard {}: unknown opcode {} passed on raw", id, f.op());
      }
    } finally {
      if (lent != null) {
        slabs.release(lent);
      }
      lent = outer;
    }
  }

  private void onDispatch(Connection c, Frame f, long nanos, long millis) {
    String t = f.t();
    meters.dispatch(t);
    session.seq(f.s());
    if (shard.state() == ShardState.RESUMING) {
      c.replayed++;
    }
    if ("READY".equals(t) && f.hasObjectD() && shard.accepts(ShardEvent.READY)) {
      Map<String, Object> d = f.dObject();
      Object url = d.get("resume_gateway_url");
      Session s = new Session(String.valueOf(d.get("session_id")), url instanceof String u ? u : null);
      Object guilds = d.get("guilds");
      // published first, so discord.shard.ready precedes group-ready (which the READY transition may trigger)
      publisher.lifecycle(Addresses.SHARD_READY, id, shardCount, ReadyInfo.of(d)
          .put("sessionId", s.id()).put("resumeGatewayUrl", s.resumeUrl())
          .put("guilds", guilds instanceof List<?> l ? l.size() : 0));
      shard.fire(ShardEvent.READY, Cause.session(s, f.s()));
    } else if ("RESUMED".equals(t) && shard.accepts(ShardEvent.RESUMED)) {
      // published first, as READY's: a consumer sees the resume before what the shard's going live triggers
      publisher.lifecycle(Addresses.SHARD_RESUME, id, shardCount, new JsonObject()
          .put("sessionId", session.id()).put("replayed", c.replayed));
      shard.fire(ShardEvent.RESUMED, Cause.of(0, "resumed"));
    } else if ("READY".equals(t) || "RESUMED".equals(t)) {
      LOG.warn("shard {}: {} arrived in state {}; the session does not change (the dispatch is still published)",
          id, t, shard.state());
    }
    if (!f.hasObjectD()) {
      bad("dispatch " + t + " has no object d (" + (f.d() == null ? "null/missing" : "a "
          + f.d().getClass().getSimpleName()) + "); nothing published, seq recorded");
      return;
    }
    publisher.dispatch(id, f, session.id(), nanos, millis);
    if (f.bytes() == lent) {
      lent = null; // the publisher releases it
    }
  }

  private void onHello(Connection c, Frame f) {
    Map<String, Object> d = f.dObject();
    Object interval = d == null ? null : d.get("heartbeat_interval");
    if (!(interval instanceof Integer || interval instanceof Long) || ((Number) interval).longValue() <= 0) {
      shard.fire(ShardEvent.BROKEN_HELLO, Cause.of(4000, "broken HELLO (heartbeat_interval " + interval
          + "); reconnecting"));
      return;
    }
    c.helloIntervalMs = ((Number) interval).longValue();
    shard.fire(ShardEvent.HELLO, Cause.of(0, "HELLO"));
  }

  /** The {@link ShardAction.StartHeartbeat} action: the send limiter and the first beat after interval × jitter. */
  void startHeartbeat(Connection c) {
    long ms = c.helloIntervalMs;
    c.limiter = new SendLimiter(shard.options.sendLimit(), shard.options.sendWindowMs(), ms);
    long first = Math.max(1, (long) (ms * env.random().nextDouble()));
    c.heartbeatTimer = env.vertx().setTimer(first, t -> tick(c, ms));
  }

  private void tick(Connection c, long intervalMs) {
    c.heartbeatTimer = -1;
    if (c != shard.conn) {
      return;
    }
    if (c.heartbeat.zombied()) {
      LOG.warn("shard {}: no heartbeat ACK since the last heartbeat: zombied connection, reconnecting", id);
      shard.fire(ShardEvent.HEARTBEAT_TIMEOUT, Cause.of(4000, "zombied connection (no heartbeat ACK)"));
      return;
    }
    heartbeat(c);
    c.heartbeatTimer = env.vertx().setTimer(intervalMs, t -> tick(c, intervalMs));
  }

  private void heartbeat(Connection c) {
    c.heartbeat.sent(System.nanoTime());
    sender.write(c, Payloads.heartbeat(session.seq()));
  }

  private void onInvalidSession(Frame f) {
    boolean resumable = Boolean.TRUE.equals(f.d());
    if (!(f.d() instanceof Boolean)) {
      bad("INVALID_SESSION d is not a boolean (" + f.d() + "); treated as not resumable");
    }
    meters.invalidSession(resumable);
    publisher.lifecycle(Addresses.SHARD_INVALID_SESSION, id, shardCount,
        new JsonObject().put("resumable", resumable));
    if (resumable) {
      shard.fire(ShardEvent.INVALID_SESSION_RESUMABLE, Cause.of(9, "invalid session (op 9, resumable)"));
    } else {
      shard.fire(ShardEvent.INVALID_SESSION, Cause.of(9, "invalid session (op 9, not resumable)"));
    }
  }

  /** Counts, logs once at WARN and publishes a bad frame. */
  void bad(String reason) {
    badFrames++;
    meters.badFrame();
    env.monitor().error(id, "bad frame: " + reason);
    long seq = session.seq();
    LOG.warn("shard {}: bad frame (last seq {}): {}", id, seq, reason);
    publisher.lifecycle(Addresses.SHARD_ERROR, id, shardCount, new JsonObject()
        .put("kind", "bad-frame").put("reason", reason).put("message", reason).put("seq", seq < 0 ? null : seq));
    publisher.error(ErrorKinds.BAD_FRAME, id, "shard " + id + ": bad frame from the gateway (last seq " + seq + "): "
        + reason + "; the other events go on", null, new JsonObject().put("seq", seq < 0 ? null : seq));
  }

  /**
   * The Netty buffer under {@code b}, its bytes readable from its reader index: Vert.x's own buffer as it is (only
   * read here, never moved), where {@code getByteBuf()} makes a slice and a wrapper of it each time: twice per frame,
   * a fifth of what a gateway node allocated.
   */
  static ByteBuf underlying(Buffer b) {
    return b instanceof io.vertx.core.buffer.impl.BufferImpl impl ? impl.byteBuf() : ((BufferInternal) b).getByteBuf();
  }
}
