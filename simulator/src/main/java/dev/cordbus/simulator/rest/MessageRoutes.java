package dev.cordbus.simulator.rest;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Channels and messages: get channel and message, create (JSON or multipart), edit, delete, bulk delete, typing.
 * Each mutation emits its gateway event (MESSAGE_CREATE, MESSAGE_UPDATE, MESSAGE_DELETE, MESSAGE_DELETE_BULK,
 * TYPING_START); the world changes by applying them ({@link RestSim}).
 */
final class MessageRoutes extends Routes {

  private static final long FOURTEEN_DAYS_MS = 14L * 24 * 3600 * 1000;

  MessageRoutes(RestSim sim) {
    super(sim);
  }

  @Override
  void register(RestSimRoutes r) {
    RestSimRoutes.Auth bot = RestSimRoutes.Auth.BOT;
    r.endpoint(HttpMethod.GET, "/channels/{channel_id}", "channel_id", bot, RestSimRoutes.read(world, this::channel));
    r.endpoint(HttpMethod.GET, "/channels/{channel_id}/messages/{message_id}", "channel_id", bot,
        RestSimRoutes.read(world, ctx -> SimMessages.rest(message(ctx))));
    r.endpoint(HttpMethod.POST, "/channels/{channel_id}/messages/bulk-delete", "channel_id", bot,
        this::bulkDelete);
    r.endpoint(HttpMethod.POST, "/channels/{channel_id}/messages", "channel_id", bot, this::create);
    r.endpoint(HttpMethod.PATCH, "/channels/{channel_id}/messages/{message_id}", "channel_id", bot, this::edit);
    r.endpoint(HttpMethod.DELETE, "/channels/{channel_id}/messages/{message_id}", "channel_id", bot,
        RestSimRoutes.mutation(sim, "MESSAGE_DELETE", this::delete));
    r.endpoint(HttpMethod.POST, "/channels/{channel_id}/typing", "channel_id", bot,
        RestSimRoutes.mutation(sim, "TYPING_START", ctx -> {
          JsonObject channel = channel(ctx);
          return putGuild(new JsonObject().put("channel_id", channel.getString("id"))
              .put("user_id", store.botUser().getString("id")).put("timestamp", System.currentTimeMillis() / 1000),
              channel);
        }));
  }

  JsonObject channel(RoutingContext ctx) {
    JsonObject channel = store.channel(ctx.pathParam("channel_id"));
    if (channel == null) {
      throw SimError.notFound(10003, "Unknown Channel");
    }
    return channel;
  }

  JsonObject message(RoutingContext ctx) {
    JsonObject channel = channel(ctx);
    JsonObject m = world.messages().get(ctx.pathParam("message_id"));
    if (m == null || !channel.getString("id").equals(m.getString("channel_id"))) {
      throw SimError.notFound(10008, "Unknown Message");
    }
    return m;
  }

  /** {@code d} with the channel's {@code guild_id} when it is a guild channel. */
  static JsonObject putGuild(JsonObject d, JsonObject channel) {
    if (channel.getString("guild_id") != null) {
      d.put("guild_id", channel.getString("guild_id"));
    }
    return d;
  }

  private void create(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    JsonObject d = sim.change("MESSAGE_CREATE", () -> {
      JsonObject channel = channel(ctx);
      SimMessages.validate(body, true, !ctx.fileUploads().isEmpty());
      return SimMessages.gateway(store, SimMessages.create(store, channel, store.botUser(), body,
          RestSimRoutes.attachments(ctx, store)));
    });
    RestSimRoutes.write(ctx, 200, SimMessages.rest(d));
  }

  private void edit(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    JsonObject d = sim.change("MESSAGE_UPDATE", () -> {
      JsonObject m = message(ctx);
      boolean own = store.botUser().getString("id").equals(m.getJsonObject("author").getString("id"));
      if (!own && (body.containsKey("content") || body.containsKey("embeds") || body.containsKey("components"))) {
        throw new SimError(403, 50005, "Cannot edit a message authored by another user", null);
      }
      SimMessages.validate(body, false, false);
      SimMessages.edit(m, body);
      return SimMessages.gateway(store, m);
    });
    RestSimRoutes.write(ctx, 200, SimMessages.rest(d));
  }

  private JsonObject delete(RoutingContext ctx) {
    JsonObject channel = channel(ctx);
    JsonObject d = new JsonObject().put("id", message(ctx).getString("id")).put("channel_id", channel.getString("id"));
    return putGuild(d, channel);
  }

  private void bulkDelete(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    Object ids = body.getValue("messages");
    if (!(ids instanceof JsonArray list)) {
      throw SimError.field("messages", "BASE_TYPE_REQUIRED", "This field is required");
    }
    if (list.size() < 2 || list.size() > 100) {
      throw SimError.field("messages", "BASE_TYPE_BAD_LENGTH", "Must be between 2 and 100 in length.");
    }
    sim.change("MESSAGE_DELETE_BULK", () -> {
      JsonObject channel = channel(ctx);
      long oldest = System.currentTimeMillis() - FOURTEEN_DAYS_MS;
      List<String> deleted = new ArrayList<>();
      for (Object o : list) {
        String id = String.valueOf(o);
        long ts;
        try {
          ts = Snowflakes.timestamp(Snowflakes.parse(id));
        } catch (NumberFormatException e) {
          throw SimError.field("messages", "NUMBER_TYPE_COERCE", "Value \"" + id + "\" is not snowflake.");
        }
        if (ts < oldest) {
          throw new SimError(400, 50034, "You can only bulk delete messages that are under 14 days old.", null);
        }
      }
      for (Object o : list) {
        String id = String.valueOf(o);
        JsonObject m = world.messages().get(id);
        if (m != null && channel.getString("id").equals(m.getString("channel_id"))) {
          deleted.add(id);
        }
      }
      return putGuild(new JsonObject().put("ids", new JsonArray(new ArrayList<>(deleted)))
          .put("channel_id", channel.getString("id")), channel);
    });
    RestSimRoutes.noContent(ctx);
  }
}
