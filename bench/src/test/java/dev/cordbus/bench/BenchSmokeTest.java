package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness with small numbers: simulator and clients in child JVMs, cordbus gateway + state and JDA, no
 * compression. Proves that both rows are measured (every MESSAGE_CREATE counted, the world cached) and the report
 * written.
 */
class BenchSmokeTest {

  @Test
  void gatewayStateAndJdaRowsAreMeasuredAndWritten(@TempDir Path out) throws Exception {
    BenchOptions o = BenchOptions.parse(new String[] {"--guilds", "3", "--members", "10", "--events", "1000",
        "--cases", "gateway+state,jda", "--compression", "none", "--heap", "256m", "--latency-events", "0", "--out", out.toString()});
    String report = BenchMain.run(o);
    assertTrue(Files.readString(out.resolve("latest.md")).equals(report));
    assertTrue(!report.contains("Failed runs"), report);
    String[] rows = report.lines().filter(l -> l.startsWith("| gateway+state") || l.startsWith("| jda"))
        .toArray(String[]::new);
    assertEquals(2, rows.length, report);
    for (String row : rows) {
      String[] cells = row.split("\\|");
      assertEquals("3", cells[7].trim(), row);
      assertEquals("30", cells[8].trim(), row);
    }
    assertTrue(report.contains("JDA heap") || report.contains("× JDA heap"));
  }
}
