package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pure formatting of the latency runs: one row per (run, node) and the verdict on the p99 targets. */
public final class LatencyTable {

  /** Same-node p99 target, ms. */
  public static final double SAME_NODE_P99_MS = 2.0;
  /** Cross-node p99 target, ms. */
  public static final double OTHER_NODE_P99_MS = 10.0;

  private LatencyTable() {
  }

  /** Markdown table of the latency results ({@code extra.sameNode}, {@code extra.otherNode}). */
  public static String table(List<JsonObject> results) {
    StringBuilder b = new StringBuilder("| handler | events measured | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) "
        + "| GC pauses in this JVM (n / total / max ms) | this JVM's CPU while measured, cores: JIT / GC / rest |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows(results)) {
      JsonObject s = r.summary;
      b.append(String.format(Locale.ROOT, "| %s | %,d | %.3f | %.3f | %.3f | %.3f | %d / %.1f / %.1f | %s |%n",
          r.label, s.getInteger("count", 0), s.getDouble("p50Ms", 0.0), s.getDouble("p99Ms", 0.0),
          s.getDouble("p999Ms", 0.0), s.getDouble("maxMs", 0.0), s.getInteger("gcPauses", 0),
          s.getDouble("gcPauseTotalMs", 0.0), s.getDouble("gcPauseMaxMs", 0.0), cores(s.getJsonObject("cpu"))));
    }
    return b.toString();
  }

  /** {@code "0.52 / 0.01 / 0.31"} from a summary's {@code cpu}, or "–" when it was not measured. */
  static String cores(JsonObject cpu) {
    if (cpu == null) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", cpu.getDouble("jitCores", 0.0),
        cpu.getDouble("gcCores", 0.0), cpu.getDouble("otherCores", 0.0));
  }

  /** MET / MISSED for the same-node (plain Vert.x) and the other-node p99. */
  public static List<String> verdicts(List<JsonObject> results) {
    List<String> out = new ArrayList<>();
    for (Row r : rows(results)) {
      double limit = r.otherNode ? OTHER_NODE_P99_MS : SAME_NODE_P99_MS;
      double p99 = r.summary.getDouble("p99Ms", Double.NaN);
      out.add(String.format(Locale.ROOT, "- %s p99 < %.0f ms: %s (%.3f ms)", r.label, limit,
          p99 < limit ? "MET" : "MISSED", p99));
    }
    return out;
  }

  private record Row(String label, JsonObject summary, boolean otherNode) {
  }

  private static List<Row> rows(List<JsonObject> results) {
    List<Row> rows = new ArrayList<>();
    for (JsonObject r : results) {
      JsonObject extra = r.getJsonObject("extra", new JsonObject());
      boolean cluster = "latency-cluster".equals(r.getString("case"));
      if (extra.containsKey("sameNode")) {
        rows.add(new Row(cluster ? "same node, clustered Vert.x" : "same node, plain Vert.x",
            extra.getJsonObject("sameNode"), false));
      }
      if (extra.containsKey("otherNode")) {
        rows.add(new Row("other node (separate JVM, over the dispatch stream)", extra.getJsonObject("otherNode"), true));
      }
    }
    return rows;
  }
}
