package dev.cordbus.simulator.rest;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /channels/{c}} and {@code POST /channels/{c}/typing} (TYPING_START). */
final class ChannelRoutes {

  private final GatewayHub hub;
  private final WorldModel world;

  ChannelRoutes(GatewayHub hub, WorldModel world) {
    this.hub = hub;
    this.world = world;
  }

  void mount(Router api) {
    api.get("/channels/:c").handler(this::get);
    api.post("/channels/:c/typing").handler(this::typing);
  }

  private void get(RoutingContext rc) {
    Long id = RestSupport.id(rc.pathParam("c"));
    JsonObject c = id == null ? null : world.channel(id);
    if (c == null) {
      RestErrors.unknownChannel(rc);
      return;
    }
    RestErrors.json(rc, 200, c);
  }

  private void typing(RoutingContext rc) {
    Long id = RestSupport.id(rc.pathParam("c"));
    JsonObject c = id == null ? null : world.channel(id);
    if (c == null) {
      RestErrors.unknownChannel(rc);
      return;
    }
    RestErrors.noContent(rc);
    String guild = c.getString("guild_id");
    JsonObject d = new JsonObject().put("channel_id", c.getString("id"))
        .put("user_id", Snowflakes.format(world.botId())).put("timestamp", System.currentTimeMillis() / 1000);
    if (guild != null) {
      d.put("guild_id", guild).put("member", memberWithUser(guild));
    }
    hub.emit("TYPING_START", d);
  }

  private JsonObject memberWithUser(String guild) {
    return world.member(Snowflakes.parse(guild), world.botId());
  }
}
