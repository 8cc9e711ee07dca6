package dev.cordbus.simulator.rest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds and validates message objects as Discord does, and their gateway form; a new message joins the world when
 * its MESSAGE_CREATE is applied. Callers hold the world's lock.
 */
final class SimMessages {

  private SimMessages() {
  }

  /** Checks a create/edit body: content length, embed count and total, nonce length. */
  static void validate(JsonObject body, boolean create, boolean hasFiles) {
    Object content = body.getValue("content");
    if (content != null && !(content instanceof String)) {
      throw SimError.field("content", "STRING_TYPE_CONVERT", "Could not interpret \"" + content + "\" as string.");
    }
    if (content instanceof String s && s.codePointCount(0, s.length()) > 2000) {
      throw SimError.field("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
    }
    Object embedsValue = body.getValue("embeds");
    if (embedsValue != null && !(embedsValue instanceof JsonArray)) {
      throw SimError.field("embeds", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
    }
    JsonArray embeds = (JsonArray) embedsValue;
    if (embeds != null && embeds.size() > 10) {
      throw SimError.field("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
    }
    if (embeds != null && embeds.encode().length() > 6000 + 2000) {
      throw SimError.field("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
    }
    Object nonce = body.getValue("nonce");
    if (nonce != null && String.valueOf(nonce).length() > 25) {
      throw SimError.field("nonce", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    }
    if (create) {
      boolean empty = (content == null || ((String) content).isEmpty()) && (embeds == null || embeds.isEmpty())
          && !nonEmpty(body, "sticker_ids") && !nonEmpty(body, "components") && body.getValue("poll") == null
          && body.getValue("message_reference") == null && !hasFiles;
      if (empty) {
        throw new SimError(400, 50006, "Cannot send an empty message", null);
      }
    }
  }

  private static boolean nonEmpty(JsonObject body, String key) {
    return body.getValue(key) instanceof JsonArray a && !a.isEmpty();
  }

  /** A new message by {@code author} in {@code channel} from a create body (not stored yet). */
  static JsonObject create(RestSimStore store, JsonObject channel, JsonObject author, JsonObject body,
      JsonArray attachments) {
    JsonObject m = new JsonObject()
        .put("id", store.newId())
        .put("type", body.getValue("message_reference") != null ? 19 : 0)
        .put("channel_id", channel.getString("id"))
        .put("author", author.copy())
        .put("content", body.getString("content", ""))
        .put("timestamp", RestSimStore.now())
        .putNull("edited_timestamp")
        .put("tts", body.getBoolean("tts", false))
        .put("mention_everyone", false)
        .put("mentions", new JsonArray())
        .put("mention_roles", new JsonArray())
        .put("attachments", attachments == null ? new JsonArray() : attachments)
        .put("embeds", embeds(body.getJsonArray("embeds")))
        .put("components", body.getJsonArray("components", new JsonArray()))
        .put("pinned", false)
        .put("flags", body.getInteger("flags", 0));
    if (body.getValue("nonce") != null) {
      m.put("nonce", body.getValue("nonce"));
    }
    JsonObject ref = body.getJsonObject("message_reference");
    if (ref != null) {
      JsonObject reference = new JsonObject().put("type", 0).put("message_id", ref.getString("message_id"))
          .put("channel_id", ref.getString("channel_id", channel.getString("id")));
      if (channel.getString("guild_id") != null) {
        reference.put("guild_id", channel.getString("guild_id"));
      }
      m.put("message_reference", reference);
      JsonObject referenced = store.world().messages().get(ref.getString("message_id"));
      if (referenced == null && ref.getBoolean("fail_if_not_exists", true)) {
        throw SimError.field("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
      }
      if (referenced != null) {
        m.put("referenced_message", rest(referenced));
      }
    }
    return m;
  }

  /** Applies an edit body to a stored message. */
  static void edit(JsonObject m, JsonObject body) {
    for (String key : new String[] {"content", "flags", "components", "attachments"}) {
      if (body.containsKey(key)) {
        m.put(key, body.getValue(key));
      }
    }
    if (body.containsKey("embeds")) {
      m.put("embeds", embeds(body.getJsonArray("embeds")));
    }
    m.put("edited_timestamp", RestSimStore.now());
  }

  private static JsonArray embeds(JsonArray embeds) {
    JsonArray out = new JsonArray();
    if (embeds != null) {
      embeds.forEach(e -> out.add(((JsonObject) e).copy().put("type",
          ((JsonObject) e).getString("type", "rich"))));
    }
    return out;
  }

  /** The REST form: no {@code guild_id}, {@code member} or {@code channel_type} (the world keeps the gateway's). */
  static JsonObject rest(JsonObject m) {
    JsonObject copy = m.copy();
    copy.remove("guild_id");
    copy.remove("member");
    copy.remove("channel_type");
    return copy;
  }

  /**
   * The gateway form: with {@code guild_id} and the author's {@code member} (without user) in a guild, with
   * {@code channel_type} in a DM.
   */
  static JsonObject gateway(RestSimStore store, JsonObject m) {
    JsonObject d = m.copy();
    JsonObject channel = store.channel(m.getString("channel_id"));
    String guildId = channel == null ? null : channel.getString("guild_id");
    if (guildId != null) {
      d.put("guild_id", guildId);
      JsonObject member = store.member(guildId, m.getJsonObject("author").getString("id"));
      if (member != null) {
        JsonObject partial = member.copy();
        partial.remove("user");
        d.put("member", partial);
      }
    } else if (channel != null) {
      d.put("channel_type", channel.getInteger("type", 1));
    }
    return d;
  }
}
