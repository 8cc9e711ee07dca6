package dev.cordbus.state.ops;

import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.ShardSession;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state verticle's meters ({@code cordbus_state_*}, label {@code node}) and console figures: entries per cache
 * kind, the members' bytes estimate, apply time per event (histogram), duplicates dropped, REBUILDING shards, query
 * latency, and the startup progress (guilds loaded x/y per shard, cache ready: every shard of the verticle, or of
 * the shard count READY announced, has its READY and every guild it listed), which it also logs.
 *
 * <p>The cache is touched on the verticle's context only: {@link #refresh()} (called there, every second) takes a
 * snapshot that the gauges and the console read from any thread.
 */
public final class StateMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(StateMonitor.class);
  /**
   * Heap bytes per cached member with its user and 30 % presences, as measured by {@code StateFootprint} (100 guilds x
   * 1,000 members): the factor of {@code cordbus_state_members_bytes_estimate}.
   */
  public static final long BYTES_PER_MEMBER = 158;
  /** Apply-time histogram buckets. */
  private static final Duration[] SLOS = {Duration.ofNanos(10_000), Duration.ofNanos(50_000),
      Duration.ofNanos(200_000), Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25)};

  private final MeterRegistry registry;
  private final Tags tags;
  private final List<Meter> meters = new ArrayList<>();
  /** What the function counters read, held here: a function counter keeps only a weak reference to it. */
  private final List<LongSupplier> counted = new ArrayList<>();
  private final Map<String, Timer> queries = new ConcurrentHashMap<>();
  private final Map<String, Long> entries = new ConcurrentHashMap<>();
  private volatile JsonObject snapshot = new JsonObject();
  private volatile int rebuilding;
  private boolean cacheReadyLogged;
  private final Map<Integer, Integer> loggedLoaded = new java.util.HashMap<>();

  /** @param duplicates replayed dispatches dropped so far */
  public StateMonitor(MeterRegistry registry, String node, LongSupplier duplicates) {
    this.registry = registry;
    this.tags = Tags.of("node", node);
    counted.add(duplicates);
    meters.add(FunctionCounter.builder("cordbus.state.duplicates.dropped", duplicates, LongSupplier::getAsLong)
        .description("replayed dispatches dropped by (session, seq)").tags(tags).register(registry));
    meters.add(Gauge.builder("cordbus.state.rebuilding.shards", this, m -> m.rebuilding)
        .description("shards whose state is REBUILDING (partitioned state)").tags(tags).register(registry));
    meters.add(Gauge.builder("cordbus.state.members.bytes.estimate", this,
        m -> m.entries.getOrDefault("members", 0L) * BYTES_PER_MEMBER)
        .description("estimated heap of the cached members (" + BYTES_PER_MEMBER + " bytes per member)").tags(tags)
        .register(registry));
  }

  /**
   * Counts the state events published and those left unpublished because no consumer of their address was known
   * on this node or (clustered) any other: {@code cordbus_state_events_total{outcome="published"|"unheard"}}.
   */
  public void events(LongSupplier published, LongSupplier unheard) {
    eventCounter("published", published);
    eventCounter("unheard", unheard);
  }

  private void eventCounter(String outcome, LongSupplier count) {
    counted.add(count);
    meters.add(FunctionCounter.builder("cordbus.state.events", count, LongSupplier::getAsLong)
        .description("state events: published, or not published because nobody in the cluster consumed their address")
        .tags(tags.and("outcome", outcome)).register(registry));
  }

  /** The apply-time timer of {@code event} (look it up once per event consumer, not per dispatch). */
  public Timer applyTimer(String event) {
    Timer t = Timer.builder("cordbus.state.apply").description("time to apply a dispatch to the cache, by event")
        .tags(tags.and("event", event)).serviceLevelObjectives(SLOS).register(registry);
    meters.add(t);
    return t;
  }

  /** Records a query's latency. */
  public void query(String address, long nanos) {
    queries.computeIfAbsent(address, a -> {
      Timer t = Timer.builder("cordbus.state.query").description("state query latency, by query address")
          .tags(tags.and("query", a)).register(registry);
      meters.add(t);
      return t;
    }).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /**
   * Takes the snapshot (on the verticle's context): cache counts, per-shard guild progress, REBUILDING shards. Logs
   * progress when a shard's loaded count changes and once when the cache is ready.
   */
  public void refresh(Cache cache, java.util.Collection<Integer> owned, List<Integer> rebuildingShards) {
    JsonObject counts = cache.counts(null);
    for (String kind : counts.fieldNames()) {
      Object v = counts.getValue(kind);
      if (v instanceof Number n) {
        if (!entries.containsKey(kind)) {
          meters.add(Gauge.builder("cordbus.state.entries", entries, e -> e.getOrDefault(kind, 0L))
              .description("cached entries, by kind").tags(tags.and("kind", kind)).register(registry));
        }
        entries.put(kind, n.longValue());
      }
    }
    JsonObject loaded = new JsonObject();
    int shardCount = 0;
    for (ShardSession s : cache.shards().values()) {
      shardCount = Math.max(shardCount, s.sessionId == null ? 0 : s.shardCount);
    }
    java.util.Collection<Integer> shards = owned != null ? owned
        : java.util.stream.IntStream.range(0, shardCount).boxed().toList();
    boolean ready = !shards.isEmpty();
    for (int shard : shards) {
      ShardSession s = cache.shards().get(shard);
      ready &= s != null && s.sessionId != null && s.pending.isEmpty();
    }
    for (ShardSession s : cache.shards().values()) {
      int expected = s.readyGuilds.size();
      int done = expected - s.pending.size();
      loaded.put(Integer.toString(s.shard), new JsonObject().put("loaded", done).put("expected", expected)
          .put("session", s.sessionId != null));
      Integer before = loggedLoaded.put(s.shard, done);
      if (s.sessionId != null && (before == null || before != done)) {
        LOG.info("startup: state: shard {} guilds loaded {}/{}", s.shard, done, expected);
      }
    }
    ready &= rebuildingShards.isEmpty();
    if (ready && !cacheReadyLogged) {
      cacheReadyLogged = true;
      LOG.info("startup: state: cache ready ({} guilds, {} members)", counts.getValue("guilds"),
          counts.getValue("members"));
    }
    rebuilding = rebuildingShards.size();
    snapshot = new JsonObject().put("kind", "state").put("cache", counts).put("guildsLoaded", loaded)
        .put("cacheReady", ready).put("rebuilding", new JsonArray(new ArrayList<>(rebuildingShards)));
  }

  /** The last snapshot (console section). */
  public JsonObject snapshot() {
    return snapshot;
  }

  /** A supplier of the last snapshot. */
  public Supplier<JsonObject> snapshots() {
    return this::snapshot;
  }

  /** Removes the meters (the verticle stopped). */
  public void close() {
    meters.forEach(registry::remove);
    meters.clear();
  }
}
