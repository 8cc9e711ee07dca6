package dev.cordbus.simulator.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;

/**
 * Guilds and members: get guild, get / modify (nick, roles, timeout, mute, deaf) / kick a member, ban and unban.
 * Emits GUILD_MEMBER_UPDATE, GUILD_MEMBER_REMOVE, GUILD_BAN_ADD, GUILD_BAN_REMOVE; the world changes by applying
 * them ({@link RestSim}).
 */
final class GuildRoutes extends Routes {

  GuildRoutes(RestSim sim) {
    super(sim);
  }

  @Override
  void register(RestSimRoutes r) {
    RestSimRoutes.Auth bot = RestSimRoutes.Auth.BOT;
    r.endpoint(HttpMethod.GET, "/guilds/{guild_id}", "guild_id", bot, RestSimRoutes.read(world, this::guild));
    r.endpoint(HttpMethod.GET, "/guilds/{guild_id}/members/{user_id}", "guild_id", bot,
        RestSimRoutes.read(world, this::member));
    r.endpoint(HttpMethod.PATCH, "/guilds/{guild_id}/members/{user_id}", "guild_id", bot, this::modify);
    r.endpoint(HttpMethod.DELETE, "/guilds/{guild_id}/members/{user_id}", "guild_id", bot,
        RestSimRoutes.mutation(sim, "GUILD_MEMBER_REMOVE", ctx -> new JsonObject()
            .put("guild_id", ctx.pathParam("guild_id")).put("user", member(ctx).getJsonObject("user"))));
    r.endpoint(HttpMethod.PUT, "/guilds/{guild_id}/bans/{user_id}", "guild_id", bot, this::ban);
    r.endpoint(HttpMethod.DELETE, "/guilds/{guild_id}/bans/{user_id}", "guild_id", bot,
        RestSimRoutes.mutation(sim, "GUILD_BAN_REMOVE", ctx -> {
          guild(ctx);
          String userId = ctx.pathParam("user_id");
          if (!store.bans.getOrDefault(ctx.pathParam("guild_id"), new HashSet<>()).remove(userId)) {
            throw SimError.notFound(10026, "Unknown Ban");
          }
          return new JsonObject().put("guild_id", ctx.pathParam("guild_id")).put("user", store.user(userId));
        }));
  }

  private JsonObject guild(RoutingContext ctx) {
    JsonObject guild = store.guild(ctx.pathParam("guild_id"));
    if (guild == null) {
      throw SimError.notFound(10004, "Unknown Guild");
    }
    return guild;
  }

  private JsonObject member(RoutingContext ctx) {
    guild(ctx);
    JsonObject member = store.member(ctx.pathParam("guild_id"), ctx.pathParam("user_id"));
    if (member == null) {
      throw SimError.notFound(10007, "Unknown Member");
    }
    return member;
  }

  private void modify(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    JsonObject member;
    JsonObject d;
    synchronized (world) {
      JsonObject guild = guild(ctx);
      member = member(ctx);
      if (body.containsKey("nick")) {
        Object nick = body.getValue("nick");
        if (nick != null && (!(nick instanceof String s) || s.length() > 32)) {
          throw SimError.field("nick", "BASE_TYPE_MAX_LENGTH", "Must be 32 or fewer in length.");
        }
        member.put("nick", nick);
      }
      if (body.containsKey("roles")) {
        JsonArray roles = body.getJsonArray("roles", new JsonArray());
        JsonArray known = guild.getJsonArray("roles", new JsonArray());
        for (Object role : roles) {
          boolean exists = known.stream().anyMatch(k -> String.valueOf(role)
              .equals(((JsonObject) k).getString("id")));
          if (!exists) {
            throw SimError.notFound(10011, "Unknown Role");
          }
        }
        member.put("roles", roles.copy());
      }
      for (String key : new String[] {"communication_disabled_until", "mute", "deaf", "channel_id", "flags"}) {
        if (body.containsKey(key)) {
          member.put(key, body.getValue(key));
        }
      }
      d = member.copy().put("guild_id", guild.getString("id"));
    }
    sim.dispatch("GUILD_MEMBER_UPDATE", d);
    RestSimRoutes.write(ctx, 200, member);
  }

  private void ban(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    int seconds = body.getInteger("delete_message_seconds", 0);
    if (seconds < 0 || seconds > 604800) {
      throw SimError.field("delete_message_seconds", "NUMBER_TYPE_MAX", "int value should be <= 604800.");
    }
    JsonObject removed = null;
    JsonObject d;
    synchronized (world) {
      guild(ctx);
      String guildId = ctx.pathParam("guild_id");
      String userId = ctx.pathParam("user_id");
      JsonObject user = store.user(userId);
      if (user == null) {
        throw SimError.notFound(10013, "Unknown User");
      }
      store.bans.computeIfAbsent(guildId, g -> new HashSet<>()).add(userId);
      JsonObject member = store.member(guildId, userId);
      if (member != null) {
        removed = new JsonObject().put("guild_id", guildId).put("user", user.copy());
      }
      d = new JsonObject().put("guild_id", guildId).put("user", user.copy());
    }
    sim.dispatch("GUILD_BAN_ADD", d);
    if (removed != null) {
      sim.dispatch("GUILD_MEMBER_REMOVE", removed);
    }
    RestSimRoutes.noContent(ctx);
  }
}
