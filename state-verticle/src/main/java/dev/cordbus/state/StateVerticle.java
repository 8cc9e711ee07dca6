package dev.cordbus.state;

import dev.cordbus.api.dispatch.DispatchListeners;
import dev.cordbus.api.dispatch.LocalDispatch;
import dev.cordbus.api.dispatch.LocalHandlers;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.state.EventTable;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.chunk.MemberRequests;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.SeqTracker;
import dev.cordbus.state.event.StateEvent;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.partition.Partition;
import dev.cordbus.state.ops.StateMonitor;
import dev.cordbus.state.query.QueryService;
import dev.cordbus.ops.Ops;
import dev.cordbus.ops.OpsException;
import dev.cordbus.ops.OpsOptions;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.healthchecks.Status;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.cordbus.state.store.Ids;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state verticle: consumes the dispatches of its shards ({@code discord.<EVENT>}), keeps the cache, publishes
 * cache-aware events on {@code discord.state.<EVENT>} after each update, answers queries and serves the member
 * request, presence and voice state commands. Config: {@link StateOptions}.
 *
 * <p>Everything runs on this verticle's event loop: updates and queries never race. Dispatches replayed after a
 * resume are dropped by {@link SeqTracker}; a READY resets the shard (its guilds go stale until GUILD_CREATE).
 *
 * <p>Two modes. All-shards (no {@code shardCount} in the config): queries on the plain {@link
 * dev.cordbus.api.state.StateAddresses} addresses, as in the all-in-one demo. Partitioned ({@code shardCount} and
 * usually {@code shards} set): one verticle per shard group, queries on per-shard addresses, REBUILDING until each
 * shard's cache is whole, and re-identify requests to refill it; see {@link Partition}.
 */
