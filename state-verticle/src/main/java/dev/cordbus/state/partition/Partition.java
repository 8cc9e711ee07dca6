package dev.cordbus.state.partition;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateFailure;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.ShardSession;
import dev.cordbus.state.chunk.MemberRequests;
import dev.cordbus.state.query.QueryService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A state verticle's share of a partitioned deployment: it owns the shards {@link PartitionConfig#ownedShards()} of
 * {@link PartitionConfig#shardCount()} shards.
 *
 * <ul>
 *   <li>Queries and the state-served gateway commands arrive on {@link StateAddresses#shard(int)} for each owned shard,
 *       the query's address in the {@link StateAddresses#QUERY_HEADER} header ({@code StateClient} routes them).</li>
 *   <li>A shard's cache is whole once its READY and every guild it lists arrived; until then every query that needs
 *       the shard fails {@link StateFailure#REBUILDING} instead of answering from a partial cache.</li>
 *   <li>Recovery: every {@link PartitionConfig#rebuildCheckMs()} the verticle asks the gateway owner of each shard it has
 *       no READY of to re-identify ({@link Addresses#REIDENTIFY_OP}); the fresh READY + GUILD_CREATE stream refills
 *       the cache. A shard still connecting answers "pending" and its READY comes anyway.</li>
 *   <li>The group is announced in {@link StateAddresses#LAYOUT_MAP} (cluster-wide shared data) with a time-to-live,
 *       refreshed at the same period and removed on stop.</li>
 * </ul>
 */
public final class Partition {

  private static final Logger LOG = LoggerFactory.getLogger(Partition.class);
  /** Time-to-live of the layout entry, in check periods. */
  static final int LAYOUT_TTL_PERIODS = 5;
  /** Queries that need every owned shard (they are scattered to one shard per group). */
  static final Set<String> GROUP_WIDE = Set.of(StateAddresses.GUILDS, StateAddresses.USER, StateAddresses.CHANNEL,
      StateAddresses.MESSAGE, StateAddresses.SELF);

  private final Vertx vertx;
  private final PartitionConfig options;
  private final Cache cache;
  private final QueryService queries;
  private final MemberRequests requests;
  /** When each shard was last asked to re-identify (millis), for the back-off. */
  private final Map<Integer, Long> askedAt = new HashMap<>();
  /** Per shard with a session but guilds still missing: {pending count, since when unchanged}. */
  private final Map<Integer, long[]> stalls = new HashMap<>();
  /** Shards re-identified for a stall; a second stall of the same shard is accepted instead (see stalled). */
  private final Set<Integer> stallRetried = new HashSet<>();
  /** No re-identify before this instant: a READY published just before our consumers were known may be in flight. */
  private long graceUntil;
  private long timer = -1;
  private long reidentifies;

  /** The partition of a verticle with these parts (all used on the verticle's event loop). */
  public Partition(Vertx vertx, PartitionConfig options, Cache cache, QueryService queries, MemberRequests requests) {
    this.vertx = vertx;
    this.options = options;
    this.cache = cache;
    this.queries = queries;
    this.requests = requests;
  }

  /** Registers the per-shard consumers, announces the group and starts the rebuild checks. */
  public Future<Void> start() {
    List<Future<Void>> all = new ArrayList<>();
    for (int shard : options.ownedShards()) {
      all.add(vertx.eventBus().<Object>consumer(StateAddresses.shard(shard), m -> onRequest(shard, m)).completion());
    }
    graceUntil = System.currentTimeMillis() + options.rebuildGraceMs();
    return Future.all(all).compose(v -> announce()).onSuccess(v -> {
      timer = vertx.setPeriodic(options.rebuildCheckMs(), id -> {
        check();
        announce();
      });
      LOG.info("state group '{}' owns shards {} of {}", options.group(), options.ownedShards(), options.shardCount());
    });
  }

  /** Stops the checks and withdraws the group from the layout. */
  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return vertx.sharedData().<String, JsonObject>getAsyncMap(StateAddresses.LAYOUT_MAP)
        .compose(m -> m.remove(options.group())).mapEmpty();
  }

  /** Whether the cache of {@code shard} is whole: READY seen and every guild it listed arrived or reported down. */
  public boolean ready(int shard) {
    ShardSession s = cache.shards().get(shard);
    return s != null && s.sessionId != null && s.pending.isEmpty();
  }

  /** Shards owned and not ready. */
  public List<Integer> rebuilding() {
    return options.ownedShards().stream().filter(s -> !ready(s)).toList();
  }

  /** Re-identify requests the gateway carried out. */
  public long reidentifies() {
    return reidentifies;
  }

  private void onRequest(int shard, Message<Object> msg) {
    String address = msg.headers().get(StateAddresses.QUERY_HEADER);
    if (address == null) {
      msg.fail(StateFailure.BAD_REQUEST.code(), "per-shard state request without a '" + StateAddresses.QUERY_HEADER
          + "' header");
      return;
    }
    if (requests.handle(address, msg)) {
      return;
    }
    List<Integer> notReady = GROUP_WIDE.contains(address) || StateAddresses.COUNTS.equals(address)
        && !(msg.body() instanceof JsonObject j && j.containsKey("guild_id"))
        ? rebuilding() : ready(shard) ? List.of() : List.of(shard);
    if (!notReady.isEmpty()) {
      msg.fail(StateFailure.REBUILDING.code(), "state of shard(s) " + notReady + " is rebuilding (group '"
          + options.group() + "' has not seen READY and every GUILD_CREATE yet); retry");
      return;
    }
    queries.answer(msg, address);
  }

  /**
   * Asks the gateway to re-identify each owned shard that has no READY yet, or whose missing guilds have not
   * changed for {@code rebuildStallMs} (a GUILD_CREATE lost while the cluster learned our consumers); with a
   * back-off per shard and not during the start grace.
   */
  void check() {
    long now = System.currentTimeMillis();
    if (now < graceUntil) {
      return;
    }
    for (int shard : options.ownedShards()) {
      ShardSession s = cache.shards().get(shard);
      if (s != null && s.sessionId != null && !stalled(s, now)) {
        continue;
      }
      Long last = askedAt.get(shard);
      if (last != null && now - last < options.rebuildStallMs()) { // the READY is on its way
        continue;
      }
      askedAt.put(shard, now);
      vertx.eventBus().<JsonObject>request(Addresses.gatewayShard(shard), new JsonObject().put("op",
              Addresses.REIDENTIFY_OP), new DeliveryOptions().setSendTimeout(5_000))
          .onSuccess(r -> {
            String action = r.body() == null ? "?" : r.body().getString("action", "?");
            if ("reidentify".equals(action)) {
              reidentifies++;
            }
            LOG.info("shard {}: no READY seen by state group '{}'; gateway answered '{}'", shard, options.group(),
                action);
          })
          .onFailure(err -> {
            askedAt.remove(shard); // no gateway owns it yet (or it did not answer): ask again next check
            LOG.debug("shard {}: re-identify not taken: {}", shard, err instanceof ReplyException re
                ? re.failureType() + " " + re.getMessage() : err.toString());
          });
    }
  }

  /**
   * Whether a shard with a session has been missing the same number of READY guilds for {@code rebuildStallMs}: the
   * first time a re-identify is asked; if the guilds are still missing after it, Discord is not sending them (an
   * outage): they stay cached as unavailable (queries answer GUILD_UNAVAILABLE) and the shard counts as whole, so a
   * long outage never turns into a loop of identifies.
   */
  private boolean stalled(ShardSession s, long now) {
    if (s.pending.isEmpty()) {
      stalls.remove(s.shard);
      stallRetried.remove(s.shard);
      return false;
    }
    long[] st = stalls.get(s.shard);
    if (st == null || st[0] != s.pending.size()) {
      stalls.put(s.shard, new long[] {s.pending.size(), now});
      return false;
    }
    if (now - st[1] < options.rebuildStallMs()) {
      return false;
    }
    stalls.remove(s.shard);
    if (stallRetried.remove(s.shard)) {
      LOG.warn("shard {}: {} guild(s) of READY still missing after a re-identify; answering for them as unavailable",
          s.shard, s.pending.size());
      s.pending.clear();
      return false;
    }
    stallRetried.add(s.shard);
    LOG.warn("shard {}: {} guild(s) of READY never arrived in {} ms", s.shard, s.pending.size(),
        options.rebuildStallMs());
    return true;
  }

  private Future<Void> announce() {
    JsonObject entry = new JsonObject().put("group", options.group())
        .put("shards", new JsonArray(new ArrayList<>(options.ownedShards()))).put("shardCount", options.shardCount())
        .put("rebuilding", new JsonArray(new ArrayList<>(rebuilding())));
    return vertx.sharedData().<String, JsonObject>getAsyncMap(StateAddresses.LAYOUT_MAP)
        .compose(m -> m.put(options.group(), entry, options.rebuildCheckMs() * LAYOUT_TTL_PERIODS))
        .onFailure(err -> LOG.warn("could not announce state group '{}': {}", options.group(), err.toString()));
  }
}
