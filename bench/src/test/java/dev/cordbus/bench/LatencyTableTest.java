package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The latency table shows each JVM's CPU while it was measured, and "–" where it was not. */
class LatencyTableTest {

  @Test
  void eachRowShowsItsJvmsCoresWhileMeasured() {
    JsonObject same = new JsonObject().put("count", 100).put("p50Ms", 0.2).put("p99Ms", 2.5)
        .put("cpu", new JsonObject().put("jitCores", 0.48).put("gcCores", 0.013).put("otherCores", 0.31));
    JsonObject other = new JsonObject().put("count", 100).put("p50Ms", 0.5).put("p99Ms", 6.0);
    JsonObject cluster = new JsonObject().put("case", "latency-cluster")
        .put("extra", new JsonObject().put("sameNode", same).put("otherNode", other));
    String table = LatencyTable.table(List.of(cluster));
    String[] lines = table.split("\n");
    assertTrue(lines[0].endsWith("| this JVM's CPU while measured, cores: JIT / GC / rest |"), lines[0]);
    assertEquals(lines[0].split("\\|").length, lines[1].split("\\|").length, "one alignment cell per column");
    assertTrue(lines[2].startsWith("| same node, clustered Vert.x | 100 |"), lines[2]);
    assertTrue(lines[2].endsWith("| 0.48 / 0.01 / 0.31 |"), lines[2]);
    assertTrue(lines[3].endsWith("| – |"), "not measured: " + lines[3]);
    assertEquals(List.of("- same node, clustered Vert.x p99 < 2 ms: MISSED (2.500 ms)",
        "- other node (separate JVM, over the dispatch stream) p99 < 10 ms: MET (6.000 ms)"),
        LatencyTable.verdicts(List.of(cluster)));
  }

  @Test
  void aSummaryAfterStartNowCarriesTheCpuSplit() throws Exception {
    Latencies l = new Latencies(16, -1);
    l.startNow();
    long spin = System.nanoTime() + 50_000_000;
    long x = 0;
    while (System.nanoTime() < spin) {
      x += System.nanoTime() & 1;
    }
    l.add(1, System.nanoTime());
    JsonObject cpu = l.summary().getJsonObject("cpu");
    assertTrue(cpu != null && cpu.getDouble("seconds") >= 0.05, "measured over the phase: " + cpu + x);
    assertTrue(cpu.getDouble("jitCores") >= 0 && cpu.getDouble("otherCores") >= 0, cpu.encode());
    assertEquals(null, new Latencies(16, 0).summary().getJsonObject("cpu"), "count mode: no phase start, no cpu");
  }
}
