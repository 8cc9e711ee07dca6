package dev.cordbus.simulator.rest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a {@link RestSimStore} in step with the gateway side: every event the simulator applies to its world
 * (lively traffic, scenarios, REST mutations) is applied here too, so REST sees the members who joined, the
 * messages users sent and the interactions the gateway announced. Events the REST side does not serve are ignored.
 */
public final class WorldMirror {

  private WorldMirror() {
  }

  /** Applies dispatch {@code event} with data {@code d} to {@code store}. */
  public static void apply(RestSimStore store, String event, JsonObject d) {
    synchronized (store) {
      switch (event) {
        case "GUILD_CREATE" -> {
          if (!d.getBoolean("unavailable", false)) {
            store.addGuild(d);
          }
        }
        case "GUILD_DELETE" -> {
          if (!d.getBoolean("unavailable", false)) {
            store.guilds.remove(d.getString("id"));
            store.members.remove(d.getString("id"));
          }
        }
        case "CHANNEL_CREATE", "CHANNEL_UPDATE", "THREAD_CREATE", "THREAD_UPDATE" -> store.addChannel(d);
        case "CHANNEL_DELETE", "THREAD_DELETE" -> store.channels.remove(d.getString("id"));
        case "GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE" -> putMember(store, d);
        case "GUILD_MEMBER_REMOVE" -> {
          Map<String, JsonObject> byUser = store.members.get(d.getString("guild_id"));
          JsonObject user = d.getJsonObject("user");
          if (byUser != null && user != null) {
            byUser.remove(user.getString("id"));
          }
        }
        case "MESSAGE_CREATE" -> {
          // The bot's own REST messages are stored already; only messages from others are new here.
          if (!store.messages.containsKey(d.getString("id"))) {
            JsonObject m = d.copy();
            m.remove("member");
            m.remove("guild_id");
            store.messages.put(m.getString("id"), m);
          }
        }
        case "MESSAGE_UPDATE" -> {
          JsonObject m = store.messages.get(d.getString("id"));
          if (m != null) {
            for (String key : new String[] {"content", "embeds", "components", "attachments", "edited_timestamp",
                "flags", "pinned"}) {
              if (d.containsKey(key)) {
                m.put(key, d.getValue(key));
              }
            }
          }
        }
        case "MESSAGE_DELETE" -> remove(store, d.getString("id"));
        case "MESSAGE_DELETE_BULK" -> d.getJsonArray("ids", new JsonArray()).forEach(id -> remove(store,
            String.valueOf(id)));
        case "INTERACTION_CREATE" -> {
          if (!store.interactions.containsKey(d.getString("id"))) {
            JsonObject user = d.getJsonObject("member", d).getJsonObject("user", new JsonObject());
            store.registerInteraction(d.getString("id"), d.getString("token"), d.getString("channel_id"),
                d.getString("guild_id"), user.getString("id"));
          }
        }
        default -> {
          // reactions, presences, typing...: the REST side keeps its own reaction lists from its own routes
        }
      }
    }
  }

  private static void putMember(RestSimStore store, JsonObject d) {
    JsonObject user = d.getJsonObject("user");
    String guildId = d.getString("guild_id");
    if (user == null || guildId == null) {
      return;
    }
    store.users.put(user.getString("id"), user.copy());
    JsonObject member = d.copy();
    member.remove("guild_id");
    store.members.computeIfAbsent(guildId, g -> new LinkedHashMap<>()).merge(user.getString("id"), member,
        (old, update) -> old.mergeIn(update));
  }

  private static void remove(RestSimStore store, String id) {
    store.messages.remove(id);
    store.reactions.remove(id);
  }
}
