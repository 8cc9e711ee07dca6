package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure formatting of the run's results: the markdown comparison table (ratios to the JDA and the discord.js rows of
 * the same compression) and the verdict on each target. No I/O, unit-tested.
 */
public final class ResultTable {

  /** Gateway + state must handle at least this many times JDA's events/s without compression. */
  public static final double TARGET_SPEEDUP = 2.0;
  /** Gateway + state heap must be at most this fraction of JDA's. */
  public static final double TARGET_HEAP_FRACTION = 0.5;
  /** With zlib-stream, "at the ceiling" = at least this fraction of the frame counter's rate. */
  public static final double CEILING_FRACTION = 0.9;
  /** The frame counter must read at least this many times JDA's events/s, or the simulator bounds the comparison. */
  public static final double TARGET_CEILING = 5.0;

  private ResultTable() {
  }

  /** What the columns mean, printed under the table. */
  public static final String LEGEND = "events/s = the bot listener's MESSAGE_CREATE per second from the first to the"
      + " last one, scaled by dispatches written / MESSAGE_CREATE counted (all four dispatch kinds are decoded and"
      + " handled; frames row: WebSocket messages counted by a bare socket reader, no inflating or parsing = the"
      + " simulator's emit ceiling; floor rows: every message counted, see below). Floor = the least a Vert.x client"
      + " pays: Vert.x's WebSocket client reading the frames with the gateway's options and, under zlib-stream, a"
      + " java.util.zip.Inflater, with nothing parsed, published or cached; floor-two-node adds a second clustered"
      + " JVM (Hazelcast on 127.0.0.1, as two-node) to which the first writes the messages' bytes over one TCP"
      + " connection, a buffer per event-loop turn, and which only splits and counts them. Heap = used heap after a"
      + " full GC with the world cached (two-node: the bot JVM; discordjs: V8 heapUsed after global.gc()). CPU ="
      + " process CPU time of the client during the firehose (two-node: gateway JVM + bot JVM, the parts under \"by"
      + " JVM\"); CPU µs/event = that CPU / dispatches written; CPU × JDA and × discord.js divide it by theirs in the"
      + " same compression (below 1 = less CPU per event); JIT / GC / rest splits the Java clients' firehose CPU by"
      + " thread (/proc: C1/C2 compiler threads, the collector's threads and the VM thread, everything else; JIT is a"
      + " lower bound, exiting compiler threads take their time with them): JIT is a one-time cost a long-running bot"
      + " does not pay per event. Heap allocated = what the client's threads allocated on the heap during the"
      + " firehose per dispatch written (two-node: both JVMs, then each); page faults = the client's minor faults in"
      + " that time (/proc), per 1,000 dispatches: on a virtual machine a page touched for the first time costs"
      + " microseconds, and a young generation that a short run never fills is all first touches. 2nd half = the"
      + " process CPU (two-node: both JVMs) from the client's MESSAGE_CREATE"
      + " at half its count to its last one, per dispatch in that span (the client samples its CPU time every 64"
      + " events; the two-node gateway JVM every 10 ms, interpolated at the bot's instants): the closest a run of"
      + " this length comes to the steady cost per event, with most of the JIT's work behind it. Simulator = the"
      + " simulator JVM's CPU during the firehose (rendering included) / dispatches written. Load = the 1-minute load"
      + " average (/proc/loadavg) when the case started → ended. MB on the wire = bytes the simulator's gateway wrote"
      + " to the client's socket during the firehose (WebSocket frames with their headers, as compressed; 10^6"
      + " bytes), also per dispatch written.";

