package dev.cordbus.simulator.gateway;

import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side of the simulator: accepts WebSockets, owns the connections and sessions, routes dispatches to the
 * sessions of the right shard, and runs the heartbeat watchdog. Event loop only (except {@link #withholdAcks}).
 */
public final class GatewayHub {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayHub.class);

  final Vertx vertx;
  final Context context;
  final SimulatorOptions options;
  final WorldModel world;
  final SimulatorLog log;
  final Sessions sessions;
  final IdentifyGate gate;
  final GatewayProtocol protocol;
  /** Last "all members" op 8 per guild (ms), for RATE_LIMITED. */
  final Map<Long, Long> lastAllMembersRequest = new HashMap<>();
  private final Set<GatewayConnection> connections = new LinkedHashSet<>();
  private final Set<Integer> withheld = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger silentUpgrades = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger resumeRefusals = new java.util.concurrent.atomic.AtomicInteger();
  private long nextConnectionId;
  private String gatewayUrl = "";
  private String resumeUrl = "";
  private long watchdog = -1;

  public GatewayHub(Vertx vertx, Context context, SimulatorOptions options, SimulatorLog log) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.world = options.world().model();
    this.log = log;
    this.sessions = new Sessions(options.replayBufferSize(), options.replayBufferBytes(), log);
    this.gate = new IdentifyGate(options.sessionStartTotal(), options.sessionStartResetAfterMs(),
        options.maxConcurrency(), options.identifyWindowMs(), System.currentTimeMillis());
    this.protocol = new GatewayProtocol(this);
    long tick = Math.max(10, Math.min(1000, options.heartbeatIntervalMs() / 4));
    this.watchdog = vertx.setPeriodic(tick, t -> tick());
  }

  /** The world the gateway serves. */
  public WorldModel worldModel() {
    return world;
  }

  /** Sets the URLs READY and /gateway announce. */
  public void urls(String gatewayUrl, String resumeUrl) {
    this.gatewayUrl = gatewayUrl;
    this.resumeUrl = resumeUrl;
  }

  public String gatewayUrl() {
    return gatewayUrl;
  }

  public String resumeUrl() {
    return resumeUrl;
  }

  /** {@code session_start_limit} for GET /gateway/bot. */
  public io.vertx.core.json.JsonObject sessionStartLimit() {
    return gate.sessionStartLimit(System.currentTimeMillis());
  }

  /** Takes an upgraded WebSocket: checks {@code v}, {@code encoding}, {@code compress}, then sends HELLO. */
  public void accept(ServerWebSocket ws, HttpConnection http, String path) {
    Map<String, String> q = query(ws.query());
    String id = "c" + (++nextConnectionId);
    log.connectionAccepted();
    String compress = q.get("compress");
    PayloadWriter.Compression c = "zlib-stream".equals(compress) ? PayloadWriter.Compression.ZLIB_STREAM
        : "zstd-stream".equals(compress) ? PayloadWriter.Compression.ZSTD_STREAM
        : PayloadWriter.Compression.NONE;
    WireCounter.install(http, log);
    GatewayConnection conn = new GatewayConnection(this, id, path, ws, http, c);
    connections.add(conn);
    LOG.info("connection {} opened on {} ({})", id, path, ws.query() == null ? "no query" : ws.query());
    String v = q.get("v");
    String encoding = q.getOrDefault("encoding", "json");
    conn.start();
    if (v != null && !v.equals("10") && !v.equals("9")) {
      conn.close(CloseCode.INVALID_API_VERSION.code(), "Invalid API version.");
    } else if (!encoding.equals("json")) {
      conn.close(CloseCode.DECODE_ERROR.code(),
          "encoding=" + encoding + " is not supported by the simulator (JSON only).");
    } else if (compress != null && !compress.isEmpty() && c == PayloadWriter.Compression.NONE) {
      conn.close(CloseCode.DECODE_ERROR.code(),
          "compress=" + compress + " is not supported by the simulator (zlib-stream and zstd-stream only).");
    }
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new HashMap<>();
    if (query == null) {
      return out;
    }
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** Sends a dispatch to every session of its shard; returns what each session did (filtered ones omitted). */
  public List<Session.Sent> route(Dispatch d) {
    List<Session.Sent> out = new ArrayList<>(2);
    route(d, (s, sent) -> out.add(sent));
    return out;
  }

  /** Routes a dispatch and reports, per receiving session, what it did (firehose bookkeeping). */
  public void route(Dispatch d, BiConsumer<Session, Session.Sent> each) {
    route(d.guildId(), s -> s.send(d), each);
  }

  /** {@link #route(Dispatch, BiConsumer)} for a dispatch rendered ahead (the firehose). */
  public void route(RenderedDispatch d, BiConsumer<Session, Session.Sent> each) {
    route(d.guildId(), s -> s.send(d), each);
  }

  private void route(long guildId, Function<Session, Session.Sent> send, BiConsumer<Session, Session.Sent> each) {
    for (Session s : sessions.routeTo(guildId)) {
      Session.Sent sent = send.apply(s);
      if (sent != null) {
        each.accept(s, sent);
      }
    }
  }

  /** Applies a simulator-originated event to the world, then routes it (lively traffic; REST applies its own). */
  public List<Session.Sent> emit(String event, io.vertx.core.json.JsonObject d) {
    world.apply(event, d);
    return route(Dispatch.of(event, d, world.botId()));
  }

  /** Whether any session (active or resumable) covers the shard a dispatch of {@code guildId} goes to. */
  public boolean hasSessionFor(long guildId) {
    return !sessions.routeTo(guildId).isEmpty();
  }

  /** Live (identified or resumed, not closing) connections on a shard id. */
  public List<GatewayConnection> connectionsOfShard(int shard) {
    List<GatewayConnection> out = new ArrayList<>();
    for (GatewayConnection c : connections) {
      if (c.state() == GatewayConnection.State.IDENTIFIED && c.shard() == shard && !c.closing()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Every live connection. */
  public List<GatewayConnection> connections() {
    return new ArrayList<>(connections);
  }

  /** Zombie simulation: stop (or resume) answering heartbeats with op 11 on a shard. Thread-safe. */
  public void withholdAcks(int shard, boolean withhold) {
    if (withhold) {
      withheld.add(shard);
    } else {
      withheld.remove(shard);
    }
  }

  /**
   * The silent server: the next {@code n} gateway upgrade requests (any path) are accepted at TCP level and never
   * answered (no 101, no HELLO). Thread-safe.
   */
  public void silentUpgrades(int n) {
    silentUpgrades.set(Math.max(0, n));
  }

  /** The next {@code n} upgrade requests on the resume URL are refused with HTTP 503. Thread-safe. */
  public void refuseResumeUrl(int n) {
    resumeRefusals.set(Math.max(0, n));
  }

  /** Whether this upgrade request is one the silent server leaves unanswered (consumes one). */
  public boolean takeSilentUpgrade() {
    return silentUpgrades.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** Whether this resume URL upgrade is refused (consumes one). */
  public boolean takeResumeRefusal() {
    return resumeRefusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  boolean acksWithheld(int shard) {
    return shard >= 0 && withheld.contains(shard);
  }

  /** Sessions of a shard (for scenario actions on detached sessions). */
  public List<Session> sessionsOfShard(int shard) {
    return sessions.ofShard(shard);
  }

  /** op 9 on a connection; when not resumable its session ends and the client may IDENTIFY again. */
  public Future<Void> invalidate(GatewayConnection c, int shard, boolean resumable, String reason) {
    log.invalidSession(new SimulatorLog.InvalidSession(shard, c.id, resumable, reason,
        System.currentTimeMillis()));
    LOG.info("invalid session (resumable={}) on connection {} shard {}: {}", resumable, c.id, shard, reason);
    Future<Void> f = c.write(Frames.invalidSession(resumable));
    if (!resumable && c.session() != null) {
      Session s = c.session();
      c.unbind();
      s.end();
    }
    return f;
  }

  void attach(GatewayConnection c, Session s) {
    c.attach(s);
    log.attached(s.shard);
  }

  void connectionClosed(GatewayConnection c, GatewayConnection.Initiator who, int code, Short clientCode) {
    connections.remove(c);
    log.closure(new SimulatorLog.Closure(c.shard(), c.id, code, who.label()));
    Session s = c.releaseSession();
    String outcome = "no session";
    if (s != null) {
      log.detached(s.shard);
      if (s.connection() == c) {
        boolean keep = switch (who) {
          case SERVER -> CloseCode.serverCloseKeepsSession(code);
          case CLIENT -> CloseCode.clientCloseKeepsSession(clientCode == null ? null : (int) clientCode);
          case CUT -> true;
        };
        if (keep) {
          s.detach(System.currentTimeMillis());
          outcome = "session " + s.id + " resumable";
        } else {
          s.end();
          outcome = "session " + s.id + " ended";
        }
      }
    }
    LOG.info("connection {} closed by {} with {} (shard {}; {})", c.id, who.label(), code, c.shard(), outcome);
  }

  private void tick() {
    long now = System.currentTimeMillis();
    long limit = (long) (options.heartbeatIntervalMs() * options.heartbeatGraceFactor());
    for (GatewayConnection c : new ArrayList<>(connections)) {
      if (!c.closing() && now - c.lastBeatAt() > limit) {
        c.close(CloseCode.SESSION_TIMED_OUT.code(), CloseCode.SESSION_TIMED_OUT.reason());
      }
    }
    sessions.expire(now, options.resumeWindowMs(), s -> log.sessionEnded(s.id, s.shard, s.seq()));
  }

  /** Closes every connection (1001, sessions stay resumable) and stops the watchdog. */
  public void shutdown() {
    vertx.cancelTimer(watchdog);
    for (GatewayConnection c : new ArrayList<>(connections)) {
      c.close(1001, "Simulator shutting down.");
    }
  }
}
