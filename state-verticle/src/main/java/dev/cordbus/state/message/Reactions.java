package dev.cordbus.state.message;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Pure functions applying reaction and poll-vote dispatches to a message JSON, following EVENTS.md: reactions are
 * matched by emoji (custom: id, unicode: name); an entry is dropped at count 0; the key is absent when empty.
 */
public final class Reactions {

  private Reactions() {
  }

  private static boolean sameEmoji(JsonObject a, JsonObject b) {
    return a != null && b != null && sameEmoji(a.getValue("id"), a.getValue("name"), b.getValue("id"),
        b.getValue("name"));
  }

  /** Whether two emojis are the same: custom ones (either has an id) by id, unicode ones by name. */
  static boolean sameEmoji(Object idA, Object nameA, Object idB, Object nameB) {
    if (idA != null || idB != null) {
      return Objects.equals(String.valueOf(idA), String.valueOf(idB));
    }
    return Objects.equals(nameA, nameB);
  }

  private static JsonObject find(JsonArray reactions, JsonObject emoji) {
    for (Object o : reactions) {
      if (o instanceof JsonObject r && sameEmoji(r.getJsonObject("emoji"), emoji)) {
        return r;
      }
    }
    return null;
  }

  /** Adds one reaction by {@code self} (the bot) or someone else. */
  public static void add(JsonObject message, JsonObject emoji, boolean burst, boolean self) {
    JsonArray reactions = message.getJsonArray("reactions");
    if (reactions == null) {
      reactions = new JsonArray();
      message.put("reactions", reactions);
    }
    JsonObject r = find(reactions, emoji);
    if (r == null) {
      JsonObject e = new JsonObject().put("id", emoji.getValue("id")).put("name", emoji.getValue("name"));
      if (emoji.containsKey("animated")) {
        e.put("animated", emoji.getValue("animated"));
      }
      r = new JsonObject().put("count", 0)
          .put("count_details", new JsonObject().put("burst", 0).put("normal", 0))
          .put("me", false).put("me_burst", false).put("emoji", e).put("burst_colors", new JsonArray());
      reactions.add(r);
    }
    r.put("count", r.getInteger("count", 0) + 1);
    JsonObject details = r.getJsonObject("count_details", new JsonObject());
    String kind = burst ? "burst" : "normal";
    details.put(kind, details.getInteger(kind, 0) + 1);
    r.put("count_details", details);
    if (self) {
      r.put(burst ? "me_burst" : "me", true);
    }
  }

  /** Removes one reaction; the entry goes at count 0. */
  public static void remove(JsonObject message, JsonObject emoji, boolean burst, boolean self) {
    JsonArray reactions = message.getJsonArray("reactions");
    JsonObject r = reactions == null ? null : find(reactions, emoji);
    if (r == null) {
      return;
    }
    int count = r.getInteger("count", 1) - 1;
    r.put("count", count);
    JsonObject details = r.getJsonObject("count_details", new JsonObject());
    String kind = burst ? "burst" : "normal";
    details.put(kind, Math.max(0, details.getInteger(kind, 0) - 1));
    if (self) {
      r.put(burst ? "me_burst" : "me", false);
    }
    if (count <= 0) {
      reactions.remove(r);
    }
    if (reactions.isEmpty()) {
      message.remove("reactions");
    }
  }

  /** Removes every reaction of one emoji. */
  public static void removeEmoji(JsonObject message, JsonObject emoji) {
    JsonArray reactions = message.getJsonArray("reactions");
    JsonObject r = reactions == null ? null : find(reactions, emoji);
    if (r != null) {
      reactions.remove(r);
      if (reactions.isEmpty()) {
        message.remove("reactions");
      }
    }
  }

  /** Adjusts a poll answer's vote count by {@code delta}; no-op without a poll. */
  public static void vote(JsonObject message, int answerId, int delta, boolean self) {
    JsonObject poll = message.getJsonObject("poll");
    if (poll == null) {
      return;
    }
    JsonObject results = poll.getJsonObject("results");
    if (results == null) {
      results = new JsonObject().put("is_finalized", false).put("answer_counts", new JsonArray());
      poll.put("results", results);
    }
    JsonArray counts = results.getJsonArray("answer_counts", new JsonArray());
    results.put("answer_counts", counts);
    JsonObject entry = null;
    for (Object o : counts) {
      if (o instanceof JsonObject c && c.getInteger("id", -1) == answerId) {
        entry = c;
      }
    }
    if (entry == null) {
      entry = new JsonObject().put("id", answerId).put("count", 0).put("me_voted", false);
      counts.add(entry);
    }
    entry.put("count", Math.max(0, entry.getInteger("count", 0) + delta));
    if (self) {
      entry.put("me_voted", delta > 0);
    }
  }
}
