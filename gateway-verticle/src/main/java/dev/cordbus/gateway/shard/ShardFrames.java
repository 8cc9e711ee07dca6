package dev.cordbus.gateway.shard;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.publish.Frame;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frame handling of a {@link Shard}: decompression, parsing (once), publishing in arrival order, and the protocol
 * opcodes (HELLO, heartbeat request/ACK, RECONNECT, INVALID_SESSION, READY/RESUMED). Bad frames never crash the
 * shard: each is counted, logged once at WARN and published on {@code discord.shard.error}.
 */
final class ShardFrames {

  private static final Logger LOG = LoggerFactory.getLogger(ShardFrames.class);

  private final Shard shard;

  ShardFrames(Shard shard) {
    this.shard = shard;
  }

  void onBinary(Connection c, Buffer buffer) {
    if (c != shard.conn) {
      return;
    }
    long nanos = System.nanoTime();
    long millis = System.currentTimeMillis();
    byte[] bytes = buffer.getBytes();
    int wire = bytes.length;
    if (c.decoder != null) {
      try {
        bytes = c.decoder.feed(bytes);
      } catch (GatewayException e) {
        bad("corrupt " + c.decoder.name() + ", reconnecting: " + e.getMessage());
        shard.disconnect(Shard.Initiator.CLIENT, 4000, "corrupt " + c.decoder.name(),
            shard.session != null ? Shard.Next.RESUME : Shard.Next.IDENTIFY);
        return;
      }
      if (bytes == null) {
        shard.meters.frame(wire, 0);
        return;
      }
    }
    shard.meters.frame(wire, bytes.length);
    onFrame(c, bytes, nanos, millis);
  }

  /** Every WebSocket frame of {@code c}: whole messages go to {@link #onText} or {@link #onBinary}. */
  void onWebSocketFrame(Connection c, io.vertx.core.http.WebSocketFrame frame) {
    Buffer message;
    try {
      message = c.message(frame);
    } catch (GatewayException e) {
      oversized(c, e.getMessage());
      return;
    }
    if (message == null) {
      return;
    }
    if (c.text()) {
      onText(c, message.getBytes());
    } else {
      onBinary(c, message);
    }
  }

  /** A message too large to assemble: a bad frame, then a resumable reconnect (its bytes are gone). */
  private void oversized(Connection c, String reason) {
    if (c != shard.conn) {
      return;
    }
    bad(reason + ", reconnecting");
    shard.disconnect(Shard.Initiator.CLIENT, 4000, "message too large",
        shard.session != null ? Shard.Next.RESUME : Shard.Next.IDENTIFY);
  }

  /** A whole text message's bytes (the shard assembles fragmented text messages). */
  void onText(Connection c, byte[] bytes) {
    if (c == shard.conn) {
      shard.meters.frame(bytes.length, bytes.length);
      onFrame(c, bytes, System.nanoTime(), System.currentTimeMillis());
    }
  }

  private void onFrame(Connection c, byte[] bytes, long nanos, long millis) {
    if (!shard.env.mayRun().getAsBoolean()) {
      // read after this node lost (or could no longer prove) the group's lease, e.g. frames the kernel buffered
      // while the process was stalled: another node may be resuming this session; nothing of it is published
      shard.readWithoutLease();
      return;
    }
    Frame f;
    try {
      f = shard.env.parser().parse(bytes, 0, bytes.length);
    } catch (GatewayException e) {
      shard.publisher.raw(shard.id, null, bytes, 0, bytes.length, nanos, millis);
      bad(e.getMessage());
      return;
    }
    shard.publisher.raw(shard.id, f, bytes, 0, bytes.length, nanos, millis);
    switch (f.op()) {
      case Frame.DISPATCH -> onDispatch(c, f, nanos, millis);
      case Frame.HEARTBEAT -> heartbeat(c);
      case Frame.HEARTBEAT_ACK -> c.heartbeat.acked(nanos);
      case Frame.HELLO -> onHello(c, f);
      case Frame.RECONNECT -> shard.disconnect(Shard.Initiator.CLIENT, 4000, "server requested reconnect (op 7)",
          shard.session != null ? Shard.Next.RESUME : Shard.Next.IDENTIFY);
      case Frame.INVALID_SESSION -> onInvalidSession(f);
      default -> LOG.debug("shard {}: unknown opcode {} passed on raw", shard.id, f.op());
    }
  }

