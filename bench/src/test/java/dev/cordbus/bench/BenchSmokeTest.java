package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness with small numbers: simulator and clients in child processes. Proves that the rows are measured
 * (every MESSAGE_CREATE counted, the world cached) and the report written: cordbus gateway + state and JDA; the
 * two-node case (two clustered JVMs, both CPUs summed); the discordjs case (Node.js, zlib-stream through zlib-sync,
 * so the simulator's spliced zlib stream is read by a third inflater). Each is bounded by its own timeout.
 */
class BenchSmokeTest {

  private static String run(Path out, String cases, String compression) throws Exception {
    BenchOptions o = BenchOptions.parse(new String[] {"--guilds", "3", "--members", "10", "--events", "1000",
        "--cases", cases, "--compression", compression, "--heap", "256m", "--latency-events", "0",
        "--sim-warmup", "500", "--out", out.toString()});
    String report = BenchMain.run(o);
    assertTrue(Files.readString(out.resolve("latest.md")).equals(report));
    assertTrue(!report.contains("Failed runs"), report);
    return report;
  }

  /** The cells of the rows of {@code kase}, checked for the 3 × 10 world. */
  private static String[] rows(String report, String kase, int expected) {
    String[] rows = report.lines().filter(l -> l.startsWith("| " + kase + " |")).toArray(String[]::new);
    assertEquals(expected, rows.length, report);
    for (String row : rows) {
      String[] cells = row.split("\\|");
      assertEquals("3", cells[7].trim(), row);
      assertEquals("30", cells[8].trim(), row);
      assertTrue(!cells[13].trim().equals("–"), "CPU µs/event measured: " + row);
    }
    return rows;
  }

  /** Two cases, four JVMs: 25 s on a quiet machine, up to a minute at a load average of 15-20 on two cores. */
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void gatewayStateAndJdaRowsAreMeasuredAndWritten(@TempDir Path out) throws Exception {
    String report = run(out, "gateway+state,jda", "none");
    rows(report, "gateway+state", 1);
    rows(report, "jda", 1);
    assertTrue(report.contains("× JDA heap"));
  }

  /**
   * The latency run alone ({@code --cases none}), small: a warm-up phase the three handlers drain, then a measured
   * phase of which every MESSAGE_CREATE is timed (about 85 % of 1,000 dispatches in each row: none of the warm-up
   * phase's, none lost), on the same node (plain and clustered Vert.x) and on the bot node's JVM.
   */
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void latencyRunMeasuresOnlyTheMeasuredPhaseOnEveryNode(@TempDir Path out) throws Exception {
    BenchOptions o = BenchOptions.parse(new String[] {"--guilds", "3", "--members", "10", "--cases", "none",
        "--heap", "256m", "--latency-events", "1000", "--latency-rate", "1000", "--latency-warmup", "1000",
        "--sim-warmup", "500", "--out", out.toString()});
    String report = BenchMain.run(o);
    assertTrue(!report.contains("Failed runs"), report);
    assertTrue(report.contains("after a warm-up phase of 1000 dispatches"), report);
    for (String row : new String[] {"same node, plain Vert.x", "same node, clustered Vert.x",
        "other node (separate JVM, over the dispatch stream)"}) {
      String line = report.lines().filter(l -> l.startsWith("| " + row + " |")).findFirst().orElseThrow(
          () -> new AssertionError("no row " + row + ": " + report));
      int measured = Integer.parseInt(line.split("\\|")[2].trim().replace(",", ""));
      assertTrue(measured > 700 && measured < 1000, "the measured phase's MESSAGE_CREATE only: " + line);
    }
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void twoNodeRowSumsTheCpuOfBothJvms(@TempDir Path out) throws Exception {
    String row = rows(run(out, "two-node", "none"), "two-node", 1)[0];
    assertTrue(row.matches(".*\\| gateway [0-9.]+ \\+ bot [0-9.]+ \\|.*"), row);
  }

  /**
   * zstd-stream: the frame counter and the gateway (with the state verticle) read the simulator's zstd stream, the bytes on the wire are
   * measured, and JDA (no zstd-stream) is skipped with the reason in the report rather than failed.
   */
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void zstdStreamRowsAreMeasuredWithTheirWireBytes(@TempDir Path out) throws Exception {
    String report = run(out, "frames,gateway+state,jda", "zstd-stream");
    String gateway = rows(report, "gateway+state", 1)[0];
    String[] cells = gateway.split("\\|");
    assertEquals("zstd-stream", cells[2].trim(), gateway);
    assertTrue(Double.parseDouble(cells[26].trim().replace(",", "")) > 20, "wire bytes per dispatch: " + gateway);
    assertTrue(cells[20].trim().matches("[0-9.–]+ / [0-9.–]+ / [0-9.]+"), "JIT / GC / rest of the JVM: " + gateway);
    assertTrue(Double.parseDouble(cells[21].trim().replace(",", "")) > 100,
        "a 1.4 KB dispatch cannot be read and cached without allocating: " + gateway);
    assertTrue(Double.parseDouble(cells[22].trim()) >= 0, "page faults per 1,000 dispatches: " + gateway);
    String frames = report.lines().filter(l -> l.startsWith("| frames |")).findFirst().orElseThrow();
    assertTrue(!frames.split("\\|")[3].trim().equals("0"), "the frame counter read the zstd stream: " + frames);
    assertEquals(0, report.lines().filter(l -> l.startsWith("| jda |")).count(), report);
    assertTrue(report.contains(Cases.NO_ZSTD), report);
    assertTrue(report.contains("- gateway+state, zstd-stream: "), report);
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void discordjsRowIsMeasuredOverZlibStream(@TempDir Path out) throws Exception {
    rows(run(out, "discordjs", "zlib-stream"), "discordjs", 1);
  }

  /**
   * The floors under zlib-stream: Vert.x's WebSocket client inflating the simulator's stream in one JVM, and the same
   * forwarding the bytes to a second clustered JVM: both rows are measured and written, two-node with both JVMs.
   */
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void floorRowsAreMeasuredOverZlibStream(@TempDir Path out) throws Exception {
    String report = run(out, Cases.FLOOR + "," + Cases.FLOOR_TWO_NODE, "zlib-stream");
    for (String kase : new String[] {Cases.FLOOR, Cases.FLOOR_TWO_NODE}) {
      String row = report.lines().filter(l -> l.startsWith("| " + kase + " |")).findFirst()
          .orElseThrow(() -> new AssertionError("no " + kase + " row: " + report));
      String[] cells = row.split("\\|");
      assertTrue(!cells[13].trim().equals("–"), "CPU µs/event measured: " + row);
      assertTrue(Double.parseDouble(cells[3].trim().replace(",", "")) > 0, "events/s: " + row);
    }
    assertTrue(report.lines().anyMatch(l -> l.startsWith("| " + Cases.FLOOR_TWO_NODE + " |")
        && l.matches(".*\\| gateway [0-9.]+ \\+ bot [0-9.]+ \\|.*")), report);
  }
}
