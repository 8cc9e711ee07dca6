package dev.cordbus.simulator.world;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies dispatches to the world so that a later READY/GUILD_CREATE reflects them (member joins and leaves, roles,
 * channels, threads, emojis, presences, voice states, guild removal, messages, reactions, interactions), whether the
 * gateway side or a REST mutation made them. Events it does not model leave the world unchanged. Malformed payloads
 * are logged and ignored, never thrown. Callers hold the model's lock.
 */
final class WorldUpdater {

  private static final Logger LOG = LoggerFactory.getLogger(WorldUpdater.class);

  private WorldUpdater() {
  }

  static void apply(WorldModel w, String event, JsonObject d) {
    if (d == null) {
      return;
    }
    try {
      applyUnchecked(w, event, d);
    } catch (RuntimeException e) {
      LOG.debug("world not updated by {}: {}", event, e.toString());
    }
  }

  private static void applyUnchecked(WorldModel w, String event, JsonObject d) {
    switch (event) {
      case "GUILD_CREATE" -> guildCreate(w, d);
      case "GUILD_UPDATE" -> guildUpdate(w, d);
      case "GUILD_DELETE" -> guildDelete(w, d);
      case "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE" -> withGuild(w, d, g -> GuildData.upsertById(g.roles, "id",
          d.getJsonObject("role").copy()));
      case "GUILD_ROLE_DELETE" -> withGuild(w, d, g -> GuildData.removeById(g.roles, "id", d.getString("role_id")));
      case "GUILD_MEMBER_ADD" -> withGuild(w, d, g -> {
        w.users.merge(d.getJsonObject("user"));
        g.members.putExplicit(d);
      });
      case "GUILD_MEMBER_UPDATE" -> withGuild(w, d, g -> {
        JsonObject user = d.getJsonObject("user");
        w.users.merge(user);
        long uid = Snowflakes.parse(user.getString("id"));
        if (!g.members.update(uid, d, w.users)) {
          g.members.putExplicit(d);
        }
      });
      case "GUILD_MEMBER_REMOVE" -> withGuild(w, d, g -> {
        String uid = d.getJsonObject("user").getString("id");
        g.members.remove(Snowflakes.parse(uid));
        g.presences.remove(Snowflakes.parse(uid));
        GuildData.removeById(g.voiceStates, "user_id", uid);
      });
      case "CHANNEL_CREATE", "CHANNEL_UPDATE" -> channelUpsert(w, d);
      case "CHANNEL_DELETE" -> withGuild(w, d, g -> {
        GuildData.removeById(g.channels, "id", d.getString("id"));
        w.unindexChannel(Snowflakes.parse(d.getString("id")));
      });
      case "THREAD_CREATE", "THREAD_UPDATE" -> withGuild(w, d, g -> threadUpsert(w, g, d));
      case "THREAD_DELETE" -> withGuild(w, d, g -> {
        GuildData.removeById(g.threads, "id", d.getString("id"));
        w.unindexChannel(Snowflakes.parse(d.getString("id")));
      });
      case "THREAD_LIST_SYNC" -> withGuild(w, d, g -> {
        for (Object o : d.getJsonArray("threads", new JsonArray())) {
          threadUpsert(w, g, (JsonObject) o);
        }
      });
      case "GUILD_EMOJIS_UPDATE" -> withGuild(w, d, g -> replace(g.emojis, d.getJsonArray("emojis")));
      case "GUILD_STICKERS_UPDATE" -> withGuild(w, d, g -> replace(g.stickers, d.getJsonArray("stickers")));
      case "PRESENCE_UPDATE" -> withGuild(w, d, g -> {
        JsonObject user = d.getJsonObject("user");
        if (user.size() > 1) {
          w.users.merge(user);
        }
        JsonObject p = new JsonObject().put("user", new JsonObject().put("id", user.getString("id")))
            .put("status", d.getString("status")).put("activities", d.getJsonArray("activities", new JsonArray()))
            .put("client_status", d.getJsonObject("client_status", new JsonObject()));
        g.presences.put(Snowflakes.parse(user.getString("id")), p);
      });
      case "VOICE_STATE_UPDATE" -> withGuild(w, d, g -> {
        GuildData.removeById(g.voiceStates, "user_id", d.getString("user_id"));
        if (d.getValue("channel_id") != null) {
          JsonObject vs = d.copy();
          vs.remove("guild_id");
          vs.remove("member");
          g.voiceStates.add(vs);
        }
      });
      case "MESSAGE_CREATE" -> {
        JsonObject m = d.copy();
        m.remove("member");
        w.messages().put(m);
      }
      case "MESSAGE_UPDATE" -> {
        JsonObject m = w.messages().get(d.getString("id"));
        if (m != null) {
          JsonObject patch = d.copy();
          patch.remove("member");
          m.mergeIn(patch);
        }
      }
      case "MESSAGE_DELETE" -> w.messages().remove(d.getString("id"));
      case "MESSAGE_DELETE_BULK" -> {
        for (Object id : d.getJsonArray("ids", new JsonArray())) {
          w.messages().remove(String.valueOf(id));
        }
      }
      case "MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE" -> {
        String userId = d.getString("user_id");
        w.messages().react(d.getString("message_id"), d.getJsonObject("emoji", new JsonObject()), userId,
            event.equals("MESSAGE_REACTION_ADD"), String.valueOf(w.botId()).equals(userId));
      }
      case "MESSAGE_REACTION_REMOVE_EMOJI" -> w.messages().clearReactions(d.getString("message_id"),
          d.getJsonObject("emoji", new JsonObject()));
      case "MESSAGE_REACTION_REMOVE_ALL" -> w.messages().clearReactions(d.getString("message_id"), null);
      case "INTERACTION_CREATE" -> {
        JsonObject user = d.getJsonObject("member", d).getJsonObject("user", new JsonObject());
        w.interactions().register(d.getString("id"), d.getString("token"), d.getString("channel_id"),
            d.getString("guild_id"), user.getString("id"));
      }
      default -> {
        // not modelled: the world does not change
      }
    }
  }

