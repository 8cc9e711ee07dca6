package dev.cordbus.api.client;

import dev.cordbus.api.Shards;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes state queries and the state-served gateway commands to the state verticle that owns the answer.
 *
 * <p>With no partitioned state verticle announced in {@link StateAddresses#LAYOUT_MAP} (the all-shards demo) every
 * query goes to its plain address, as before. Otherwise a guild-scoped query goes to the owner of the guild's shard
 * ({@code (guild_id >> 22) % shardCount}) on {@link StateAddresses#shard(int)}, and the others are scattered to one
 * shard address per group and gathered: lists are concatenated, counts added, look-ups by id answered by the group
 * that knows the id. A group that cannot answer makes the whole answer fail {@link StateFailure#REBUILDING}: a
 * gathered answer is never silently partial.
 */
final class StateRouter {

  /** How long a read of the layout map is reused. */
  static final long LAYOUT_TTL_MS = 1_000;

  /** Queries answered by the owner of {@code guild_id}'s shard. */
  static final Set<String> GUILD_SCOPED = Set.of(StateAddresses.GUILD, StateAddresses.CHANNELS, StateAddresses.ROLES,
      StateAddresses.ROLE, StateAddresses.MEMBER, StateAddresses.MEMBERS, StateAddresses.PRESENCE,
      StateAddresses.VOICE_STATE, StateAddresses.REQUEST_MEMBERS, StateAddresses.UPDATE_VOICE_STATE);
  /** Look-ups by an id that is not a guild: the first group that knows it answers. */
  static final Set<String> FIRST_FOUND = Set.of(StateAddresses.USER, StateAddresses.CHANNEL, StateAddresses.MESSAGE);

  private final Vertx vertx;
  /** The last layout read (replaced whole; a stale read only costs one REBUILDING answer). */
  private volatile StateLayout layout;
  private volatile long layoutReadAt;

  StateRouter(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Sends {@code body} to wherever {@code address} is answered. */
  Future<JsonObject> request(String address, JsonObject body, DeliveryOptions options) {
    return layout().compose(l -> {
      if (!l.partitioned()) {
        return plain(address, body, options);
      }
      if (GUILD_SCOPED.contains(address) || (StateAddresses.COUNTS.equals(address) && body.containsKey("guild_id"))) {
        int shard;
        try {
          shard = Shards.shardOf(body.getString("guild_id"), l.shardCount());
        } catch (RuntimeException e) {
          return Future.failedFuture(StateFailure.BAD_REQUEST.exception("missing or malformed field 'guild_id'"));
        }
        return toShard(shard, address, body, options);
      }
      if (!l.uncovered().isEmpty()) {
        layoutReadAt = 0;
        return Future.failedFuture(StateFailure.REBUILDING.exception("no state verticle serves shard(s) "
            + l.uncovered() + " right now, so " + address + " cannot be answered for every shard"));
      }
      List<Future<JsonObject>> answers = new ArrayList<>();
      for (int shard : l.onePerGroup()) {
        answers.add(toShard(shard, address, body, options));
      }
      return Future.join(answers).transform(ar -> gather(address, answers));
    });
  }

  private Future<JsonObject> plain(String address, JsonObject body, DeliveryOptions options) {
    return vertx.eventBus().<JsonObject>request(address, body, options).map(Message::body);
  }

  private Future<JsonObject> toShard(int shard, String address, JsonObject body, DeliveryOptions options) {
    DeliveryOptions o = new DeliveryOptions(options).addHeader(StateAddresses.QUERY_HEADER, address);
    return vertx.eventBus().<JsonObject>request(StateAddresses.shard(shard), body, o).map(Message::body)
        .recover(err -> {
          if (err instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
            layoutReadAt = 0; // the layout may have changed
            return Future.failedFuture(StateFailure.REBUILDING.exception(
                "no state verticle serves shard " + shard + " right now (starting or moving after a failure)"));
          }
          return Future.failedFuture(err);
        });
  }

  private static Future<JsonObject> gather(String address, List<Future<JsonObject>> answers) {
    List<JsonObject> ok = new ArrayList<>();
    Throwable unknown = null;
    Throwable other = null;
    for (Future<JsonObject> f : answers) {
      if (f.succeeded()) {
        ok.add(f.result());
      } else if (isUnknown(f.cause())) {
        unknown = f.cause();
      } else {
        other = f.cause();
      }
    }
    if (FIRST_FOUND.contains(address)) {
      if (!ok.isEmpty()) {
        return Future.succeededFuture(ok.get(0));
      }
      return Future.failedFuture(other != null ? other : unknown);
    }
    if (other != null || unknown != null) {
      return Future.failedFuture(other != null ? other : unknown);
    }
    return Future.succeededFuture(merge(address, ok));
  }

  private static boolean isUnknown(Throwable t) {
    StateFailure f = StateFailure.of(t);
    return f != null && f.name().startsWith("UNKNOWN_");
  }

  /** Merges the answers of every group (all succeeded). */
  static JsonObject merge(String address, List<JsonObject> parts) {
    switch (address) {
      case StateAddresses.GUILDS -> {
        List<JsonObject> all = new ArrayList<>();
        parts.forEach(p -> p.getJsonArray("guilds", new JsonArray()).forEach(o -> all.add((JsonObject) o)));
        all.sort(Comparator.comparing(g -> Long.parseUnsignedLong(g.getString("id"))));
        return new JsonObject().put("guilds", new JsonArray(new ArrayList<>(all)));
      }
      case StateAddresses.COUNTS -> {
        JsonObject sum = new JsonObject();
        for (JsonObject p : parts) {
          for (Map.Entry<String, Object> e : p) {
            if (e.getValue() instanceof Number n) {
              sum.put(e.getKey(), sum.getLong(e.getKey(), 0L) + n.longValue());
            }
          }
        }
        return sum;
      }
      default -> {
        // SELF, UPDATE_PRESENCE: concatenate the shard lists; other fields from the first answer that has them
        JsonObject out = new JsonObject();
        JsonArray shards = new JsonArray();
        for (JsonObject p : parts) {
          p.getJsonArray("shards", new JsonArray()).forEach(shards::add);
          for (Map.Entry<String, Object> e : p) {
            if (!"shards".equals(e.getKey()) && out.getValue(e.getKey()) == null) {
              out.put(e.getKey(), e.getValue());
            }
          }
        }
        return out.put("shards", shards);
      }
    }
  }

  private Future<StateLayout> layout() {
    long now = System.currentTimeMillis();
    if (layout != null && now - layoutReadAt < LAYOUT_TTL_MS) {
      return Future.succeededFuture(layout);
    }
    return vertx.sharedData().<String, JsonObject>getAsyncMap(StateAddresses.LAYOUT_MAP)
        .compose(m -> m.entries())
        .map(entries -> {
          layout = StateLayout.of(entries.values());
          layoutReadAt = now;
          return layout;
        });
  }
}
