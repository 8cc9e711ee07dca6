package dev.cordbus.state.bench;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Random;

/** Realistic synthetic gateway payloads for benchmarks when the simulator is not used. */
public final class Synthetic {

  static final long EPOCH = 1_700_000_000_000L;
  private final Random random;

  public Synthetic(long seed) {
    random = new Random(seed);
  }

  static String id(long millisOffset, int low) {
    return Snowflakes.format(Snowflakes.of(EPOCH + millisOffset, low));
  }

  public static String guildId(int g) {
    return id(g * 1000L, 1);
  }

  public static String userId(int u) {
    return id(5_000_000_000L + u, 2);
  }

  public static String channelId(int g, int c) {
    return id(g * 1000L + c + 1, 3);
  }

  static String roleId(int g, int r) {
    return id(g * 1000L + 100 + r, 4);
  }

  JsonObject user(int u) {
    return new JsonObject().put("id", userId(u)).put("username", "user" + u).put("discriminator", "0")
        .put("global_name", random.nextInt(3) == 0 ? "User " + u : null)
        .put("avatar", random.nextBoolean() ? Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
            : null).put("public_flags", random.nextInt(4) == 0 ? 64 : 0);
  }

  JsonObject member(int g, int u) {
    JsonArray roles = new JsonArray();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      roles.add(roleId(g, 1 + random.nextInt(5)));
    }
    return new JsonObject().put("user", user(u)).put("nick", random.nextInt(10) == 0 ? "nick" + u : null)
        .put("avatar", null).put("banner", null).put("roles", roles)
        .put("joined_at", "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T12:00:00.000000+00:00")
        .put("premium_since", null).put("deaf", false).put("mute", false).put("flags", 0).put("pending", false)
        .put("communication_disabled_until", null);
  }

  /** A GUILD_CREATE with {@code members} members (users g*members .. +members, unique per guild). */
  public JsonObject guildCreate(int g, int members, int firstUser) {
    JsonArray roles = new JsonArray();
    String[] names = {"@everyone", "Moderator", "Member", "Bots", "Muted", "Events"};
    for (int r = 0; r < 6; r++) {
      roles.add(new JsonObject().put("id", r == 0 ? guildId(g) : roleId(g, r)).put("name", names[r])
          .put("color", r * 1000).put("hoist", r == 1).put("position", r).put("permissions", "1071698660929")
          .put("managed", false).put("mentionable", false).put("flags", 0).put("icon", null)
          .put("unicode_emoji", null));
    }
    JsonArray channels = new JsonArray();
    String[] cn = {"general", "random", "memes", "rules", "announcements", "voice", "off-topic", "help"};
    for (int c = 0; c < cn.length; c++) {
      channels.add(new JsonObject().put("id", channelId(g, c)).put("type", c == 5 ? 2 : 0).put("name", cn[c])
          .put("position", c).put("permission_overwrites", new JsonArray()).put("nsfw", false)
          .put("topic", c == 0 ? "Talk about anything" : null).put("parent_id", null)
          .put("rate_limit_per_user", 0).put("last_message_id", null).put("flags", 0));
    }
    JsonArray ms = new JsonArray();
    JsonArray presences = new JsonArray();
    for (int i = 0; i < members; i++) {
      ms.add(member(g, firstUser + i));
      if (random.nextInt(10) < 3) {
        presences.add(new JsonObject().put("user", new JsonObject().put("id", userId(firstUser + i)))
            .put("status", random.nextBoolean() ? "online" : "idle")
            .put("activities", random.nextInt(4) == 0 ? new JsonArray().add(new JsonObject().put("name", "a game")
                .put("type", 0)) : new JsonArray())
            .put("client_status", new JsonObject().put("desktop", "online")));
      }
    }
    return new JsonObject().put("id", guildId(g)).put("name", "Guild " + g).put("icon", null)
        .put("description", null).put("owner_id", userId(firstUser)).put("afk_timeout", 300)
        .put("verification_level", 1).put("default_message_notifications", 1).put("explicit_content_filter", 0)
        .put("features", new JsonArray()).put("mfa_level", 0).put("premium_tier", 0)
        .put("preferred_locale", "en-US").put("nsfw_level", 0).put("joined_at", "2024-01-01T00:00:00.000000+00:00")
        .put("large", members > 250).put("unavailable", false).put("member_count", members)
        .put("roles", roles).put("emojis", new JsonArray()).put("stickers", new JsonArray())
        .put("channels", channels).put("threads", new JsonArray()).put("members", ms).put("presences", presences)
        .put("voice_states", new JsonArray()).put("stage_instances", new JsonArray())
        .put("guild_scheduled_events", new JsonArray()).put("soundboard_sounds", new JsonArray());
  }

  /** A ~1.4 KB MESSAGE_CREATE with author, member, content and an embed with fields. */
  public JsonObject messageCreate(int g, int u, long n) {
    JsonArray fields = new JsonArray();
    for (int i = 0; i < 4; i++) {
      fields.add(new JsonObject().put("name", "Field " + i).put("value", "Value number " + i + " of message " + n)
          .put("inline", true));
    }
    return new JsonObject().put("id", id(10_000_000_000L + n, 5)).put("type", 0)
        .put("channel_id", channelId(g, (int) (n % 4))).put("guild_id", guildId(g)).put("author", user(u))
        .put("member", member(g, u).copy()).put("content", "Hello world, this is message " + n
            + " with some text so it looks like a real chat message about games and bots.")
        .put("timestamp", "2026-08-06T18:00:00.000000+00:00").put("edited_timestamp", null).put("tts", false)
        .put("mention_everyone", false).put("mentions", new JsonArray()).put("mention_roles", new JsonArray())
        .put("attachments", new JsonArray()).put("embeds", new JsonArray().add(new JsonObject()
            .put("title", "An embed").put("description", "Embed description for message " + n).put("color", 3447003)
            .put("fields", fields)))
        .put("components", new JsonArray()).put("pinned", false).put("flags", 0).put("nonce", Long.toString(n));
  }
}
