package dev.cordbus.simulator.world;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * One guild of the world, mutable as events happen. Internal to the simulator (public only for its sub-packages).
 * {@link #base} holds the plain guild-object fields; the lists are kept apart so that GUILD_CREATE can be rendered
 * lazily with the session's intents and {@code large_threshold}.
 */
public final class GuildData {

  /** The guild id. */
  public final long id;
  /** Guild object fields other than the lists below and the GUILD_CREATE extras. */
  public JsonObject base = new JsonObject();
  /** Whether the guild is in an outage (READY lists it; GUILD_DELETE {unavailable:true} instead of GUILD_CREATE). */
  public boolean unavailable;
  /** When the bot joined (GUILD_CREATE {@code joined_at}). */
  public String joinedAt;
  public final JsonArray roles = new JsonArray();
  public final JsonArray emojis = new JsonArray();
  public final JsonArray stickers = new JsonArray();
  /** Channels without {@code guild_id}, as GUILD_CREATE sends them. */
  public final JsonArray channels = new JsonArray();
  public final JsonArray threads = new JsonArray();
  /** Voice states without {@code guild_id}. */
  public final JsonArray voiceStates = new JsonArray();
  public final JsonArray stageInstances = new JsonArray();
  public final JsonArray scheduledEvents = new JsonArray();
  public final JsonArray soundboardSounds = new JsonArray();
  public final MemberTable members;
  /** Presences given explicitly (fixtures, PRESENCE_UPDATE), by user id; other members get a generated one. */
  public final Map<Long, JsonObject> presences = new HashMap<>();
  /** Seed of generated presences; {@code null} = members without an explicit presence are offline. */
  public final Long presenceSeed;

  public GuildData(long id, MemberTable members, Long presenceSeed) {
    this.id = id;
    this.members = members;
    this.presenceSeed = presenceSeed;
  }

  /** The id as Discord sends it. */
  public String idString() {
    return Snowflakes.format(id);
  }

  /** The presence of a member (without {@code guild_id}); {@code status} "offline" when unknown. */
  public JsonObject presence(long userId) {
    JsonObject p = presences.get(userId);
    if (p != null) {
      return p.copy();
    }
    String status = "offline";
    JsonArray activities = new JsonArray();
    if (presenceSeed != null) {
      int r = Names.pick(presenceSeed, userId + 99, 20);
      status = r < 7 ? "online" : r < 9 ? "idle" : r < 10 ? "dnd" : "offline";
      if (r < 3) {
        activities.add(new JsonObject().put("name", Names.displayName(presenceSeed, userId) + " Simulator")
            .put("type", 0).put("created_at", 1_786_035_600_000L));
      }
    }
    JsonObject clientStatus = new JsonObject();
    if (!status.equals("offline")) {
      clientStatus.put(Names.pick(userId, 3, 2) == 0 ? "desktop" : "mobile", status);
    }
    return new JsonObject()
        .put("user", new JsonObject().put("id", Snowflakes.format(userId)))
        .put("status", status)
        .put("activities", activities)
        .put("client_status", clientStatus);
  }

  /** Whether the user has a voice state in this guild. */
  public boolean inVoice(long userId) {
    String id = Snowflakes.format(userId);
    for (Object o : voiceStates) {
      if (id.equals(((JsonObject) o).getString("user_id"))) {
        return true;
      }
    }
    return false;
  }

  /** The id of the first text channel (type 0), or {@code null}. */
  public String textChannelId() {
    for (Object o : channels) {
      if (((JsonObject) o).getInteger("type", -1) == 0) {
        return ((JsonObject) o).getString("id");
      }
    }
    return null;
  }

  /** The channel (or thread) object with this id, or {@code null}; the returned object is live. */
  public JsonObject channel(String channelId) {
    for (JsonArray list : new JsonArray[] {channels, threads}) {
      for (Object o : list) {
        JsonObject c = (JsonObject) o;
        if (channelId.equals(c.getString("id"))) {
          return c;
        }
      }
    }
    return null;
  }

  /** Removes the object with {@code id == key value} from a list; returns whether one was removed. */
  public static boolean removeById(JsonArray list, String idKey, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (id.equals(list.getJsonObject(i).getString(idKey))) {
        list.remove(i);
        return true;
      }
    }
    return false;
  }

  /** Replaces the object with the same id in a list, or appends it. */
  public static void upsertById(JsonArray list, String idKey, JsonObject value) {
    String id = value.getString(idKey);
    for (int i = 0; i < list.size(); i++) {
      if (id != null && id.equals(list.getJsonObject(i).getString(idKey))) {
        list.set(i, value);
        return;
      }
    }
    list.add(value);
  }
}
