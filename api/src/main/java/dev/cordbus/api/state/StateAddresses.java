package dev.cordbus.api.state;

import dev.cordbus.api.Address;
import dev.cordbus.api.Addresses;

/**
 * Event-bus addresses of the state verticle: request-reply cache queries, cache-aware events and the gateway
 * commands it serves (member requests, presence and voice state updates).
 *
 * <p>Queries take a JSON object and reply with a JSON object; an unknown id fails the reply with a
 * {@link StateFailure} code (never a {@code null} body). Ids are Discord snowflake strings.
 */
public final class StateAddresses {

  /** Prefix of every query address. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String QUERY_PREFIX = Addresses.STATE_PREFIX + "query.";

  /** {@code {guild_id}} → the guild (top-level fields, no members), {@code unavailable} when it is down. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String GUILD = QUERY_PREFIX + "guild";
  /** {@code {}} → {@code {guilds:[{id, name, unavailable, member_count, shard}]}}. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String GUILDS = QUERY_PREFIX + "guilds";
  /** {@code {channel_id}} → the channel or thread (guild channels, threads and cached DM channels). */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String CHANNEL = QUERY_PREFIX + "channel";
  /** {@code {guild_id}} → {@code {channels:[...], threads:[...]}}. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String CHANNELS = QUERY_PREFIX + "channels";
  /** {@code {guild_id}} → {@code {roles:[...]}} sorted by position. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String ROLES = QUERY_PREFIX + "roles";
  /** {@code {guild_id, role_id}} → the role. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String ROLE = QUERY_PREFIX + "role";
  /** {@code {guild_id, user_id}} → the member with its {@code user}. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String MEMBER = QUERY_PREFIX + "member";
  /**
   * {@code {guild_id, after?, limit?}} → {@code {members:[...], next}}: members sorted by user id, after the given
   * user id, at most {@code limit} (default 100, max 1000); {@code next} is the id to pass as {@code after}, or null.
   */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String MEMBERS = QUERY_PREFIX + "members";
  /** {@code {user_id}} → the user. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String USER = QUERY_PREFIX + "user";
  /** {@code {guild_id, user_id}} → the presence {@code {user:{id}, guild_id, status, activities, client_status}}. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String PRESENCE = QUERY_PREFIX + "presence";
  /** {@code {guild_id, user_id}} → the voice state. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String VOICE_STATE = QUERY_PREFIX + "voice-state";
  /** {@code {channel_id, message_id}} → the cached message. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String MESSAGE = QUERY_PREFIX + "message";
  /** {@code {}} or {@code {guild_id}} → counts of cached objects ({@code guilds, members, users, ...}). */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String COUNTS = QUERY_PREFIX + "counts";
  /** {@code {}} → the bot's own user and per-shard session info. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String SELF = QUERY_PREFIX + "self";

  /**
   * Request guild members (gateway op 8) and gather the chunks: {@code {guild_id, query?, limit?, user_ids?,
   * presences?, timeoutMs?}} → {@code {guild_id, nonce, members:[...], presences:[...], not_found:[...],
   * chunk_count}}. Fails with {@link StateFailure#RATE_LIMITED} (message carries {@code retry_after=<s>}).
   */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String REQUEST_MEMBERS = Addresses.GATEWAY_PREFIX + "request-members";
  /** Update the bot's presence (gateway op 3) on every shard this node knows: body = op 3 {@code d}. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String UPDATE_PRESENCE = Addresses.GATEWAY_PREFIX + "update-presence";
  /** Join/move/leave voice (gateway op 4) on the guild's shard: {@code {guild_id, channel_id, self_mute, self_deaf}}. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String UPDATE_VOICE_STATE = Addresses.GATEWAY_PREFIX + "update-voice-state";

  /**
   * Prefix of the per-shard query addresses of a partitioned state verticle: {@code discord.state.shard.<n>}. The
   * query's own address (e.g. {@link #GUILD}) travels in the {@link #QUERY_HEADER} header, the body is unchanged.
   * Only the verticle that owns shard {@code n} registers it; {@code StateClient} routes there.
   */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String SHARD_PREFIX = Addresses.STATE_PREFIX + "shard.";
  /** Header naming the query address (a constant of this class) on a per-shard query. */
  public static final String QUERY_HEADER = "query";
  /**
   * Name of the cluster-wide {@code AsyncMap} where partitioned state verticles announce their group (key: group
   * name; value {@code {group, shards:[...], shardCount, ready}}, written with a time-to-live and refreshed while the
   * verticle runs). Empty when only an all-shards state verticle runs; clients then use the plain addresses.
   */
  public static final String LAYOUT_MAP = "cordbus.state.layout";

  /**
   * Request-reply on a bridge node: a state query or state-served gateway command for a bot in another language,
   * {@code {address, body, timeoutMs?}} where {@code address} is one of this class's query or command constants.
   * The bridge node answers it through the Java {@code StateClient} (same routing to the owner of the guild's shard,
   * same gather, same {@link StateFailure} codes, REBUILDING included), so clients never need the layout map.
   */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String ROUTED = Addresses.STATE_PREFIX + "routed";

  /** Prefix of custom events published by bots ({@code discord.custom.<name>}), like disnake's {@code dispatch}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String CUSTOM_PREFIX = Addresses.PREFIX + "custom.";

  private StateAddresses() {
  }

  /** The address a cache-aware event is published on, e.g. {@code discord.state.MESSAGE_UPDATE}. */
  public static String event(String name) {
    return Addresses.state(name);
  }

  /** The per-shard query address of a partitioned state verticle that owns shard {@code shard}. */
  public static String shard(int shard) {
    return SHARD_PREFIX + shard;
  }

  /** The address of a custom event named {@code name}. */
  public static String custom(String name) {
    return CUSTOM_PREFIX + name;
  }
}
