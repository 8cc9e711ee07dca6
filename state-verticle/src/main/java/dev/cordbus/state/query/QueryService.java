package dev.cordbus.state.query;

import dev.cordbus.api.state.StateAddresses;
import dev.cordbus.api.state.StateFailure;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.MemberEntry;
import dev.cordbus.state.cache.MemberStore;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.cache.ShardSession;
import dev.cordbus.state.cache.UserEntry;
import dev.cordbus.state.cache.VoiceStateEntry;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The request-reply query API over the cache ({@link StateAddresses}). Every query is answered from memory on the
 * verticle's event loop; an unknown id fails with a {@link StateFailure} code, never a null body.
 */
public final class QueryService {

  /** Default page size of the members query. */
  public static final int DEFAULT_PAGE = 100;
  /** Largest page size of the members query. */
  public static final int MAX_PAGE = 1000;

  private final Cache cache;

  /** A query service over {@code cache}. */
  public QueryService(Cache cache) {
    this.cache = cache;
  }

  private java.util.function.ObjLongConsumer<String> onQuery = (address, nanos) -> { };

  /** Reports each query's address and latency (metrics). */
  public void onQuery(java.util.function.ObjLongConsumer<String> listener) {
    this.onQuery = listener;
  }

  /** Registers every query consumer; the future completes when all are registered. */
  public Future<Void> register(Vertx vertx) {
    Map<String, Function<JsonObject, JsonObject>> queries = Map.ofEntries(
        Map.entry(StateAddresses.GUILD, this::guild),
        Map.entry(StateAddresses.GUILDS, this::guilds),
        Map.entry(StateAddresses.CHANNEL, this::channel),
        Map.entry(StateAddresses.CHANNELS, this::channels),
        Map.entry(StateAddresses.ROLES, this::roles),
        Map.entry(StateAddresses.ROLE, this::role),
        Map.entry(StateAddresses.MEMBER, this::member),
        Map.entry(StateAddresses.MEMBERS, this::members),
        Map.entry(StateAddresses.USER, this::user),
        Map.entry(StateAddresses.PRESENCE, this::presence),
        Map.entry(StateAddresses.VOICE_STATE, this::voiceState),
        Map.entry(StateAddresses.MESSAGE, this::message),
        Map.entry(StateAddresses.COUNTS, this::counts),
        Map.entry(StateAddresses.SELF, this::self));
    List<Future<Void>> all = new ArrayList<>();
    queries.forEach((address, query) -> all.add(vertx.eventBus().<Object>consumer(address, msg -> timed(address, msg,
        query))
        .completion()));
    return Future.all(all).mapEmpty();
  }

  private void timed(String address, Message<Object> msg, Function<JsonObject, JsonObject> query) {
    long started = System.nanoTime();
    answer(msg, query);
    onQuery.accept(address, System.nanoTime() - started);
  }

  private static void answer(Message<Object> msg, Function<JsonObject, JsonObject> query) {
    JsonObject body = msg.body() instanceof JsonObject j ? j : new JsonObject();
    try {
      msg.reply(query.apply(body));
    } catch (ReplyException e) {
      msg.fail(e.failureCode(), e.getMessage());
    } catch (RuntimeException e) {
      msg.fail(StateFailure.BAD_REQUEST.code(), "bad query: " + e.getMessage());
    }
  }

  /** Answers {@code msg} with the query at {@code address} (a per-shard query names it in a header). */
  public void answer(Message<Object> msg, String address) {
    timed(address, msg, body -> run(address, body));
  }

  /** Runs a query directly (same results as over the event bus); throws {@link ReplyException} on failure. */
  public JsonObject run(String address, JsonObject body) {
    return switch (address) {
      case StateAddresses.GUILD -> guild(body);
      case StateAddresses.GUILDS -> guilds(body);
      case StateAddresses.CHANNEL -> channel(body);
      case StateAddresses.CHANNELS -> channels(body);
      case StateAddresses.ROLES -> roles(body);
      case StateAddresses.ROLE -> role(body);
      case StateAddresses.MEMBER -> member(body);
      case StateAddresses.MEMBERS -> members(body);
      case StateAddresses.USER -> user(body);
      case StateAddresses.PRESENCE -> presence(body);
      case StateAddresses.VOICE_STATE -> voiceState(body);
      case StateAddresses.MESSAGE -> message(body);
      case StateAddresses.COUNTS -> counts(body);
      case StateAddresses.SELF -> self(body);
      default -> throw StateFailure.BAD_REQUEST.exception("no query at " + address);
    };
  }

  // ----- helpers -----

  private static long id(JsonObject body, String field) {
    Object v = body.getValue(field);
    long id = Ids.parse(v);
    if (id == 0) {
      throw StateFailure.BAD_REQUEST.exception(
          v == null ? "missing field '" + field + "'" : "field '" + field + "' is not a snowflake: " + v);
    }
    return id;
  }

  private void need(ResourceType type) {
    if (!cache.wants(type)) {
      throw StateFailure.NOT_CACHED.exception(type + " is not cached (resources policy)");
    }
  }

  /** The guild, failing UNKNOWN_GUILD, or GUILD_UNAVAILABLE when it is down and has no data. */
  private GuildEntry loadedGuild(JsonObject body) {
    long id = id(body, "guild_id");
    GuildEntry g = cache.guild(id);
    if (g == null) {
      throw StateFailure.UNKNOWN_GUILD.exception("unknown guild " + Ids.str(id));
    }
    if (g.meta == null) {
      throw StateFailure.GUILD_UNAVAILABLE.exception("guild " + Ids.str(id) + " is unavailable");
    }
    return g;
  }

  // ----- queries -----

