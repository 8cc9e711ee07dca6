package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TwoNodeRunTest {

  @Test
  void theCpuOfBothJvmsIsSummedAndReadinessTimedFromTheGatewaysDeployment() {
    JsonObject bot = new JsonObject().put("case", "two-node-bot").put("events", 850L).put("cpuRunSeconds", 1.5)
        .put("cpuTotalSeconds", 4.0).put("heapBytes", 30L << 20).put("readyMs", 9000L)
        .put("extra", new JsonObject().put("readyAtMs", 10_700L));
    JsonObject gateway = new JsonObject().put("cpuRunSeconds", 0.5).put("cpuTotalSeconds", 3.0)
        .put("heapBytes", 20L << 20);
    JsonObject r = TwoNodeRun.combine(bot, gateway, 10_000L, 600L);
    assertEquals("two-node", r.getString("case"));
    assertEquals(2.0, r.getDouble("cpuRunSeconds"), 1e-9);
    assertEquals(7.0, r.getDouble("cpuTotalSeconds"), 1e-9);
    assertEquals(700L, r.getLong("readyMs"));
    assertEquals(30L << 20, r.getLong("heapBytes"), "heap after GC of the bot node");
    assertEquals(0.5, r.getJsonObject("parts").getJsonObject("gateway").getDouble("cpuRunSeconds"), 1e-9);
    assertEquals(1.5, r.getJsonObject("parts").getJsonObject("bot").getDouble("cpuRunSeconds"), 1e-9);
    assertEquals(600L, r.getJsonObject("extra").getLong("handshakeMs"));
  }

  @Test
  void nodeHeapLimitFollowsTheJvmFlag() {
    assertEquals(1024, NodeClient.heapMiB("1g"));
    assertEquals(256, NodeClient.heapMiB("256m"));
    assertEquals(256, NodeClient.heapMiB("262144k"));
  }
}
