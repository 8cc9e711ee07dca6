package dev.cordbus.api.rest;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Typed Discord REST calls over the event bus, for bots on any node. Each method sends one
 * {@link RestAddresses#REQUEST} and completes with Discord's response body ({@code {}} for 204 No Content), or
 * fails with a {@link io.vertx.core.eventbus.ReplyException} that {@link RestFailure#from(Throwable)} decodes.
 * Calls wait in the REST verticle's rate-limit queues, so the default send timeout is generous (60 s).
 */
public final class RestClient {

  /** Default event-bus send timeout: rate-limit waits are included. */
  public static final long DEFAULT_TIMEOUT_MS = 60_000;

  private final EventBus bus;
  private final DeliveryOptions delivery;

  /** A client with the default timeout. */
  public RestClient(EventBus bus) {
    this(bus, DEFAULT_TIMEOUT_MS);
  }

  /** A client whose calls time out after {@code timeoutMs} on the event bus. */
  public RestClient(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** Any call: the reply envelope {@code {status, body}}. */
  public Future<JsonObject> request(RestCall call) {
    return bus.<JsonObject>request(RestAddresses.REQUEST, call.toJson(), delivery).map(m -> m.body());
  }

  /** Any call, unwrapped to its JSON object body ({@code {}} when there is none). */
  public Future<JsonObject> call(RestCall call) {
    return request(call).map(RestClient::objectBody);
  }

  /** Any call whose body is a JSON array (lists of commands, bans...). */
  public Future<JsonArray> callArray(RestCall call) {
    return request(call).map(reply -> {
      Object body = reply.getValue("body");
      return body instanceof JsonArray array ? array : new JsonArray();
    });
  }

  private static JsonObject objectBody(JsonObject reply) {
    Object body = reply.getValue("body");
    return body instanceof JsonObject object ? object : new JsonObject();
  }

  // ---- messages

  /**
   * Creates a message: {@code body} holds {@code content}, {@code embeds}, {@code allowed_mentions},
   * {@code message_reference} (reply), {@code components}... See {@link Messages} for builders.
   */
  public Future<JsonObject> createMessage(String channelId, JsonObject body) {
    return call(RestCall.of("POST", "/channels/" + channelId + "/messages").body(body));
  }

  /** Creates a message with file attachments (multipart, {@code body} sent as {@code payload_json}). */
  public Future<JsonObject> createMessage(String channelId, JsonObject body, String filename, String contentType,
      byte[] data) {
    return call(RestCall.of("POST", "/channels/" + channelId + "/messages").body(body)
        .file(filename, contentType, data));
  }

  /** Edits a message (content, embeds, flags, allowed mentions, components, attachments). */
  public Future<JsonObject> editMessage(String channelId, String messageId, JsonObject body) {
    return call(RestCall.of("PATCH", "/channels/" + channelId + "/messages/" + messageId).body(body));
  }

  /** Deletes a message. */
  public Future<Void> deleteMessage(String channelId, String messageId, String reason) {
    return call(RestCall.of("DELETE", "/channels/" + channelId + "/messages/" + messageId).reason(reason))
        .mapEmpty();
  }

  /** Deletes 2..100 messages no older than 14 days. */
  public Future<Void> bulkDelete(String channelId, JsonArray messageIds, String reason) {
    return call(RestCall.of("POST", "/channels/" + channelId + "/messages/bulk-delete")
        .body(new JsonObject().put("messages", messageIds)).reason(reason)).mapEmpty();
  }

  /** Gets one message. */
  public Future<JsonObject> getMessage(String channelId, String messageId) {
    return call(RestCall.of("GET", "/channels/" + channelId + "/messages/" + messageId));
  }

  /** Shows the typing indicator for 10 s. */
  public Future<Void> triggerTyping(String channelId) {
    return call(RestCall.of("POST", "/channels/" + channelId + "/typing")).mapEmpty();
  }

  // ---- reactions

  /** Adds the bot's reaction: {@code emoji} is unicode (🔥) or {@code name:id} for a custom emoji. */
  public Future<Void> addReaction(String channelId, String messageId, String emoji) {
    return call(RestCall.of("PUT", reactions(channelId, messageId) + "/" + RestCall.segment(emoji) + "/@me"))
        .mapEmpty();
  }

  /** Removes the bot's own reaction. */
  public Future<Void> removeOwnReaction(String channelId, String messageId, String emoji) {
    return call(RestCall.of("DELETE", reactions(channelId, messageId) + "/" + RestCall.segment(emoji) + "/@me"))
        .mapEmpty();
  }

  /** Removes another user's reaction (needs MANAGE_MESSAGES). */
  public Future<Void> removeUserReaction(String channelId, String messageId, String emoji, String userId) {
    return call(RestCall.of("DELETE",
        reactions(channelId, messageId) + "/" + RestCall.segment(emoji) + "/" + userId)).mapEmpty();
  }

  /** Removes every reaction of one emoji. */
  public Future<Void> removeEmojiReactions(String channelId, String messageId, String emoji) {
    return call(RestCall.of("DELETE", reactions(channelId, messageId) + "/" + RestCall.segment(emoji)))
        .mapEmpty();
  }

  /** Removes all reactions of a message. */
  public Future<Void> removeAllReactions(String channelId, String messageId) {
    return call(RestCall.of("DELETE", reactions(channelId, messageId))).mapEmpty();
  }

  private static String reactions(String channelId, String messageId) {
    return "/channels/" + channelId + "/messages/" + messageId + "/reactions";
  }

  // ---- channels, guilds, members, users

  /** Gets a channel (or thread). */
  public Future<JsonObject> getChannel(String channelId) {
    return call(RestCall.of("GET", "/channels/" + channelId));
  }

  /** Gets a guild. */
  public Future<JsonObject> getGuild(String guildId) {
    return call(RestCall.of("GET", "/guilds/" + guildId));
  }

  /** Gets a guild member. */
  public Future<JsonObject> getMember(String guildId, String userId) {
    return call(RestCall.of("GET", "/guilds/" + guildId + "/members/" + userId));
  }

  /** Gets a user. */
  public Future<JsonObject> getUser(String userId) {
    return call(RestCall.of("GET", "/users/" + userId));
  }

  /** Gets the bot's own user. */
  public Future<JsonObject> getCurrentUser() {
    return call(RestCall.of("GET", "/users/@me"));
  }

  /** Modifies a member: {@code nick}, {@code roles}, {@code communication_disabled_until}, {@code mute}... */
  public Future<JsonObject> modifyMember(String guildId, String userId, JsonObject changes, String reason) {
    return call(RestCall.of("PATCH", "/guilds/" + guildId + "/members/" + userId).body(changes).reason(reason));
  }

  /** Times a member out until the ISO 8601 instant {@code until} (null lifts the timeout). */
  public Future<JsonObject> timeoutMember(String guildId, String userId, String until, String reason) {
    return modifyMember(guildId, userId, new JsonObject().put("communication_disabled_until", until), reason);
  }

  /** Kicks a member. */
  public Future<Void> kick(String guildId, String userId, String reason) {
    return call(RestCall.of("DELETE", "/guilds/" + guildId + "/members/" + userId).reason(reason)).mapEmpty();
  }

  /** Bans a user, deleting {@code deleteMessageSeconds} of their messages (0..604800). */
  public Future<Void> ban(String guildId, String userId, int deleteMessageSeconds, String reason) {
    return call(RestCall.of("PUT", "/guilds/" + guildId + "/bans/" + userId)
        .body(new JsonObject().put("delete_message_seconds", deleteMessageSeconds)).reason(reason)).mapEmpty();
  }

  /** Lifts a ban. */
  public Future<Void> unban(String guildId, String userId, String reason) {
    return call(RestCall.of("DELETE", "/guilds/" + guildId + "/bans/" + userId).reason(reason)).mapEmpty();
  }

  /** Opens (or returns) the DM channel with a user. */
  public Future<JsonObject> openDm(String userId) {
    return call(RestCall.of("POST", "/users/@me/channels").body(new JsonObject().put("recipient_id", userId)));
  }

  // ---- interactions

  /**
   * Answers an interaction within 3 s: {@code response} is {@code {type, data?}} (type 4 message, 5 deferred...).
   * Exempt from the global rate limit.
   */
  public Future<Void> interactionCallback(String interactionId, String interactionToken, JsonObject response) {
    return call(RestCall.of("POST", "/interactions/" + interactionId + "/" + interactionToken + "/callback")
        .body(response)).mapEmpty();
  }

  /** Edits the original interaction response. */
  public Future<JsonObject> editOriginalResponse(String applicationId, String interactionToken, JsonObject body) {
    return call(RestCall.of("PATCH", "/webhooks/" + applicationId + "/" + interactionToken + "/messages/@original")
        .body(body));
  }

  /** Sends a follow-up message (valid 15 min after the interaction). */
  public Future<JsonObject> createFollowup(String applicationId, String interactionToken, JsonObject body) {
    return call(RestCall.of("POST", "/webhooks/" + applicationId + "/" + interactionToken).body(body));
  }

  /** Edits a follow-up message. */
  public Future<JsonObject> editFollowup(String applicationId, String interactionToken, String messageId,
      JsonObject body) {
    return call(RestCall.of("PATCH", "/webhooks/" + applicationId + "/" + interactionToken + "/messages/"
        + messageId).body(body));
  }

  // ---- application commands

  /** Replaces every global command of the application; returns the registered commands. */
  public Future<JsonArray> registerGlobalCommands(String applicationId, JsonArray commands) {
    return callArray(RestCall.of("PUT", "/applications/" + applicationId + "/commands").body(commands));
  }

  /** Replaces every command of the application in one guild; returns the registered commands. */
  public Future<JsonArray> registerGuildCommands(String applicationId, String guildId, JsonArray commands) {
    return callArray(RestCall.of("PUT", "/applications/" + applicationId + "/guilds/" + guildId + "/commands")
        .body(commands));
  }

  /** Creates (or updates by name) one global command. */
  public Future<JsonObject> createGlobalCommand(String applicationId, JsonObject command) {
    return call(RestCall.of("POST", "/applications/" + applicationId + "/commands").body(command));
  }
}
