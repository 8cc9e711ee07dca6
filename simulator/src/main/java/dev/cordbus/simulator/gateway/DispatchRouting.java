package dev.cordbus.simulator.gateway;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** Which guild (hence which shard) a dispatch belongs to. Pure. */
public final class DispatchRouting {

  /** Events whose guild is {@code d.id} rather than {@code d.guild_id}. */
  private static final Set<String> GUILD_BY_ID = Set.of("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE");

  private DispatchRouting() {
  }

  /** The guild id of a dispatch, or 0 when it has none (DMs, USER_UPDATE, ...: shard 0). */
  public static long guildOf(String event, JsonObject d) {
    if (d == null) {
      return 0;
    }
    String id = GUILD_BY_ID.contains(event) ? d.getString("id") : null;
    if (id == null) {
      Object g = d.getValue("guild_id");
      id = g == null ? null : g.toString();
    }
    if (id == null) {
      return 0;
    }
    try {
      return Snowflakes.parse(id);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