  private void onDispatch(Connection c, Frame f, long nanos, long millis) {
    String t = f.t();
    shard.meters.dispatch(t);
    boolean ready = "READY".equals(t);
    shard.seq = f.s();
    if (shard.state == ShardState.RESUMING) {
      c.replayed++;
    }
    if (ready && f.hasObjectD()) {
      Map<String, Object> d = f.dObject();
      Object sid = d.get("session_id");
      Object url = d.get("resume_gateway_url");
      shard.session = new Session(String.valueOf(sid), url instanceof String u ? u : null);
      Object guilds = d.get("guilds");
      shard.publisher.lifecycle(Addresses.SHARD_READY, shard.id, shard.shardCount, ReadyInfo.of(d)
          .put("sessionId", shard.session.id()).put("resumeGatewayUrl", shard.session.resumeUrl())
          .put("guilds", guilds instanceof List<?> l ? l.size() : 0));
      shard.live();
    } else if ("RESUMED".equals(t)) {
      shard.publisher.lifecycle(Addresses.SHARD_RESUME, shard.id, shard.shardCount, new JsonObject()
          .put("sessionId", shard.session == null ? null : shard.session.id()).put("replayed", c.replayed));
      shard.live();
    }
    if (!f.hasObjectD()) {
      bad("dispatch " + t + " has no object d (" + (f.d() == null ? "null/missing" : "a "
          + f.d().getClass().getSimpleName()) + "); nothing published, seq recorded");
      return;
    }
    shard.publisher.dispatch(shard.id, f, shard.session == null ? null : shard.session.id(), nanos, millis);
  }

  private void onHello(Connection c, Frame f) {
    if (shard.state != ShardState.CONNECTING) {
      bad("unexpected HELLO on an established connection; ignored");
      return;
    }
    Map<String, Object> d = f.dObject();
    Object interval = d == null ? null : d.get("heartbeat_interval");
    if (!(interval instanceof Integer || interval instanceof Long) || ((Number) interval).longValue() <= 0) {
      bad("broken HELLO (heartbeat_interval " + interval + "); reconnecting");
      shard.disconnect(Shard.Initiator.CLIENT, 4000, "broken HELLO",
          shard.session != null ? Shard.Next.RESUME : Shard.Next.IDENTIFY);
      return;
    }
    long ms = ((Number) interval).longValue();
    shard.helloArrived();
    c.limiter = new SendLimiter(shard.options.sendLimit(), shard.options.sendWindowMs(), ms);
    long first = Math.max(1, (long) (ms * shard.env.random().nextDouble()));
    c.heartbeatTimer = shard.env.vertx().setTimer(first, t -> tick(c, ms));
    if (shard.session != null) {
      shard.setState(ShardState.RESUMING);
      shard.meters.resumed();
      shard.sender.write(c, Payloads.resume(shard.options.token(), shard.session.id(), shard.seq));
    } else {
      shard.identifyWhenAllowed(c);
    }
  }

  private void tick(Connection c, long intervalMs) {
    c.heartbeatTimer = -1;
    if (c != shard.conn) {
      return;
    }
    if (c.heartbeat.zombied()) {
      LOG.warn("shard {}: no heartbeat ACK since the last heartbeat: zombied connection, reconnecting", shard.id);
      shard.disconnect(Shard.Initiator.CLIENT, 4000, "zombied connection (no heartbeat ACK)",
          shard.session != null ? Shard.Next.RESUME : Shard.Next.IDENTIFY);
      return;
    }
    heartbeat(c);
    c.heartbeatTimer = shard.env.vertx().setTimer(intervalMs, t -> tick(c, intervalMs));
  }

  private void heartbeat(Connection c) {
    c.heartbeat.sent(System.nanoTime());
    shard.sender.write(c, Payloads.heartbeat(shard.seq));
  }

  private void onInvalidSession(Frame f) {
    boolean resumable = Boolean.TRUE.equals(f.d());
    if (!(f.d() instanceof Boolean)) {
      bad("INVALID_SESSION d is not a boolean (" + f.d() + "); treated as not resumable");
    }
    shard.meters.invalidSession(resumable);
    shard.publisher.lifecycle(Addresses.SHARD_INVALID_SESSION, shard.id, shard.shardCount,
        new JsonObject().put("resumable", resumable));
    if (!resumable && shard.state == ShardState.IDENTIFYING) {
      shard.identifyRejected(9, "op 9 INVALID_SESSION (not resumable) in answer to IDENTIFY");
    }
    if (resumable && shard.session != null) {
      shard.disconnect(Shard.Initiator.CLIENT, 4000, "invalid session (resumable)", Shard.Next.RESUME);
    } else {
      shard.disconnect(Shard.Initiator.CLIENT, 1000, "invalid session", Shard.Next.IDENTIFY_AFTER_PAUSE);
    }
  }

  /** Counts, logs once at WARN and publishes a bad frame. */
  private void bad(String reason) {
    shard.badFrames++;
    shard.meters.badFrame();
    shard.env.monitor().error(shard.id, "bad frame: " + reason);
    long seq = shard.seq;
    LOG.warn("shard {}: bad frame (last seq {}): {}", shard.id, seq, reason);
    shard.publisher.lifecycle(Addresses.SHARD_ERROR, shard.id, shard.shardCount, new JsonObject()
        .put("kind", "bad-frame").put("reason", reason).put("message", reason).put("seq", seq < 0 ? null : seq));
    shard.publisher.error(ErrorKinds.BAD_FRAME, shard.id, "shard " + shard.id + ": bad frame from the gateway (last "
        + "seq " + seq + "): " + reason + "; the other events go on", null, new JsonObject().put("seq", seq < 0 ? null
        : seq));
  }
}
