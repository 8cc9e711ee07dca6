package dev.cordbus.simulator.world;

import dev.cordbus.api.Intent;
import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Renders a {@link GuildData} as the {@code d} of GUILD_CREATE for one session, following
 * <a href="https://discord.com/developers/docs/events/gateway-events#guild-create">GUILD_CREATE</a> and GATEWAY.md
 * §5: without GUILD_PRESENCES (or above 75k members) only the bot and members in voice; else when
 * {@code member_count > large_threshold} only online members, members with a role or a nick, and members in voice;
 * else everybody. Presences are given for the included members that are not offline.
 */
public final class GuildRenderer {

  /** Above this many members Discord behaves as if GUILD_PRESENCES were off. */
  public static final int PRESENCE_MEMBER_CAP = 75_000;

  private GuildRenderer() {
  }

  /** The unavailable stub {@code {id, unavailable:true}}. */
  public static JsonObject unavailableStub(GuildData g) {
    return new JsonObject().put("id", g.idString()).put("unavailable", true);
  }

  /**
   * GUILD_CREATE for a session with {@code intents} and {@code largeThreshold}; {@code botPresence} is the bot's own
   * status/activities (without user), or {@code null}.
   */
  public static JsonObject guildCreate(GuildData g, UserDirectory users, int intents, int largeThreshold, long botId,
      JsonObject botPresence) {
    if (g.unavailable) {
      return unavailableStub(g);
    }
    int count = g.members.size();
    boolean presenceIntent = (intents & Intent.GUILD_PRESENCES.bit()) != 0 && count <= PRESENCE_MEMBER_CAP;
    boolean large = count > largeThreshold;
    JsonArray members = new JsonArray();
    JsonArray presences = new JsonArray();
    for (int i = 0; i < count; i++) {
      long uid = g.members.userId(i);
      JsonObject presence = presence(g, uid, botId, botPresence);
      boolean online = !"offline".equals(presence.getString("status"));
      boolean include = uid == botId || g.inVoice(uid);
      if (presenceIntent) {
        include = include || !large || online || g.members.hasRoleOrNick(i);
      }
      if (include) {
        members.add(g.members.render(i, users));
        if (online) {
          presences.add(presence);
        }
      }
    }
    JsonObject d = base(g);
    d.put("joined_at", g.joinedAt)
        .put("large", large)
        .put("unavailable", false)
        .put("member_count", count)
        .put("voice_states", (intents & Intent.GUILD_VOICE_STATES.bit()) != 0 ? g.voiceStates.copy() : new JsonArray())
        .put("members", members)
        .put("channels", channelsWithoutGuildId(g))
        .put("threads", g.threads.copy())
        .put("presences", presences)
        .put("stage_instances", g.stageInstances.copy())
        .put("guild_scheduled_events", g.scheduledEvents.copy())
        .put("soundboard_sounds", g.soundboardSounds.copy());
    return d;
  }

  /** The guild object (GUILD_UPDATE / REST shape): base fields with roles, emojis and stickers. */
  public static JsonObject base(GuildData g) {
    JsonObject d = g.base.copy();
    d.put("id", g.idString());
    d.put("roles", g.roles.copy()).put("emojis", g.emojis.copy()).put("stickers", g.stickers.copy());
    return d;
  }

  /** The presence of a member; the bot's comes from {@code botPresence}. */
  public static JsonObject presence(GuildData g, long uid, long botId, JsonObject botPresence) {
    if (uid == botId && (botPresence != null || !g.presences.containsKey(uid))) {
      JsonObject bp = botPresence != null ? botPresence : new JsonObject().put("status", "online");
      String status = bp.getString("status", "online");
      if ("invisible".equals(status)) {
        status = "offline";
      }
      return new JsonObject().put("user", new JsonObject().put("id", Snowflakes.format(uid)))
          .put("status", status)
          .put("activities", bp.getJsonArray("activities", new JsonArray()).copy())
          .put("client_status", "offline".equals(status) ? new JsonObject() : new JsonObject().put("web", status));
    }
    return g.presence(uid);
  }

  private static JsonArray channelsWithoutGuildId(GuildData g) {
    JsonArray out = new JsonArray();
    for (Object o : g.channels) {
      JsonObject c = ((JsonObject) o).copy();
      c.remove("guild_id");
      out.add(c);
    }
    return out;
  }
}
