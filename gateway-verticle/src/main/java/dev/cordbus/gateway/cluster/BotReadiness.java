package dev.cordbus.gateway.cluster;

import dev.cordbus.api.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.Collection;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@code discord.bot.ready} once every shard of the configured shard count is READY, wherever in the
 * cluster each runs. One record per shard count in the map {@value #MAP} (a Vert.x shared map: Hazelcast when
 * clustered, in-process otherwise), key {@code <shardCount>}, value {@code {since, complete, ready:{shard: session}}}
 * changed by compare-and-set; the node whose write makes the record complete publishes, so the event goes out once
 * per completion, from one node. A shard leaves the record when its group stops with its sessions ended; a shard
 * that resumes or moves to another node keeps its place (its session goes on), so failovers do not repeat the event;
 * a group that starts takes out the shards it will IDENTIFY afresh (a restart that lost the sessions is a new
 * completion).
 */
public final class BotReadiness {

  private static final Logger LOG = LoggerFactory.getLogger(BotReadiness.class);
  /** The shared map holding the readiness records. */
  public static final String MAP = "cordbus.gateway.ready";

  private final Vertx vertx;
  private final int shardCount;
  private final String key;
  private final Future<AsyncMap<String, String>> map;

  public BotReadiness(Vertx vertx, int shardCount) {
    this.vertx = vertx;
    this.shardCount = shardCount;
    this.key = Integer.toString(shardCount);
    this.map = vertx.sharedData().getAsyncMap(MAP);
  }

  /**
   * A group of this node starts: opens the record (its {@code since} is when the first group started) and takes out
   * the shards that will IDENTIFY (no session to resume: they are not ready until their new READY, even when a
   * previous run left them in the record). Never fails: without the shared map the shards still start, only
   * {@code discord.bot.ready} may be missing (logged).
   */
  public Future<Void> starting(Collection<Integer> identifying) {
    long now = System.currentTimeMillis();
    return map.compose(m -> m.putIfAbsent(key, fresh(now).encode()))
        .compose(v -> identifying.isEmpty() ? Future.<Void>succeededFuture() : dropped(identifying))
        .<Void>mapEmpty().recover(e -> {
      LOG.warn("could not open the bot readiness record (discord.bot.ready may not come): {}", e.toString());
      return Future.succeededFuture();
    });
  }

  /** Shard {@code shard} is READY (after READY or RESUMED) with session {@code sessionId}. */
  public Future<Void> ready(int shard, String sessionId) {
    return update(state -> {
      state.getJsonObject("ready").put(Integer.toString(shard), sessionId == null ? "" : sessionId);
      return state;
    });
  }

  /** The shards' sessions ended (their group stopped without keeping them): the bot is no longer complete. */
  public Future<Void> dropped(Collection<Integer> shards) {
    return update(state -> {
      JsonObject ready = state.getJsonObject("ready");
      shards.forEach(s -> ready.remove(Integer.toString(s)));
      if (state.getBoolean("complete")) {
        state.put("complete", false).put("since", System.currentTimeMillis());
      }
      return state;
    });
  }

  private static JsonObject fresh(long now) {
    return new JsonObject().put("since", now).put("complete", false).put("ready", new JsonObject());
  }

  /** Applies {@code change} by compare-and-set; publishes when this write completed the record. */
  private Future<Void> update(UnaryOperator<JsonObject> change) {
    return map.compose(m -> m.get(key).compose(old -> {
      long now = System.currentTimeMillis();
      JsonObject before = old == null ? fresh(now) : new JsonObject(old);
      boolean wasComplete = before.getBoolean("complete");
      JsonObject after = change.apply(before.copy());
      boolean completes = !wasComplete && allReady(after.getJsonObject("ready"));
      if (completes) {
        after.put("complete", true);
      }
      String next = after.encode();
      Future<Boolean> cas = old == null ? m.putIfAbsent(key, next).map(p -> p == null)
          : m.replaceIfPresent(key, old, next);
      return cas.compose(ok -> {
        if (!ok) {
          return update(change);
        }
        if (completes) {
          publish(now - before.getLong("since"), now);
        }
        return Future.<Void>succeededFuture();
      });
    })).onFailure(e -> LOG.warn("could not update the bot readiness record: {}", e.toString()));
  }

  private boolean allReady(JsonObject ready) {
    for (int s = 0; s < shardCount; s++) {
      if (!ready.containsKey(Integer.toString(s))) {
        return false;
      }
    }
    return true;
  }

  private void publish(long readyMs, long now) {
    JsonArray shards = new JsonArray();
    for (int s = 0; s < shardCount; s++) {
      shards.add(s);
    }
    LOG.info("every shard of {} is READY ({} ms); publishing {}", shardCount, readyMs, Addresses.BOT_READY);
    vertx.eventBus().publish(Addresses.BOT_READY, new JsonObject().put("shardCount", shardCount)
        .put("shards", shards).put("readyMs", Math.max(0, readyMs)).put("readyAt", now));
  }
}
