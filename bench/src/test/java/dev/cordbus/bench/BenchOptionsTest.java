package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAndFlags() {
    BenchOptions d = BenchOptions.parse(new String[0]);
    assertEquals(BenchOptions.DEFAULT_CASES, d.cases());
    BenchOptions o = BenchOptions.parse(new String[] {"--guilds", "7", "--members", "9", "--events", "11",
        "--cases", "jda,gateway+state", "--compression", "none", "--heap", "512m"});
    assertEquals(7, o.guilds());
    assertEquals(9, o.members());
    assertEquals(11, o.events());
    assertEquals(List.of("jda", "gateway+state"), o.cases());
    assertEquals(List.of("none"), o.compressions());
    assertEquals("512m", o.heap());
    assertEquals(BenchOptions.DEFAULT_SIM_WARMUP, o.simWarmup());
    assertEquals("splice", o.simZlib());
    BenchOptions n = BenchOptions.parse(new String[] {"--cases", "two-node,discordjs", "--sim-warmup", "0",
        "--sim-zlib", "deflate"});
    assertEquals(List.of("two-node", "discordjs"), n.cases());
    assertEquals(0, n.simWarmup());
    assertEquals("deflate", n.simZlib());
    assertTrue(d.cases().containsAll(List.of("two-node", "discordjs", "jda", "frames")));
    assertEquals(List.of("none", "zlib-stream", "zstd-stream"), d.compressions(), "one run compares all three");
    assertEquals("-XX:+UseG1GC", d.gcFlag(), "G1 unless told");
    assertEquals("-XX:+UseZGC", BenchOptions.parse(new String[] {"--gc", "zgc"}).gcFlag());
    assertEquals(List.of("zstd-stream"), BenchOptions.parse(new String[] {"--compression", "zstd-stream"})
        .compressions());
    assertEquals(BenchOptions.DEFAULT_LATENCY_WARMUP, d.latencyWarmup(), "the latency run warms up by default");
    BenchOptions l = BenchOptions.parse(new String[] {"--cases", "none", "--latency-warmup", "0"});
    assertEquals(List.of(), l.cases(), "none: only the latency run");
    assertEquals(0, l.latencyWarmup(), "0: no warm-up phase, the first 5,000 excluded instead");
    assertEquals(0, d.rate(), "the firehose runs at full speed unless told");
    assertEquals(5000, BenchOptions.parse(new String[] {"--rate", "5000"}).rate());
    assertEquals(1, d.repeat(), "one run per case unless told");
    assertEquals(3, BenchOptions.parse(new String[] {"--repeat", "3"}).repeat());
    assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--repeat", "0"}));
    assertTrue(!d.vertxMetrics(), "Vert.x's metrics off unless told");
    assertTrue(BenchOptions.parse(new String[] {"--vertx-metrics", "true"}).vertxMetrics());
  }

  @Test
  void badValuesNameTheFlag() {
    BenchException e = assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--events", "0"}));
    assertTrue(e.getMessage().startsWith("--events"), e.getMessage());
    assertEquals(BenchException.Kind.BAD_ARGUMENT, e.kind());
    for (String flag : new String[] {"--vertx-metrics", "--profile"}) {
      BenchException typo = assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {flag, "ture"}));
      assertTrue(typo.getMessage().startsWith(flag) && typo.getMessage().contains("true or false"), typo.getMessage());
    }
    assertTrue(assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--cases", "discord4j"}))
        .getMessage().contains("discord4j"));
    assertTrue(assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--compression", "zstd"}))
        .getMessage().startsWith("--compression"));
    assertTrue(assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--heap", "lots"}))
        .getMessage().startsWith("--heap"));
    assertTrue(assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--sim-zlib", "zstd"}))
        .getMessage().startsWith("--sim-zlib"));
    assertTrue(assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--cases", "two-node-bot"}))
        .getMessage().contains("two-node-bot"), "the bot JVM of two-node is not a case of its own");
    assertTrue(assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--gc", "cms"}))
        .getMessage().startsWith("--gc"));
    assertTrue(assertThrows(BenchException.class, () -> BenchOptions.parse(new String[] {"--latency-warmup", "-1"}))
        .getMessage().startsWith("--latency-warmup"));
  }
}
