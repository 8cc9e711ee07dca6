package dev.cordbus.state.bench;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.state.EventTable;
import dev.cordbus.state.StateOptions;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.MemberStore;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.StateEvent;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.JsonBytes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A state cache (20 guilds of 100 members, 30 % with a presence, 640 cached messages) fed dispatches as the gateway
 * publishes them (shared bytes), with events wanted ({@code publishEvents} on), timed in thread CPU time. Uses only
 * what every version of the state verticle has, so {@link UpdateProbe} can load one copy per version in one JVM.
 * Cases: {@code MESSAGE_REACTION_ADD} (with the payload member, one of 4 emojis on one of the cached messages), {@code
 * GUILD_MEMBER_UPDATE same} (a cached member re-sent unchanged), {@code GUILD_MEMBER_UPDATE changed} (its nick
 * alternating, so each one is published), {@code PRESENCE_UPDATE same} (a cached presence re-sent).
 */
public final class UpdateWorkload {

  /** The cases, in the order {@link UpdateProbe} prints them. */
  public static final String[] CASES = {"MESSAGE_REACTION_ADD", "GUILD_MEMBER_UPDATE same",
      "GUILD_MEMBER_UPDATE changed", "PRESENCE_UPDATE same"};

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final int GUILDS = 20;
  private static final int MEMBERS = 100;

  private final Cache cache = new Cache(new StateOptions());
  private final EventTable table = new EventTable();
  private final JsonObject[][] bodies = new JsonObject[CASES.length][];
  private final JsonObject[] renamed;
  private long seq;
  /** Keeps the JIT from dropping the work. */
  public long sink;

  /** Builds the cache and the bodies of every case. */
  public UpdateWorkload() {
    Synthetic gen = new Synthetic(7);
    JsonArray ready = new JsonArray();
    for (int g = 0; g < GUILDS; g++) {
      ready.add(new JsonObject().put("id", Synthetic.guildId(g)).put("unavailable", true));
    }
    apply("READY", new JsonObject().put("session_id", "s").put("guilds", ready), null);
    JsonObject[] messages = new JsonObject[GUILDS * 4 * 8];
    for (int g = 0; g < GUILDS; g++) {
      apply("GUILD_CREATE", gen.guildCreate(g, MEMBERS, g * MEMBERS), null);
    }
    for (int i = 0; i < messages.length; i++) {
      messages[i] = gen.messageCreate(i % GUILDS, (i % GUILDS) * MEMBERS + i % MEMBERS, i);
      apply("MESSAGE_CREATE", shared(messages[i]), null);
    }
    int members = GUILDS * MEMBERS;
    JsonObject[] same = new JsonObject[members];
    renamed = new JsonObject[members * 2];
    JsonObject[] reactions = new JsonObject[members];
    JsonObject[] presences = new JsonObject[members];
    int p = 0;
    JsonObject[] emojis = {new JsonObject().put("id", null).put("name", "\uD83D\uDD25"),
        new JsonObject().put("id", "41771983429993937").put("name", "LUL").put("animated", false),
        new JsonObject().put("id", null).put("name", "\uD83D\uDC4D"),
        new JsonObject().put("id", "41771983429993938").put("name", "pog").put("animated", true)};
    for (int i = 0; i < members; i++) {
      int g = i % GUILDS;
      long guildId = Ids.parse(Synthetic.guildId(g));
      long userId = Ids.parse(Synthetic.userId(g * MEMBERS + i / GUILDS));
      GuildEntry entry = cache.loadedGuild(guildId);
      JsonObject member = entry.members.get(userId).toJson();
      same[i] = shared(member.copy().put("guild_id", Ids.str(guildId)));
      renamed[2 * i] = shared(member.copy().put("guild_id", Ids.str(guildId)).put("nick", "Nick A"));
      renamed[2 * i + 1] = shared(member.copy().put("guild_id", Ids.str(guildId)).put("nick", "Nick B"));
      JsonObject m = messages[(i * 7) % messages.length];
      reactions[i] = shared(new JsonObject().put("user_id", Ids.str(userId)).put("channel_id", m.getValue("channel_id"))
          .put("message_id", m.getValue("id")).put("guild_id", m.getValue("guild_id")).put("member", member)
          .put("emoji", emojis[i % emojis.length]).put("message_author_id", m.getJsonObject("author").getValue("id"))
          .put("burst", false).put("burst_colors", new JsonArray()).put("type", 0));
      JsonObject presence = MemberStore.presenceJson(entry, userId);
      if (entry.presences.get(userId) != null) {
        presences[p++] = shared(presence);
      }
    }
    bodies[0] = reactions;
    bodies[1] = same;
    bodies[2] = renamed;
    bodies[3] = java.util.Arrays.copyOf(presences, p);
  }

  private static JsonObject shared(JsonObject d) {
    byte[] b = JsonBytes.encode(d);
    return DispatchBody.json(b, 0, b.length);
  }

  private void apply(String event, JsonObject d, Emitter out) {
    table.get(event).apply(cache, new Dispatch(event, 0, "s", ++seq, d), out == null ? new Emitter(false) : out);
  }

  /**
   * Applies {@code n} dispatches of case {@code c} (an index in {@link #CASES}), each with its own wanted emitter as
   * the verticle does; when {@code read}, every event body is copied the way Vert.x hands it to one local consumer.
   * Returns thread CPU ns per dispatch.
   */
  public double run(int c, int n, boolean read) {
    String event = CASES[c].split(" ")[0];
    JsonObject[] b = bodies[c];
    long events = 0;
    long t0 = CPU.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      Emitter out = new Emitter(true);
      apply(event, b[i % b.length], out);
      for (StateEvent e : out.events()) {
        events += read ? e.body().copy().size() : 1;
      }
    }
    long t = CPU.getCurrentThreadCpuTime() - t0;
    sink += events;
    return (double) t / n;
  }

  /** Events published by {@code n} dispatches of case {@code c} (a check that both versions publish alike). */
  public String events(int c, int n) {
    String event = CASES[c].split(" ")[0];
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Emitter out = new Emitter(true);
      apply(event, bodies[c][i % bodies[c].length], out);
      for (StateEvent e : out.events()) {
        s.append(e.name()).append(' ').append(e.body().encode()).append('\n');
      }
    }
    return s.toString();
  }
}
