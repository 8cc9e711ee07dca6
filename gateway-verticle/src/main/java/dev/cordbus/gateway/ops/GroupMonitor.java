package dev.cordbus.gateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running shard group reports for operations: one {@link ShardMeters} per shard, the group's gauges
 * ({@code cordbus_gateway_lease_epoch}, {@code cordbus_gateway_session_start_remaining}) and the startup progress
 * (shards identified x/y, the identify queue's wait, the time from the verticle's start to every shard READY), which
 * it also logs. Called on the gateway verticle's context.
 */
public final class GroupMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(GroupMonitor.class);

  private final MeterRegistry registry;
  private final String group;
  private final Tags tags;
  private final long verticleStartNanos;
  private final int shards;
  private final Set<Integer> identified = new TreeSet<>();
  private final List<Meter> meters = new ArrayList<>();
  private final List<ShardMeters> shardMeters = new ArrayList<>();
  private final BiConsumer<String, String> errors;
  /** Meter of the flow control's pauses (exported as {@code cordbus_gateway_flow_pauses_total}). */
  public static final String FLOW_PAUSES = "cordbus.gateway.flow.pauses";
  /** Meter of the time paused by the flow control ({@code cordbus_gateway_flow_paused_seconds_total}). */
  public static final String FLOW_PAUSED_SECONDS = "cordbus.gateway.flow.paused.seconds";
  /** What the flow counters read, held here: a function counter keeps only a weak reference to it. */
  private final List<LongSupplier> flowSources = new ArrayList<>();
  private long identifyWaitMs;
  private long startToReadyMs = -1;

  /**
   * @param verticleStartNanos when the gateway verticle started ({@link System#nanoTime()})
   * @param leaseEpoch the epoch of the group's lease (0 without leases)
   * @param sessionStartsRemaining the daily identify budget left as last seen, -1 if unknown
   * @param errors where errors go for the console ({@code source, message})
   */
  public GroupMonitor(MeterRegistry registry, String node, String group, int shards, long verticleStartNanos,
      LongSupplier leaseEpoch, IntSupplier sessionStartsRemaining, BiConsumer<String, String> errors) {
    this.errors = errors;
    this.registry = registry;
    this.group = group;
    this.shards = shards;
    this.verticleStartNanos = verticleStartNanos;
    this.tags = Tags.of("group", group, "node", node);
    meters.add(Gauge.builder("cordbus.gateway.lease.epoch", leaseEpoch, LongSupplier::getAsLong)
        .description("epoch of the group's cluster lease held by this node (0: no leases)").tags(tags)
        .strongReference(true).register(registry));
    meters.add(Gauge.builder("cordbus.gateway.session.start.remaining", sessionStartsRemaining,
        IntSupplier::getAsInt).description("session_start_limit.remaining as last seen (-1: unknown)").tags(tags)
        .strongReference(true).register(registry));
  }

  /**
   * The group's flow control ({@code FlowGate}): how often and how long its sockets were paused because this node's
   * consumers or another node were too far behind.
   */
  public void flow(LongSupplier pauses, LongSupplier pausedMs) {
    flowSources.add(pauses);
    flowSources.add(pausedMs);
    meters.add(io.micrometer.core.instrument.FunctionCounter.builder(FLOW_PAUSES, pauses,
        LongSupplier::getAsLong).description("pauses of the group's sockets while this node's consumers or another node "
        + "were more than the flow window behind").tags(tags).register(registry));
    meters.add(io.micrometer.core.instrument.FunctionCounter.builder(FLOW_PAUSED_SECONDS, pausedMs,
        p -> p.getAsLong() / 1000.0).description("time the group's sockets were paused by the flow control")
        .tags(tags).register(registry));
  }

  /** The meters of shard {@code id}. */
  public ShardMeters shard(int id) {
    ShardMeters m = new ShardMeters(registry, tags.and("shard", Integer.toString(id)));
    shardMeters.add(m);
    return m;
  }

  /** A shard became READY (READY or RESUMED): startup progress, logged until every shard was READY once. */
  public void onReady(int shard, long identifyWaitedMs) {
    if (!identified.add(shard)) {
      return;
    }
    identifyWaitMs += Math.max(0, identifyWaitedMs);
    long sinceStart = (System.nanoTime() - verticleStartNanos) / 1_000_000;
    LOG.info("startup: group '{}': shards identified {}/{} (shard {} READY {} ms after start; identify queue waits "
        + "so far {} ms)", group, identified.size(), shards, shard, sinceStart, identifyWaitMs);
    if (identified.size() == shards) {
      startToReadyMs = sinceStart;
      LOG.info("startup: group '{}': every shard READY {} s after start", group,
          String.format(java.util.Locale.ROOT, "%.1f", sinceStart / 1000.0));
    }
  }

  /** An error for the console's last errors (bad frame, fatal close); never the token or message content. */
  public void error(int shard, String message) {
    errors.accept("gateway " + group + " shard " + shard, message);
  }

  /** Shards READY at least once. */
  public int identified() {
    return identified.size();
  }

  /** Ms from the verticle's start to every shard READY, -1 until then. */
  public long startToReadyMs() {
    return startToReadyMs;
  }

  /** Sum of the identify queue's waits of the shards READY so far. */
  public long identifyWaitMs() {
    return identifyWaitMs;
  }

  /** Removes the group's meters (it stopped on this node). */
  public void close() {
    meters.forEach(registry::remove);
    meters.clear();
    shardMeters.forEach(ShardMeters::close);
    shardMeters.clear();
  }
}
