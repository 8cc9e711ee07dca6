package dev.cordbus.simulator.rest;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code PUT}/{@code DELETE /channels/{c}/messages/{m}/reactions/{e}/@me}: MESSAGE_REACTION_ADD / _REMOVE for the
 * bot. {@code {e}} is a URL-encoded unicode emoji or {@code name:id}.
 */
final class ReactionRoutes {

  private final GatewayHub hub;
  private final WorldModel world;
  private final RestRateLimiter limiter;

  ReactionRoutes(GatewayHub hub, WorldModel world, RestRateLimiter limiter) {
    this.hub = hub;
    this.world = world;
    this.limiter = limiter;
  }

  void mount(Router api) {
    api.put("/channels/:c/messages/:m/reactions/:e/@me").handler(rc -> react(rc, "MESSAGE_REACTION_ADD"));
    api.delete("/channels/:c/messages/:m/reactions/:e/@me").handler(rc -> react(rc, "MESSAGE_REACTION_REMOVE"));
  }

  /** {@code {id, name}} of an emoji path segment, or null when malformed. */
  static JsonObject emoji(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    int colon = raw.indexOf(':');
    if (colon < 0) {
      return new JsonObject().put("id", null).put("name", raw);
    }
    String name = raw.substring(0, colon);
    String id = raw.substring(colon + 1);
    if (name.isEmpty() || RestSupport.id(id) == null) {
      return null;
    }
    return new JsonObject().put("id", id).put("name", name);
  }

  private void react(RoutingContext rc, String event) {
    if (!RestSupport.rateLimit(rc, limiter, "PUT /channels/{c}/messages/{m}/reactions", rc.pathParam("c"))) {
      return;
    }
    Long cid = RestSupport.id(rc.pathParam("c"));
    JsonObject channel = cid == null ? null : world.channel(cid);
    if (channel == null) {
      RestErrors.unknownChannel(rc);
      return;
    }
    JsonObject m = world.message(rc.pathParam("m"));
    if (m == null || !channel.getString("id").equals(m.getString("channel_id"))) {
      RestErrors.unknownMessage(rc);
      return;
    }
    JsonObject emoji = emoji(rc.pathParam("e"));
    if (emoji == null) {
      RestErrors.unknownEmoji(rc);
      return;
    }
    RestErrors.noContent(rc);
    String guild = channel.getString("guild_id");
    JsonObject d = new JsonObject().put("user_id", Snowflakes.format(world.botId()))
        .put("channel_id", channel.getString("id")).put("message_id", m.getString("id"));
    if (guild != null) {
      d.put("guild_id", guild);
      if ("MESSAGE_REACTION_ADD".equals(event)) {
        d.put("member", world.member(Snowflakes.parse(guild), world.botId()));
      }
    }
    d.put("emoji", emoji).put("burst", false).put("type", 0);
    if ("MESSAGE_REACTION_ADD".equals(event)) {
      JsonObject author = m.getJsonObject("author");
      if (author != null) {
        d.put("message_author_id", author.getString("id"));
      }
    }
    hub.emit(event, d);
  }
}
