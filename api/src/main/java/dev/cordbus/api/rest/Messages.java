package dev.cordbus.api.rest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small builders for message bodies ({@code content}, replies, allowed mentions, embeds). */
public final class Messages {

  private Messages() {
  }

  /** {@code {content}}. */
  public static JsonObject content(String content) {
    return new JsonObject().put("content", content);
  }

  /** A reply to {@code messageId}: {@code {content, message_reference:{message_id, fail_if_not_exists:false}}}. */
  public static JsonObject reply(String content, String messageId) {
    return content(content).put("message_reference",
        new JsonObject().put("message_id", messageId).put("fail_if_not_exists", false));
  }

  /** Allows no mention to ping anyone ({@code allowed_mentions: {parse: []}}). */
  public static JsonObject noMentions(JsonObject body) {
    return body.put("allowed_mentions", new JsonObject().put("parse", new JsonArray()));
  }

  /** Adds an embed {@code {title, description}} to the body. */
  public static JsonObject embed(JsonObject body, String title, String description) {
    JsonArray embeds = body.getJsonArray("embeds");
    if (embeds == null) {
      embeds = new JsonArray();
      body.put("embeds", embeds);
    }
    embeds.add(new JsonObject().put("title", title).put("description", description));
    return body;
  }
}
