package dev.cordbus.simulator.world;

import dev.cordbus.api.Shards;
import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mutable world of the simulator, behind a {@code World}: guilds, users, DM channels, recent messages with
 * their reactions and interactions. The gateway side renders READY, GUILD_CREATE and member chunks from it and the
 * REST side ({@code rest.RestSimStore}) reads and changes the same objects. Every method is synchronized on this
 * model (the simulator mutates it on its event loop; tests read it from their own threads); callers that use the live
 * objects hold that lock. Internal to the simulator.
 */
public final class WorldModel {

  /** All users. */
  public final UserDirectory users;
  private final LinkedHashMap<Long, GuildData> guilds = new LinkedHashMap<>();
  private final Map<Long, Long> channelGuild = new HashMap<>();
  private final Map<Long, JsonObject> dmChannels = new LinkedHashMap<>();
  private final MessageStore messages = new MessageStore(MessageStore.DEFAULT_CAPACITY);
  private final Interactions interactions = new Interactions();
  private final JsonObject botUser;
  private final long botId;
  private final JsonObject application;
  private final JsonObject recipe;
  private JsonObject botPresence;

  public WorldModel(UserDirectory users, JsonObject botUser, JsonObject application, JsonObject recipe) {
    this.users = users;
    this.botUser = botUser.copy();
    this.botId = Snowflakes.parse(botUser.getString("id"));
    this.application = application.copy();
    this.recipe = recipe.copy();
    users.merge(publicUser(this.botUser));
  }

  /** Keys of a user object that other users see (READY's user also has verified, email, ...). */
  private static final java.util.Set<String> PUBLIC_USER_KEYS = java.util.Set.of("id", "username", "discriminator",
      "global_name", "avatar", "bot", "system", "public_flags", "avatar_decoration_data", "banner", "accent_color",
      "primary_guild", "collectibles");

  /** The user object as others see it, keys in the original order. */
  public static JsonObject publicUser(JsonObject user) {
    JsonObject out = new JsonObject();
    for (String k : user.fieldNames()) {
      if (PUBLIC_USER_KEYS.contains(k)) {
        out.put(k, user.getValue(k));
      }
    }
    return out;
  }

  /** How the world was made (for options' JSON). */
  public JsonObject recipe() {
    return recipe.copy();
  }

  /** The bot user (a copy), as READY and GET /users/@me give it. */
  public synchronized JsonObject botUser() {
    return botUser.copy();
  }

  public long botId() {
    return botId;
  }

  /** {@code {id, flags}} of the application. */
  public JsonObject application() {
    return application.copy();
  }

  /** The bot's presence set by IDENTIFY/op 3, or {@code null}. */
  public synchronized JsonObject botPresence() {
    return botPresence == null ? null : botPresence.copy();
  }

  public synchronized void botPresence(JsonObject presence) {
    this.botPresence = presence == null ? null : presence.copy();
  }

  /** Adds or replaces a guild and indexes its channels. */
  public synchronized void putGuild(GuildData g) {
    GuildData old = guilds.put(g.id, g);
    if (old != null) {
      channelGuild.values().removeIf(v -> v == g.id);
    }
    indexChannels(g);
  }

  synchronized void indexChannels(GuildData g) {
    for (var list : List.of(g.channels, g.threads)) {
      for (Object o : list) {
        String id = ((JsonObject) o).getString("id");
        if (id != null) {
          channelGuild.put(Snowflakes.parse(id), g.id);
        }
      }
    }
  }

  synchronized void indexChannel(long channelId, long guildId) {
    channelGuild.put(channelId, guildId);
  }

  synchronized void unindexChannel(long channelId) {
    channelGuild.remove(channelId);
  }

  /** Removes a guild (the bot left); returns it or {@code null}. */
  public synchronized GuildData removeGuild(long id) {
    GuildData g = guilds.remove(id);
    if (g != null) {
      channelGuild.values().removeIf(v -> v == id);
    }
    return g;
  }

  /** The live guild, or {@code null}. Callers that mutate it must hold this model's lock. */
  public synchronized GuildData guild(long id) {
    return guilds.get(id);
  }

  /** Every guild id in order (available or not). */
  public synchronized List<Long> guildIds() {
    return new ArrayList<>(guilds.keySet());
  }

  /** The guilds of shard {@code shard} of {@code shardCount}, in world order. */
  public synchronized List<Long> guildIdsOnShard(int shard, int shardCount) {
    List<Long> out = new ArrayList<>();
    for (Long id : guilds.keySet()) {
      if (Shards.shardOf(id, shardCount) == shard) {
        out.add(id);
      }
    }
    return out;
  }

  /** GUILD_CREATE (or the unavailable stub) for a session; {@code null} if the guild is gone. */
  public synchronized JsonObject guildCreate(long id, int intents, int largeThreshold) {
    GuildData g = guilds.get(id);
    if (g == null) {
      return null;
    }
    return GuildRenderer.guildCreate(g, users, intents, largeThreshold, botId, botPresence);
  }

  /** The guild owning a channel or thread, or {@code null} (DM or unknown). */
  public synchronized Long guildOfChannel(long channelId) {
    return channelGuild.get(channelId);
  }

  /** A copy of a channel, with {@code guild_id} for guild channels; {@code null} if unknown. */
  public synchronized JsonObject channel(long channelId) {
    JsonObject dm = dmChannels.get(channelId);
    if (dm != null) {
      return dm.copy();
    }
    Long gid = channelGuild.get(channelId);
    if (gid == null || !guilds.containsKey(gid)) {
      return null;
    }
    JsonObject c = guilds.get(gid).channel(Snowflakes.format(channelId));
    if (c == null) {
      return null;
    }
    JsonObject out = c.copy();
    out.put("guild_id", Snowflakes.format(gid));
    return out;
  }

  /** Adds a DM channel ({@code {id, type:1, recipients}}). */
  public synchronized void putDmChannel(JsonObject channel) {
    dmChannels.put(Snowflakes.parse(channel.getString("id")), channel.copy());
  }

  /** The message store (callers hold this model's lock). */
  public MessageStore messages() {
    return messages;
  }

  /** A copy of a stored message, or {@code null}. */
  public synchronized JsonObject message(String id) {
    JsonObject m = messages.get(id);
    return m == null ? null : m.copy();
  }

  /** The interactions seen (callers hold this model's lock). */
  public Interactions interactions() {
    return interactions;
  }

  /**
   * Applies a dispatch to the world (see {@link WorldUpdater}): the one place where events change it, whether the
   * gateway side (lively traffic, scenarios) or a REST mutation made them.
   */
  public synchronized void apply(String event, JsonObject d) {
    WorldUpdater.apply(this, event, d);
  }

  /** The member object (with user) of a user in a guild, or {@code null}. */
  public synchronized JsonObject member(long guildId, long userId) {
    GuildData g = guilds.get(guildId);
    if (g == null) {
      return null;
    }
    int i = g.members.indexOf(userId);
    return i < 0 ? null : g.members.render(i, users);
  }
}
