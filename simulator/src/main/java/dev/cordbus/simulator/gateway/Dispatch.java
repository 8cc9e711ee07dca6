package dev.cordbus.simulator.gateway;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonObject;

/**
 * One dispatch ready to route: the event name, its guild (0 = none, shard 0), {@code d} serialised once, and the
 * variant without message content for sessions lacking MESSAGE_CONTENT ({@code null} when identical).
 *
 * @param aboutBot a GUILD_MEMBER_UPDATE of the bot itself (sent even without GUILD_MEMBERS)
 */
public record Dispatch(String event, long guildId, String d, String dWithoutContent, boolean aboutBot) {

  /** Serialises {@code d} (and its content-less variant where MESSAGE_CONTENT applies). */
  public static Dispatch of(String event, JsonObject d, long botId) {
    long guild = DispatchRouting.guildOf(event, d);
    String bot = Snowflakes.format(botId);
    String blank = null;
    if (EventIntents.carriesContent(event) && d != null && !EventIntents.contentExempt(d, bot)) {
      blank = EventIntents.blankContent(d).encode();
    }
    boolean aboutBot = false;
    if ("GUILD_MEMBER_UPDATE".equals(event) && d != null && d.getValue("user") instanceof JsonObject u) {
      aboutBot = bot.equals(u.getString("id"));
    }
    return new Dispatch(event, guild, d == null ? "null" : d.encode(), blank, aboutBot);
  }

  /** A dispatch whose {@code d} is already serialised (firehose templates). */
  public static Dispatch raw(String event, long guildId, String d, String dWithoutContent) {
    return new Dispatch(event, guildId, d, dWithoutContent, false);
  }
}
