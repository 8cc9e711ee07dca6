package dev.cordbus.api;

/**
 * Every event-bus address cordbus uses. Nothing outside the {@code api} module writes an address literal.
 *
 * <p>Dispatches are published on {@code discord.<EVENT>} (for example {@code discord.MESSAGE_CREATE}) with the
 * dispatch {@code d} as a JSON object body and the {@link Headers} {@code shard}, {@code seq}, {@code event} and,
 * where the payload has one, {@code guild}.
 */
public final class Addresses {

  /** Prefix of every cordbus address. */
  @Address(Address.Mode.NAMESPACE)
  public static final String PREFIX = "discord.";

  /** Every gateway frame, any opcode, undecoded (a JSON text), published before any parsing of its payload. */
  @Address(Address.Mode.PUBLISHED)
  public static final String RAW = "discord.raw";

  /** A shard opened its WebSocket: {@code {shard, shardCount, url, resuming}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String SHARD_CONNECT = "discord.shard.connect";
  /** A shard received READY: {@code {shard, shardCount, sessionId, guilds}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String SHARD_READY = "discord.shard.ready";
  /** A shard resumed its session (RESUMED received): {@code {shard, shardCount, sessionId, replayed}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String SHARD_RESUME = "discord.shard.resume";
  /** A shard's WebSocket closed: {@code {shard, shardCount, code, reason, resumable, action}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String SHARD_DISCONNECT = "discord.shard.disconnect";
  /** A shard is about to reconnect: {@code {shard, shardCount, attempt, delayMs, resume}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String SHARD_RECONNECT = "discord.shard.reconnect";
  /** The server invalidated the session (op 9): {@code {shard, shardCount, resumable}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String SHARD_INVALID_SESSION = "discord.shard.invalid-session";
  /** Something went wrong on a shard (bad frame, fatal close...): {@code {shard, shardCount, kind, message, seq?}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String SHARD_ERROR = "discord.shard.error";
  /** A payload the shard sent, with the token removed: {@code {shard, shardCount, op, payload}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String SHARD_SENT = "discord.shard.sent";
  /** Every shard of a gateway verticle's group is ready: {@code {group, shards:[...], shardCount}}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String GROUP_READY = "discord.shard.group-ready";
  /**
   * Every shard of the bot's configured shard count is READY, wherever in the cluster it runs: {@code {shardCount,
   * shards:[...], readyMs}}. Published once per time the last missing shard becomes ready.
   */
  @Address(Address.Mode.PUBLISHED)
  public static final String BOT_READY = "discord.bot.ready";
  /**
   * Something failed that a bot operator should see: {@code {kind, message, shard?, group?, event?, cause?}}, the
   * {@code kind} one of {@link ErrorKinds}. Never carries the token.
   */
  @Address(Address.Mode.PUBLISHED)
  public static final String ERROR = "discord.error";

  /** Prefix of gateway commands (request-reply), routed to the verticle that owns the shard. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String GATEWAY_PREFIX = "discord.gateway.";
  /** Send a raw gateway payload {@code {shard, op, d}} on a shard (request-reply; replies when queued). */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String GATEWAY_SEND = "discord.gateway.send";
  /** Gateway status of the verticles that answer: {@code {shards:[{shard, state, seq, latencyMs}]}}. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String GATEWAY_STATUS = "discord.gateway.status";
  /**
   * Internal to the gateway verticles of a cluster: published (body: the group name) when a group's lease was given
   * back (handoff, graceful stop, a stall), so standby verticles on every node claim it at once.
   */
  public static final String GATEWAY_LEASE_FREED = "cordbus.gateway.lease-freed";

  /**
   * The {@code op} of a command {@code {op:"reidentify"}} on {@link #gatewayShard(int)}: the shard drops its session
   * and IDENTIFYs afresh, so a new READY and every GUILD_CREATE follow (a state verticle that starts late or moved
   * after a failure rebuilds its cache this way). Costs one identify of the daily session start budget.
   */
  public static final String REIDENTIFY_OP = "reidentify";

  /**
   * Prefix of the addresses where gateways send their dispatches to the {@link dev.cordbus.api.dispatch.DispatchRelay}
   * of each other node, {@code cordbus.dispatches.<node id>} (batches of payload bytes, codec {@code
   * cordbus.dispatch-batch}) while their dispatch stream to that node is not up; a request {@code {stream: <publisher
   * id>}} there answers where the node's stream server listens ({@code {host, port}}). Internal: consume {@code discord.<EVENT>} instead. Outside the {@code discord.} prefix,
   * so bridges never expose it.
   */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String DISPATCHES = "cordbus.dispatches";

  /** Prefix of cache-aware state events and state queries. */
  @Address(Address.Mode.NAMESPACE)
  public static final String STATE_PREFIX = "discord.state.";
  /** Prefix of REST calls over the event bus. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String REST_PREFIX = "discord.rest.";

  /**
   * Prefix of the addresses where a gateway publisher hears how far each other node's relay has got with what it
   * sent ({@code cordbus.relay.ack.<publisher id>}, a JSON object {@code {node, acked}}): the flow control that slows
   * the shards feeding a node that falls behind. Internal, outside the {@code discord.} prefix.
   */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String RELAY_ACK_PREFIX = "cordbus.relay.ack.";

  private Addresses() {
  }

  /** The address where the gateway publisher {@code senderId} hears the relays' acknowledgements. */
  public static String relayAck(String senderId) {
    return RELAY_ACK_PREFIX + senderId;
  }

  /** The dispatch relay address of the cluster node {@code nodeId} ({@code "local"} on a plain Vert.x). */
  public static String dispatches(String nodeId) {
    return DISPATCHES + "." + nodeId;
  }

  /** The address a dispatch named {@code event} (e.g. {@code MESSAGE_CREATE}) is published on. */
  public static String dispatch(String event) {
    return PREFIX + event;
  }

  /**
   * The request-reply address of one shard's gateway commands; only the gateway verticle that owns the shard
   * registers it, so a command reaches the right node wherever it is sent from. Body {@code {op, d}}.
   */
  public static String gatewayShard(int shard) {
    return GATEWAY_PREFIX + "shard." + shard;
  }

  /** The address a cache-aware event named {@code event} is published on by the state verticle. */
  public static String state(String event) {
    return STATE_PREFIX + event;
  }
}