  /** The table; one row per result, in the given order. */
  public static String table(List<JsonObject> results) {
    StringBuilder b = new StringBuilder();
    b.append("| case | compression | events/s (whole run) | events/s (2nd half) | events/s × JDA | time to ready (ms)"
        + " | guilds cached | members cached | heap after GC (MiB) | × JDA heap | CPU s (firehose) | CPU s (process)"
        + " | CPU µs/event | CPU × JDA | CPU × discord.js | CPU µs/event (2nd half) | 2nd half × JDA"
        + " | 2nd half × discord.js | CPU µs/event by JVM | of which JIT / GC / rest | heap allocated bytes/event"
        + " | page faults per 1,000 events | simulator CPU µs/event | load (start → end) | MB on the wire"
        + " | wire bytes/dispatch |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:"
        + "|---:|---|---:|---:|\n");
    for (JsonObject r : results) {
      String c = r.getString("compression");
      JsonObject jda = find(results, "jda", c);
      JsonObject djs = find(results, "discordjs", c);
      JsonObject cached = r.getJsonObject("cached", new JsonObject());
      b.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %s | %,d | %s | %s | %.1f | %s | %.2f | %.2f"
              + " | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          r.getString("case"), c, dispatchRate(r, "rate"), dispatchRate(r, "rate2"),
          jda == null ? "–" : ratio(dispatchRate(r, "rate"), dispatchRate(jda, "rate")),
          r.getLong("readyMs", 0L), count(cached, "guilds"), count(cached, "members"),
          r.getLong("heapBytes", 0L) / 1048576.0,
          jda == null ? "–" : ratio(r.getLong("heapBytes", 0L), jda.getLong("heapBytes", 0L)),
          r.getDouble("cpuRunSeconds", 0.0), r.getDouble("cpuTotalSeconds", 0.0), micros(cpuPerEvent(r)),
          jda == null ? "–" : ratio(cpuPerEvent(r), cpuPerEvent(jda)),
          djs == null ? "–" : ratio(cpuPerEvent(r), cpuPerEvent(djs)), micros(secondHalfCpuPerEvent(r)),
          jda == null ? "–" : ratio(secondHalfCpuPerEvent(r), secondHalfCpuPerEvent(jda)),
          djs == null ? "–" : ratio(secondHalfCpuPerEvent(r), secondHalfCpuPerEvent(djs)), byJvm(r), byThreads(r),
          allocated(r), faults(r), micros(perEvent(r, r.getDouble("simCpuSeconds", 0.0))), load(r), wireMb(r),
          wirePerDispatch(r)));
    }
    return b.toString();
  }

  /**
   * Of several runs of one case, the run with the median CPU per event (the lower middle of an even count), whole,
   * with {@code runs}: each run's CPU µs/event (whole run, second half) and events/s, in the order they ran. One run
   * is returned as it is.
   */
  static JsonObject median(List<JsonObject> runs) {
    if (runs.size() == 1) {
      return runs.get(0);
    }
    List<JsonObject> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(ResultTable::cpuPerEvent));
    JsonObject median = sorted.get((sorted.size() - 1) / 2).copy();
    io.vertx.core.json.JsonArray each = new io.vertx.core.json.JsonArray();
    for (JsonObject r : runs) {
      each.add(new JsonObject().put("cpuMicros", cpuPerEvent(r) * 1e6)
          .put("halfCpuMicros", secondHalfCpuPerEvent(r) * 1e6).put("rate", dispatchRate(r, "rate")));
    }
    return median.put("runs", each);
  }

  /**
   * One line per case run more than once ({@link #median}): every run's CPU µs/event, whole and second half, and
   * events/s, the median run's first.
   */
  static List<String> repeats(List<JsonObject> results) {
    List<String> out = new ArrayList<>();
    for (JsonObject r : results) {
      io.vertx.core.json.JsonArray runs = r.getJsonArray("runs");
      if (runs == null) {
        continue;
      }
      List<String> cpu = new ArrayList<>();
      List<String> half = new ArrayList<>();
      List<String> rate = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        JsonObject x = runs.getJsonObject(i);
        cpu.add(String.format(Locale.ROOT, "%.1f", x.getDouble("cpuMicros")));
        half.add(x.getDouble("halfCpuMicros") <= 0 ? "–" : String.format(Locale.ROOT, "%.1f",
            x.getDouble("halfCpuMicros")));
        rate.add(String.format(Locale.ROOT, "%,.0f", x.getDouble("rate")));
      }
      out.add(String.format(Locale.ROOT, "- %s (%s), median %s: CPU µs/event %s; 2nd half %s; events/s %s",
          r.getString("case"), r.getString("compression"), micros(cpuPerEvent(r)), String.join(" / ", cpu),
          String.join(" / ", half), String.join(" / ", rate)));
    }
    return out;
  }

  /** Client CPU seconds during the firehose per dispatch written (per event counted when unknown); 0 if none. */
  static double cpuPerEvent(JsonObject r) {
    return perEvent(r, r.getDouble("cpuRunSeconds", 0.0));
  }

  /**
   * CPU seconds per dispatch over the second half of the counted events ({@code half}: events counted in it and
   * the CPU they cost), scaled like the rate by dispatches written / events counted; 0 when not measured.
   */
  static double secondHalfCpuPerEvent(JsonObject r) {
    JsonObject half = r.getJsonObject("half");
    if (half == null || half.getLong("events", 0L) <= 0 || half.getDouble("cpuSeconds", -1.0) < 0) {
      return 0;
    }
    long events = r.getLong("events", 0L);
    long written = r.getLong("written", 0L);
    double dispatches = half.getLong("events") * (events > 0 && written > 0 ? (double) written / events : 1.0);
    return half.getDouble("cpuSeconds") / dispatches;
  }

  /** Like {@link #cpuPerEvent} less the JIT compiler threads' CPU ({@link ThreadCpu}), where it was measured. */
  static double cpuPerEventWithoutJit(JsonObject r) {
    JsonObject t = r.getJsonObject("threads", new JsonObject());
    return perEvent(r, r.getDouble("cpuRunSeconds", 0.0) - t.getDouble("jitSeconds", 0.0));
  }

  /** {@code amount} (seconds, bytes, faults) per dispatch written, per event counted when unknown; 0 if none. */
  private static double perEvent(JsonObject r, double amount) {
    long n = r.getLong("written", 0L) > 0 ? r.getLong("written") : r.getLong("events", 0L);
    return n == 0 ? 0 : amount / n;
  }

  private static String micros(double seconds) {
    return seconds <= 0 ? "–" : String.format(Locale.ROOT, "%.1f", seconds * 1e6);
  }

  /** two-node: "gateway X + bot Y" µs/event; "–" for one-process cases. */
  private static String byJvm(JsonObject r) {
    JsonObject parts = r.getJsonObject("parts");
    if (parts == null) {
      return "–";
    }
    return "gateway " + micros(perEvent(r, parts.getJsonObject("gateway").getDouble("cpuRunSeconds", 0.0)))
        + " + bot " + micros(perEvent(r, parts.getJsonObject("bot").getDouble("cpuRunSeconds", 0.0)));
  }

  /** JIT / GC / rest µs/event from the JVMs' thread CPU ({@link ThreadCpu}); "–" when not measured (Node). */
  static String byThreads(JsonObject r) {
    JsonObject t = r.getJsonObject("threads");
    if (t == null) {
      return "–";
    }
    return micros(perEvent(r, t.getDouble("jitSeconds", 0.0))) + " / " + micros(perEvent(r, t.getDouble("gcSeconds",
        0.0))) + " / " + micros(perEvent(r, t.getDouble("otherSeconds", 0.0)));
  }

  /**
   * Heap bytes the client allocated during the firehose per dispatch ({@link MemoryTouch}); two-node: both JVMs,
   * then each; "–" when not measured (Node).
   */
  static String allocated(JsonObject r) {
    JsonObject m = r.getJsonObject("memory");
    if (m == null || !m.containsKey("allocatedBytes")) {
      return "–";
    }
    String all = bytesPerEvent(r, m.getLong("allocatedBytes"));
    JsonObject parts = r.getJsonObject("parts");
    if (parts == null) {
      return all;
    }
    return all + " (gateway " + bytesPerEvent(r, parts.getJsonObject("gateway").getJsonObject("memory",
        new JsonObject()).getLong("allocatedBytes", 0L)) + " + bot " + bytesPerEvent(r, parts.getJsonObject("bot")
        .getJsonObject("memory", new JsonObject()).getLong("allocatedBytes", 0L)) + ")";
  }

  /** Minor page faults of the client during the firehose per 1,000 dispatches; "–" when not measured. */
  static String faults(JsonObject r) {
    JsonObject m = r.getJsonObject("memory");
    if (m == null || !m.containsKey("minorFaults") || perEvent(r, 1) == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.1f", perEvent(r, m.getLong("minorFaults")) * 1000);
  }

  private static String bytesPerEvent(JsonObject r, long bytes) {
    return perEvent(r, 1) == 0 ? "–" : String.format(Locale.ROOT, "%,.0f", perEvent(r, bytes));
  }

  private static String wireMb(JsonObject r) {
    long bytes = r.getLong("wireBytes", 0L);
    return bytes <= 0 ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1e6);
  }

  private static String wirePerDispatch(JsonObject r) {
    long bytes = r.getLong("wireBytes", 0L);
    long written = r.getLong("written", 0L);
    return bytes <= 0 || written <= 0 ? "–" : String.format(Locale.ROOT, "%,.0f", (double) bytes / written);
  }

  /**
   * One line per compression for the case that shows it best (gateway+state, else gateway): events/s, CPU µs/event
   * and wire bytes per dispatch side by side, with zstd-stream against zlib-stream when both ran.
   */
  public static List<String> compressions(List<JsonObject> results) {
    List<String> out = new ArrayList<>();
    for (String kase : new String[] {"gateway+state", "gateway"}) {
      for (String c : new String[] {"none", "zlib-stream", "zstd-stream"}) {
        JsonObject r = find(results, kase, c);
        if (r != null) {
          out.add(String.format(Locale.ROOT, "- %s, %s: %,.0f events/s, %s CPU µs/event, %s MB on the wire (%s bytes"
              + "/dispatch)", kase, c, dispatchRate(r, "rate"), micros(cpuPerEvent(r)), wireMb(r), wirePerDispatch(r)));
        }
      }
      JsonObject zlib = find(results, kase, "zlib-stream");
      JsonObject zstd = find(results, kase, "zstd-stream");
      if (zlib != null && zstd != null) {
        out.add(String.format(Locale.ROOT, "- %s, zstd-stream ÷ zlib-stream: CPU µs/event %s, wire bytes %s", kase,
            ratio(cpuPerEvent(zstd), cpuPerEvent(zlib)),
            ratio(zstd.getLong("wireBytes", 0L), zlib.getLong("wireBytes", 0L))));
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    return out;
  }

  private static String load(JsonObject r) {
    return r.containsKey("loadStart") ? String.format(Locale.ROOT, "%.2f → %.2f", r.getDouble("loadStart"),
        r.getDouble("loadEnd", 0.0)) : "–";
  }

  private static String count(JsonObject cached, String key) {
    return cached.containsKey(key) ? String.format(Locale.ROOT, "%,d", cached.getLong(key)) : "n/a";
  }

  /** One line per target: MET / MISSED / not measured, with the figures. */
  public static List<String> verdicts(List<JsonObject> results) {
    List<String> out = new ArrayList<>();
    JsonObject state = find(results, "gateway+state", "none");
    JsonObject jda = find(results, "jda", "none");
    if (state != null && jda != null) {
      double x = dispatchRate(state, "rate") / dispatchRate(jda, "rate");
      out.add(String.format(Locale.ROOT, "- gateway+state ≥ %.0f× JDA events/s without compression: %s (%.2f×)",
          TARGET_SPEEDUP, x >= TARGET_SPEEDUP ? "MET" : "MISSED", x));
    } else {
      out.add("- gateway+state vs JDA without compression: not measured");
    }
    JsonObject stateZ = find(results, "gateway+state", "zlib-stream");
    JsonObject frames = find(results, "frames", "zlib-stream");
    if (stateZ != null && frames != null) {
      double x = dispatchRate(stateZ, "rate") / dispatchRate(frames, "rate");
      out.add(String.format(Locale.ROOT, "- gateway+state with zlib-stream at the simulator's emit ceiling (≥ %.0f%% of"
          + " the frame counter): %s (%.0f%%)", CEILING_FRACTION * 100, x >= CEILING_FRACTION ? "MET" : "MISSED",
          x * 100));
    } else {
      out.add("- gateway+state with zlib-stream vs the emit ceiling: not measured");
    }
    for (String c : new String[] {"none", "zlib-stream"}) {
      JsonObject s = find(results, "gateway+state", c);
      JsonObject j = find(results, "jda", c);
      if (s != null && j != null) {
        double x = (double) s.getLong("heapBytes") / j.getLong("heapBytes");
        out.add(String.format(Locale.ROOT, "- gateway+state heap ≤ %.0f%% of JDA's (%s): %s (%.0f%%)",
            TARGET_HEAP_FRACTION * 100, c, x <= TARGET_HEAP_FRACTION ? "MET" : "MISSED", x * 100));
      }
    }
    for (String[] t : new String[][] {{"gateway+state", "0.40"}, {"two-node", "0.60"}}) {
      for (String c : new String[] {"none", "zlib-stream"}) {
        JsonObject s = find(results, t[0], c);
        JsonObject j = find(results, "jda", c);
        if (s != null && j != null && cpuPerEvent(j) > 0) {
          double limit = Double.parseDouble(t[1]);
          double x = cpuPerEvent(s) / cpuPerEvent(j);
          double steady = cpuPerEventWithoutJit(s) / cpuPerEventWithoutJit(j);
          double half = secondHalfCpuPerEvent(j) > 0 ? secondHalfCpuPerEvent(s) / secondHalfCpuPerEvent(j) : 0;
          out.add(String.format(Locale.ROOT, "- %s CPU/event ≤ %.0f%% of JDA's (%s): %s (%.0f%%); without the JIT"
              + " compiler threads' CPU (a one-time cost): %s (%.0f%%, %s vs %s µs); over the second half of the"
              + " firehose: %s", t[0], limit * 100, c,
              x <= limit + 1e-9 ? "MET" : "MISSED", x * 100, steady <= limit + 1e-9 ? "MET" : "MISSED", steady * 100,
              micros(cpuPerEventWithoutJit(s)), micros(cpuPerEventWithoutJit(j)), half <= 0 ? "not measured"
                  : String.format(Locale.ROOT, "%s (%.0f%%, %s vs %s µs)", half <= limit + 1e-9 ? "MET" : "MISSED",
                      half * 100, micros(secondHalfCpuPerEvent(s)), micros(secondHalfCpuPerEvent(j)))));
        }
      }
    }
    out.addAll(floors(results));
    for (String c : new String[] {"none", "zlib-stream"}) {
      JsonObject f = find(results, "frames", c);
      JsonObject j = find(results, "jda", c);
      if (f != null && j != null) {
        double x = dispatchRate(f, "rate") / dispatchRate(j, "rate");
        out.add(String.format(Locale.ROOT, "- simulator emit ceiling (frames) ≥ %.0f× JDA events/s (%s): %s (%.2f×)",
            TARGET_CEILING, c, x >= TARGET_CEILING ? "MET" : "MISSED", x));
      }
    }
    return out;
  }

  /**
   * Each CPU target beside its floor ({@link Cases#FLOOR}, {@link Cases#FLOOR_TWO_NODE}: Vert.x's WebSocket client,
   * the inflater and, for two nodes, one TCP hop in batches, with nothing parsed): what the floor costs against JDA,
   * whether the target lies under it (then no client built that way can meet it), and how far cordbus is above it.
   */
  static List<String> floors(List<JsonObject> results) {
    List<String> out = new ArrayList<>();
    for (String[] t : new String[][] {{Cases.FLOOR, "gateway+state", "0.40"}, {Cases.FLOOR_TWO_NODE, Cases.TWO_NODE,
        "0.60"}}) {
      for (String c : new String[] {"none", "zlib-stream"}) {
        JsonObject f = find(results, t[0], c);
        JsonObject j = find(results, "jda", c);
        if (f == null || j == null || cpuPerEvent(j) <= 0) {
          continue;
        }
        double target = Double.parseDouble(t[2]) * cpuPerEvent(j);
        JsonObject s = find(results, t[1], c);
        out.add(String.format(Locale.ROOT, "- %s (%s): %s µs/event, %.0f%% of JDA's (2nd half %s µs), %.2f× its"
            + " events/s; the %s CPU target (%.0f%% of JDA's, %s µs) is %s this floor%s", t[0], c,
            micros(cpuPerEvent(f)), 100 * cpuPerEvent(f) / cpuPerEvent(j), micros(secondHalfCpuPerEvent(f)),
            dispatchRate(f, "rate") / dispatchRate(j, "rate"), t[1], Double.parseDouble(t[2]) * 100, micros(target),
            target < cpuPerEvent(f) ? "BELOW" : "above", s == null ? "" : String.format(Locale.ROOT,
                "; %s is at %s µs, %.2f× the floor", t[1], micros(cpuPerEvent(s)), cpuPerEvent(s) / cpuPerEvent(f))));
      }
    }
    return out;
  }

  /**
   * Dispatches per second: the client counts MESSAGE_CREATE only (a fixed share of the interleaved firehose), so its
   * rate is scaled by written dispatches / counted events; the frame counter counts every frame (scale 1).
   */
  static double dispatchRate(JsonObject r, String key) {
    double rate = r.getDouble(key, 0.0);
    long events = r.getLong("events", 0L);
    long written = r.getLong("written", 0L);
    return events > 0 && written > 0 ? rate * written / events : rate;
  }

  static JsonObject find(List<JsonObject> results, String kase, String compression) {
    for (JsonObject r : results) {
      if (kase.equals(r.getString("case")) && compression.equals(r.getString("compression"))
          && r.getDouble("rate", 0.0) > 0) {
        return r;
      }
    }
    return null;
  }

  private static String ratio(double a, double b) {
    return b <= 0 ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
  }
}
