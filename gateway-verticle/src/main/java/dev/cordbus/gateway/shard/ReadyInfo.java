package dev.cordbus.gateway.shard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The READY fields a bot author expects on {@code discord.shard.ready} (hikari's ShardReadyEvent, disnake's
 * on_shard_ready): {@code v}, {@code user}, {@code application {id, flags}}, {@code unavailableGuilds} (the ids of
 * READY's guilds, which all start unavailable, GATEWAY.md §4-5) and {@code resumeGatewayUrl}. Fields READY lacks are
 * null. Pure: built from READY's {@code d} once per READY.
 * See <a href="https://discord.com/developers/docs/events/gateway-events#ready">READY</a>.
 */
public final class ReadyInfo {

  private ReadyInfo() {
  }

  /** The body fields taken from READY's {@code d}. */
  public static JsonObject of(Map<String, Object> d) {
    JsonObject out = new JsonObject();
    Object v = d.get("v");
    out.put("v", v instanceof Number n ? n.intValue() : null);
    out.put("user", d.get("user") instanceof Map<?, ?> u ? copy(u) : null);
    JsonObject application = null;
    if (d.get("application") instanceof Map<?, ?> a) {
      Object flags = a.get("flags");
      application = new JsonObject().put("id", a.get("id") == null ? null : String.valueOf(a.get("id")))
          .put("flags", flags instanceof Number n ? n.longValue() : null);
    }
    out.put("application", application);
    JsonArray unavailable = new JsonArray();
    if (d.get("guilds") instanceof List<?> guilds) {
      for (Object g : guilds) {
        if (g instanceof Map<?, ?> guild && guild.get("id") != null
            && !Boolean.FALSE.equals(guild.get("unavailable"))) {
          unavailable.add(String.valueOf(guild.get("id")));
        }
      }
    }
    out.put("unavailableGuilds", unavailable);
    Object url = d.get("resume_gateway_url");
    out.put("resumeGatewayUrl", url instanceof String s ? s : null);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static JsonObject copy(Map<?, ?> map) {
    return new JsonObject((Map<String, Object>) map).copy();
  }
}
