package dev.cordbus.simulator.rest;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulated REST API knows: users, guilds (with roles), channels, members, bans, messages with their
 * reactions, DM channels, pending interactions and application commands. Seeded from GUILD_CREATE payloads
 * ({@link #addGuild}) so it agrees with the gateway side. Thread-safe (every method synchronized).
 */
public final class RestSimStore {

  /** Lifecycle of an interaction the bot must answer. */
  public enum InteractionState {
    /** Created, not answered yet. */
    PENDING,
    /** Answered once; the token works for follow-ups for 15 minutes. */
    ACKNOWLEDGED
  }

  /** A registered interaction (the simulator sent INTERACTION_CREATE for it). */
  static final class Interaction {
    final String id;
    final String token;
    final String channelId;
    final String guildId;
    final String userId;
    InteractionState state = InteractionState.PENDING;
    String originalMessageId;

    Interaction(String id, String token, String channelId, String guildId, String userId) {
      this.id = id;
      this.token = token;
      this.channelId = channelId;
      this.guildId = guildId;
      this.userId = userId;
    }
  }

  private final AtomicInteger increment = new AtomicInteger();
  private final JsonObject botUser;
  private final String applicationId;
  final Map<String, JsonObject> users = new HashMap<>();
  final Map<String, JsonObject> guilds = new HashMap<>();
  final Map<String, JsonObject> channels = new HashMap<>();
  /** guild id -> user id -> member (with {@code user}). */
  final Map<String, Map<String, JsonObject>> members = new HashMap<>();
  final Map<String, Set<String>> bans = new HashMap<>();
  /** Messages kept (oldest out first), like the world's message store: edits, replies and reactions need them. */
  static final int MESSAGE_CAPACITY = 10_000;
  final Map<String, JsonObject> messages = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
      return size() > MESSAGE_CAPACITY;
    }
  };
  /** message id -> emoji key -> user ids, in insertion order. */
  final Map<String, Map<String, Set<String>>> reactions = new HashMap<>();
  final Map<String, JsonObject> emojis = new HashMap<>();
  final Map<String, JsonObject> dms = new HashMap<>();
  final Map<String, Interaction> interactions = new HashMap<>();
  final Map<String, Interaction> interactionsByToken = new HashMap<>();
  /** "global" or a guild id -> command name -> command. */
  final Map<String, Map<String, JsonObject>> commands = new HashMap<>();

  /** A store whose bot is {@code botUser} (needs {@code id}) in application {@code applicationId}. */
  public RestSimStore(JsonObject botUser, String applicationId) {
    this.botUser = botUser.copy();
    this.applicationId = applicationId;
    users.put(botUser.getString("id"), this.botUser);
  }

  /** A bot user like the fixtures' {@code example-bot}. */
  public static RestSimStore withDefaultBot() {
    JsonObject bot = new JsonObject().put("id", "1102383887155331072").put("username", "example-bot")
        .put("discriminator", "4242").putNull("global_name").putNull("avatar").put("bot", true)
        .put("public_flags", 0);
    return new RestSimStore(bot, "1102383887155331072");
  }

  /**
   * A store seeded from the simulator's {@link dev.cordbus.simulator.World}: its bot user (the application id is the
   * bot id, as for most bots) and every available guild's GUILD_CREATE payload. The simulator keeps it in step
   * with its world through {@link WorldMirror}.
   */
  public static RestSimStore fromWorld(dev.cordbus.simulator.World world) {
    RestSimStore store = new RestSimStore(world.botUser(), world.botId());
    for (String guildId : world.guildIds()) {
      JsonObject guild = world.guild(guildId);
      if (guild != null && !guild.getBoolean("unavailable", false)) {
        store.addGuild(guild);
      }
    }
    return store;
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
  public synchronized JsonObject botUser() {
    return botUser.copy();
  }

  /** The application id (interaction webhooks use it). */
  public String applicationId() {
    return applicationId;
  }

  /**
   * Adds a guild from a GUILD_CREATE {@code d}: the guild (with roles and emojis), its channels and threads
   * ({@code guild_id} filled in), members and their users. The bot becomes a member if it is not one.
   */
  public synchronized RestSimStore addGuild(JsonObject guildCreate) {
    JsonObject guild = guildCreate.copy();
    String guildId = guild.getString("id");
    for (String key : new String[] {"channels", "threads"}) {
      JsonArray list = (JsonArray) guild.remove(key);
      if (list != null) {
        list.forEach(c -> channels.put(((JsonObject) c).getString("id"), ((JsonObject) c).copy()
            .put("guild_id", guildId)));
      }
    }
    JsonArray memberList = (JsonArray) guild.remove("members");
    Map<String, JsonObject> byUser = members.computeIfAbsent(guildId, g -> new LinkedHashMap<>());
    if (memberList != null) {
      for (Object o : memberList) {
        JsonObject member = ((JsonObject) o).copy();
        JsonObject user = member.getJsonObject("user");
        if (user != null) {
          users.putIfAbsent(user.getString("id"), user.copy());
          byUser.put(user.getString("id"), member);
        }
      }
    }
    byUser.computeIfAbsent(botUser.getString("id"), id -> new JsonObject().put("user", botUser.copy())
        .put("roles", new JsonArray()).put("joined_at", now()).put("deaf", false).put("mute", false)
        .put("flags", 0));
    for (String key : new String[] {"presences", "voice_states", "stage_instances", "guild_scheduled_events",
        "soundboard_sounds"}) {
      guild.remove(key);
    }
    JsonArray emojiList = guild.getJsonArray("emojis");
    if (emojiList != null) {
      emojiList.forEach(e -> emojis.put(((JsonObject) e).getString("id"), (JsonObject) e));
    }
    guilds.put(guildId, guild);
    return this;
  }

  /** Adds (or replaces) a channel; {@code guild_id} null for a DM. */
  public synchronized RestSimStore addChannel(JsonObject channel) {
    channels.put(channel.getString("id"), channel.copy());
    return this;
  }

  /** Adds (or replaces) a user. */
  public synchronized RestSimStore addUser(JsonObject user) {
    users.put(user.getString("id"), user.copy());
    return this;
  }

  /** Adds a message as if someone else had sent it (for edits, reactions and deletes of others' messages). */
  public synchronized RestSimStore addMessage(JsonObject message) {
    messages.put(message.getString("id"), message.copy());
    return this;
  }

  /**
   * Registers an interaction the gateway side announced (INTERACTION_CREATE) so its callback and follow-ups work.
   */
  public synchronized void registerInteraction(String id, String token, String channelId, String guildId,
      String userId) {
    Interaction interaction = new Interaction(id, token, channelId, guildId, userId);
    interactions.put(id, interaction);
    interactionsByToken.put(token, interaction);
  }

  /** A copy of a message, or null. */
  public synchronized JsonObject message(String id) {
    JsonObject m = messages.get(id);
    return m == null ? null : m.copy();
  }

  /** A copy of a member (with {@code user}), or null. */
  public synchronized JsonObject member(String guildId, String userId) {
    Map<String, JsonObject> byUser = members.get(guildId);
    JsonObject m = byUser == null ? null : byUser.get(userId);
    return m == null ? null : m.copy();
  }

  /** Whether a user is banned from a guild. */
  public synchronized boolean banned(String guildId, String userId) {
    return bans.getOrDefault(guildId, Set.of()).contains(userId);
  }

  /** Number of messages stored in a channel. */
  public synchronized int messageCount(String channelId) {
    return (int) messages.values().stream().filter(m -> channelId.equals(m.getString("channel_id"))).count();
  }

  /** Users who reacted with {@code emojiKey} ({@code name} or {@code name:id}) on a message. */
  public synchronized Set<String> reactors(String messageId, String emojiKey) {
    return new LinkedHashSet<>(reactions.getOrDefault(messageId, Map.of()).getOrDefault(emojiKey, Set.of()));
  }

  /** The registered commands of the application (global when {@code guildId} is null). */
  public synchronized JsonArray commands(String guildId) {
    return new JsonArray(new java.util.ArrayList<>(
        commands.getOrDefault(guildId == null ? "global" : guildId, Map.of()).values()));
  }
}
