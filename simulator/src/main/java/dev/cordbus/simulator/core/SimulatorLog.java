package dev.cordbus.simulator.core;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator saw, for assertions. Every accessor returns a thread-safe snapshot. Tokens never appear: they
 * are replaced by {@code "***"} in recorded frames.
 */
public final class SimulatorLog {

  /** Frames kept per shard by {@link #received(int)} (older ones are dropped). */
  public static final int MAX_FRAMES_PER_SHARD = 100_000;
  /** REST requests kept. */
  public static final int MAX_REST_REQUESTS = 100_000;
  /** Dispatch frames kept by {@link #sentDispatches()} (the oldest are dropped beyond either bound). */
  public static final int MAX_SENT_DISPATCHES = 10_000;
  /** Characters of the dispatch frames kept by {@link #sentDispatches()}. */
  public static final long MAX_SENT_DISPATCH_CHARS = 32L * 1024 * 1024;

  /** An IDENTIFY the simulator received (accepted or not); shard 0 of 1 when the client did not shard. */
  public record Identify(int shard, int shardCount, long atMillis, String connectionId, int intents) {
  }

  /** A RESUME the simulator received and whether it was accepted. */
  public record Resume(int shard, String sessionId, long seq, long atMillis, boolean accepted) {
  }

  /** A closed connection: {@code initiator} is {@code server}, {@code client} or {@code cut} (no close frame). */
  public record Closure(int shard, String connectionId, int code, String initiator) {
  }

  /** An INVALID_SESSION (op 9) the simulator sent, and why. */
  public record InvalidSession(int shard, String connectionId, boolean resumable, String reason, long atMillis) {
  }

  /** A READY the simulator sent (a new session started). */
  public record Ready(int shard, int shardCount, String sessionId, String connectionId, long atMillis) {
  }

  /**
   * A dispatch a session issued: its {@code s} and event, and the frame's text as it goes to the connection (before
   * transport compression; a RESUME replays the same text).
   */
  public record SentDispatch(int shard, String sessionId, long seq, String event, String frame) {

    /** The frame's {@code d}, parsed (null when {@code d} is not an object). */
    public JsonObject d() {
      return new JsonObject(frame).getValue("d") instanceof JsonObject dj ? dj : null;
    }
  }

  private final List<Identify> identifies = Collections.synchronizedList(new ArrayList<>());
  private final List<Resume> resumes = Collections.synchronizedList(new ArrayList<>());
  private final List<Closure> closures = Collections.synchronizedList(new ArrayList<>());
  private final List<InvalidSession> invalidSessions = Collections.synchronizedList(new ArrayList<>());
  private final List<Ready> readies = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonObject> restRequests = Collections.synchronizedList(new ArrayList<>());
  private final Map<Integer, List<JsonObject>> received = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> open = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> maxOpen = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicLong> dispatched = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicLong> issued = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Handshake> handshakes = Collections.synchronizedList(new ArrayList<>());
  /** By {@code sessionId/seq}, in the order issued; guarded by itself. */
  private final Map<String, SentDispatch> sent = new LinkedHashMap<>();
  private long sentChars;

  /**
   * A WebSocket upgrade request on the gateway: its path, its {@code User-Agent} (null when absent) and what the
   * simulator did with it ({@code upgraded}, {@code silent}: accepted and never answered, {@code refused}: HTTP 503).
   */
  public record Handshake(String path, String userAgent, String outcome, long atMillis) {
  }

  private final Map<String, long[]> endedSessions = new ConcurrentHashMap<>();

  /** A session ended (op 9 false, a session-ending close, expiry): its shard and the last seq it issued. */
  public void sessionEnded(String sessionId, int shard, long lastSeq) {
    endedSessions.put(sessionId, new long[] {shard, lastSeq});
  }

  /** Sessions that ended (forgotten by the gateway hub), by id: {@code [shard, last seq issued]}. */
  public Map<String, long[]> endedSessions() {
    return Map.copyOf(endedSessions);
  }

  /** Every gateway upgrade request, in order. */
  public List<Handshake> handshakes() {
    return snapshot(handshakes);
  }

  public void handshake(Handshake h) {
    handshakes.add(h);
  }

  private final java.util.concurrent.atomic.LongAdder wireBytes = new java.util.concurrent.atomic.LongAdder();

  public List<Identify> identifies() {
    return snapshot(identifies);
  }

  public List<Resume> resumes() {
    return snapshot(resumes);
  }

  public List<Closure> closures() {
    return snapshot(closures);
  }

  /** Every op 9 sent (refused identifies, refused resumes, scenario invalidations). */
  public List<InvalidSession> invalidSessions() {
    return snapshot(invalidSessions);
  }

  /** Every READY sent. */
  public List<Ready> readies() {
    return snapshot(readies);
  }

  /** Connections currently attached to {@code shard} (identified or resumed and not yet closed). */
  public int openConnections(int shard) {
    AtomicInteger n = open.get(shard);
    return n == null ? 0 : n.get();
  }

  /** The most connections ever attached to {@code shard} at the same time. */
  public int maxSimultaneousConnections(int shard) {
    AtomicInteger n = maxOpen.get(shard);
    return n == null ? 0 : n.get();
  }

