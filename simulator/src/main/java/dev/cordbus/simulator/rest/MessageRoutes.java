package dev.cordbus.simulator.rest;

import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Message routes (REST.md "Endpoints"): create (validated: 50006, 50035), get, edit, delete, bulk delete. Each
 * mutation fires its gateway event (with {@code guild_id} and {@code member} added, as the gateway does). Rate
 * limited per channel.
 */
final class MessageRoutes {

  /** Discord's content limit. */
  static final int MAX_CONTENT = 2000;
  static final int MAX_EMBEDS = 10;

  private final GatewayHub hub;
  private final WorldModel world;
  private final RestRateLimiter limiter;

  MessageRoutes(GatewayHub hub, WorldModel world, RestRateLimiter limiter) {
    this.hub = hub;
    this.world = world;
    this.limiter = limiter;
  }

  void mount(Router api) {
    api.post("/channels/:c/messages/bulk-delete").handler(this::bulkDelete);
    api.post("/channels/:c/messages").handler(this::create);
    api.get("/channels/:c/messages/:m").handler(this::get);
    api.patch("/channels/:c/messages/:m").handler(this::edit);
    api.delete("/channels/:c/messages/:m").handler(this::delete);
  }

  private JsonObject channel(RoutingContext rc) {
    Long id = RestSupport.id(rc.pathParam("c"));
    JsonObject c = id == null ? null : world.channel(id);
    if (c == null) {
      RestErrors.unknownChannel(rc);
    }
    return c;
  }

  /** The JSON body; answers 50109 and returns null when the body is not a JSON object. */
  private static JsonObject body(RoutingContext rc) {
    try {
      JsonObject b = rc.body() == null || rc.body().length() == 0 ? new JsonObject() : rc.body().asJsonObject();
      return b == null ? new JsonObject() : b;
    } catch (RuntimeException e) {
      RestErrors.invalidJson(rc);
      return null;
    }
  }

  private void create(RoutingContext rc) {
    if (!RestSupport.rateLimit(rc, limiter, "POST /channels/{c}/messages", rc.pathParam("c"))) {
      return;
    }
    JsonObject channel = channel(rc);
    JsonObject body = channel == null ? null : body(rc);
    if (body == null || !validContent(rc, body, true)) {
      return;
    }
    JsonArray embeds = richEmbeds(body.getJsonArray("embeds"));
    String content = body.getString("content", "");
    boolean hasSomething = !content.isEmpty() || !embeds.isEmpty() || nonEmpty(body, "sticker_ids")
        || nonEmpty(body, "components") || body.getValue("poll") != null || body.getValue("message_reference") != null;
    if (!hasSomething) {
      RestErrors.emptyMessage(rc);
      return;
    }
    JsonObject m = new JsonObject()
        .put("id", RestSupport.snowflake())
        .put("type", body.getValue("message_reference") != null ? 19 : 0)
        .put("channel_id", channel.getString("id"))
        .put("author", RestSupport.author(world))
        .put("content", content)
        .put("timestamp", RestSupport.now())
        .put("edited_timestamp", null)
        .put("tts", Boolean.TRUE.equals(body.getValue("tts")))
        .put("mention_everyone", false)
        .put("mentions", new JsonArray())
        .put("mention_roles", new JsonArray())
        .put("attachments", new JsonArray())
        .put("embeds", embeds)
        .put("components", body.getJsonArray("components", new JsonArray()))
        .put("pinned", false)
        .put("flags", body.getInteger("flags", 0));
    if (body.getValue("nonce") != null) {
      m.put("nonce", body.getValue("nonce"));
    }
    if (body.getValue("message_reference") instanceof JsonObject ref) {
      m.put("message_reference", ref.copy().put("channel_id", ref.getString("channel_id", channel.getString("id"))));
    }
    RestErrors.json(rc, 200, m);
    hub.emit("MESSAGE_CREATE", gatewayShape(m, channel));
  }

  private void get(RoutingContext rc) {
    JsonObject channel = channel(rc);
    if (channel == null) {
      return;
    }
    JsonObject m = message(rc, channel);
    if (m != null) {
      RestErrors.json(rc, 200, withoutGatewayFields(m));
    }
  }

  private void edit(RoutingContext rc) {
    if (!RestSupport.rateLimit(rc, limiter, "PATCH /channels/{c}/messages/{m}", rc.pathParam("c"))) {
      return;
    }
    JsonObject channel = channel(rc);
    JsonObject m = channel == null ? null : message(rc, channel);
    JsonObject body = m == null ? null : body(rc);
    if (body == null || !validContent(rc, body, false)) {
      return;
    }
    boolean own = world.botUser().getString("id").equals(m.getJsonObject("author", new JsonObject()).getString("id"));
    if (!own && (body.containsKey("content") || body.containsKey("embeds") || body.containsKey("components"))) {
      RestErrors.cannotEditOthers(rc);
      return;
    }
    JsonObject updated = withoutGatewayFields(m);
    if (body.containsKey("content")) {
      updated.put("content", body.getString("content") == null ? "" : body.getString("content"));
    }
    if (body.containsKey("embeds")) {
      updated.put("embeds", richEmbeds(body.getJsonArray("embeds")));
    }
    if (body.containsKey("components")) {
      updated.put("components", body.getJsonArray("components", new JsonArray()));
    }
    if (body.getValue("flags") instanceof Number f) {
      updated.put("flags", f.intValue());
    }
    updated.put("edited_timestamp", RestSupport.now());
    RestErrors.json(rc, 200, updated);
    hub.emit("MESSAGE_UPDATE", gatewayShape(updated, channel));
  }

