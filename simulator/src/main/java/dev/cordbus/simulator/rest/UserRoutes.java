package dev.cordbus.simulator.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /users/@me}, {@code GET /users/{user_id}}, {@code POST /users/@me/channels} (open a DM: the channel
 * joins the world, so messages can be sent in it).
 */
final class UserRoutes extends Routes {

  UserRoutes(RestSim sim) {
    super(sim);
  }

  /** The bot user as {@code /users/@me} gives it: READY's user with the account fields it lacks. */
  private JsonObject me() {
    JsonObject me = new JsonObject().put("verified", true).put("mfa_enabled", false).put("flags", 0)
        .putNull("email");
    return me.mergeIn(store.botUser()).put("locale", "en-US");
  }

  @Override
  void register(RestSimRoutes r) {
    r.endpoint(HttpMethod.GET, "/users/@me", null, RestSimRoutes.Auth.BOT,
        ctx -> RestSimRoutes.write(ctx, 200, me()));
    r.endpoint(HttpMethod.GET, "/users/{user_id}", null, RestSimRoutes.Auth.BOT, ctx -> {
      synchronized (store.world()) {
        JsonObject user = store.user(ctx.pathParam("user_id"));
        if (user == null) {
          throw SimError.notFound(10013, "Unknown User");
        }
        RestSimRoutes.write(ctx, 200, user);
      }
    });
    r.endpoint(HttpMethod.POST, "/users/@me/channels", null, RestSimRoutes.Auth.BOT, ctx -> {
      JsonObject body = RestSimRoutes.jsonBody(ctx);
      String recipient = body.getString("recipient_id");
      if (recipient == null) {
        throw SimError.field("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
      }
      synchronized (store.world()) {
        JsonObject user = store.user(recipient);
        if (user == null) {
          throw new SimError(400, 50033, "Invalid Recipient(s)", null);
        }
        JsonObject dm = store.dms.computeIfAbsent(recipient, id -> {
          JsonObject channel = new JsonObject().put("id", store.newId()).put("type", 1)
              .putNull("last_message_id").put("flags", 0).put("recipients", new JsonArray().add(user.copy()));
          store.world().putDmChannel(channel);
          return channel;
        });
        RestSimRoutes.write(ctx, 200, dm);
      }
    });
  }
}
