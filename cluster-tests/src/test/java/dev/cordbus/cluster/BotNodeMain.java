package dev.cordbus.cluster;

import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.state.StateVerticle;
import dev.cordbus.state.EventTable;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A bot node that runs no gateway: a clustered Vert.x with the state verticle and a recording bot that consumes
 * every dispatch address. Over stdin: {@code stats} prints {@code STATS <json>} (per shard and session the distinct
 * seqs seen, the highest, duplicates; the state verticle's applied/duplicates/failed; the latency of MESSAGE_CREATE
 * from the gateway's read ({@code received-nanos}, CLOCK_MONOTONIC, one clock for every JVM of this host) to this
 * bot, while measuring); {@code measure} resets the latency samples; {@code mark <nanos>} starts, per shard, the
 * longest gap between two dispatches arriving here and the first arrival of a dispatch read after {@code <nanos>}
 * (CLOCK_MONOTONIC of this host, as {@code received-nanos}); {@code quit} exits. Per session and seq it also keeps a
 * hash of the body, so a seq delivered twice with different bodies is counted ({@code bodyMismatches}), and for
 * each duplicate the gateway read times of both copies ({@code duplicatesReadAfterMark}: the later copy read after
 * the mark, the first before it), and every {@code discord.bot.ready} body ({@code botReady}). Prints
 * {@code BOT-READY}.
 */
public final class BotNodeMain {

  private BotNodeMain() {
  }

  /** Records what the bot receives. All on one event loop. */
  static final class Recorder extends VerticleBase {
    final Set<String> handled = new EventTable().handlers().keySet();
    final Map<Integer, Map<String, BitSet>> seen = new HashMap<>();
    long received;
    long duplicates;
    long distinctHandled;
    long[] latencies = new long[200_000];
    int latencyCount;
    final Map<Integer, Map<String, int[]>> hashes = new HashMap<>();
    final Map<Integer, Map<String, long[]>> readAt = new HashMap<>();
    long bodyMismatches;
    long markNanos = Long.MAX_VALUE;
    final Map<Integer, Long> lastArrival = new HashMap<>();
    final Map<Integer, Long> maxGap = new HashMap<>();
    final Map<Integer, Long> firstAfterMark = new HashMap<>();
    final Map<Integer, Long> duplicatesReadAfterMark = new HashMap<>();
    /** Per shard, the gateway read times of those duplicates (at most 2,000 per shard). */
    final Map<Integer, List<Long>> duplicateReadNanos = new HashMap<>();
    /** Every {@code discord.bot.ready} body received. */
    final List<JsonObject> botReady = new ArrayList<>();

    @Override
    public Future<?> start() {
      Set<String> events = new TreeSet<>(handled);
      events.addAll(EventTable.IGNORED.keySet());
      events.add("RESUMED");
      List<Future<Void>> all = new ArrayList<>();
      all.add(DispatchRelay.install(vertx));
      all.add(vertx.eventBus().<JsonObject>consumer(Addresses.BOT_READY, m -> botReady.add(m.body())).completion());
      for (String e : events) {
        all.add(vertx.eventBus().consumer(Addresses.dispatch(e), m -> record(e, m)).completion());
      }
      return Future.all(all);
    }

    private void record(String event, Message<Object> m) {
      long now = System.nanoTime();
      received++;
      String shardH = m.headers().get(Headers.SHARD);
      String seqH = m.headers().get(Headers.SEQ);
      if (shardH == null || seqH == null) {
        return;
      }
      int shard = Integer.parseInt(shardH);
      int seq = (int) Long.parseLong(seqH);
      String session = String.valueOf(m.headers().get(Headers.SESSION));
      BitSet bits = seen.computeIfAbsent(shard, k -> new HashMap<>()).computeIfAbsent(session, k -> new BitSet());
      String nanos = m.headers().get(Headers.RECEIVED_NANOS);
      long read = nanos == null ? 0 : Long.parseLong(nanos);
      int hash = m.body() instanceof JsonObject j ? java.util.Arrays.hashCode(
          dev.cordbus.api.dispatch.DispatchBody.bytesOf(j).getBytes()) : String.valueOf(m.body()).hashCode();
      int[] h = grow(hashes, shard, session, seq);
      long[] at = growLong(readAt, shard, session, seq);
      if (bits.get(seq)) {
        duplicates++;
        if (h[seq] != hash) {
          bodyMismatches++;
        }
        if (read > markNanos && at[seq] < markNanos) {
          duplicatesReadAfterMark.merge(shard, 1L, Long::sum);
          List<Long> times = duplicateReadNanos.computeIfAbsent(shard, k -> new ArrayList<>());
          if (times.size() < 2_000) {
            times.add(read);
          }
        }
      } else {
        bits.set(seq);
        h[seq] = hash;
        at[seq] = read;
        if (handled.contains(event)) {
          distinctHandled++;
        }
        if (markNanos != Long.MAX_VALUE) {
          Long last = lastArrival.put(shard, now);
          if (last != null) {
            maxGap.merge(shard, now - last, Math::max);
          }
          if (read > markNanos) {
            firstAfterMark.putIfAbsent(shard, now);
          }
        }
      }
      if ("MESSAGE_CREATE".equals(event) && nanos != null && latencyCount < latencies.length) {
        latencies[latencyCount++] = now - Long.parseLong(nanos);
      }
    }

