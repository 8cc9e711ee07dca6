package dev.cordbus.simulator.gateway;

import dev.cordbus.api.Intent;
import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.world.GuildData;
import dev.cordbus.simulator.world.GuildRenderer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands of an identified client (GATEWAY.md §11): op 3 presence, op 4 voice state, op 8 request guild members,
 * op 31 soundboard sounds, op 43 channel info. Replies go to the requesting session only. Event loop only.
 */
final class GuildCommands {

  private static final Logger LOG = LoggerFactory.getLogger(GuildCommands.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Most members a query or user_ids request returns. */
  static final int MAX_QUERY_MEMBERS = 100;

  private final GatewayHub hub;

  GuildCommands(GatewayHub hub) {
    this.hub = hub;
  }

  void handle(GatewayConnection c, int op, JsonObject d, long now) {
    switch (op) {
      case 3 -> hub.world.botPresence(d);
      case 4 -> voiceState(c, d);
      case 8 -> requestMembers(c, d, now);
      case 31 -> soundboard(c, d);
      case 43 -> channelInfo(c, d);
      default -> c.close(CloseCode.UNKNOWN_OPCODE.code(), "Unknown opcode.");
    }
  }

  /**
   * A snowflake as a client may send it: a string, or a JSON integer (JDA sends op 8's {@code guild_id} as a number,
   * and Discord takes it); null for anything else.
   */
  static String snowflake(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger) {
      return v.toString();
    }
    return null;
  }

  private GuildData guildOfSession(GatewayConnection c, Object guildId) {
    String gid = snowflake(guildId);
    if (gid == null) {
      return null;
    }
    long id;
    try {
      id = Snowflakes.parse(gid);
    } catch (NumberFormatException e) {
      return null;
    }
    Session s = c.session();
    if (dev.cordbus.api.Shards.shardOf(id, s.shardCount) != s.shard) {
      return null;
    }
    return hub.world.guild(id);
  }

  private void requestMembers(GatewayConnection c, JsonObject d, long now) {
    Session s = c.session();
    String gidString = snowflake(d.getValue("guild_id"));
    if (gidString == null) {
      c.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid request guild members payload: guild_id.");
      return;
    }
    String nonce = MemberChunks.nonce(d.getValue("nonce"));
    boolean presences = Boolean.TRUE.equals(d.getValue("presences"))
        && (s.intents & Intent.GUILD_PRESENCES.bit()) != 0;
    Object userIds = d.getValue("user_ids");
    Object query = d.getValue("query");
    boolean all = userIds == null && "".equals(query) && d.getValue("limit") instanceof Number l && l.intValue() == 0;
    if (userIds == null && (!(query instanceof String) || !(d.getValue("limit") instanceof Number))) {
      c.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid request guild members payload: query and limit.");
      return;
    }
    long gid = Snowflakes.parse(gidString);
    if (all) {
      Long last = hub.lastAllMembersRequest.get(gid);
      long cooldown = hub.options.requestAllMembersCooldownMs();
      if (last != null && now - last < cooldown) {
        JsonObject meta = new JsonObject().put("guild_id", gidString);
        if (nonce != null) {
          meta.put("nonce", nonce);
        }
        double retry = (cooldown - (now - last)) / 1000.0;
        s.send(Dispatch.of("RATE_LIMITED", new JsonObject().put("opcode", 8).put("retry_after", retry)
            .put("meta", meta), hub.world.botId()));
        return;
      }
      hub.lastAllMembersRequest.put(gid, now);
    }
    List<JsonObject> members = new ArrayList<>();
    List<JsonObject> pres = presences ? new ArrayList<>() : null;
    JsonArray notFound = null;
    synchronized (hub.world) {
      GuildData g = guildOfSession(c, gidString);
      if (g == null) {
        LOG.info("request guild members for {} ignored: not a guild of shard {}", gidString, s.shard);
        return;
      }
      if (userIds != null) {
        notFound = new JsonArray();
        List<Object> ids = new ArrayList<>();
        if (userIds instanceof JsonArray a) {
          a.forEach(ids::add);
        } else {
          ids.add(userIds);
        }
        for (Object raw : ids.subList(0, Math.min(ids.size(), MAX_QUERY_MEMBERS))) {
          long uid;
          try {
            uid = Snowflakes.parse(raw.toString());
          } catch (NumberFormatException e) {
            notFound.add(raw);
            continue;
          }
          int i = g.members.indexOf(uid);
          if (i < 0) {
            notFound.add(raw);
          } else {
            add(g, i, members, pres);
          }
        }
      } else if (all && (s.intents & Intent.GUILD_MEMBERS.bit()) != 0) {
        for (int i = 0; i < g.members.size(); i++) {
          add(g, i, members, pres);
        }
      } else if (!all) {
        String prefix = ((String) query).toLowerCase(Locale.ROOT);
        int limit = Math.min(MAX_QUERY_MEMBERS, Math.max(1, ((Number) d.getValue("limit")).intValue()));
        for (int i = 0; i < g.members.size() && members.size() < limit; i++) {
          String name = hub.world.users.username(g.members.userId(i));
          if (name != null && name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            add(g, i, members, pres);
          }
        }
      }
    }
    for (JsonObject chunk : MemberChunks.chunks(gidString, members, pres, notFound, nonce,
        hub.options.chunkSize())) {
      s.send(Dispatch.of("GUILD_MEMBERS_CHUNK", chunk, hub.world.botId()));
    }
  }

