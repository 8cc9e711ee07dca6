package dev.cordbus.simulator.rest;

import dev.cordbus.simulator.world.Interactions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Interactions and application commands: the callback (once per interaction, else 400 40060; unknown 404 10062),
 * follow-ups and edits through the interaction webhook, and command registration (bulk overwrite, create, list),
 * global or per guild. A message response emits MESSAGE_CREATE / MESSAGE_UPDATE.
 */
final class InteractionRoutes extends Routes {

  private static final Pattern COMMAND_NAME = Pattern.compile("^[-_\\p{Ll}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");

  InteractionRoutes(RestSim sim) {
    super(sim);
  }

  @Override
  void register(RestSimRoutes r) {
    RestSimRoutes.Auth path = RestSimRoutes.Auth.PATH_TOKEN;
    RestSimRoutes.Auth bot = RestSimRoutes.Auth.BOT;
    r.endpoint(HttpMethod.POST, "/interactions/{interaction_id}/{interaction_token}/callback", "interaction_id",
        path, this::callback);
    r.endpoint(HttpMethod.POST, "/webhooks/{application_id}/{interaction_token}", "application_id", path,
        this::followup);
    r.endpoint(HttpMethod.PATCH, "/webhooks/{application_id}/{interaction_token}/messages/@original",
        "application_id", path, ctx -> editWebhookMessage(ctx, null));
    r.endpoint(HttpMethod.PATCH, "/webhooks/{application_id}/{interaction_token}/messages/{message_id}",
        "application_id", path, ctx -> editWebhookMessage(ctx, ctx.pathParam("message_id")));
    r.endpoint(HttpMethod.PUT, "/applications/{application_id}/commands", null, bot,
        ctx -> overwrite(ctx, "global"));
    r.endpoint(HttpMethod.PUT, "/applications/{application_id}/guilds/{guild_id}/commands", "guild_id", bot,
        ctx -> overwrite(ctx, ctx.pathParam("guild_id")));
    r.endpoint(HttpMethod.POST, "/applications/{application_id}/commands", null, bot, ctx -> {
      JsonObject command;
      synchronized (world) {
        application(ctx);
        command = command(RestSimRoutes.jsonBody(ctx), "global", "");
        store.commands.computeIfAbsent("global", k -> new LinkedHashMap<>()).put(command.getString("name"),
            command);
      }
      RestSimRoutes.write(ctx, 201, command);
    });
    r.endpoint(HttpMethod.GET, "/applications/{application_id}/commands", null, bot,
        RestSimRoutes.read(world, ctx -> {
          application(ctx);
          return store.commands(null);
        }));
  }

  private Interactions.Interaction interaction(RoutingContext ctx) {
    Interactions.Interaction interaction = world.interactions().byId(ctx.pathParam("interaction_id"));
    if (interaction == null || !interaction.token.equals(ctx.pathParam("interaction_token"))) {
      throw SimError.notFound(10062, "Unknown interaction");
    }
    return interaction;
  }

  private Interactions.Interaction byToken(RoutingContext ctx) {
    Interactions.Interaction interaction = world.interactions().byToken(ctx.pathParam("interaction_token"));
    if (interaction == null || !store.applicationId().equals(ctx.pathParam("application_id"))
        || interaction.state != Interactions.State.ACKNOWLEDGED) {
      throw SimError.notFound(10015, "Unknown Webhook");
    }
    return interaction;
  }

  private void application(RoutingContext ctx) {
    if (!store.applicationId().equals(ctx.pathParam("application_id"))) {
      throw new SimError(403, 50001, "Missing Access", null);
    }
  }

  private JsonObject userOrEmpty(String userId) {
    JsonObject user = store.user(userId);
    return user == null ? new JsonObject() : user;
  }

  private JsonObject author() {
    return store.botUser();
  }

