package dev.cordbus.bench.jmh;

import dev.cordbus.api.Headers;
import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.api.event.Event;
import dev.cordbus.api.event.Events;
import dev.cordbus.api.model.Message;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a consumer of one 1.3 KB MESSAGE_CREATE (author, member, an embed) pays, from the body it receives (a {@link DispatchBody} over the
 * received bytes, fresh per event as the relay hands it out): reading two fields of the {@code JsonObject} (builds
 * the tree once), decoding the typed record ({@code Event.data()}, Jackson databind straight from the bytes), the
 * record from an already-built {@code JsonObject} (a body that is not a dispatch body), and a typed handler that
 * reads only the headers and never calls {@code data()} (the lazy path).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TypedDecodeBench {

  private byte[] bytes;
  private JsonObject tree;
  private MultiMap headers;

  @Setup(Level.Trial)
  public void setUp() {
    bytes = Payloads.messageCreate(1400000000000000000L, 3).encode().getBytes(StandardCharsets.UTF_8);
    tree = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    headers = MultiMap.caseInsensitiveMultiMap().add(Headers.SHARD, "0").add(Headers.SEQ, "42")
        .add(Headers.GUILD, Payloads.GUILD);
  }

  /** The JsonObject way: {@code body.getString("content")} and the author's id (parses the whole tree once). */
  @Benchmark
  public int jsonObject() {
    JsonObject body = DispatchBody.json(bytes, 0, bytes.length);
    return body.getString("content").length() + body.getJsonObject("author").getString("id").length();
  }

  /** The typed way: {@code Event.data()} decodes the {@link Message} record from the received bytes. */
  @Benchmark
  public int typed() {
    Event<Message> e = new Event<>(Events.MESSAGE_CREATE, headers, DispatchBody.json(bytes, 0, bytes.length));
    Message m = e.data();
    return m.content().length() + m.author().id().length();
  }

  /** The typed record from a body whose tree exists already (converted, not parsed). */
  @Benchmark
  public int typedFromTree() {
    Message m = Events.MESSAGE_CREATE.decode(tree);
    return m.content().length() + m.author().id().length();
  }

  /** A typed handler that reads only the headers: nothing is parsed or decoded. */
  @Benchmark
  public int typedLazyHeadersOnly() {
    Event<Message> e = new Event<>(Events.MESSAGE_CREATE, headers, DispatchBody.json(bytes, 0, bytes.length));
    return e.shard() + (int) e.seq() + e.guildId().length();
  }
}