  JsonObject guild(JsonObject body) {
    long id = id(body, "guild_id");
    GuildEntry g = cache.guild(id);
    if (g == null) {
      throw StateFailure.UNKNOWN_GUILD.exception("unknown guild " + Ids.str(id));
    }
    return g.toJson();
  }

  JsonObject guilds(JsonObject body) {
    JsonArray a = new JsonArray();
    for (long id : cache.guilds().sortedKeys()) {
      a.add(cache.guild(id).summary());
    }
    return new JsonObject().put("guilds", a);
  }

  JsonObject channel(JsonObject body) {
    need(ResourceType.CHANNEL);
    long id = id(body, "channel_id");
    GuildEntry g = cache.channels().guildOf(id);
    JsonObject ch = g == null ? null : cache.channels().json(g, id);
    if (ch == null) {
      throw StateFailure.UNKNOWN_CHANNEL.exception("unknown channel " + Ids.str(id));
    }
    return ch;
  }

  JsonObject channels(JsonObject body) {
    need(ResourceType.CHANNEL);
    GuildEntry g = loadedGuild(body);
    JsonArray channels = new JsonArray();
    for (long id : g.channels.sortedKeys()) {
      channels.add(cache.channels().withLastMessage(id, g.channels.get(id)));
    }
    JsonArray threads = new JsonArray();
    for (long id : g.threads.sortedKeys()) {
      threads.add(g.threads.get(id).toJson());
    }
    return new JsonObject().put("channels", channels).put("threads", threads);
  }

  JsonObject roles(JsonObject body) {
    need(ResourceType.ROLE);
    return new JsonObject().put("roles", loadedGuild(body).rolesJson());
  }

  JsonObject role(JsonObject body) {
    need(ResourceType.ROLE);
    GuildEntry g = loadedGuild(body);
    long id = id(body, "role_id");
    byte[] r = g.roles.get(id);
    if (r == null) {
      throw StateFailure.UNKNOWN_ROLE.exception("unknown role " + Ids.str(id));
    }
    return Blob.object(r);
  }

  JsonObject member(JsonObject body) {
    GuildEntry g = loadedGuild(body);
    long uid = id(body, "user_id");
    MemberEntry m = g.members.get(uid);
    if (m == null) {
      throw StateFailure.UNKNOWN_MEMBER.exception(
          "unknown member " + Ids.str(uid) + " in guild " + Ids.str(g.id) + " (policy " + cache.policy()
              .memberPolicy() + ")");
    }
    return m.toJson();
  }

  JsonObject members(JsonObject body) {
    GuildEntry g = loadedGuild(body);
    long after = body.getValue("after") == null ? 0 : id(body, "after");
    int limit = body.getInteger("limit", DEFAULT_PAGE);
    if (limit < 1 || limit > MAX_PAGE) {
      throw StateFailure.BAD_REQUEST.exception("field 'limit' must be in 1.." + MAX_PAGE);
    }
    long[] ids = g.members.sortedKeys();
    int from = Arrays.binarySearch(ids, after);
    from = from >= 0 ? from + 1 : -from - 1;
    JsonArray page = new JsonArray();
    int to = Math.min(ids.length, from + limit);
    for (int i = from; i < to; i++) {
      page.add(g.members.get(ids[i]).toJson());
    }
    String next = to < ids.length && to > from ? Ids.str(ids[to - 1]) : null;
    return new JsonObject().put("members", page).put("next", next).put("total", ids.length);
  }

  JsonObject user(JsonObject body) {
    long id = id(body, "user_id");
    UserEntry u = cache.users().get(id);
    if (u == null) {
      throw StateFailure.UNKNOWN_USER.exception("unknown user " + Ids.str(id));
    }
    return u.toJson();
  }

  JsonObject presence(JsonObject body) {
    need(ResourceType.PRESENCE);
    GuildEntry g = loadedGuild(body);
    long uid = id(body, "user_id");
    JsonObject p = MemberStore.presenceJson(g, uid);
    if (p == null) {
      throw StateFailure.UNKNOWN_PRESENCE.exception("no presence for " + Ids.str(uid) + " in " + Ids.str(g.id));
    }
    return p;
  }

  JsonObject voiceState(JsonObject body) {
    need(ResourceType.VOICE_STATE);
    GuildEntry g = loadedGuild(body);
    long uid = id(body, "user_id");
    VoiceStateEntry v = g.voiceStates.get(uid);
    if (v == null) {
      throw StateFailure.UNKNOWN_VOICE_STATE.exception(Ids.str(uid) + " is in no voice channel of " + Ids.str(g.id));
    }
    return v.toJson(g.id, uid);
  }

  JsonObject message(JsonObject body) {
    need(ResourceType.MESSAGE);
    long channel = id(body, "channel_id");
    long id = id(body, "message_id");
    JsonObject m = cache.messages().get(channel, id);
    if (m == null) {
      throw StateFailure.UNKNOWN_MESSAGE.exception("message " + Ids.str(id) + " is not cached");
    }
    return m;
  }

  JsonObject counts(JsonObject body) {
    if (body.getValue("guild_id") != null) {
      return cache.counts(loadedGuild(body));
    }
    return cache.counts(null);
  }

  JsonObject self(JsonObject body) {
    JsonArray shards = new JsonArray();
    for (ShardSession s : cache.shards().values()) {
      shards.add(new JsonObject().put("shard", s.shard).put("shard_count", s.shardCount)
          .put("session_id", s.sessionId).put("guilds", s.readyGuilds.size()).put("pending", s.pending.size()));
    }
    return new JsonObject().put("user", cache.users().self() == null ? null : cache.users().self().toJson()).put("shards", shards);
  }
}
