package dev.cordbus.bench.jmh;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Gateway frames shaped like the simulator's firehose (and Discord's): a guild with members for GUILD_CREATE, a
 * ~1.4 KB MESSAGE_CREATE with author, member and an embed, a GUILD_MEMBER_UPDATE and a PRESENCE_UPDATE.
 */
public final class Payloads {

  /** The guild id every payload uses. */
  public static final String GUILD = "1200000000000000001";
  /** The text channel of the guild. */
  public static final String CHANNEL = "1200000000000000002";

  private Payloads() {
  }

  /** A user id of member {@code i}. */
  public static String userId(int i) {
    return Long.toString(1300000000000000000L + i);
  }

  /** A member object (with its user) as GUILD_CREATE carries it. */
  public static JsonObject member(int i) {
    JsonObject user = new JsonObject().put("id", userId(i)).put("username", "member" + i)
        .put("global_name", "Member Number " + i).put("discriminator", "0").put("avatar", null)
        .put("public_flags", 0).put("bot", false);
    return new JsonObject().put("user", user).put("nick", i % 3 == 0 ? "nick" + i : null)
        .put("roles", new JsonArray().add("1200000000000000010")).put("joined_at", "2025-01-02T03:04:05.000000+00:00")
        .put("premium_since", null).put("deaf", false).put("mute", false).put("flags", 0).put("pending", false)
        .put("avatar", null).put("communication_disabled_until", null);
  }

  /** The {@code d} of a GUILD_CREATE with {@code members} members, one text channel and two roles. */
  public static JsonObject guildCreate(int members) {
    JsonArray ms = new JsonArray();
    JsonArray presences = new JsonArray();
    for (int i = 0; i < members; i++) {
      ms.add(member(i));
      presences.add(new JsonObject().put("user", new JsonObject().put("id", userId(i)))
          .put("status", i % 2 == 0 ? "online" : "offline").put("activities", new JsonArray())
          .put("client_status", new JsonObject()));
    }
    JsonArray roles = new JsonArray()
        .add(new JsonObject().put("id", GUILD).put("name", "@everyone").put("permissions", "104324673").put("position", 0)
            .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false))
        .add(new JsonObject().put("id", "1200000000000000010").put("name", "regulars").put("permissions", "0")
            .put("position", 1).put("color", 0x5865F2).put("hoist", true).put("managed", false)
            .put("mentionable", true));
    JsonArray channels = new JsonArray().add(new JsonObject().put("id", CHANNEL).put("type", 0).put("name", "general")
        .put("position", 0).put("topic", "talk here").put("nsfw", false).put("last_message_id", null)
        .put("rate_limit_per_user", 0).put("parent_id", null).put("permission_overwrites", new JsonArray()));
    return new JsonObject().put("id", GUILD).put("name", "Bench Guild").put("icon", null).put("owner_id", userId(0))
        .put("afk_timeout", 300).put("verification_level", 1).put("roles", roles).put("emojis", new JsonArray())
        .put("features", new JsonArray()).put("member_count", members).put("large", members > 250)
        .put("unavailable", false).put("joined_at", "2025-01-02T03:04:05.000000+00:00").put("members", ms)
        .put("channels", channels).put("threads", new JsonArray()).put("presences", presences)
        .put("voice_states", new JsonArray()).put("stage_instances", new JsonArray())
        .put("guild_scheduled_events", new JsonArray()).put("soundboard_sounds", new JsonArray())
        .put("stickers", new JsonArray()).put("preferred_locale", "en-US");
  }

  /** The {@code d} of a ~1.4 KB MESSAGE_CREATE by member {@code author} with message id {@code id}. */
  public static JsonObject messageCreate(long id, int author) {
    JsonObject member = member(author);
    JsonObject user = (JsonObject) member.remove("user");
    JsonObject embed = new JsonObject().put("type", "rich").put("title", "Routing the gateway over the bus")
        .put("description", "Every dispatch is published once on the event bus and each consumer decides what it "
            + "keeps; the state verticle caches guilds, members and messages.").put("color", 0x5865F2)
        .put("fields", new JsonArray()
            .add(new JsonObject().put("name", "Shard").put("value", "gateway shard routing").put("inline", true))
            .add(new JsonObject().put("name", "Latency").put("value", "42 ms p99").put("inline", true))
            .add(new JsonObject().put("name", "Notes").put("value", "nothing to add here, the numbers speak")
                .put("inline", false)))
        .put("footer", new JsonObject().put("text", "cordbus firehose"));
    return new JsonObject().put("id", Long.toString(id)).put("type", 0).put("channel_id", CHANNEL)
        .put("guild_id", GUILD).put("author", user).put("member", member)
        .put("content", "Has anyone measured how long a dispatch takes from the socket to the handler — really?")
        .put("timestamp", "2026-08-06T18:00:00.000000+00:00").put("edited_timestamp", null).put("tts", false)
        .put("mention_everyone", false).put("mentions", new JsonArray()).put("mention_roles", new JsonArray())
        .put("attachments", new JsonArray()).put("embeds", new JsonArray().add(embed))
        .put("components", new JsonArray()).put("pinned", false).put("flags", 0);
  }

  /** The {@code d} of a GUILD_MEMBER_UPDATE of member {@code i} (nick toggles with {@code n}). */
  public static JsonObject memberUpdate(int i, long n) {
    return member(i).put("guild_id", GUILD).put("nick", n % 2 == 0 ? "even" + i : "odd" + i);
  }

  /** The {@code d} of a PRESENCE_UPDATE of member {@code i} (status toggles with {@code n}). */
  public static JsonObject presenceUpdate(int i, long n) {
    String status = n % 2 == 0 ? "online" : "idle";
    return new JsonObject().put("user", new JsonObject().put("id", userId(i))).put("guild_id", GUILD)
        .put("status", status).put("client_status", new JsonObject().put("desktop", status))
        .put("activities", new JsonArray());
  }

  /** A whole gateway frame {@code {op:0, s, t, d}} as JSON text. */
  public static String frame(String t, long s, JsonObject d) {
    return new JsonObject().put("op", 0).put("s", s).put("t", t).put("d", d).encode();
  }
}
