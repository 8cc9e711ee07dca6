package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TwoNodeRunTest {

  @Test
  void theCpuOfBothJvmsIsSummedAndReadinessTimedFromTheGatewaysDeployment() {
    JsonObject bot = new JsonObject().put("case", "two-node-bot").put("events", 850L).put("cpuRunSeconds", 1.5)
        .put("cpuTotalSeconds", 4.0).put("heapBytes", 30L << 20).put("readyMs", 9000L)
        .put("extra", new JsonObject().put("readyAtMs", 10_700L))
        .put("memory", new JsonObject().put("allocatedBytes", 4_000L).put("minorFaults", 40L))
        .put("threads", new JsonObject().put("jitSeconds", 1.0).put("gcSeconds", 0.1).put("otherSeconds", 0.4));
    JsonObject gateway = new JsonObject().put("cpuRunSeconds", 0.5).put("cpuTotalSeconds", 3.0)
        .put("heapBytes", 20L << 20)
        .put("memory", new JsonObject().put("allocatedBytes", 1_000L).put("minorFaults", 9))
        .put("threads", new JsonObject().put("jitSeconds", 0.5).put("gcSeconds", 0.0).put("otherSeconds", 0.1));
    JsonObject r = TwoNodeRun.combine(Cases.TWO_NODE, bot, gateway, 10_000L, 600L);
    assertEquals("two-node", r.getString("case"));
    assertEquals(2.0, r.getDouble("cpuRunSeconds"), 1e-9);
    assertEquals(7.0, r.getDouble("cpuTotalSeconds"), 1e-9);
    assertEquals(700L, r.getLong("readyMs"));
    assertEquals(30L << 20, r.getLong("heapBytes"), "heap after GC of the bot node");
    assertEquals(0.5, r.getJsonObject("parts").getJsonObject("gateway").getDouble("cpuRunSeconds"), 1e-9);
    assertEquals(1.5, r.getJsonObject("parts").getJsonObject("bot").getDouble("cpuRunSeconds"), 1e-9);
    assertEquals(600L, r.getJsonObject("extra").getLong("handshakeMs"));
    assertEquals(new JsonObject().put("jitSeconds", 1.5).put("gcSeconds", 0.1).put("otherSeconds", 0.5),
        r.getJsonObject("threads"), "both JVMs' thread CPU");
    assertEquals(new JsonObject().put("allocatedBytes", 5_000L).put("minorFaults", 49L), r.getJsonObject("memory"),
        "both JVMs' heap allocation and page faults");
    assertEquals(1_000L, r.getJsonObject("parts").getJsonObject("gateway").getJsonObject("memory")
        .getLong("allocatedBytes"));
    assertEquals(null, r.getValue("half"), "no second half measured");
  }

  @Test
  void theSecondHalfAddsTheGatewaysCpuInTheBotsWindow() {
    JsonObject half = new JsonObject().put("fromNanos", 5L).put("toNanos", 9L).put("events", 400L)
        .put("cpuSeconds", 0.4);
    JsonObject bot = new JsonObject().put("events", 850L).put("half", half);
    JsonObject r = TwoNodeRun.combine(Cases.TWO_NODE, bot, new JsonObject().put("halfCpuSeconds", 0.1), 0L, 0L);
    assertEquals(0.5, r.getJsonObject("half").getDouble("cpuSeconds"), 1e-9);
    assertEquals(400L, r.getJsonObject("half").getLong("events"));
    assertEquals(0.1, r.getJsonObject("half").getDouble("gatewayCpuSeconds"), 1e-9);
    assertEquals(null, TwoNodeRun.combine(Cases.TWO_NODE, bot, new JsonObject().put("halfCpuSeconds", -1.0), 0L, 0L)
        .getValue("half"), "the gateway's trace did not cover the window: no figure rather than half of one");
  }

  @Test
  void theGatewaysFlowFiguresReachTheReport() {
    JsonObject gateway = new JsonObject().put("flow", new JsonObject().put("pauses", 1234L).put("pausedSeconds", 2.5));
    JsonObject r = TwoNodeRun.combine(Cases.TWO_NODE, new JsonObject().put("compression", "none"), gateway, 0L, 0L);
    assertEquals(java.util.List.of("- two-node (none): 1,234 pauses, 2.50 s paused"),
        BenchMain.flowLines(java.util.List.of(r, new JsonObject().put("case", "jda").put("compression", "none"))));
  }

  @Test
  void aOneJvmCasesFlowFiguresReachTheReportToo() {
    JsonObject r = new JsonObject().put("case", "gateway+state").put("compression", "zlib-stream").put("extra",
        new JsonObject().put("flow", new JsonObject().put("pauses", 7L).put("pausedSeconds", 0.25)));
    assertEquals(java.util.List.of("- gateway+state (zlib-stream): 7 pauses, 0.25 s paused"),
        BenchMain.flowLines(java.util.List.of(r)));
  }

  @Test
  void nodeHeapLimitFollowsTheJvmFlag() {
    assertEquals(1024, NodeClient.heapMiB("1g"));
    assertEquals(256, NodeClient.heapMiB("256m"));
    assertEquals(256, NodeClient.heapMiB("262144k"));
  }
}
