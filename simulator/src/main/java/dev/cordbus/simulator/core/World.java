package dev.cordbus.simulator.core;

import dev.cordbus.api.Intent;
import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.world.FixtureWorld;
import dev.cordbus.simulator.world.GuildData;
import dev.cordbus.simulator.world.WorldGenerator;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The simulated Discord world: guilds with channels, roles, members (users shared across guilds), presences and voice
 * states, plus the bot user. Mutable as events happen (REST messages, scenario dispatches, {@link dev.cordbus.simulator.Lively}), so a
 * later READY/GUILD_CREATE reflects them. GUILD_CREATE payloads are rendered lazily per session; generated worlds keep
 * compact data (1,000 guilds of 1,000 members fit in a few tens of MB). Thread-safe.
 */
public final class World {

  private final WorldModel model;

  private World(WorldModel model) {
    this.model = model;
  }

  /** A few guilds with a few dozen members each: the demo default. */
  public static World small(long seed) {
    return generate(3, 25, seed);
  }

  /**
   * {@code guilds} guilds of {@code membersPerGuild} members each (the bot included, so {@code member_count ==
   * membersPerGuild}), deterministic from {@code seed}. Each guild has categories, #general (the system channel),
   * #random, #announcements and a voice channel with two members in it; roles @everyone, Moderator, Member and the
   * bot's managed role; generated presences (about half online).
   */
  public static World generate(int guilds, int membersPerGuild, long seed) {
    if (guilds < 0) {
      throw new SimulatorException(SimulatorException.Kind.INVALID_OPTION, "world guilds must be >= 0, was " + guilds);
    }
    if (membersPerGuild < 1) {
      throw new SimulatorException(SimulatorException.Kind.INVALID_OPTION,
          "world membersPerGuild must be >= 1 (the bot), was " + membersPerGuild);
    }
    return new World(WorldGenerator.generate(guilds, membersPerGuild, seed));
  }

  /**
   * The recorded fixture world: G1 and G2 from {@code gateway/006} and {@code 007} GUILD_CREATE payloads verbatim, G3
   * unavailable (GUILD_DELETE unavailable), the bot from {@code 005} READY.
   */
  public static World fromFixtures(Path fixturesDir) {
    try {
      return new World(FixtureWorld.load(fixturesDir));
    } catch (IOException | RuntimeException e) {
      throw new SimulatorException(SimulatorException.Kind.BAD_INPUT,
          "cannot load the fixture world from " + fixturesDir + ": " + e.getMessage(), e);
    }
  }

  /** Every guild id of the bot, available or not, in world order. */
  public List<String> guildIds() {
    return formatted(model.guildIds());
  }

  /** The ids of the guilds that are not in an outage. */
  public List<String> availableGuildIds() {
    synchronized (model) {
      return formatted(model.guildIds().stream().filter(id -> !model.guild(id).unavailable).toList());
    }
  }

  /** The ids of the guilds on shard {@code shard} of {@code shardCount}. */
  public List<String> guildIdsOnShard(int shard, int shardCount) {
    return formatted(model.guildIdsOnShard(shard, shardCount));
  }

  private static List<String> formatted(List<Long> ids) {
    return ids.stream().map(Snowflakes::format).toList();
  }

  /** The bot user object. */
  public JsonObject botUser() {
    return model.botUser();
  }

  /** The bot user id. */
  public String botId() {
    return Snowflakes.format(model.botId());
  }

  /**
   * The guild as a GUILD_CREATE payload with every member and presence (all intents, no large threshold), or
   * {@code null}; an unavailable guild gives its {@code {id, unavailable:true}} stub.
   */
  public JsonObject guild(String guildId) {
    return model.guildCreate(Snowflakes.parse(guildId), Intent.ALL, Integer.MAX_VALUE);
  }

  /** The guild's channels (with {@code guild_id}), or an empty array. */
  public JsonArray channels(String guildId) {
    return inGuild(guildId, new JsonArray(), g -> new JsonArray(g.channels.stream()
        .map(o -> (Object) ((JsonObject) o).copy().put("guild_id", guildId)).toList()));
  }

  /** The first text channel (type 0) of a guild, or {@code null}. */
  public String textChannelId(String guildId) {
    return inGuild(guildId, null, GuildData::textChannelId);
  }

  /** A channel (guild channel with {@code guild_id}, thread, or DM), or {@code null}. */
  public JsonObject channel(String channelId) {
    return model.channel(Snowflakes.parse(channelId));
  }

  /** Number of members of a guild (0 if unknown). */
  public int memberCount(String guildId) {
    return inGuild(guildId, 0, g -> g.members.size());
  }

  /** The user ids of a guild's members in join order. */
  public List<String> memberIds(String guildId) {
    return inGuild(guildId, List.of(), g -> IntStream.range(0, g.members.size())
        .mapToObj(i -> Snowflakes.format(g.members.userId(i))).toList());
  }

  /** {@code read} of the guild under the world's lock, or {@code unknown} when there is no such guild. */
  private <T> T inGuild(String guildId, T unknown, Function<GuildData, T> read) {
    synchronized (model) {
      GuildData g = model.guild(Snowflakes.parse(guildId));
      return g == null ? unknown : read.apply(g);
    }
  }

  /** A member object (with {@code user}), or {@code null}. */
  public JsonObject member(String guildId, String userId) {
    return model.member(Snowflakes.parse(guildId), Snowflakes.parse(userId));
  }

  /** A user object (a minimal {@code {id}} when unknown). */
  public JsonObject user(String userId) {
    synchronized (model) {
      return model.users.user(Snowflakes.parse(userId));
    }
  }

  /** A recent message (from REST or dispatches), or {@code null}. */
  public JsonObject message(String messageId) {
    return model.message(messageId);
  }

  /** How this world was made: {@code {guilds, membersPerGuild, seed}} or {@code {fixtures}}. */
  public JsonObject recipe() {
    return model.recipe();
  }

  /** The mutable model behind this world; internal to the simulator. */
  public WorldModel model() {
    return model;
  }

  @Override
  public String toString() {
    return "World" + recipe().encode();
  }
}
