package dev.cordbus.simulator.rest;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.world.GuildData;
import dev.cordbus.simulator.world.GuildRenderer;
import dev.cordbus.simulator.world.UserDirectory;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulated REST API reads and changes: the simulator's one {@link WorldModel} (users, guilds with roles,
 * channels, members, messages with reactions, DM channels, interactions), shared with the gateway side, plus what
 * only REST knows: bans, the DM channel opened per recipient and the application commands. REST mutations change
 * the world by applying their gateway event to it ({@link RestSim}), so READY, GUILD_CREATE and member chunks show
 * them, and what the gateway side applies (lively traffic, scenarios) is what REST answers. Thread-safe: every
 * method holds the world's lock; route code that uses live objects holds it too ({@link #world()}).
 */
public final class RestSimStore {

  private final AtomicInteger increment = new AtomicInteger();
  private final WorldModel world;
  private final String applicationId;
  /** guild id -> banned user ids. */
  final Map<String, Set<String>> bans = new HashMap<>();
  /** recipient user id -> the DM channel the bot opened with them. */
  final Map<String, JsonObject> dms = new HashMap<>();
  /** "global" or a guild id -> command name -> command. */
  final Map<String, Map<String, JsonObject>> commands = new HashMap<>();

  /** A REST side over {@code world}, whose bot is in application {@code applicationId}. */
  public RestSimStore(WorldModel world, String applicationId) {
    this.world = world;
    this.applicationId = applicationId;
  }

  /** A REST side over an empty world whose bot is {@code botUser} (needs {@code id}). */
  public RestSimStore(JsonObject botUser, String applicationId) {
    this(new WorldModel(new UserDirectory(null), botUser,
        new JsonObject().put("id", applicationId).put("flags", 0), new JsonObject().put("rest", true)),
        applicationId);
  }

  /** An empty world with a bot user like the fixtures' {@code example-bot}; add guilds with {@link #addGuild}. */
  public static RestSimStore withDefaultBot() {
    JsonObject bot = new JsonObject().put("id", "1102383887155331072").put("username", "example-bot")
        .put("discriminator", "4242").putNull("global_name").putNull("avatar").put("bot", true)
        .put("public_flags", 0);
    return new RestSimStore(bot, "1102383887155331072");
  }

  /**
   * The REST side of the simulator's {@link dev.cordbus.simulator.core.World}: the same model, the application id being
   * the bot id, as for most bots.
   */
  public static RestSimStore fromWorld(dev.cordbus.simulator.core.World world) {
    return new RestSimStore(world.model(), world.botId());
  }

  /** The world this REST side reads and changes; its monitor is the lock of every REST route. */
  public WorldModel world() {
    return world;
  }

  /** A fresh snowflake. */
  public String newId() {
    return Snowflakes.format(Snowflakes.of(System.currentTimeMillis(), increment.incrementAndGet()));
  }

  /** ISO 8601 now. */
  static String now() {
    return Instant.now().toString();
  }

  /** The bot user. */
  public JsonObject botUser() {
    return world.botUser();
  }

  /** The application id (interaction webhooks use it). */
  public String applicationId() {
    return applicationId;
  }

  /**
   * Adds a guild to the world from a GUILD_CREATE {@code d} (as the gateway side would apply it). The bot becomes a
   * member if it is not one.
   */
  public RestSimStore addGuild(JsonObject guildCreate) {
    synchronized (world) {
      world.apply("GUILD_CREATE", guildCreate);
      GuildData g = world.guild(Snowflakes.parse(guildCreate.getString("id")));
      if (g != null && !g.unavailable && !g.members.contains(world.botId())) {
        g.members.putExplicit(new JsonObject().put("user", world.botUser()).put("roles", new JsonArray())
            .put("joined_at", now()).put("deaf", false).put("mute", false).put("flags", 0));
      }
    }
    return this;
  }

  /** Adds a message as if someone else had sent it (for edits, reactions and deletes of others' messages). */
  public RestSimStore addMessage(JsonObject message) {
    synchronized (world) {
      JsonObject m = message.copy();
      m.remove("member");
      world.messages().put(m);
    }
    return this;
  }

  /** Registers an interaction as INTERACTION_CREATE would, so its callback and follow-ups work. */
  public void registerInteraction(String id, String token, String channelId, String guildId, String userId) {
    synchronized (world) {
      world.interactions().register(id, token, channelId, guildId, userId);
    }
  }

  /** A copy of a message, or null. */
  public JsonObject message(String id) {
    return world.message(id);
  }

  /** A copy of a member (with {@code user}), or null. */
  public JsonObject member(String guildId, String userId) {
    long guild = id(guildId);
    long user = id(userId);
    return guild < 0 || user < 0 ? null : world.member(guild, user);
  }

  /** Whether a user is banned from a guild. */
  public boolean banned(String guildId, String userId) {
    synchronized (world) {
      return bans.getOrDefault(guildId, Set.of()).contains(userId);
    }
  }

  /** Number of messages kept in a channel. */
  public int messageCount(String channelId) {
    synchronized (world) {
      return world.messages().countIn(channelId);
    }
  }

  /** The registered commands of the application (global when {@code guildId} is null). */
  public JsonArray commands(String guildId) {
    synchronized (world) {
      return new JsonArray(new ArrayList<>(
          commands.getOrDefault(guildId == null ? "global" : guildId, Map.of()).values()));
    }
  }

  /** The guild object as {@code GET /guilds/{id}} gives it, or null (unknown, left or in an outage). */
  JsonObject guild(String guildId) {
    synchronized (world) {
      long id = id(guildId);
      GuildData g = id < 0 ? null : world.guild(id);
      return g == null || g.unavailable ? null : GuildRenderer.base(g);
    }
  }

  /** A copy of a channel, thread or DM channel (with {@code guild_id} in a guild), or null. */
  JsonObject channel(String channelId) {
    long id = id(channelId);
    return id < 0 ? null : world.channel(id);
  }

  /** A copy of a user the world knows, or null. */
  JsonObject user(String userId) {
    long id = id(userId);
    synchronized (world) {
      return id < 0 ? null : world.users.find(id);
    }
  }

  /** A snowflake from a path or body, or -1 when it is not one (the route answers "Unknown ..."). */
  static long id(String snowflake) {
    try {
      return snowflake == null ? -1 : Snowflakes.parse(snowflake);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