  private void delete(RoutingContext rc) {
    if (!RestSupport.rateLimit(rc, limiter, "DELETE /channels/{c}/messages/{m}", rc.pathParam("c"))) {
      return;
    }
    JsonObject channel = channel(rc);
    JsonObject m = channel == null ? null : message(rc, channel);
    if (m == null) {
      return;
    }
    RestErrors.noContent(rc);
    JsonObject d = new JsonObject().put("id", m.getString("id")).put("channel_id", channel.getString("id"));
    if (channel.getString("guild_id") != null) {
      d.put("guild_id", channel.getString("guild_id"));
    }
    hub.emit("MESSAGE_DELETE", d);
  }

  private void bulkDelete(RoutingContext rc) {
    if (!RestSupport.rateLimit(rc, limiter, "POST /channels/{c}/messages/bulk-delete", rc.pathParam("c"))) {
      return;
    }
    JsonObject channel = channel(rc);
    JsonObject body = channel == null ? null : body(rc);
    if (body == null) {
      return;
    }
    JsonArray ids = body.getValue("messages") instanceof JsonArray a ? a : null;
    if (ids == null || ids.size() < 2 || ids.size() > 100) {
      RestErrors.invalidFormBody(rc, "messages", ids == null ? "BASE_TYPE_REQUIRED" : "BASE_TYPE_BAD_LENGTH",
          ids == null ? "This field is required" : "Must be between 2 and 100 in length.");
      return;
    }
    RestErrors.noContent(rc);
    JsonObject d = new JsonObject().put("ids", ids.copy()).put("channel_id", channel.getString("id"));
    if (channel.getString("guild_id") != null) {
      d.put("guild_id", channel.getString("guild_id"));
    }
    hub.emit("MESSAGE_DELETE_BULK", d);
  }

  /** The stored message of this channel, or answers 10008 and returns null. */
  private JsonObject message(RoutingContext rc, JsonObject channel) {
    JsonObject m = world.message(rc.pathParam("m"));
    if (m == null || !channel.getString("id").equals(m.getString("channel_id"))) {
      RestErrors.unknownMessage(rc);
      return null;
    }
    return m;
  }

  /** Content and embeds limits; answers 50035 and returns false when violated. */
  private static boolean validContent(RoutingContext rc, JsonObject body, boolean create) {
    Object content = body.getValue("content");
    if (content != null && !(content instanceof String)) {
      RestErrors.invalidFormBody(rc, "content", "STRING_TYPE_CONVERT", "Could not interpret \"" + content
          + "\" as string.");
      return false;
    }
    if (content instanceof String s && s.codePointCount(0, s.length()) > MAX_CONTENT) {
      RestErrors.invalidFormBody(rc, "content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
      return false;
    }
    Object embeds = body.getValue("embeds");
    if (embeds != null && !(embeds instanceof JsonArray)) {
      RestErrors.invalidFormBody(rc, "embeds", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
      return false;
    }
    if (embeds instanceof JsonArray a && a.size() > MAX_EMBEDS) {
      RestErrors.invalidFormBody(rc, "embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
      return false;
    }
    return true;
  }

  private static boolean nonEmpty(JsonObject body, String key) {
    return body.getValue(key) instanceof JsonArray a && !a.isEmpty();
  }

  private static JsonArray richEmbeds(JsonArray embeds) {
    JsonArray out = new JsonArray();
    if (embeds != null) {
      for (Object o : embeds) {
        if (o instanceof JsonObject e) {
          JsonObject copy = new JsonObject().put("type", e.getString("type", "rich"));
          copy.mergeIn(e);
          out.add(copy);
        }
      }
    }
    return out;
  }

  /** The gateway shape of a message: {@code guild_id} and the author's {@code member} added in guilds. */
  private JsonObject gatewayShape(JsonObject m, JsonObject channel) {
    JsonObject d = m.copy();
    String guild = channel.getString("guild_id");
    if (guild != null) {
      d.put("guild_id", guild);
      JsonObject member = RestSupport.botMember(world, guild);
      if (member != null) {
        d.put("member", member);
      }
    } else {
      d.put("channel_type", channel.getInteger("type", 1));
    }
    return d;
  }

  private static JsonObject withoutGatewayFields(JsonObject m) {
    JsonObject out = m.copy();
    out.remove("guild_id");
    out.remove("member");
    out.remove("channel_type");
    return out;
  }
}
