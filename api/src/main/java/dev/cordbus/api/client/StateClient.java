package dev.cordbus.api.client;

import dev.cordbus.api.model.Channel;
import dev.cordbus.api.model.Guild;
import dev.cordbus.api.model.Member;
import dev.cordbus.api.model.MembersChunk;
import dev.cordbus.api.model.MembersPage;
import dev.cordbus.api.model.Message;
import dev.cordbus.api.model.Presence;
import dev.cordbus.api.model.Role;
import dev.cordbus.api.model.User;
import dev.cordbus.api.model.VoiceState;
import dev.cordbus.api.state.StateAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Typed state queries and gateway commands for Java bots. Failures are {@code ReplyException}s whose code is a
 * {@link dev.cordbus.api.state.StateFailure} (e.g. UNKNOWN_MEMBER, or REBUILDING while the owner of a shard
 * rebuilds its cache); use {@code StateFailure.of(throwable)}. Works from any node; see {@link StateRouter}.
 */
public final class StateClient {

  private final DeliveryOptions options;
  private final StateRouter router;

  StateClient(Vertx vertx, long timeoutMs) {
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
    this.router = new StateRouter(vertx);
  }

  /**
   * The raw JSON answer of a query, from the state verticle that owns it: the plain address with one all-shards
   * state verticle, else the owner of the guild's shard, or every group gathered (see {@link StateRouter}).
   */
  public Future<JsonObject> query(String address, JsonObject body) {
    return router.request(address, body, options);
  }

  private <T> Future<T> query(String address, JsonObject body, Class<T> type) {
    return query(address, body).map(j -> j.mapTo(type));
  }

  private <T> Future<List<T>> list(String address, JsonObject body, String key, Class<T> type) {
    return query(address, body).map(j -> j.getJsonArray(key).stream().map(o -> ((JsonObject) o).mapTo(type)).toList());
  }

  public Future<Guild> guild(String guildId) {
    return query(StateAddresses.GUILD, new JsonObject().put("guild_id", guildId), Guild.class);
  }

  /** Summaries {@code {id, name, unavailable, member_count, shard}} of every cached guild. */
  public Future<JsonArray> guilds() {
    return query(StateAddresses.GUILDS, new JsonObject()).map(j -> j.getJsonArray("guilds"));
  }

  public Future<Channel> channel(String channelId) {
    return query(StateAddresses.CHANNEL, new JsonObject().put("channel_id", channelId), Channel.class);
  }

  public Future<List<Channel>> channels(String guildId) {
    return list(StateAddresses.CHANNELS, new JsonObject().put("guild_id", guildId), "channels", Channel.class);
  }

  public Future<List<Channel>> threads(String guildId) {
    return list(StateAddresses.CHANNELS, new JsonObject().put("guild_id", guildId), "threads", Channel.class);
  }

  public Future<List<Role>> roles(String guildId) {
    return list(StateAddresses.ROLES, new JsonObject().put("guild_id", guildId), "roles", Role.class);
  }

  public Future<Role> role(String guildId, String roleId) {
    return query(StateAddresses.ROLE, new JsonObject().put("guild_id", guildId).put("role_id", roleId), Role.class);
  }

  public Future<Member> member(String guildId, String userId) {
    return query(StateAddresses.MEMBER, new JsonObject().put("guild_id", guildId).put("user_id", userId),
        Member.class);
  }

  /** A page of members sorted by user id, after {@code after} (null = from the start). */
  public Future<MembersPage> members(String guildId, String after, int limit) {
    JsonObject q = new JsonObject().put("guild_id", guildId).put("limit", limit);
    if (after != null) {
      q.put("after", after);
    }
    return query(StateAddresses.MEMBERS, q, MembersPage.class);
  }

  public Future<User> user(String userId) {
    return query(StateAddresses.USER, new JsonObject().put("user_id", userId), User.class);
  }

  public Future<Presence> presence(String guildId, String userId) {
    return query(StateAddresses.PRESENCE, new JsonObject().put("guild_id", guildId).put("user_id", userId),
        Presence.class);
  }

  public Future<VoiceState> voiceState(String guildId, String userId) {
    return query(StateAddresses.VOICE_STATE, new JsonObject().put("guild_id", guildId).put("user_id", userId),
        VoiceState.class);
  }

  public Future<Message> message(String channelId, String messageId) {
    return query(StateAddresses.MESSAGE, new JsonObject().put("channel_id", channelId).put("message_id", messageId),
        Message.class);
  }

  /** Counts of cached objects (all guilds, or one when {@code guildId} is not null). */
  public Future<JsonObject> counts(String guildId) {
    return query(StateAddresses.COUNTS, guildId == null ? new JsonObject() : new JsonObject().put("guild_id", guildId));
  }

  /** Request Guild Members by username prefix ({@code ""} and limit 0 = everyone). */
  public Future<MembersChunk> requestMembers(String guildId, String query, int limit, boolean presences) {
    return requestMembers(new JsonObject().put("guild_id", guildId).put("query", query).put("limit", limit)
        .put("presences", presences));
  }

  /** Request Guild Members by user ids; unknown ids come back in {@code notFound}. */
  public Future<MembersChunk> requestMembersByIds(String guildId, List<String> userIds, boolean presences) {
    return requestMembers(new JsonObject().put("guild_id", guildId).put("user_ids", new JsonArray(userIds))
        .put("presences", presences));
  }

  /** Request Guild Members with a raw request body (see {@link StateAddresses#REQUEST_MEMBERS}). */
  public Future<MembersChunk> requestMembers(JsonObject request) {
    long timeout = request.getLong("timeoutMs", 30_000L) + 5_000L;
    return router.request(StateAddresses.REQUEST_MEMBERS, request, new DeliveryOptions().setSendTimeout(timeout))
        .map(j -> j.mapTo(MembersChunk.class));
  }

  /** Sets the bot's presence on every shard ({@code status}: online, idle, dnd, invisible). */
  public Future<Void> updatePresence(String status, JsonArray activities) {
    JsonObject d = new JsonObject().put("since", null).put("activities", activities == null ? new JsonArray()
        : activities).put("status", status).put("afk", false);
    return router.request(StateAddresses.UPDATE_PRESENCE, d, options).mapEmpty();
  }

  /** Joins ({@code channelId}) or leaves ({@code null}) a voice channel. */
  public Future<Void> updateVoiceState(String guildId, String channelId, boolean selfMute, boolean selfDeaf) {
    JsonObject d = new JsonObject().put("guild_id", guildId).put("channel_id", channelId).put("self_mute", selfMute)
        .put("self_deaf", selfDeaf);
    return router.request(StateAddresses.UPDATE_VOICE_STATE, d, options).mapEmpty();
  }
}
