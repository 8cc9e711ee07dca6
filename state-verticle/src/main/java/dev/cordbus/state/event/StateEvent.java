package dev.cordbus.state.event;

import io.vertx.core.json.JsonObject;

/**
 * A cache-aware event to publish on {@code discord.state.<name>} once the cache is updated.
 *
 * @param name  event name (a dispatch name or one of {@code StateEvents})
 * @param guild the guild it concerns (the {@code guild} header), 0 for none
 * @param body  {@code {guild_id?, before, after, ...}}
 */
public record StateEvent(String name, long guild, JsonObject body) {
}
