package dev.cordbus.bench.jmh;

import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.StateOptions;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.EventTable;
import dev.cordbus.state.event.Updater;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The state cache applying one dispatch (default options: every resource, member policy ALL, 1,000 messages) to a
 * guild of 250 cached members: MESSAGE_CREATE (~1.4 KB, rotating authors and ids so the message cache evicts),
 * GUILD_MEMBER_UPDATE (nick toggles) and PRESENCE_UPDATE (status toggles). Bodies are parsed before the timing, as
 * the state verticle receives them.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheUpdateBench {

  private static final int MEMBERS = 250;
  private static final int VARIANTS = 2048;

  private Cache cache;
  private Updater messageCreate;
  private Updater memberUpdate;
  private Updater presenceUpdate;
  private JsonObject[] messages;
  private JsonObject[] members;
  private JsonObject[] presences;
  private int next;
  private long seq;

  @Setup(Level.Trial)
  public void setUp() {
    EventTable table = new EventTable();
    cache = new Cache(new StateOptions());
    table.get("GUILD_CREATE").apply(cache, new Dispatch("GUILD_CREATE", 0, "s", 1, Payloads.guildCreate(MEMBERS)),
        new Emitter());
    if (cache.counts(null).getInteger("members") != MEMBERS) {
      throw new IllegalStateException("guild not cached: " + cache.counts(null));
    }
    messageCreate = table.get("MESSAGE_CREATE");
    memberUpdate = table.get("GUILD_MEMBER_UPDATE");
    presenceUpdate = table.get("PRESENCE_UPDATE");
    messages = new JsonObject[VARIANTS];
    members = new JsonObject[VARIANTS];
    presences = new JsonObject[VARIANTS];
    for (int i = 0; i < VARIANTS; i++) {
      messages[i] = Payloads.messageCreate(1400000000000000000L + i, i % MEMBERS);
      members[i] = Payloads.memberUpdate(i % MEMBERS, i / MEMBERS);
      presences[i] = Payloads.presenceUpdate(i % MEMBERS, i / MEMBERS);
    }
  }

  private int next() {
    int i = next;
    next = (i + 1) & (VARIANTS - 1);
    return i;
  }

  @Benchmark
  public Emitter messageCreate() {
    return apply("MESSAGE_CREATE", messageCreate, messages[next()]);
  }

  @Benchmark
  public Emitter guildMemberUpdate() {
    return apply("GUILD_MEMBER_UPDATE", memberUpdate, members[next()]);
  }

  @Benchmark
  public Emitter presenceUpdate() {
    return apply("PRESENCE_UPDATE", presenceUpdate, presences[next()]);
  }

  private Emitter apply(String event, Updater updater, JsonObject d) {
    Emitter out = new Emitter();
    updater.apply(cache, new Dispatch(event, 0, "s", ++seq, d), out);
    return out;
  }
}
