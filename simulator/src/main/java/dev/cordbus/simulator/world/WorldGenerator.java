package dev.cordbus.simulator.world;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds a realistic world deterministically from a seed: {@code guilds} guilds, each with a text/voice/category
 * channel set, roles, an emoji, {@code membersPerGuild} members (the bot included; consecutive guilds share about
 * half of their users), generated presences and two members in voice. Users are computed, not stored.
 */
public final class WorldGenerator {

  /** Unix ms of the first generated guild id (2017-07-14). */
  static final long GUILD_BASE_MS = 1_500_000_000_000L;
  /** Ms between two guild ids: channels and roles are minted inside that gap. */
  static final long GUILD_SPACING_MS = 7_919_131L;
  /** 2023-05-01, when the generated bot was created. */
  static final long BOT_MS = 1_682_899_200_000L;

  private WorldGenerator() {
  }

  /** The generated world. */
  public static WorldModel generate(int guildCount, int membersPerGuild, long seed) {
    int humans = membersPerGuild - 1;
    int pool = Math.max(Math.max(humans, 1), (int) Math.min(Integer.MAX_VALUE / 2, ((long) guildCount * humans + 1) / 2));
    UserDirectory users = new UserDirectory(new GeneratedUsers(seed, pool));
    long botId = Snowflakes.of(BOT_MS + Names.pick(seed, 1, 86_400_000), 1 << 17);
    JsonObject bot = new JsonObject().put("id", Snowflakes.format(botId)).put("username", "cordbus-sim")
        .put("discriminator", "0").put("global_name", "cordbus simulator").put("avatar", null).put("bot", true)
        .put("public_flags", 0).put("verified", true).put("mfa_enabled", false).put("flags", 0).put("email", null);
    JsonObject recipe = new JsonObject().put("guilds", guildCount).put("membersPerGuild", membersPerGuild)
        .put("seed", seed);
    WorldModel w = new WorldModel(users, bot,
        new JsonObject().put("id", Snowflakes.format(botId)).put("flags", 8953856), recipe);
    for (int g = 0; g < guildCount; g++) {
      w.putGuild(guild(g, humans, pool, seed, botId, users.generated()));
    }
    return w;
  }

