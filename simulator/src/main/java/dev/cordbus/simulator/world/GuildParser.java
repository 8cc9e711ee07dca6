package dev.cordbus.simulator.world;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Turns a full GUILD_CREATE payload (a fixture, or a GUILD_CREATE a scenario dispatches) into a {@link GuildData},
 * keeping every field verbatim so that it renders back the same.
 */
public final class GuildParser {

  /** Keys of GUILD_CREATE that are not part of the guild object (kept in their own lists). */
  public static final Set<String> EXTRAS = Set.of("joined_at", "large", "unavailable", "member_count", "voice_states",
      "members", "channels", "threads", "presences", "stage_instances", "guild_scheduled_events",
      "soundboard_sounds");

  private GuildParser() {
  }

  /** Parses {@code d}; users met on the way are merged into {@code users}. */
  public static GuildData parse(JsonObject d, UserDirectory users) {
    long id = Snowflakes.parse(d.getString("id"));
    GuildData g = new GuildData(id, new MemberTable(id, new long[0]), null);
    if (Boolean.TRUE.equals(d.getBoolean("unavailable")) && !d.containsKey("name")) {
      g.unavailable = true;
      return g;
    }
    for (String k : d.fieldNames()) {
      if (!EXTRAS.contains(k)) {
        g.base.put(k, copy(d.getValue(k)));
      }
    }
    g.joinedAt = d.getString("joined_at");
    addAll(g.roles, d.getJsonArray("roles"));
    addAll(g.emojis, d.getJsonArray("emojis"));
    addAll(g.stickers, d.getJsonArray("stickers"));
    addAll(g.threads, d.getJsonArray("threads"));
    addAll(g.voiceStates, d.getJsonArray("voice_states"));
    addAll(g.stageInstances, d.getJsonArray("stage_instances"));
    addAll(g.scheduledEvents, d.getJsonArray("guild_scheduled_events"));
    addAll(g.soundboardSounds, d.getJsonArray("soundboard_sounds"));
    JsonArray channels = d.getJsonArray("channels", new JsonArray());
    for (Object o : channels) {
      JsonObject c = ((JsonObject) o).copy();
      c.remove("guild_id");
      g.channels.add(c);
    }
    for (Object o : d.getJsonArray("members", new JsonArray())) {
      JsonObject m = (JsonObject) o;
      users.merge(m.getJsonObject("user"));
      g.members.putExplicit(m);
    }
    for (Object o : d.getJsonArray("presences", new JsonArray())) {
      JsonObject p = ((JsonObject) o).copy();
      p.remove("guild_id");
      g.presences.put(Snowflakes.parse(p.getJsonObject("user").getString("id")), p);
    }
    return g;
  }

  private static void addAll(JsonArray into, JsonArray from) {
    if (from != null) {
      for (Object o : from) {
        into.add(copy(o));
      }
    }
  }

  private static Object copy(Object o) {
    if (o instanceof JsonObject j) {
      return j.copy();
    }
    if (o instanceof JsonArray a) {
      return a.copy();
    }
    return o;
  }
}
