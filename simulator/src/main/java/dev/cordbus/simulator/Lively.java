package dev.cordbus.simulator;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.world.GuildData;
import dev.cordbus.simulator.world.MemberTable;
import dev.cordbus.simulator.world.Names;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A background lively world for the demo: every period one of member join, member leave, message (sometimes
 * {@code !ping}), reaction, edit, presence change, in a random available guild. The world is updated too. Stop it
 * with {@link #stop()}.
 */
public final class Lively {

  private final Vertx vertx;
  private final GatewayHub hub;
  private final WorldModel world;
  private final Random random;
  private final AtomicLong events = new AtomicLong();
  private final ArrayDeque<String[]> joined = new ArrayDeque<>();
  private volatile long timer = -1;
  private volatile boolean stopped;
  private JsonObject lastMessage;

  Lively(Vertx vertx, Context context, GatewayHub hub, long periodMs, long seed) {
    this.vertx = vertx;
    this.hub = hub;
    this.world = hub.worldModel();
    this.random = new Random(seed);
    context.runOnContext(v -> {
      if (!stopped) {
        timer = vertx.setPeriodic(Math.max(1, periodMs), t -> tick());
      }
    });
  }

  /** Stops the background events (idempotent, thread-safe). */
  public void stop() {
    stopped = true;
    long t = timer;
    if (t >= 0) {
      vertx.cancelTimer(t);
    }
  }

  /** Events emitted so far. */
  public long events() {
    return events.get();
  }

  private void tick() {
    if (stopped) {
      return;
    }
    List<Long> guilds = new ArrayList<>();
    synchronized (world) {
      for (Long id : world.guildIds()) {
        if (!world.guild(id).unavailable && world.guild(id).members.size() > 1) {
          guilds.add(id);
        }
      }
    }
    if (guilds.isEmpty()) {
      return;
    }
    long gid = guilds.get(random.nextInt(guilds.size()));
    int action = random.nextInt(10);
    switch (action) {
      case 0 -> join(gid);
      case 1 -> leave();
      case 2 -> react();
      case 3 -> edit();
      case 4 -> presence(gid);
      default -> message(gid, random.nextInt(4) == 0 ? "!ping" : null);
    }
    events.incrementAndGet();
  }

  private void join(long gid) {
    long n = random.nextInt(1 << 20);
    String uid = Snowflakes.format(Snowflakes.of(System.currentTimeMillis(), (int) (n & 0x3FFFFF)));
    JsonObject user = new JsonObject().put("id", uid).put("username", Names.username(n, n))
        .put("discriminator", "0").put("global_name", Names.displayName(n, n)).put("avatar", null)
        .put("public_flags", 0);
    JsonObject d = new JsonObject().put("guild_id", Snowflakes.format(gid)).put("user", user)
        .put("nick", null).put("avatar", null).put("roles", new JsonArray())
        .put("joined_at", MemberTable.iso(System.currentTimeMillis())).put("premium_since", null)
        .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
    joined.add(new String[] {Snowflakes.format(gid), uid});
    if (joined.size() > 50) {
      joined.removeFirst();
    }
    hub.emit("GUILD_MEMBER_ADD", d);
  }

  private void leave() {
    String[] who = joined.pollFirst();
    if (who == null) {
      presence(world.guildIds().get(0));
      return;
    }
    hub.emit("GUILD_MEMBER_REMOVE", new JsonObject().put("guild_id", who[0]).put("user", world.users.user(
        Snowflakes.parse(who[1]))));
  }

  private JsonObject randomMember(long gid) {
    synchronized (world) {
      GuildData g = world.guild(gid);
      if (g == null || g.members.size() < 2) {
        return null;
      }
      for (int tries = 0; tries < 10; tries++) {
        int i = random.nextInt(g.members.size());
        if (g.members.userId(i) != world.botId()) {
          return g.members.render(i, world.users);
        }
      }
      return null;
    }
  }

  private void message(long gid, String text) {
    JsonObject member = randomMember(gid);
    if (member == null) {
      return;
    }
    String channel;
    synchronized (world) {
      GuildData g = world.guild(gid);
      channel = g == null ? null : g.textChannelId();
    }
    if (channel == null) {
      return;
    }
    JsonObject user = member.getJsonObject("user");
    member.remove("user");
    String id = Snowflakes.format(Snowflakes.of(System.currentTimeMillis(), random.nextInt(1 << 22)));
    JsonObject d = new JsonObject().put("id", id).put("type", 0).put("channel_id", channel)
        .put("guild_id", Snowflakes.format(gid)).put("author", user).put("member", member)
        .put("content", text != null ? text : Names.sentence(random.nextLong(), 1, 3 + random.nextInt(8)))
        .put("timestamp", MemberTable.iso(System.currentTimeMillis())).put("edited_timestamp", null)
        .put("tts", false).put("mention_everyone", false).put("mentions", new JsonArray())
        .put("mention_roles", new JsonArray()).put("attachments", new JsonArray()).put("embeds", new JsonArray())
        .put("components", new JsonArray()).put("pinned", false).put("flags", 0);
    lastMessage = d;
    hub.emit("MESSAGE_CREATE", d);
  }

  private void react() {
    if (lastMessage == null) {
      return;
    }
    JsonObject author = lastMessage.getJsonObject("author");
    String[] emojis = {"\uD83D\uDD25", "\uD83D\uDC4D", "\uD83C\uDF89", "\uD83D\uDE02"};
    hub.emit("MESSAGE_REACTION_ADD", new JsonObject().put("user_id", author.getString("id"))
        .put("channel_id", lastMessage.getString("channel_id")).put("message_id", lastMessage.getString("id"))
        .put("guild_id", lastMessage.getString("guild_id")).put("member", lastMessage.getJsonObject("member")
            .copy().put("user", author))
        .put("emoji", new JsonObject().put("id", null).put("name", emojis[random.nextInt(emojis.length)]))
        .put("message_author_id", author.getString("id")).put("burst", false).put("type", 0));
  }

  private void edit() {
    if (lastMessage == null) {
      return;
    }
    JsonObject d = lastMessage.copy().put("content", lastMessage.getString("content") + " (edited)")
        .put("edited_timestamp", MemberTable.iso(System.currentTimeMillis()));
    lastMessage = d;
    hub.emit("MESSAGE_UPDATE", d);
  }

  private void presence(long gid) {
    JsonObject member = randomMember(gid);
    if (member == null) {
      return;
    }
    String[] statuses = {"online", "idle", "dnd", "offline"};
    String status = statuses[random.nextInt(statuses.length)];
    hub.emit("PRESENCE_UPDATE", new JsonObject()
        .put("user", new JsonObject().put("id", member.getJsonObject("user").getString("id")))
        .put("guild_id", Snowflakes.format(gid)).put("status", status).put("activities", new JsonArray())
        .put("client_status", "offline".equals(status) ? new JsonObject() : new JsonObject().put("desktop", status)));
  }
}
