package dev.cordbus.simulator.traffic;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.gateway.Dispatch;
import dev.cordbus.simulator.gateway.GatewayConnection;
import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.gateway.Session;
import dev.cordbus.simulator.world.Names;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams realistic dispatches at full speed or a given rate: mostly MESSAGE_CREATE of about 1.4 KB (author, member,
 * content, an embed with fields), plus GUILD_MEMBER_UPDATE, PRESENCE_UPDATE and MESSAGE_REACTION_ADD, spread over the
 * world's available guilds. Payloads come from per-guild templates serialised once; only the id changes. Respects
 * WebSocket back-pressure ({@code writeQueueFull} + drain), so it never buffers without bound. Event loop only.
 */
public final class Firehose {

  /** Dispatches written between two yields of the event loop when nothing pushes back. */
  static final int BATCH = 512;

  private final Vertx vertx;
  private final Context context;
  private final GatewayHub hub;
  private final WorldModel world;
  private final Map<Long, Templates> templates = new HashMap<>();
  private long counter;

  public Firehose(Vertx vertx, Context context, GatewayHub hub, WorldModel world) {
    this.vertx = vertx;
    this.context = context;
    this.hub = hub;
    this.world = world;
  }

  /** Sends {@code count} dispatches ({@code perSecond} 0 = full speed); completes with the frames written. */
  public Future<Long> run(int count, int perSecond) {
    List<Long> guilds = new ArrayList<>();
    synchronized (world) {
      for (Long id : world.guildIds()) {
        if (!world.guild(id).unavailable) {
          guilds.add(id);
        }
      }
    }
    if (guilds.isEmpty()) {
      return Future.failedFuture("firehose: the world has no available guild");
    }
    Run run = new Run(count, perSecond, guilds);
    run.pump();
    return run.done.future();
  }

  private final class Run {
    final int count;
    final int perSecond;
    final List<Long> guilds;
    final long startedAt = System.currentTimeMillis();
    final Map<Session, Future<Void>> lastWrite = new HashMap<>();
    final Promise<Long> done = Promise.promise();
    int sent;
    long written;
    /** A connection whose write queue filled up on the last dispatch, or null. */
    GatewayConnection touched;

    Run(int count, int perSecond, List<Long> guilds) {
      this.count = count;
      this.perSecond = perSecond;
      this.guilds = guilds;
    }

    void pump() {
      try {
        pumpUnchecked();
      } catch (RuntimeException e) {
        done.tryFail(e);
      }
    }

    void pumpUnchecked() {
      int batch = 0;
      while (sent < count) {
        if (perSecond > 0) {
          long allowed = (System.currentTimeMillis() - startedAt) * perSecond / 1000 + 1;
          if (sent >= allowed) {
            long wait = Math.max(1, (sent + 1 - allowed) * 1000L / perSecond);
            vertx.setTimer(wait, t -> pump());
            return;
          }
        }
        Dispatch d = next(guilds.get(sent % guilds.size()));
        touched = null;
        hub.route(d, (s, r) -> {
          written++;
          lastWrite.put(s, r.written());
          if (s.connection() != null && s.connection().writeQueueFull()) {
            touched = s.connection();
          }
        });
        sent++;
        if (touched != null) {
          touched.whenWritable(() -> context.runOnContext(v -> pump()));
          return;
        }
        if (++batch >= BATCH) {
          context.runOnContext(v -> pump());
          return;
        }
      }
      List<Future<Void>> tails = new ArrayList<>(lastWrite.values());
      Future.join(tails).onComplete(ar -> done.tryComplete(written));
    }
  }

  private Dispatch next(long guildId) {
    Templates t = templates.computeIfAbsent(guildId, this::templates);
    long n = counter++;
    String id = Snowflakes.format(Snowflakes.of(System.currentTimeMillis(), (int) (n & 0x3FFFFF)));
    int kind = (int) (n % 20);
    int a = (int) ((n / 20) % t.authors.size());
    if (kind == 17) {
      return Dispatch.raw("GUILD_MEMBER_UPDATE", guildId, t.memberUpdates.get(a), null);
    }
    if (kind == 18) {
      String status = (n / 20) % 2 == 0 ? "online" : "idle";
      return Dispatch.raw("PRESENCE_UPDATE", guildId, t.presencePrefix.get(a) + status + "\",\"client_status\":{\"desktop\":\""
          + status + "\"},\"activities\":[]}", null);
    }
    if (kind == 19 && t.lastMessageId != null) {
      return Dispatch.raw("MESSAGE_REACTION_ADD", guildId, t.reactionPrefix.get(a) + t.lastMessageId + "\"}", null);
    }
    t.lastMessageId = id;
    String head = "{\"id\":\"" + id;
    return Dispatch.raw("MESSAGE_CREATE", guildId, head + t.messageTail.get(a), head + t.messageTailBlank.get(a));
  }

  /** Serialised pieces of one guild's payloads. */
  private static final class Templates {
    final List<String> messageTail = new ArrayList<>();
    final List<String> messageTailBlank = new ArrayList<>();
    final List<String> memberUpdates = new ArrayList<>();
    final List<String> presencePrefix = new ArrayList<>();
    final List<String> reactionPrefix = new ArrayList<>();
    final List<Object> authors = new ArrayList<>();
    String lastMessageId;
  }

  private Templates templates(long guildId) {
    Templates t = new Templates();
    String gid = Snowflakes.format(guildId);
    String channel = null;
    List<JsonObject> members = new ArrayList<>();
    synchronized (world) {
      var g = world.guild(guildId);
      for (Object o : g.channels) {
        JsonObject c = (JsonObject) o;
        if (c.getInteger("type", -1) == 0) {
          channel = c.getString("id");
          break;
        }
      }
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
      String tail = ",\"components\":[],\"pinned\":false,\"flags\":0}";
      t.messageTail.add(common + ",\"content\":" + quote(content) + rest + "\"embeds\":["
          + embed.encode() + "]" + tail);
      t.messageTailBlank.add(common + ",\"content\":\"\"" + rest + "\"embeds\":[]" + tail);
      t.memberUpdates.add(member.copy().put("guild_id", gid).encode());
      t.presencePrefix.add("{\"user\":{\"id\":\"" + user.getString("id") + "\"},\"guild_id\":\"" + gid
          + "\",\"status\":\"");
      t.reactionPrefix.add("{\"user_id\":\"" + user.getString("id") + "\",\"channel_id\":\"" + channel
          + "\",\"guild_id\":\"" + gid + "\",\"member\":" + member.encode()
          + ",\"emoji\":{\"id\":null,\"name\":\"\uD83D\uDD25\"},\"burst\":false,\"type\":0,\"message_id\":\"");
      t.authors.add(user.getString("id"));
    }
    return t;
  }

  private static String quote(String s) {
    return new JsonArray().add(s).encode().replaceAll("^\\[|\\]$", "");
  }
}