  /**
   * Starts a new observation window for {@link #maxSimultaneousConnections}: each shard's maximum becomes the number
   * of connections it has now.
   */
  public void resetMaxSimultaneousConnections() {
    maxOpen.forEach((shard, max) -> max.set(openConnections(shard)));
  }

  /** WebSocket connections accepted so far (all paths, identified or not). */
  public int connectionsAccepted() {
    return connections.get();
  }

  /**
   * Every client-to-server frame of connections on {@code shard}, in order, with tokens replaced by {@code "***"};
   * frames sent before IDENTIFY/RESUME are attributed once the shard is known; {@code -1} holds the frames of
   * connections that never identified. Unparsable frames are recorded as {@code {"_raw": text}}.
   */
  public List<JsonObject> received(int shard) {
    List<JsonObject> l = received.get(shard);
    return l == null ? List.of() : snapshot(l);
  }

  /**
   * Every REST request, unknown routes included: {@code {method, path, body}} (path from {@code /api/v10}; body = the
   * JSON object sent, {@code payload_json} when multipart, or null).
   */
  public List<JsonObject> restRequests() {
    return snapshot(restRequests);
  }

  /** Dispatch frames (op 0) written to connections of {@code shard}, replays included. */
  public long dispatched(int shard) {
    AtomicLong n = dispatched.get(shard);
    return n == null ? 0 : n.get();
  }

  /**
   * Dispatches the sessions of {@code shard} issued, each {@code s} once: one written again by a RESUME's replay
   * (because the client had closed the connection it was first written to) counts once, and so does one issued
   * while its session was detached. What a client that resumes correctly receives, unlike {@link #dispatched(int)}.
   */
  public long issued(int shard) {
    AtomicLong n = issued.get(shard);
    return n == null ? 0 : n.get();
  }

  /**
   * The dispatch frames sessions issued, in order: every dispatch rendered from a {@code d} (READY, RESUMED and the
   * guild loads the simulator composes, scenario, REST and lively events), written to the connection or buffered for
   * its RESUME, but not the firehose's frames (rendered ahead, never kept). The newest {@link #MAX_SENT_DISPATCHES}
   * within {@link #MAX_SENT_DISPATCH_CHARS}.
   */
  public List<SentDispatch> sentDispatches() {
    synchronized (sent) {
      return List.copyOf(sent.values());
    }
  }

  /** The frame session {@code sessionId} issued with {@code s = seq} (see {@link #sentDispatches()}), or null. */
  public SentDispatch sentDispatch(String sessionId, long seq) {
    synchronized (sent) {
      return sent.get(sessionId + "/" + seq);
    }
  }

  // ---- recording (simulator internals) ----

  /** A session issued a dispatch frame (evicts the oldest beyond the bounds). */
  public void sent(SentDispatch d) {
    synchronized (sent) {
      sent.put(d.sessionId() + "/" + d.seq(), d);
      sentChars += d.frame().length();
      Iterator<SentDispatch> oldest = sent.values().iterator();
      while (sent.size() > MAX_SENT_DISPATCHES || (sentChars > MAX_SENT_DISPATCH_CHARS && sent.size() > 1)) {
        sentChars -= oldest.next().frame().length();
        oldest.remove();
      }
    }
  }

  public void identify(Identify i) {
    identifies.add(i);
  }

  public void resume(Resume r) {
    resumes.add(r);
  }

  public void closure(Closure c) {
    closures.add(c);
  }

  public void invalidSession(InvalidSession i) {
    invalidSessions.add(i);
  }

  public void ready(Ready r) {
    readies.add(r);
  }

  public void connectionAccepted() {
    connections.incrementAndGet();
  }

  public void rest(JsonObject request) {
    synchronized (restRequests) {
      if (restRequests.size() >= MAX_REST_REQUESTS) {
        restRequests.remove(0);
      }
      restRequests.add(request);
    }
  }

  public void received(int shard, JsonObject frame) {
    List<JsonObject> l = received.computeIfAbsent(shard, k -> Collections.synchronizedList(new ArrayList<>()));
    synchronized (l) {
      if (l.size() >= MAX_FRAMES_PER_SHARD) {
        l.remove(0);
      }
      l.add(frame);
    }
  }

  public void attached(int shard) {
    int now = open.computeIfAbsent(shard, k -> new AtomicInteger()).incrementAndGet();
    maxOpen.computeIfAbsent(shard, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
  }

  public void detached(int shard) {
    open.computeIfAbsent(shard, k -> new AtomicInteger()).decrementAndGet();
  }

  public void dispatched(int shard, long n) {
    dispatched.computeIfAbsent(shard, k -> new AtomicLong()).addAndGet(n);
  }

  /** A session of {@code shard} assigned the next {@code s} to a dispatch. */
  public void issue(int shard) {
    issued.computeIfAbsent(shard, k -> new AtomicLong()).incrementAndGet();
  }

  /**
   * Bytes the gateway wrote to its clients' TCP connections since it started, after the WebSocket upgrade: every
   * frame, WebSocket header included, as compressed (what a bot downloads, without TCP/IP overhead).
   */
  public long wireBytes() {
    return wireBytes.sum();
  }

  public void wrote(long bytes) {
    wireBytes.add(bytes);
  }

  private static <T> List<T> snapshot(List<T> l) {
    synchronized (l) {
      return List.copyOf(l);
    }
  }
}