public final class StateVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(StateVerticle.class);

  private StateOptions options;
  private Cache cache;
  private EventTable table;
  private SeqTracker seqs;
  private MemberRequests requests;
  private QueryService queries;
  /** The partitioned mode's part, or null in all-shards mode. */
  private Partition partition;
  /** Shard ids applied, or null for all. */
  private Set<Integer> owned;
  private long applied;
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private Ops ops;
  private StateMonitor monitor;
  private String opsName;
  private long refreshTimer = -1;
  private long failed;
  private long published;
  private long unheard;
  /** {@code discord.state.<EVENT>} by event name (a handful of names; looked up for every state event). */
  private final Map<String, String> stateAddresses = new java.util.HashMap<>();
  /** The updater and timer of each dispatch name this verticle applies. */
  private final Map<String, Handling> handling = new java.util.HashMap<>();
  /** Takes the dispatches from this node's relay. */
  private DispatchListeners.Registration listener;

  /** How one dispatch name is applied. */
  private record Handling(Updater updater, Timer timer) {
  }

  /** Whether a state event of that name would reach a consumer, here or on another node. */
  private final java.util.function.Predicate<String> heard = name -> !LocalHandlers.unheard(vertx, stateAddress(name));

  @Override
  public Future<?> start() {
    OpsOptions opsOptions;
    try {
      options = new StateOptions(config());
      opsOptions = OpsOptions.of(config());
    } catch (StateException | OpsException e) {
      return Future.failedFuture(e);
    }
    cache = new Cache(options);
    table = new EventTable();
    seqs = new SeqTracker();
    requests = new MemberRequests(vertx, cache, options.requestMembersTimeoutMs());
    queries = new QueryService(cache);
    ops = Ops.of(vertx);
    monitor = new StateMonitor(ops.meters(opsOptions), ops.nodeId(), () -> seqs.duplicates());
    monitor.events(() -> published, () -> unheard);
    queries.onQuery(monitor::query);
    if (options.partitioned()) {
      owned = new HashSet<>(options.ownedShards());
    } else if (options.shards() != null) {
      owned = new HashSet<>(options.shards());
    }
    List<Future<?>> all = new ArrayList<>();
    for (Map.Entry<String, Updater> e : table.handlers().entrySet()) {
      handling.put(e.getKey(), new Handling(e.getValue(), monitor.applyTimer(e.getKey())));
    }
    // straight from the node's relay (installed by listen, once per Vert.x), a batch per turn: no event-bus message per
    // dispatch (what is published on discord.<EVENT> by hand still comes, through the listener's consumers)
    all.add(DispatchListeners.listen(vertx, handling.keySet(), this::onDispatch).onSuccess(r -> listener = r));
    all.add(vertx.eventBus().<Object>consumer(Addresses.dispatch("RATE_LIMITED"), msg -> {
      if (msg.body() instanceof JsonObject d) {
        requests.onRateLimited(d);
      }
    }).completion());
    if (options.partitioned()) {
      partition = new Partition(vertx, options, cache, queries, requests);
    } else {
      all.add(queries.register(vertx));
      all.add(requests.register());
    }
    all.add(ops.start(opsOptions));
    registerOps();
    return Future.all(all).compose(v -> partition == null ? Future.succeededFuture() : partition.start()).onSuccess(v -> LOG.info("state verticle up: {} handled events, policy {}",
        table.handlers().size(), options.toJson()));
  }

  /** Console section, readiness (not REBUILDING) and the snapshot the meters read, refreshed every second. */
  private void registerOps() {
    opsName = "state-" + INSTANCES.incrementAndGet();
    refresh();
    refreshTimer = vertx.setPeriodic(1000, t -> refresh());
    ops.section(opsName, () -> Future.succeededFuture(monitor.snapshot()));
    ops.readiness(opsName, promise -> {
      JsonArray rebuilding = monitor.snapshot().getJsonArray("rebuilding", new JsonArray());
      promise.complete(rebuilding.isEmpty() ? Status.OK() : Status.KO(new JsonObject().put("rebuilding", rebuilding)
          .put("reason", "state of shard(s) " + rebuilding.encode() + " is REBUILDING (waiting for READY and every"
              + " GUILD_CREATE)")));
    });
  }

  private void refresh() {
    monitor.refresh(cache, owned, partition == null ? List.of() : partition.rebuilding());
  }

  @Override
  public Future<?> stop() {
    if (listener != null) {
      listener.unregister();
    }
    if (refreshTimer >= 0) {
      vertx.cancelTimer(refreshTimer);
    }
    if (ops != null) {
      ops.removeSection(opsName);
      ops.removeReadiness(opsName);
      monitor.close();
    }
    if (requests != null) {
      requests.close();
    }
    return partition == null ? Future.succeededFuture() : partition.stop();
  }

  private void onDispatch(LocalDispatch dispatch) {
    Handling h = handling.get(dispatch.event());
    JsonObject d = dispatch.body();
    if (h == null || d == null) {
      failed++;
      return;
    }
    String event = dispatch.event();
    Updater updater = h.updater();
    Timer timer = h.timer();
    int shard = dispatch.shard();
    if (owned != null && !owned.contains(shard)) {
      return;
    }
    long seq = dispatch.seq();
    String session = dispatch.session();
    if (!seqs.accept(shard, session, seq, "READY".equals(event))) {
      return;
    }
    Emitter out = new Emitter(options.publishEvents(), heard);
    long started = System.nanoTime();
    try {
      updater.apply(cache, new Dispatch(event, shard, session, seq, d), out);
      timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      applied++;
    } catch (RuntimeException e) {
      failed++;
      LOG.warn("could not apply {} (shard {}, seq {}): {}", event, shard, seq, e.toString());
      return;
    }
    if (options.chunkGuilds() && "GUILD_CREATE".equals(event)) {
      String guild = dispatch.guild(); // the gateway names it: no need to read the body
      requests.chunkIfLarge(guild == null ? null : cache.loadedGuild(Ids.parse(guild)), shard);
    }
    if ("GUILD_MEMBERS_CHUNK".equals(event) && requests.pending() > 0) {
      requests.onChunk(d); // reads the chunk's tree: only while a request of ours waits for chunks
    }
    if (options.publishEvents()) {
      unheard += out.unheard(); // not even built: nobody would have received them
      for (StateEvent se : out.events()) {
        if (!heard.test(se.name())) {
          unheard++;
          continue; // nobody would get it, here or (clustered) on any node: no message, no headers, no lookup
        }
        published++;
        DeliveryOptions opts = new DeliveryOptions().addHeader(Headers.SHARD, Integer.toString(shard))
            .addHeader(Headers.EVENT, se.name());
        if (se.guild() != 0) {
          opts.addHeader(Headers.GUILD, Long.toUnsignedString(se.guild()));
        }
        if (seq >= 0) {
          opts.addHeader(Headers.SEQ, Long.toString(seq));
        }
        vertx.eventBus().publish(stateAddress(se.name()), se.body(), opts);
      }
    }
  }

  private String stateAddress(String name) {
    String address = stateAddresses.get(name);
    if (address == null) {
      address = Addresses.state(name);
      if (stateAddresses.size() < 1024) {
        stateAddresses.put(name, address);
      }
    }
    return address;
  }

  /** The cache (for tests and benchmarks in the same JVM; touch it only from this verticle's context). */
  public Cache cache() {
    return cache;
  }

  /** The partitioned mode's part (readiness, re-identify requests), or null in all-shards mode. */
  public Partition partition() {
    return partition;
  }

  /** Dispatches applied so far. */
  public long applied() {
    return applied;
  }

  /** Dispatches that failed to apply (bad shape). */
  public long failed() {
    return failed;
  }

  /** State events published so far. */
  public long published() {
    return published;
  }

  /**
   * State events not published because no consumer of their address was known, on this node or any other: dropped
   * once built, or not built at all (member, presence, user and reaction events are not, when their address is
   * unheard; each counts once per dispatch whether or not it would have changed anything).
   */
  public long unheard() {
    return unheard;
  }

  /** Replayed duplicates dropped. */
  public long duplicates() {
    return seqs.duplicates();
  }
}
