package dev.cordbus.gateway;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.cluster.SessionStore;
import dev.cordbus.gateway.shard.Session;
import dev.cordbus.gateway.shard.Shard;
import dev.cordbus.gateway.shard.ShardEnv;
import dev.cordbus.gateway.shard.ShardState;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shards of one group while a gateway verticle runs it: the {@link Shard}s, their command consumers
 * ({@code discord.gateway.shard.<id>}), group readiness, and, with a {@link SessionStore}, the periodic write of
 * each shard's session to the cluster. Runs on the verticle's context.
 *
 * <p>Session writes lag one flush period: what is written at tick N is the seq seen at tick N-1, so everything
 * published up to it has had a full period to leave this node's event bus. A node that dies therefore resumes from
 * a slightly older seq (consumers see some dispatches twice, with the same {@code session}/{@code seq} headers),
 * never from a seq whose dispatches it had not yet handed over.
 */
final class ShardGroup {

  private static final Logger LOG = LoggerFactory.getLogger(ShardGroup.class);

  private record Written(String sessionId, long seq) {
  }

  private final String name;
  private final ShardEnv env;
  private final int shardCount;
  private final SessionStore store;
  private final ShardCommands commands;
  private final Consumer<Shard> readyListener;
  private final Map<Integer, Shard> shards = new LinkedHashMap<>();
  private final Set<Integer> readyShards = new TreeSet<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final Map<Integer, Long> lagSeq = new HashMap<>();
  private final Map<Integer, Written> written = new HashMap<>();
  private boolean groupReadyPublished;
  private long flushTimer = -1;

  /**
   * The group {@code name} of shards {@code ids}; {@code store} keeps their sessions in the cluster (null: not
   * clustered); {@code commands} answers the gateway commands addressed to them; {@code readyListener} hears of
   * each shard that becomes READY after the group did.
   */
  ShardGroup(String name, List<Integer> ids, int shardCount, ShardEnv env, SessionStore store,
      ShardCommands commands, Consumer<Shard> readyListener) {
    this.name = name;
    this.env = env;
    this.shardCount = shardCount;
    this.store = store;
    this.commands = commands;
    this.readyListener = readyListener;
    for (int id : ids) {
      shards.put(id, new Shard(id, shardCount, env, this::onShardReady));
    }
  }

  String name() {
    return name;
  }

  Shard shard(int id) {
    return shards.get(id);
  }

  /** Seeds stored sessions (RESUME instead of IDENTIFY). */
  void restore(Map<Integer, SessionStore.Stored> stored) {
    stored.forEach((id, s) -> {
      Shard shard = shards.get(id);
      if (shard != null) {
        LOG.info("group '{}': shard {} resumes session {} from seq {} (kept in the cluster)", name, id,
            s.session().id(), s.seq());
        shard.restore(s.session(), s.seq());
        written.put(id, new Written(s.session().id(), s.seq()));
        lagSeq.put(id, s.seq());
      }
    });
  }

  /** Registers the shards' command consumers, then starts the shards and the session flusher. */
  Future<Void> start(long flushMs) {
    List<Future<Void>> registered = new ArrayList<>();
    for (Shard shard : shards.values()) {
      MessageConsumer<JsonObject> c = env.vertx().eventBus().consumer(Addresses.gatewayShard(shard.id()),
          m -> commands.onShardCommand(shard, m));
      consumers.add(c);
      registered.add(c.completion());
    }
    return Future.all(registered).<Void>mapEmpty().onSuccess(v -> {
      shards.values().forEach(Shard::start);
      if (store != null) {
        flushTimer = env.vertx().setPeriodic(flushMs, t -> flush(false));
      }
    });
  }

  /** A shard became READY (after READY or RESUMED). */
  private void onShardReady(Shard shard) {
    readyShards.add(shard.id());
    env.monitor().onReady(shard.id(), shard.lastIdentifyWaitMs());
    if (!groupReadyPublished && readyShards.containsAll(shards.keySet())
        && shards.values().stream().allMatch(s -> s.state() == ShardState.READY)) {
      groupReadyPublished = true;
      LOG.info("group '{}': every shard is READY {}", name, shards.keySet());
      env.publisher().groupReady(new JsonObject()
          .put("shards", new JsonArray(new ArrayList<>(shards.keySet()))).put("shardCount", shardCount));
    }
    readyListener.accept(shard);
  }

  /** Writes changed sessions: the seq of the previous tick ({@code now}: the current seq, on a graceful stop). */
  private void flush(boolean now) {
    if (!env.mayRun().getAsBoolean()) {
      return;
    }
    for (Shard shard : shards.values()) {
      Session s = shard.session();
      long current = shard.seq();
      Long previous = lagSeq.put(shard.id(), current);
      long seq = now ? current : previous == null ? -1 : Math.min(previous, current);
      Written w = s == null ? null : new Written(s.id(), seq);
      Written last = written.get(shard.id());
      if (Objects.equals(w, last) || (w != null && seq < 0)) {
        continue;
      }
      written.put(shard.id(), w);
      store.save(shard.id(), s, seq).onFailure(e -> {
        written.remove(shard.id());
        LOG.warn("group '{}': could not keep shard {}'s session in the cluster: {}", name, shard.id(), e.toString());
      });
    }
  }

  /**
   * Stops the shards (4000 keeps the sessions resumable, 1000 ends them), unregisters the consumers and, when
   * {@code saveSessions} and the lease still holds, writes the final sessions.
   */
  Future<Void> stop(boolean keepSessions, boolean saveSessions) {
    if (flushTimer >= 0) {
      env.vertx().cancelTimer(flushTimer);
      flushTimer = -1;
    }
    env.publisher().close(); // a paused socket would not read the close handshake
    List<Future<Void>> closing = new ArrayList<>();
    shards.values().forEach(s -> closing.add(s.stop(keepSessions)));
    consumers.forEach(c -> closing.add(c.unregister()));
    return Future.join(closing).transform(ar -> {
      env.monitor().close();
      if (store != null && saveSessions && keepSessions) {
        flush(true);
      } else if (store != null && saveSessions && env.mayRun().getAsBoolean()) {
        shards.keySet().forEach(id -> store.save(id, null, -1));
      }
      return Future.<Void>succeededFuture();
    });
  }

  /** The group's shard statuses. */
  JsonArray status() {
    JsonArray list = new JsonArray();
    shards.values().forEach(s -> list.add(s.status()));
    return list;
  }

  /** Whether every shard is READY (so each has a session another node can resume). */
  boolean allReady() {
    return shards.values().stream().allMatch(s -> s.state() == ShardState.READY && s.session() != null);
  }

  /** The group's meters and startup progress. */
  dev.cordbus.gateway.ops.GroupMonitor monitor() {
    return env.monitor();
  }

  /** The shards (read on the verticle's context). */
  java.util.Collection<Shard> shards() {
    return shards.values();
  }

  /** The shard ids. */
  List<Integer> ids() {
    return new ArrayList<>(shards.keySet());
  }
}