  private static GuildData guild(int g, int humans, int pool, long seed, long botId, GeneratedUsers gen) {
    long ms = GUILD_BASE_MS + g * GUILD_SPACING_MS + Names.pick(seed, g, 1_000_000);
    long id = Snowflakes.of(ms, 1 << 17);
    String gid = Snowflakes.format(id);
    long modRole = Snowflakes.of(ms + 10, 1 << 17);
    long memberRole = Snowflakes.of(ms + 11, 1 << 17);
    long botRole = Snowflakes.of(ms + 12, 1 << 17);
    MemberTable members = new MemberTable(seed, new long[] {modRole, memberRole});
    GuildData d = new GuildData(id, members, seed);
    String textCat = sf(ms + 20);
    String general = sf(ms + 21);
    String random = sf(ms + 22);
    String news = sf(ms + 23);
    String voiceCat = sf(ms + 24);
    String voice = sf(ms + 25);
    long owner = humans > 0 ? gen.id(userIndex(g, 0, humans, pool)) : botId;
    d.base.put("id", gid).put("name", Names.guildName(seed, g)).put("icon", null).put("description", null)
        .put("splash", null).put("discovery_splash", null).put("features", new JsonArray())
        .put("emojis", new JsonArray()).put("stickers", new JsonArray()).put("banner", null)
        .put("owner_id", Snowflakes.format(owner)).put("application_id", null).put("afk_channel_id", null)
        .put("afk_timeout", 300).put("system_channel_id", general).put("system_channel_flags", 0)
        .put("widget_enabled", false).put("widget_channel_id", null).put("verification_level", 1)
        .put("roles", new JsonArray()).put("default_message_notifications", 1).put("mfa_level", 0)
        .put("explicit_content_filter", 0).put("max_presences", null).put("max_members", 500000)
        .put("max_video_channel_users", 25).put("vanity_url_code", null).put("premium_tier", 0)
        .put("premium_subscription_count", 0).put("preferred_locale", "en-US").put("rules_channel_id", null)
        .put("public_updates_channel_id", null).put("safety_alerts_channel_id", null).put("nsfw_level", 0)
        .put("premium_progress_bar_enabled", false);
    d.joinedAt = MemberTable.iso(BOT_MS + 86_400_000L + g * 60_000L);
    d.roles.add(role(gid, "@everyone", 0, 0, "2248473465835073", false, null))
        .add(role(sf(modRole), "Moderator", 0x2ECC71, 2, "1099511627775", true, null))
        .add(role(sf(memberRole), "Member", 0x3498DB, 1, "2248473465835073", false, null))
        .add(role(sf(botRole), "cordbus-sim", 0, 3, "277025459264", false, Snowflakes.format(botId)));
    d.channels.add(channel(textCat, 4, "Text Channels", 0, null))
        .add(channel(general, 0, "general", 0, textCat).put("topic", "General chat").put("rate_limit_per_user", 0)
            .put("last_message_id", null))
        .add(channel(random, 0, "random", 1, textCat).put("topic", null).put("rate_limit_per_user", 0)
            .put("last_message_id", null))
        .add(channel(news, 5, "announcements", 2, textCat).put("topic", null).put("last_message_id", null))
        .add(channel(voiceCat, 4, "Voice Channels", 1, null))
        .add(channel(voice, 2, "Lounge", 0, voiceCat).put("bitrate", 64000).put("user_limit", 0)
            .put("rtc_region", null));
    d.emojis.add(new JsonObject().put("id", sf(ms + 30)).put("name", "sim_" + Names.username(seed, g).split("_")[1]
            .replaceAll("[0-9]", "")).put("roles", new JsonArray()).put("require_colons", true)
        .put("managed", false).put("animated", false).put("available", true));
    members.putExplicit(new JsonObject().put("user", new JsonObject().put("id", Snowflakes.format(botId)))
        .put("nick", null).put("avatar", null).put("banner", null).put("roles", new JsonArray().add(sf(botRole)))
        .put("joined_at", d.joinedAt).put("premium_since", null).put("deaf", false).put("mute", false)
        .put("flags", 0).put("pending", false).put("communication_disabled_until", null));
    for (int j = 0; j < humans; j++) {
      long uid = gen.id(userIndex(g, j, humans, pool));
      int r = Names.pick(seed, uid, 10);
      int roleBits = r == 0 ? 3 : r <= 5 ? 2 : 0;
      long joined = ms + 60_000L + Names.pick(seed, uid ^ id, 1_000_000_000);
      members.appendGenerated(uid, roleBits, joined);
      if (j < 2) {
        d.voiceStates.add(new JsonObject().put("channel_id", voice).put("user_id", Snowflakes.format(uid))
            .put("session_id", Names.hex32(seed, uid)).put("deaf", false).put("mute", false)
            .put("self_deaf", false).put("self_mute", j == 1).put("self_video", false).put("suppress", false)
            .put("request_to_speak_timestamp", null));
      }
    }
    return d;
  }

  /** The pool index of human member {@code j} of guild {@code g}: consecutive guilds overlap by half. */
  static int userIndex(int g, int j, int humans, int pool) {
    return (int) (((long) g * Math.max(1, humans / 2) + j) % pool);
  }

  private static String sf(long ms) {
    return Snowflakes.format(Snowflakes.of(ms, 1 << 17));
  }

  private static JsonObject role(String id, String name, int color, int position, String permissions, boolean hoist,
      String botId) {
    JsonObject r = new JsonObject().put("id", id).put("name", name).put("color", color)
        .put("colors", new JsonObject().put("primary_color", color).put("secondary_color", null)
            .put("tertiary_color", null))
        .put("hoist", hoist).put("icon", null).put("unicode_emoji", null).put("position", position)
        .put("permissions", permissions).put("managed", botId != null).put("mentionable", false).put("flags", 0);
    if (botId != null) {
      r.put("tags", new JsonObject().put("bot_id", botId));
    }
    return r;
  }

  private static JsonObject channel(String id, int type, String name, int position, String parent) {
    return new JsonObject().put("id", id).put("type", type).put("name", name).put("position", position)
        .put("permission_overwrites", new JsonArray()).put("nsfw", false).put("parent_id", parent).put("flags", 0);
  }
}
