package dev.cordbus.state.bench;

import com.fasterxml.jackson.core.JsonParser;
import dev.cordbus.state.cache.JacksonPatches;
import dev.cordbus.state.cache.PresencePatch;
import dev.cordbus.state.cache.Streams;
import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.message.MessageReaders;
import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonRead;
import dev.cordbus.state.store.JsonSlice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ns per read of the fixture MESSAGE_CREATE and PRESENCE_UPDATE bodies: the cursor readers of today next to the
 * Jackson readers they replaced, interleaved in one JVM (so a busy machine slows both alike), in thread CPU time (time
 * spent descheduled is not counted), median of the rounds. Bounded: {@code -Dprobe.rounds} (default 21) rounds of
 * {@code -Dprobe.reads} (default 100,000) reads per reader.
 *
 * <p>Run: see the README ("How the state verticle reads dispatches"); about 30 s.
 */
public final class ReadProbe {

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private ReadProbe() {
  }

  private interface Reader {
    long read(JsonSlice body) throws IOException;
  }

  public static void main(String[] args) throws IOException {
    int rounds = Integer.getInteger("probe.rounds", 21);
    int reads = Integer.getInteger("probe.reads", 100_000);
    List<JsonSlice> messages = new ArrayList<>();
    List<JsonSlice> presences = new ArrayList<>();
    for (Frames.Frame f : Frames.session()) {
      if (f.event().equals("MESSAGE_CREATE")) {
        messages.add(slice(JsonBytes.encode(f.d())));
      } else if (f.event().equals("PRESENCE_UPDATE")) {
        presences.add(slice(JsonBytes.encode(f.d())));
      }
    }
    presences.add(slice(JsonBytes.encode(Frames.extra("presence_update_user_changed", "s").d())));
    for (JsonSlice m : messages) {
      if (MessageReaders.cursor(m) != MessageReaders.jackson(m)) {
        throw new IllegalStateException("the two readers disagree on " + new String(m.copy()));
      }
    }
    System.out.printf("%d MESSAGE_CREATE bodies (%d-%d bytes), %d PRESENCE_UPDATE bodies; %d rounds of %,d reads%n",
        messages.size(), messages.stream().mapToInt(JsonSlice::length).min().orElse(0),
        messages.stream().mapToInt(JsonSlice::length).max().orElse(0), presences.size(), rounds, reads);
    Reader presenceCursor = b -> Streams.presence(b).guildId;
    Reader presenceJackson = b -> {
      try (JsonParser p = JsonRead.parser(b.array(), b.offset(), b.length())) {
        p.nextToken();
        return JacksonPatches.presence(p, b.array(), b.offset()).guildId;
      }
    };
    double[][] all = new double[5][rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      double[] ns = new double[5];
      long[] out = new long[1];
      ns[0] = time(MessageReaders::jackson, messages, reads, out);
      ns[1] = time(MessageReaders::cursor, messages, reads, out);
      ns[2] = time(presenceJackson, presences, reads, out);
      ns[3] = time(presenceCursor, presences, reads, out);
      ns[4] = time(MessageReaders::walk, messages, reads, out);
      sink += out[0];
      for (int i = 0; i < ns.length; i++) {
        all[i][r] = ns[i];
      }
      System.out.printf("round %d: MessageFields.read jackson %.0f ns, cursor %.0f ns; presence jackson %.0f ns,"
          + " cursor %.0f ns; top-level walk alone %.0f ns%n", r + 1, ns[0], ns[1], ns[2], ns[3], ns[4]);
    }
    double[] best = new double[5];
    for (int i = 0; i < best.length; i++) {
      java.util.Arrays.sort(all[i]);
      best[i] = all[i][rounds / 2];
    }
    System.out.printf("median: MessageFields.read %.0f -> %.0f ns (x%.2f): %.0f -> %.0f ns (x%.2f) over a top-level"
        + " walk that passes over everything (%.0f ns); PRESENCE_UPDATE read %.0f -> %.0f ns (x%.2f)  [%d]%n", best[0],
        best[1], best[0] / best[1], best[0] - best[4], best[1] - best[4], (best[0] - best[4]) / (best[1] - best[4]),
        best[4], best[2], best[3], best[2] / best[3], sink & 1);
  }

  private static JsonSlice slice(byte[] b) {
    return new JsonSlice(b, 0, b.length);
  }

  private static double time(Reader reader, List<JsonSlice> bodies, int reads, long[] out) throws IOException {
    JsonSlice[] b = bodies.toArray(new JsonSlice[0]);
    long sink = 0;
    long t0 = CPU.getCurrentThreadCpuTime();
    for (int i = 0; i < reads; i++) {
      sink += reader.read(b[i % b.length]);
    }
    long t = CPU.getCurrentThreadCpuTime() - t0;
    out[0] += sink;
    return (double) t / reads;
  }
}
