package dev.cordbus.state.chunk;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Shards;
import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateFailure;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.store.Ids;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway commands served by the state verticle: request guild members (op 8, with a fresh nonce, gathering
 * GUILD_MEMBERS_CHUNK until {@code chunk_count} or failing on RATE_LIMITED / timeout), presence update (op 3) and
 * voice state update (op 4), each sent on the shard that owns the guild via {@link Addresses#gatewayShard(int)}.
 */
public final class MemberRequests {

  private static final Logger LOG = LoggerFactory.getLogger(MemberRequests.class);

  private final Vertx vertx;
  private final Cache cache;
  private final long defaultTimeoutMs;
  private final Map<String, PendingRequest> pending = new HashMap<>();
  private final SecureRandom random = new SecureRandom();
  private long counter;

  /** Requests on {@code vertx} using {@code cache} to find shards. */
  public MemberRequests(Vertx vertx, Cache cache, long defaultTimeoutMs) {
    this.vertx = vertx;
    this.cache = cache;
    this.defaultTimeoutMs = defaultTimeoutMs;
  }

  /** Registers the command consumers. */
  public Future<Void> register() {
    return Future.all(List.of(
        vertx.eventBus().<Object>consumer(StateAddresses.REQUEST_MEMBERS, this::requestMembers).completion(),
        vertx.eventBus().<Object>consumer(StateAddresses.UPDATE_PRESENCE, this::updatePresence).completion(),
        vertx.eventBus().<Object>consumer(StateAddresses.UPDATE_VOICE_STATE, this::updateVoiceState).completion()))
        .mapEmpty();
  }

  /**
   * Serves the command at {@code address} (one of the three gateway commands of {@link StateAddresses}) for a
   * per-shard request; false when {@code address} is not one of them.
   */
  public boolean handle(String address, Message<Object> msg) {
    switch (address) {
      case StateAddresses.REQUEST_MEMBERS -> requestMembers(msg);
      case StateAddresses.UPDATE_PRESENCE -> updatePresence(msg);
      case StateAddresses.UPDATE_VOICE_STATE -> updateVoiceState(msg);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Number of requests waiting for chunks. */
  public int pending() {
    return pending.size();
  }

  /** The shard owning a guild: the one its dispatches came on, else the shard maths; -1 when unknown. */
  int shardOf(long guildId) {
    GuildEntry g = cache.guild(guildId);
    if (g != null) {
      return g.shard;
    }
    int count = cache.shards().values().stream().mapToInt(s -> s.shardCount).max().orElse(0);
    return count == 0 ? -1 : Shards.shardOf(guildId, count);
  }

  /** A fresh nonce (at most 32 bytes, as Discord requires). */
  String nonce() {
    return "cb" + Long.toString(++counter, 36) + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
  }

  private static JsonObject body(Message<Object> msg) {
    return msg.body() instanceof JsonObject j ? j : new JsonObject();
  }

  void requestMembers(Message<Object> msg) {
    JsonObject req = body(msg);
    long guildId = Ids.get(req, "guild_id");
    if (guildId == 0) {
      msg.fail(StateFailure.BAD_REQUEST.code(), "missing or malformed field 'guild_id'");
      return;
    }
    int shard = shardOf(guildId);
    if (shard < 0) {
      msg.fail(StateFailure.NO_SHARD.code(), "no shard known for guild " + Ids.str(guildId) + " (no READY yet)");
      return;
    }
    String nonce = nonce();
    JsonObject d = new JsonObject().put("guild_id", Ids.str(guildId)).put("nonce", nonce)
        .put("presences", Boolean.TRUE.equals(req.getValue("presences")));
    if (req.getValue("user_ids") != null) {
      d.put("user_ids", req.getValue("user_ids"));
    } else {
      d.put("query", req.getString("query", "")).put("limit", req.getInteger("limit", 0));
    }
    long timeout = req.getValue("timeoutMs") instanceof Number n ? n.longValue() : defaultTimeoutMs;
    PendingRequest p = new PendingRequest(msg, guildId, nonce);
    p.timer = vertx.setTimer(timeout, t -> {
      if (pending.remove(nonce) != null) {
        msg.fail(StateFailure.TIMEOUT.code(), "member request " + nonce + " for guild " + Ids.str(guildId)
            + " timed out after " + timeout + " ms with " + p.chunks + " chunk(s)");
      }
    });
    pending.put(nonce, p);
    vertx.eventBus().request(Addresses.gatewayShard(shard), new JsonObject().put("op", 8).put("d", d))
        .onFailure(err -> {
          if (pending.remove(nonce) != null) {
            vertx.cancelTimer(p.timer);
            msg.fail(StateFailure.NO_SHARD.code(), "shard " + shard + " did not take the request: " + err.getMessage());
          }
        });
  }

  /**
   * Asks {@code shard} for every member of {@code g} when its GUILD_CREATE brought fewer than {@code member_count}
   * (Discord sends only some members of a large guild); the chunks are cached like any GUILD_MEMBERS_CHUNK. Nothing
   * waits for them: a refusal is logged.
   */
  public void chunkIfLarge(GuildEntry g, int shard) {
    if (g == null || g.memberCount <= g.members.size()) {
      return;
    }
    JsonObject d = new JsonObject().put("guild_id", Ids.str(g.id)).put("query", "").put("limit", 0);
    vertx.eventBus().request(Addresses.gatewayShard(shard), new JsonObject().put("op", 8).put("d", d))
        .onFailure(err -> LOG.warn("could not ask shard {} for the members of guild {}: {}", shard, Ids.str(g.id),
            err.getMessage()));
  }

  /** Feeds a GUILD_MEMBERS_CHUNK dispatch; completes its request at the last chunk. */
  public void onChunk(JsonObject d) {
    PendingRequest p = pending.get(d.getString("nonce", ""));
    if (p == null) {
      return;
    }
    p.add(d);
    if (p.complete()) {
      pending.remove(p.nonce);
      vertx.cancelTimer(p.timer);
      p.message.reply(p.result());
    }
  }

  /** Feeds a RATE_LIMITED dispatch: fails the request with that nonce with its {@code retry_after}. */
  public void onRateLimited(JsonObject d) {
    JsonObject meta = d.getJsonObject("meta", new JsonObject());
    PendingRequest p = pending.remove(meta.getString("nonce", ""));
    if (p == null) {
      LOG.info("RATE_LIMITED for opcode {} with no pending request (retry_after {} s)", d.getValue("opcode"),
          d.getValue("retry_after"));
      return;
    }
    vertx.cancelTimer(p.timer);
    p.message.fail(StateFailure.RATE_LIMITED.code(), "member request for guild " + Ids.str(p.guildId)
        + " rate limited by Discord, retry_after=" + d.getValue("retry_after"));
  }

  void updatePresence(Message<Object> msg) {
    JsonObject d = body(msg);
    if (cache.shards().isEmpty()) {
      msg.fail(StateFailure.NO_SHARD.code(), "no shard known yet (no READY)");
      return;
    }
    List<Future<Object>> sends = cache.shards().values().stream()
        .map(s -> vertx.eventBus().request(Addresses.gatewayShard(s.shard), new JsonObject().put("op", 3).put("d", d))
            .map(r -> (Object) s.shard))
        .toList();
    Future.all(sends).onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(new JsonObject().put("shards", new JsonArray(cache.shards().values().stream()
            .map(s -> (Object) s.shard).toList())));
      } else {
        msg.fail(StateFailure.NO_SHARD.code(), "presence update not sent on every shard: " + ar.cause().getMessage());
      }
    });
  }

  void updateVoiceState(Message<Object> msg) {
    JsonObject req = body(msg);
    long guildId = Ids.get(req, "guild_id");
    if (guildId == 0) {
      msg.fail(StateFailure.BAD_REQUEST.code(), "missing or malformed field 'guild_id'");
      return;
    }
    int shard = shardOf(guildId);
    if (shard < 0) {
      msg.fail(StateFailure.NO_SHARD.code(), "no shard known for guild " + Ids.str(guildId));
      return;
    }
    JsonObject d = new JsonObject().put("guild_id", Ids.str(guildId)).put("channel_id", req.getValue("channel_id"))
        .put("self_mute", Boolean.TRUE.equals(req.getValue("self_mute")))
        .put("self_deaf", Boolean.TRUE.equals(req.getValue("self_deaf")));
    vertx.eventBus().request(Addresses.gatewayShard(shard), new JsonObject().put("op", 4).put("d", d))
        .onSuccess(r -> msg.reply(new JsonObject().put("shard", shard)))
        .onFailure(err -> msg.fail(StateFailure.NO_SHARD.code(), "shard " + shard + ": " + err.getMessage()));
  }

  /** Forgets pending requests (verticle stop). */
  public void close() {
    pending.values().forEach(p -> {
      vertx.cancelTimer(p.timer);
      p.message.fail(StateFailure.TIMEOUT.code(), "state verticle stopped");
    });
    pending.clear();
  }

}
