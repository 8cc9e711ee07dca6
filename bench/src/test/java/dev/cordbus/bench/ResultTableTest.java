package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  private static JsonObject row(String kase, String compression, double rate, long heap) {
    return new JsonObject().put("case", kase).put("compression", compression).put("events", 850L)
        .put("written", 1000L).put("rate", rate).put("rate2", rate).put("readyMs", 100L).put("heapBytes", heap)
        .put("cpuRunSeconds", 1.0).put("cpuTotalSeconds", 2.0)
        .put("cached", kase.equals("frames") ? new JsonObject() : new JsonObject().put("guilds", 3).put("members", 30));
  }

  @Test
  void ratiosAreToTheJdaRowOfTheSameCompression() {
    List<JsonObject> rs = List.of(row("gateway+state", "none", 850, 50L << 20), row("jda", "none", 425, 100L << 20),
        row("gateway+state", "zlib-stream", 850, 60L << 20), row("jda", "zlib-stream", 850, 100L << 20));
    String t = ResultTable.table(rs);
    String[] lines = t.split("\n");
    assertEquals(6, lines.length);
    assertTrue(lines[2].contains("| 1,000 | 1,000 | 2.00 |"), lines[2]);
    assertTrue(lines[2].contains("| 50.0 | 0.50 |"), lines[2]);
    assertTrue(lines[4].contains("| 1.00 |"), lines[4]);
    assertTrue(lines[4].contains("| 60.0 | 0.60 |"), lines[4]);
  }

  @Test
  void verdictsSayMetOrMissedWithTheFigure() {
    List<JsonObject> rs = List.of(row("gateway+state", "none", 850, 50L << 20), row("jda", "none", 425, 100L << 20),
        row("frames", "zlib-stream", 1000, 10L << 20), row("gateway+state", "zlib-stream", 425, 60L << 20),
        row("jda", "zlib-stream", 425, 100L << 20));
    List<String> v = ResultTable.verdicts(rs);
    assertTrue(v.get(0).contains("MET (2.00×)"), v.get(0));
    // frames: 1000 frames/s (no scaling: events 850 of written 1000 → scaled to 1176); state: 425 → 500
    assertTrue(v.get(1).contains("MISSED"), v.get(1));
    assertTrue(v.get(2).contains("MET (50%)"), v.get(2));
    assertTrue(v.get(3).contains("MISSED (60%)"), v.get(3));
  }

  @Test
  void cpuPerEventIsComparedToJdaAndDiscordjsAndTwoNodeShowsBothJvms() {
    JsonObject twoNode = row("two-node", "none", 850, 40L << 20).put("cpuRunSeconds", 0.3)
        .put("parts", new JsonObject().put("gateway", new JsonObject().put("cpuRunSeconds", 0.1)
                .put("memory", new JsonObject().put("allocatedBytes", 500_000L).put("minorFaults", 100L)))
            .put("bot", new JsonObject().put("cpuRunSeconds", 0.2)
                .put("memory", new JsonObject().put("allocatedBytes", 4_500_000L).put("minorFaults", 900L))))
        .put("memory", new JsonObject().put("allocatedBytes", 5_000_000L).put("minorFaults", 1_000L))
        .put("simCpuSeconds", 0.005).put("loadStart", 1.5).put("loadEnd", 2.25)
        .put("threads", new JsonObject().put("jitSeconds", 0.05).put("gcSeconds", 0.01).put("otherSeconds", 0.24))
        .put("half", new JsonObject().put("events", 425L).put("cpuSeconds", 0.05));
    List<JsonObject> rs = List.of(twoNode, row("jda", "none", 425, 100L << 20).put("cpuRunSeconds", 0.2)
            .put("half", new JsonObject().put("events", 425L).put("cpuSeconds", 0.025)),
        row("discordjs", "none", 425, 10L << 20).put("cpuRunSeconds", 0.6));
    String[] lines = ResultTable.table(rs).split("\n");
    String[] cells = lines[2].split("\\|");
    assertEquals("300.0", cells[13].trim(), "0.3 s over 1,000 dispatches written");
    assertEquals("1.50", cells[14].trim(), "× JDA (200 µs)");
    assertEquals("0.50", cells[15].trim(), "× discord.js (600 µs)");
    assertEquals("100.0", cells[16].trim(), "2nd half: 0.05 s over 425 of 850 counted = 500 of 1,000 dispatches");
    assertEquals("2.00", cells[17].trim(), "2nd half × JDA (50 µs)");
    assertEquals("–", cells[18].trim(), "discord.js has no 2nd-half figure here");
    assertEquals("gateway 100.0 + bot 200.0", cells[19].trim());
    assertEquals("50.0 / 10.0 / 240.0", cells[20].trim(), "JIT / GC / rest per dispatch");
    assertEquals("5,000 (gateway 500 + bot 4,500)", cells[21].trim(), "heap bytes allocated per dispatch written");
    assertEquals("1000.0", cells[22].trim(), "page faults per 1,000 dispatches written");
    assertEquals("5.0", cells[23].trim(), "simulator CPU per dispatch");
    assertEquals("1.50 → 2.25", cells[24].trim());
    assertTrue(lines[3].contains("| – |"), "one-process rows have no split");
    assertEquals("–", lines[3].split("\\|")[21].trim(), "no allocation measured for JDA here");
  }

  @Test
  void wireBytesAreShownPerRowAndCompressionsSideBySide() {
    List<JsonObject> rs = List.of(
        row("gateway+state", "none", 850, 50L << 20).put("wireBytes", 1_400_000L),
        row("gateway+state", "zlib-stream", 850, 50L << 20).put("wireBytes", 300_000L).put("cpuRunSeconds", 0.02),
        row("gateway+state", "zstd-stream", 850, 50L << 20).put("wireBytes", 240_000L).put("cpuRunSeconds", 0.015),
        row("jda", "none", 425, 100L << 20));
    String[] lines = ResultTable.table(rs).split("\n");
    String[] cells = lines[4].split("\\|");
    assertEquals("zstd-stream", cells[2].trim());
    assertEquals("0.2", cells[25].trim(), "240,000 bytes = 0.2 MB");
    assertEquals("240", cells[26].trim(), "per dispatch written (1,000)");
    assertTrue(lines[5].endsWith("| – | – |"), "no wire figure: " + lines[5]);
    List<String> c = ResultTable.compressions(rs);
    assertEquals(4, c.size(), c.toString());
    assertTrue(c.get(2).contains("zstd-stream: 1,000 events/s, 15.0 CPU µs/event, 0.2 MB on the wire (240 bytes"),
        c.get(2));
    assertTrue(c.get(3).contains("CPU µs/event 0.75, wire bytes 0.80"), c.get(3));
  }

  @Test
  void cpuTargetsAreJudgedWithAndWithoutTheJitCompilersCpu() {
    List<JsonObject> rs = List.of(
        row("gateway+state", "none", 850, 1).put("cpuRunSeconds", 0.05)
            .put("threads", new JsonObject().put("jitSeconds", 0.03)),
        row("jda", "none", 425, 1).put("cpuRunSeconds", 0.10)
            .put("threads", new JsonObject().put("jitSeconds", 0.05)));
    String line = ResultTable.verdicts(rs).stream().filter(l -> l.contains("CPU/event")).findFirst().orElseThrow();
    assertTrue(line.contains("≤ 40% of JDA's (none): MISSED (50%)"), line);
    assertTrue(line.contains("one-time cost): MET (40%, 20.0 vs 50.0 µs)"), line);
    assertTrue(line.endsWith("over the second half of the firehose: not measured"), line);
    List<JsonObject> halves = List.of(rs.get(0).copy().put("half", new JsonObject().put("events", 425L)
        .put("cpuSeconds", 0.015)), rs.get(1).copy().put("half", new JsonObject().put("events", 425L)
        .put("cpuSeconds", 0.025)));
    line = ResultTable.verdicts(halves).stream().filter(l -> l.contains("CPU/event")).findFirst().orElseThrow();
    assertTrue(line.endsWith("over the second half of the firehose: MISSED (60%, 30.0 vs 50.0 µs)"), line);
  }

  @Test
  void theEmitCeilingIsJudgedAgainstJda() {
    List<String> v = ResultTable.verdicts(List.of(row("frames", "none", 4000, 1).put("events", 1000L),
        row("jda", "none", 850, 1)));
    assertTrue(v.stream().anyMatch(l -> l.contains("emit ceiling") && l.contains("MISSED")), v.toString());
    v = ResultTable.verdicts(List.of(row("frames", "none", 5000, 1).put("events", 1000L), row("jda", "none", 850, 1)));
    assertTrue(v.stream().anyMatch(l -> l.contains("emit ceiling") && l.contains("MET (5.00×)")), v.toString());
  }

  @Test
  void missingRowsAreReportedAsNotMeasured() {
    List<String> v = ResultTable.verdicts(List.of(row("jda", "none", 10, 1)));
    assertTrue(v.get(0).contains("not measured"));
    assertTrue(v.get(1).contains("not measured"));
  }

  @Test
  void aTargetUnderItsFloorIsSaidBelowAndCordbusIsSetAgainstTheFloor() {
    // JDA 1.0 s over 1,000 dispatches = 1,000 µs; the floor 0.5 s = 500 µs (50 %): 40 % (400 µs) lies below it
    List<JsonObject> rs = List.of(row("jda", "none", 425, 1),
        row(Cases.FLOOR, "none", 850, 1).put("cpuRunSeconds", 0.5),
        row("gateway+state", "none", 425, 1).put("cpuRunSeconds", 0.75),
        row(Cases.FLOOR_TWO_NODE, "none", 850, 1).put("cpuRunSeconds", 0.55));
    List<String> v = ResultTable.floors(rs);
    assertEquals(2, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("- floor (none): 500.0 µs/event, 50% of JDA's"), v.get(0));
    assertTrue(v.get(0).contains("2.00× its events/s"), v.get(0));
    assertTrue(v.get(0).contains("the gateway+state CPU target (40% of JDA's, 400.0 µs) is BELOW this floor;"
        + " gateway+state is at 750.0 µs, 1.50× the floor"), v.get(0));
    // 60 % (600 µs) is above a floor of 550 µs; no two-node row: no comparison
    assertTrue(v.get(1).contains("the two-node CPU target (60% of JDA's, 600.0 µs) is above this floor"), v.get(1));
    assertTrue(!v.get(1).contains("the floor;") && !v.get(1).contains("× the floor"), v.get(1));
    assertTrue(ResultTable.verdicts(rs).containsAll(v), "the floors are among the verdicts");
  }

  @Test
  void ofRepeatedRunsTheMedianRunIsReportedWithEveryRunBesideIt() {
    JsonObject a = row("two-node", "none", 850, 40L << 20).put("cpuRunSeconds", 0.024).put("heapBytes", 1L);
    JsonObject b = row("two-node", "none", 800, 40L << 20).put("cpuRunSeconds", 0.030).put("heapBytes", 2L);
    JsonObject c = row("two-node", "none", 900, 40L << 20).put("cpuRunSeconds", 0.022).put("heapBytes", 3L)
        .put("half", new JsonObject().put("events", 425L).put("cpuSeconds", 0.0075));
    JsonObject m = ResultTable.median(List.of(a, b, c));
    assertEquals(1L, m.getLong("heapBytes"), "the middle run by CPU (24 of 22, 24, 30 µs), all its figures");
    assertEquals(3, m.getJsonArray("runs").size());
    List<String> lines = ResultTable.repeats(List.of(m));
    assertEquals(List.of("- two-node (none), median 24.0: CPU µs/event 24.0 / 30.0 / 22.0; 2nd half – / – / 15.0;"
        + " events/s 1,000 / 941 / 1,059"), lines);
    assertEquals(1L, ResultTable.median(List.of(b, a)).getLong("heapBytes"), "two runs: the lower of the two");
    assertSame(a, ResultTable.median(List.of(a)), "one run is reported as it is");
    assertTrue(ResultTable.repeats(List.of(a)).isEmpty());
  }
}
