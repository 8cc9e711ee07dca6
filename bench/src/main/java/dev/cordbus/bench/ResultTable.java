package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure formatting of the run's results: the markdown comparison table (ratios to the JDA row of the same compression)
 * and the verdict on each target. No I/O, unit-tested.
 */
public final class ResultTable {

  /** Gateway + state must handle at least this many times JDA's events/s without compression. */
  public static final double TARGET_SPEEDUP = 2.0;
  /** Gateway + state heap must be at most this fraction of JDA's. */
  public static final double TARGET_HEAP_FRACTION = 0.5;
  /** With zlib-stream, "at the ceiling" = at least this fraction of the frame counter's rate. */
  public static final double CEILING_FRACTION = 0.9;

  private ResultTable() {
  }

  /** The table; one row per result, in the given order. */
  public static String table(List<JsonObject> results) {
    StringBuilder b = new StringBuilder();
    b.append("| case | compression | dispatches/s (whole run) | dispatches/s (2nd half) | × JDA | time to ready (ms)"
        + " | guilds cached | members cached | heap after GC (MiB) | × JDA heap | CPU s (firehose) | CPU s (process)"
        + " | CPU µs/event |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonObject r : results) {
      JsonObject jda = find(results, "jda", r.getString("compression"));
      JsonObject cached = r.getJsonObject("cached", new JsonObject());
      double cpu = r.getDouble("cpuRunSeconds", 0.0);
      long events = r.getLong("events", 0L);
      b.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %s | %,d | %s | %s | %.1f | %s | %.2f | %.2f | %s |%n",
          r.getString("case"), r.getString("compression"), dispatchRate(r, "rate"), dispatchRate(r, "rate2"),
          jda == null ? "–" : ratio(dispatchRate(r, "rate"), dispatchRate(jda, "rate")),
          r.getLong("readyMs", 0L), cached.containsKey("guilds") ? String.format(Locale.ROOT, "%,d",
              cached.getLong("guilds")) : "n/a",
          cached.containsKey("members") ? String.format(Locale.ROOT, "%,d", cached.getLong("members")) : "n/a",
          r.getLong("heapBytes", 0L) / 1048576.0,
          jda == null ? "–" : ratio(r.getLong("heapBytes", 0L), jda.getLong("heapBytes", 0L)), cpu,
          r.getDouble("cpuTotalSeconds", 0.0),
          events == 0 ? "–" : String.format(Locale.ROOT, "%.1f", cpu * 1e6 / events)));
    }
    return b.toString();
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
