package dev.cordbus.gateway.ops;

import dev.cordbus.api.Addresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one shard ({@code cordbus_gateway_*}, labels {@code shard}, {@code group}, {@code node}) and the
 * figures the console shows (events/s, last close code, reconnects). Called on the gateway verticle's context only.
 *
 * <p>The dispatch path costs one {@code HashMap} lookup by the event name the frame parser already made (no string
 * built, no allocation once the event was seen) and one counter increment.
 */
public final class ShardMeters {

  private final MeterRegistry registry;
  private final Tags tags;
  private final List<Meter> meters = new ArrayList<>();
  private final Map<String, Counter> dispatches = new HashMap<>();
  private final Map<String, Counter> byLabel = new HashMap<>();
  private final Counter frames;
  private final Counter wireBytes;
  private final Counter inflatedBytes;
  private final Counter badFrames;
  private final Counter sendWaits;
  private final Timer identifyWait;
  /** Dispatches over the shard's life (events/s is computed from it). */
  private long events;
  private long rateEvents;
  private long rateAtNanos = System.nanoTime();
  private double eventsPerSec;
  private String lastReason = "start";
  private Integer lastCloseCode;
  private long reconnects;
  private long lastIdentifyWaitMs = -1;
  private boolean identifyWaiting;
  private long notReadySinceMs = System.currentTimeMillis();

  ShardMeters(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    frames = counter("cordbus.gateway.frames", "WebSocket messages received", Tags.empty());
    wireBytes = counter("cordbus.gateway.received.bytes", "bytes received, as on the wire (compressed when a "
        + "compression is on) or after inflating", Tags.of("form", "wire"));
    inflatedBytes = counter("cordbus.gateway.received.bytes", null, Tags.of("form", "inflated"));
    badFrames = counter("cordbus.gateway.bad.frames", "frames that broke the protocol (logged and published on "
        + Addresses.SHARD_ERROR + ")", Tags.empty());
    sendWaits = counter("cordbus.gateway.send.limit.waits", "commands that waited for the 120/60 s send limit",
        Tags.empty());
    identifyWait = Timer.builder("cordbus.gateway.identify.wait").description("time a shard waited for the identify "
        + "queue before sending IDENTIFY").tags(tags).register(registry);
    meters.add(identifyWait);
  }

  /** Registers a gauge of this shard, removed with the other meters. */
  public <T> void gauge(String name, String description, T target, ToDoubleFunction<T> value) {
    meters.add(Gauge.builder(name, target, value).description(description).tags(tags).strongReference(true)
        .register(registry));
  }

  private Counter counter(String name, String description, Tags extra) {
    Counter c = Counter.builder(name).description(description).tags(tags.and(extra)).register(registry);
    meters.add(c);
    return c;
  }

  private Counter labelled(String name, String description, String label, String value) {
    String key = name + '\0' + label + '\0' + value;
    Counter c = byLabel.get(key);
    if (c == null) {
      c = counter(name, description, Tags.of(label, value));
      byLabel.put(key, c);
    }
    return c;
  }

  /** A dispatch was received (called once per dispatch: the hot path). */
  public void dispatch(String event) {
    events++;
    Counter c = dispatches.get(event);
    if (c == null) {
      c = counter("cordbus.gateway.dispatches", "dispatches received, by event", Tags.of("event", event));
      dispatches.put(event, c);
    }
    c.increment();
  }

  /** A WebSocket message of {@code wire} bytes arrived; {@code inflated} bytes after decompression (same if none). */
  public void frame(int wire, int inflated) {
    frames.increment();
    wireBytes.increment(wire);
    inflatedBytes.increment(inflated);
  }

  /** A frame broke the protocol. */
  public void badFrame() {
    badFrames.increment();
  }

  /** The server closed with {@code code} (1006: cut without a close frame). */
  public void closeCode(int code) {
    lastCloseCode = code;
    labelled("cordbus.gateway.close.codes", "close codes received, by code", "code", Integer.toString(code)).increment();
  }

  /**
   * The connection ended with close code {@code code} (ours or the server's) and the shard will connect again, for
   * {@code reason} ({@link ReconnectReason}).
   */
  public void reconnect(String reason, int code) {
    lastReason = reason;
    lastCloseCode = code;
    reconnects++;
    labelled("cordbus.gateway.reconnects", "reconnects, by reason", "reason", reason).increment();
  }

  /** RESUME was sent (after the last reconnect's reason). */
  public void resumed() {
    labelled("cordbus.gateway.resumes", "RESUMEs sent, by the reason of the reconnect before", "reason", lastReason)
        .increment();
  }

  /** The shard is waiting for the identify queue. */
  public void identifyWaiting() {
    identifyWaiting = true;
  }

  /** IDENTIFY was sent after waiting {@code waitedNanos} for the identify queue. */
  public void identified(long waitedNanos) {
    identifyWaiting = false;
    lastIdentifyWaitMs = TimeUnit.NANOSECONDS.toMillis(waitedNanos);
    identifyWait.record(waitedNanos, TimeUnit.NANOSECONDS);
    labelled("cordbus.gateway.identifies", "IDENTIFYs sent, by the reason (start: first connect)", "reason",
        lastReason).increment();
  }

  /** The server invalidated the session (op 9). */
  public void invalidSession(boolean resumable) {
    labelled("cordbus.gateway.invalid.sessions", "op 9 INVALID_SESSION received", "resumable",
        Boolean.toString(resumable)).increment();
  }

  /** A payload was written: {@code protocol} (heartbeat, identify, resume) or {@code command} (a bot's). */
  public void sent(String kind) {
    labelled("cordbus.gateway.sends", "payloads sent, by kind", "kind", kind).increment();
  }

  /** A command waited for the send limit. */
  public void sendLimitWait() {
    sendWaits.increment();
  }

  /** The shard's state changed to READY ({@code ready}) or away from it. */
  public void readiness(boolean ready) {
    notReadySinceMs = ready ? -1 : notReadySinceMs < 0 ? System.currentTimeMillis() : notReadySinceMs;
  }

  /** Wall ms since the shard stopped being READY, or -1 when READY. */
  public long notReadyForMs() {
    return notReadySinceMs < 0 ? -1 : System.currentTimeMillis() - notReadySinceMs;
  }

  /** Whether the shard waits for the identify queue now. */
  public boolean isIdentifyWaiting() {
    return identifyWaiting;
  }

  /** The last identify wait in ms, -1 before any. */
  public long lastIdentifyWaitMs() {
    return lastIdentifyWaitMs;
  }

  /** Adds the console's figures to a shard status: events/s (since the previous call, at most once a 0.5 s). */
  public JsonObject addTo(JsonObject status) {
    long now = System.nanoTime();
    long elapsed = now - rateAtNanos;
    if (elapsed >= 500_000_000L) {
      eventsPerSec = (events - rateEvents) * 1e9 / elapsed;
      rateEvents = events;
      rateAtNanos = now;
    }
    return status.put("events", events).put("eventsPerSec", Math.round(eventsPerSec * 10) / 10.0)
        .put("lastCloseCode", lastCloseCode).put("reconnects", reconnects)
        .put("lastReconnectReason", reconnects == 0 ? null : lastReason);
  }

  /** Removes this shard's meters (its group stopped on this node). */
  public void close() {
    meters.forEach(registry::remove);
    meters.clear();
    dispatches.clear();
    byLabel.clear();
  }
}