    private static int[] grow(Map<Integer, Map<String, int[]>> all, int shard, String session, int seq) {
      Map<String, int[]> per = all.computeIfAbsent(shard, k -> new HashMap<>());
      int[] a = per.get(session);
      if (a == null || a.length <= seq) {
        a = a == null ? new int[Math.max(1024, seq * 2)] : Arrays.copyOf(a, seq * 2);
        per.put(session, a);
      }
      return a;
    }

    private static long[] growLong(Map<Integer, Map<String, long[]>> all, int shard, String session, int seq) {
      Map<String, long[]> per = all.computeIfAbsent(shard, k -> new HashMap<>());
      long[] a = per.get(session);
      if (a == null || a.length <= seq) {
        a = a == null ? new long[Math.max(1024, seq * 2)] : Arrays.copyOf(a, seq * 2);
        per.put(session, a);
      }
      return a;
    }

    void mark(long nanos) {
      markNanos = nanos;
      lastArrival.clear();
      maxGap.clear();
      firstAfterMark.clear();
      duplicatesReadAfterMark.clear();
      duplicateReadNanos.clear();
    }

    io.vertx.core.Context ctx() {
      return context;
    }

    JsonObject stats() {
      JsonObject shards = new JsonObject();
      seen.forEach((shard, sessions) -> {
        JsonObject per = new JsonObject();
        sessions.forEach((session, bits) -> {
          int min = bits.nextSetBit(0);
          int max = bits.length() - 1;
          per.put(session, new JsonObject().put("distinct", bits.cardinality()).put("min", min).put("max", max)
              .put("missing", max - min + 1 - bits.cardinality()));
        });
        shards.put(Integer.toString(shard), per);
      });
      long[] sorted = Arrays.copyOf(latencies, latencyCount);
      Arrays.sort(sorted);
      JsonObject latency = new JsonObject().put("n", latencyCount);
      if (latencyCount > 0) {
        latency.put("p50us", sorted[latencyCount / 2] / 1000).put("p99us", sorted[(int) (latencyCount * 0.99)] / 1000)
            .put("maxus", sorted[latencyCount - 1] / 1000);
      }
      JsonObject gaps = new JsonObject();
      maxGap.forEach((k, v) -> gaps.put(Integer.toString(k), v / 1_000_000));
      JsonObject first = new JsonObject();
      firstAfterMark.forEach((k, v) -> first.put(Integer.toString(k), v));
      JsonObject dupsAfter = new JsonObject();
      duplicatesReadAfterMark.forEach((k, v) -> dupsAfter.put(Integer.toString(k), v));
      JsonObject dupTimes = new JsonObject();
      duplicateReadNanos.forEach((k, v) -> dupTimes.put(Integer.toString(k), new io.vertx.core.json.JsonArray(
          new ArrayList<>(v))));
      return new JsonObject().put("received", received).put("duplicates", duplicates)
          .put("bodyMismatches", bodyMismatches).put("maxGapMs", gaps).put("firstAfterMarkNanos", first)
          .put("duplicatesReadAfterMark", dupsAfter).put("duplicateReadNanos", dupTimes)
          .put("distinctHandled", distinctHandled).put("shards", shards).put("latency", latency)
          .put("botReady", new io.vertx.core.json.JsonArray(new ArrayList<>(botReady)));
    }
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager())
        .buildClustered().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
    StateVerticle state = new StateVerticle();
    Recorder recorder = new Recorder();
    vertx.deployVerticle(state).compose(id -> vertx.deployVerticle(recorder))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    System.out.println("BOT-READY");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String cmd = line.trim();
      if (cmd.equals("stats")) {
        JsonObject stats = onLoop(recorder.ctx(), recorder::stats);
        // the state verticle's counters are read once traffic is quiet (plain long fields of another event loop)
        JsonObject st = onLoop(recorder.ctx(), () -> new JsonObject().put("applied", state.applied())
            .put("duplicates", state.duplicates()).put("failed", state.failed()));
        System.out.println("STATS " + stats.put("state", st).encode());
      } else if (cmd.equals("measure")) {
        onLoop(recorder.ctx(), () -> {
          recorder.latencyCount = 0;
          return null;
        });
        System.out.println("MEASURING");
      } else if (cmd.equals("heap")) {
        System.gc();
        System.out.println("HEAP " + java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
            .getUsed() / (1024 * 1024));
      } else if (cmd.startsWith("mark ")) {
        long nanos = Long.parseLong(cmd.substring(5).trim());
        onLoop(recorder.ctx(), () -> {
          recorder.mark(nanos);
          return null;
        });
        System.out.println("MARKED");
      } else if (cmd.equals("quit")) {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        System.out.println("BYE");
        System.exit(0);
      }
      System.out.flush();
    }
  }

  /** Runs {@code action} on the recorder's context and waits. */
  private static <T> T onLoop(io.vertx.core.Context ctx, java.util.concurrent.Callable<T> action) throws Exception {
    java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
    ctx.runOnContext(v -> {
      try {
        f.complete(action.call());
      } catch (Exception e) {
        f.completeExceptionally(e);
      }
    });
    return f.get(10, TimeUnit.SECONDS);
  }
}
