package dev.cordbus.simulator.rest;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.world.WorldModel;
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
final class MessageRoutes {

  private static final long FOURTEEN_DAYS_MS = 14L * 24 * 3600 * 1000;

  private final RestSim sim;
  private final RestSimStore store;
  private final WorldModel world;

  MessageRoutes(RestSim sim) {
    this.sim = sim;
    this.store = sim.store();
    this.world = store.world();
  }

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
        this::delete);
    r.endpoint(HttpMethod.POST, "/channels/{channel_id}/typing", "channel_id", bot, ctx -> {
      JsonObject d;
      synchronized (world) {
        JsonObject channel = channel(ctx);
        d = new JsonObject().put("channel_id", channel.getString("id"))
            .put("user_id", store.botUser().getString("id")).put("timestamp", System.currentTimeMillis() / 1000);
        putGuild(d, channel);
      }
      // outside the lock: the hub writes the event to the sessions
      sim.dispatch("TYPING_START", d);
      RestSimRoutes.noContent(ctx);
    });
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

  static void putGuild(JsonObject d, JsonObject channel) {
    if (channel.getString("guild_id") != null) {
      d.put("guild_id", channel.getString("guild_id"));
    }
  }

  private void create(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    JsonObject d;
    JsonObject m;
    synchronized (world) {
      JsonObject channel = channel(ctx);
      SimMessages.validate(body, true, !ctx.fileUploads().isEmpty());
      m = SimMessages.create(store, channel, store.botUser(), body, RestSimRoutes.attachments(ctx, store));
      d = SimMessages.gateway(store, m);
    }
    sim.dispatch("MESSAGE_CREATE", d);
    RestSimRoutes.write(ctx, 200, SimMessages.rest(m));
  }

  private void edit(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    JsonObject d;
    synchronized (world) {
      JsonObject m = message(ctx);
      boolean own = store.botUser().getString("id").equals(m.getJsonObject("author").getString("id"));
      if (!own && (body.containsKey("content") || body.containsKey("embeds") || body.containsKey("components"))) {
        throw new SimError(403, 50005, "Cannot edit a message authored by another user", null);
      }
      SimMessages.validate(body, false, false);
      SimMessages.edit(m, body);
      d = SimMessages.gateway(store, m);
    }
    sim.dispatch("MESSAGE_UPDATE", d);
    RestSimRoutes.write(ctx, 200, SimMessages.rest(d));
  }

  private void delete(RoutingContext ctx) {
    JsonObject d = new JsonObject();
    synchronized (world) {
      JsonObject channel = channel(ctx);
      JsonObject m = message(ctx);
      d.put("id", m.getString("id")).put("channel_id", channel.getString("id"));
      putGuild(d, channel);
    }
    sim.dispatch("MESSAGE_DELETE", d);
    RestSimRoutes.noContent(ctx);
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
    JsonObject d = new JsonObject();
    synchronized (world) {
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
      d.put("ids", new JsonArray(new ArrayList<>(deleted))).put("channel_id", channel.getString("id"));
      putGuild(d, channel);
    }
    sim.dispatch("MESSAGE_DELETE_BULK", d);
    RestSimRoutes.noContent(ctx);
  }
}
