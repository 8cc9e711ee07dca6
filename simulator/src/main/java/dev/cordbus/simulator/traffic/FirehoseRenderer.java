package dev.cordbus.simulator.traffic;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.gateway.RenderedDispatch;
import dev.cordbus.simulator.gateway.RenderedDispatch.Event;
import dev.cordbus.simulator.gateway.RenderedDispatch.Part;
import dev.cordbus.simulator.world.Names;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the firehose's dispatches before it starts: per guild, the payloads of its first eight members (a ~1.4 KB
 * MESSAGE_CREATE with member and embed, its content-less variant, GUILD_MEMBER_UPDATE, PRESENCE_UPDATE online and
 * idle, MESSAGE_REACTION_ADD up to the message id) are serialised to UTF-8 once and deflated once
 * ({@link Part#constant}); a dispatch is then those shared bytes plus its own few variable bytes (the message id, the
 * reacted message id). Of every 20 dispatches of a guild, 17 are MESSAGE_CREATE, then one each of GUILD_MEMBER_UPDATE,
 * PRESENCE_UPDATE and MESSAGE_REACTION_ADD (on the guild's last message), by its members in turn. Reads the world once per guild; not
 * thread-safe (one renderer per simulator, on its event loop).
 */
final class FirehoseRenderer {

  private static final Event MESSAGE_CREATE = Event.inGuild("MESSAGE_CREATE");
  private static final Event GUILD_MEMBER_UPDATE = Event.inGuild("GUILD_MEMBER_UPDATE");
  private static final Event PRESENCE_UPDATE = Event.inGuild("PRESENCE_UPDATE");
  private static final Event MESSAGE_REACTION_ADD = Event.inGuild("MESSAGE_REACTION_ADD");

  private final WorldModel world;
  private final Map<Long, Templates> templates = new HashMap<>();
  private long counter;

  FirehoseRenderer(WorldModel world) {
    this.world = world;
  }

  /**
   * The {@code count} dispatches of one run, round-robin over {@code guilds}. Every run has the same mix from its
   * first dispatch, and its reactions only name messages of the same run; message ids stay unique across runs.
   */
  RenderedDispatch[] render(int count, List<Long> guilds) {
    templates.values().forEach(t -> {
      t.lastMessageId = null;
      t.sent = 0;
    });
    RenderedDispatch[] out = new RenderedDispatch[count];
    for (int i = 0; i < count; i++) {
      out[i] = next(guilds.get(i % guilds.size()));
    }
    return out;
  }

  private RenderedDispatch next(long guildId) {
    Templates t = templates.computeIfAbsent(guildId, this::templates);
    long unique = counter++;
    // the mix counts per guild: with the run's own index, a guild count that shares a factor with 20 gave each guild
    // one kind only (100 guilds: 85 with messages alone, 5 reacting to one message thousands of times)
    long k = t.sent++;
    int kind = (int) (k % 20);
    int a = (int) (k % t.messageTail.size()); // the author, member or reacting user: each in turn
    if (kind == 17) {
      return new RenderedDispatch(GUILD_MEMBER_UPDATE, guildId,
          new Part[] {t.memberUpdate.get(a)}, null);
    }
    if (kind == 18) {
      Part presence = (k / 20) % 2 == 0 ? t.presenceOnline.get(a) : t.presenceIdle.get(a);
      return new RenderedDispatch(PRESENCE_UPDATE, guildId, new Part[] {presence}, null);
    }
    if (kind == 19 && t.lastMessageId != null) {
      return new RenderedDispatch(MESSAGE_REACTION_ADD, guildId,
          new Part[] {t.reactionPrefix.get(a), Part.variable(t.lastMessageId + "\"}}")}, null);
    }
    String id = Snowflakes.format(Snowflakes.of(System.currentTimeMillis(), (int) (unique & 0x3FFFFF)));
    t.lastMessageId = id;
    Part head = Part.variable("{\"id\":\"" + id);
    return new RenderedDispatch(MESSAGE_CREATE, guildId, new Part[] {head, t.messageTail.get(a)},
        new Part[] {head, t.messageTailBlank.get(a)});
  }

  /** One guild's pre-rendered pieces, per author; the last piece of each payload carries the frame's closing brace. */
  private static final class Templates {
    final List<Part> messageTail = new ArrayList<>();
    final List<Part> messageTailBlank = new ArrayList<>();
    final List<Part> memberUpdate = new ArrayList<>();
    final List<Part> presenceOnline = new ArrayList<>();
    final List<Part> presenceIdle = new ArrayList<>();
    final List<Part> reactionPrefix = new ArrayList<>();
    String lastMessageId;
    /** Dispatches of this guild so far in the run: picks the kind (17 of 20 messages) and the author. */
    long sent;
  }

  private Templates templates(long guildId) {
    Templates t = new Templates();
    String gid = Snowflakes.format(guildId);
    String channel;
    List<JsonObject> members = new ArrayList<>();
    synchronized (world) {
      var g = world.guild(guildId);
      channel = g.textChannelId();
      for (int i = 0; i < g.members.size() && members.size() < 8; i++) {
        if (g.members.userId(i) != world.botId()) {
          members.add(g.members.render(i, world.users));
        }
      }
      if (members.isEmpty()) {
        members.add(g.members.render(0, world.users));
      }
    }
    if (channel == null) {
      channel = gid;
    }
    for (int a = 0; a < members.size(); a++) {
      JsonObject member = members.get(a);
      JsonObject user = member.getJsonObject("user");
      JsonObject memberNoUser = member.copy();
      memberNoUser.remove("user");
      String content = Names.sentence(guildId, a, 24) + " — " + Names.sentence(guildId, a + 100, 12) + "?";
      JsonObject embed = new JsonObject().put("type", "rich").put("title", Names.sentence(guildId, a + 7, 6))
          .put("description", Names.sentence(guildId, a + 8, 28)).put("color", 0x5865F2)
          .put("fields", new JsonArray()
              .add(new JsonObject().put("name", "Shard").put("value", "gateway shard routing").put("inline", true))
              .add(new JsonObject().put("name", "Latency").put("value", "42 ms p99").put("inline", true))
              .add(new JsonObject().put("name", "Notes").put("value", Names.sentence(guildId, a + 9, 14))
                  .put("inline", false)))
          .put("footer", new JsonObject().put("text", "cordbus firehose"));
      String common = "\",\"type\":0,\"channel_id\":\"" + channel + "\",\"guild_id\":\"" + gid + "\",\"author\":"
          + user.encode() + ",\"member\":" + memberNoUser.encode();
      String rest = ",\"timestamp\":\"2026-08-06T18:00:00.000000+00:00\",\"edited_timestamp\":null,\"tts\":false,"
          + "\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],\"attachments\":[],";
      String tail = ",\"components\":[],\"pinned\":false,\"flags\":0}}";
      t.messageTail.add(Part.constant(common + ",\"content\":" + quote(content) + rest + "\"embeds\":["
          + embed.encode() + "]" + tail));
      t.messageTailBlank.add(Part.constant(common + ",\"content\":\"\"" + rest + "\"embeds\":[]" + tail));
      t.memberUpdate.add(Part.constant(member.copy().put("guild_id", gid).encode() + "}"));
      String presence = "{\"user\":{\"id\":\"" + user.getString("id") + "\"},\"guild_id\":\"" + gid
          + "\",\"status\":\"";
      t.presenceOnline.add(Part.constant(presence(presence, "online")));
      t.presenceIdle.add(Part.constant(presence(presence, "idle")));
      t.reactionPrefix.add(Part.constant("{\"user_id\":\"" + user.getString("id") + "\",\"channel_id\":\"" + channel
          + "\",\"guild_id\":\"" + gid + "\",\"member\":" + member.encode()
          + ",\"emoji\":{\"id\":null,\"name\":\"\uD83D\uDD25\"},\"burst\":false,\"type\":0,\"message_id\":\""));
    }
    return t;
  }

  private static String presence(String prefix, String status) {
    return prefix + status + "\",\"client_status\":{\"desktop\":\"" + status + "\"},\"activities\":[]}}";
  }

  private static String quote(String s) {
    return new JsonArray().add(s).encode().replaceAll("^\\[|\\]$", "");
  }
}