  private void callback(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    int type = body.getInteger("type", -1);
    JsonObject created = null;
    JsonObject response;
    synchronized (world) {
      Interactions.Interaction interaction = interaction(ctx);
      if (interaction.state == Interactions.State.ACKNOWLEDGED) {
        throw new SimError(400, 40060, "Interaction has already been acknowledged.", null);
      }
      if (type < 1 || type == 2 || type == 3 || type == 10 || type == 11 || type > 12) {
        throw SimError.field("type", "BASE_TYPE_CHOICES", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 12}.");
      }
      JsonObject channel = store.channel(interaction.channelId);
      if ((type == 4 || type == 5) && channel != null) {
        JsonObject data = body.getJsonObject("data", new JsonObject());
        if (type == 4) {
          SimMessages.validate(data, true, false);
        }
        JsonObject m = SimMessages.create(store, channel, author(), type == 5
            ? new JsonObject().put("content", "").put("flags", 128) : data, null);
        m.put("type", 20).put("webhook_id", store.applicationId()).put("application_id", store.applicationId())
            .put("interaction_metadata", new JsonObject().put("id", interaction.id).put("type", 2)
                .put("user", userOrEmpty(interaction.userId)));
        interaction.originalMessageId = m.getString("id");
        created = SimMessages.gateway(store, m);
      }
      interaction.state = Interactions.State.ACKNOWLEDGED;
      response = new JsonObject().put("interaction", new JsonObject().put("id", interaction.id).put("type", 2)
          .put("response_message_id", interaction.originalMessageId)
          .put("response_message_loading", type == 5).put("response_message_ephemeral", false));
      if (created != null) {
        response.put("resource", new JsonObject().put("type", type).put("message", SimMessages.rest(created)));
      }
    }
    if (created != null) {
      sim.dispatch("MESSAGE_CREATE", created);
    }
    if ("true".equals(ctx.request().getParam("with_response"))) {
      RestSimRoutes.write(ctx, 200, response);
    } else {
      RestSimRoutes.noContent(ctx);
    }
  }

  private void followup(RoutingContext ctx) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    JsonObject d = sim.change("MESSAGE_CREATE", () -> {
      Interactions.Interaction interaction = byToken(ctx);
      JsonObject channel = store.channel(interaction.channelId);
      if (channel == null) {
        throw SimError.notFound(10003, "Unknown Channel");
      }
      SimMessages.validate(body, true, !ctx.fileUploads().isEmpty());
      JsonObject m = SimMessages.create(store, channel, author(), body, RestSimRoutes.attachments(ctx, store));
      m.put("webhook_id", store.applicationId()).put("application_id", store.applicationId());
      return SimMessages.gateway(store, m);
    });
    RestSimRoutes.write(ctx, 200, SimMessages.rest(d));
  }

  private void editWebhookMessage(RoutingContext ctx, String messageId) {
    JsonObject body = RestSimRoutes.jsonBody(ctx);
    JsonObject d = sim.change("MESSAGE_UPDATE", () -> {
      Interactions.Interaction interaction = byToken(ctx);
      String id = messageId == null ? interaction.originalMessageId : messageId;
      JsonObject m = id == null ? null : world.messages().get(id);
      if (m == null) {
        throw SimError.notFound(10008, "Unknown Message");
      }
      SimMessages.validate(body, false, false);
      SimMessages.edit(m, body);
      if (m.getInteger("flags", 0) == 128) {
        m.put("flags", 0);
      }
      return SimMessages.gateway(store, m);
    });
    RestSimRoutes.write(ctx, 200, SimMessages.rest(d));
  }

  private void overwrite(RoutingContext ctx, String scope) {
    JsonArray list = RestSimRoutes.jsonArrayBody(ctx);
    JsonArray out = new JsonArray();
    synchronized (world) {
      application(ctx);
      if (!"global".equals(scope) && store.guild(scope) == null) {
        throw SimError.notFound(10004, "Unknown Guild");
      }
      Map<String, JsonObject> registered = new LinkedHashMap<>();
      for (int i = 0; i < list.size(); i++) {
        JsonObject command = command(list.getJsonObject(i), scope, i + ".");
        registered.put(command.getString("name"), command);
        out.add(command);
      }
      store.commands.put(scope, registered);
    }
    RestSimRoutes.write(ctx, 200, out);
  }

  private JsonObject command(JsonObject body, String scope, String fieldPrefix) {
    int type = body.getInteger("type", 1);
    String name = body.getString("name");
    if (name == null || (type == 1 && !COMMAND_NAME.matcher(name).matches()) || name.length() > 32) {
      throw SimError.field(fieldPrefix + "name", "APPLICATION_COMMAND_INVALID_NAME",
          "Command name is invalid");
    }
    String description = body.getString("description", "");
    if (type == 1 && (description.isEmpty() || description.length() > 100)) {
      throw SimError.field(fieldPrefix + "description", "BASE_TYPE_BAD_LENGTH",
          "Must be between 1 and 100 in length.");
    }
    JsonObject command = body.copy().put("id", store.newId()).put("application_id", store.applicationId())
        .put("type", type).put("description", description).put("version", store.newId());
    if (!"global".equals(scope)) {
      command.put("guild_id", scope);
    }
    return command;
  }
}