  private void add(GuildData g, int i, List<JsonObject> members, List<JsonObject> pres) {
    long uid = g.members.userId(i);
    members.add(g.members.render(i, hub.world.users));
    if (pres != null) {
      JsonObject p = GuildRenderer.presence(g, uid, hub.world.botId(), hub.world.botPresence());
      pres.add("offline".equals(p.getString("status")) ? null : p);
    }
  }

  private void voiceState(GatewayConnection c, JsonObject d) {
    Session s = c.session();
    String gid = snowflake(d.getValue("guild_id"));
    if (gid == null) {
      c.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid voice state payload: guild_id.");
      return;
    }
    String bot = Snowflakes.format(hub.world.botId());
    Object channel = d.getValue("channel_id");
    JsonObject member = hub.world.member(Snowflakes.parse(gid), hub.world.botId());
    JsonObject vs = new JsonObject().put("guild_id", gid).put("channel_id", channel).put("user_id", bot)
        .put("member", member).put("session_id", s.id).put("deaf", false).put("mute", false)
        .put("self_deaf", Boolean.TRUE.equals(d.getValue("self_deaf")))
        .put("self_mute", Boolean.TRUE.equals(d.getValue("self_mute"))).put("self_video", false)
        .put("suppress", false).put("request_to_speak_timestamp", null);
    hub.world.apply("VOICE_STATE_UPDATE", vs);
    s.send(Dispatch.of("VOICE_STATE_UPDATE", vs, hub.world.botId()));
    if (channel != null) {
      byte[] token = new byte[8];
      RANDOM.nextBytes(token);
      s.send(Dispatch.of("VOICE_SERVER_UPDATE", new JsonObject().put("token", HexFormat.of().formatHex(token))
          .put("guild_id", gid).put("endpoint", "voice.simulator.invalid:443"), hub.world.botId()));
    }
  }

  private void soundboard(GatewayConnection c, JsonObject d) {
    JsonArray ids = d.getJsonArray("guild_ids", new JsonArray());
    for (Object o : ids) {
      synchronized (hub.world) {
        GuildData g = guildOfSession(c, o);
        if (g != null) {
          c.session().send(Dispatch.of("SOUNDBOARD_SOUNDS", new JsonObject().put("guild_id", g.idString())
              .put("soundboard_sounds", g.soundboardSounds.copy()), hub.world.botId()));
        }
      }
    }
  }

  private void channelInfo(GatewayConnection c, JsonObject d) {
    synchronized (hub.world) {
      GuildData g = guildOfSession(c, d.getValue("guild_id"));
      if (g == null) {
        return;
      }
      JsonArray channels = new JsonArray();
      for (Object o : g.channels) {
        JsonObject ch = (JsonObject) o;
        int type = ch.getInteger("type", 0);
        if (type == 2 || type == 13) {
          channels.add(new JsonObject().put("id", ch.getString("id")));
        }
      }
      c.session().send(Dispatch.of("CHANNEL_INFO", new JsonObject().put("guild_id", g.idString())
          .put("channels", channels), hub.world.botId()));
    }
  }
}