  private static void withGuild(WorldModel w, JsonObject d, java.util.function.Consumer<GuildData> action) {
    String gid = d.getString("guild_id");
    if (gid == null) {
      return;
    }
    GuildData g = w.guild(Snowflakes.parse(gid));
    if (g != null) {
      action.accept(g);
    }
  }

  private static void guildCreate(WorldModel w, JsonObject d) {
    long id = Snowflakes.parse(d.getString("id"));
    GuildData existing = w.guild(id);
    if (existing != null && Boolean.TRUE.equals(d.getBoolean("unavailable")) && !d.containsKey("name")) {
      existing.unavailable = true; // an outage keeps what the world knew of the guild
      return;
    }
    w.putGuild(GuildParser.parse(d, w.users));
  }

  private static void guildUpdate(WorldModel w, JsonObject d) {
    GuildData g = w.guild(Snowflakes.parse(d.getString("id")));
    if (g == null) {
      return;
    }
    for (String k : d.fieldNames()) {
      switch (k) {
        case "roles" -> replace(g.roles, d.getJsonArray(k));
        case "emojis" -> replace(g.emojis, d.getJsonArray(k));
        case "stickers" -> replace(g.stickers, d.getJsonArray(k));
        default -> {
          if (!GuildParser.EXTRAS.contains(k)) {
            g.base.put(k, d.getValue(k));
          }
        }
      }
    }
  }

  private static void guildDelete(WorldModel w, JsonObject d) {
    long id = Snowflakes.parse(d.getString("id"));
    if (Boolean.TRUE.equals(d.getBoolean("unavailable"))) {
      GuildData g = w.guild(id);
      if (g != null) {
        g.unavailable = true;
      }
    } else {
      w.removeGuild(id);
    }
  }

  private static void channelUpsert(WorldModel w, JsonObject d) {
    String gid = d.getString("guild_id");
    if (gid == null) {
      w.putDmChannel(d);
      return;
    }
    GuildData g = w.guild(Snowflakes.parse(gid));
    if (g != null) {
      JsonObject c = d.copy();
      c.remove("guild_id");
      GuildData.upsertById(g.channels, "id", c);
      w.indexChannel(Snowflakes.parse(d.getString("id")), g.id);
    }
  }

  private static void threadUpsert(WorldModel w, GuildData g, JsonObject d) {
    JsonObject t = d.copy();
    t.remove("newly_created");
    JsonObject meta = t.getJsonObject("thread_metadata");
    if (meta != null && Boolean.TRUE.equals(meta.getBoolean("archived"))) {
      GuildData.removeById(g.threads, "id", t.getString("id"));
      return;
    }
    GuildData.upsertById(g.threads, "id", t);
    w.indexChannel(Snowflakes.parse(t.getString("id")), g.id);
  }

  private static void replace(JsonArray into, JsonArray from) {
    into.clear();
    if (from != null) {
      into.addAll(from.copy());
    }
  }
}
