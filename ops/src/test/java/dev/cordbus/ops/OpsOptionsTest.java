package dev.cordbus.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ops} options: defaults, environment overrides, and each bad value named in the message. */
class OpsOptionsTest {

  private static OpsOptions parse(String json, Map<String, String> env) {
    return OpsOptions.of(new JsonObject(json), env::get);
  }

  @Test
  void defaultsAreMetricsOnNoServerLoopback() {
    OpsOptions o = parse("{}", Map.of());
    assertTrue(o.metrics());
    assertNull(o.port());
    assertFalse(o.serves());
    assertEquals("127.0.0.1", o.host());
    assertFalse(o.console());
    assertEquals(1, o.minNodes());
  }

  @Test
  void environmentOverridesTheConfig() {
    OpsOptions o = parse("{\"ops\":{\"port\":9100,\"metrics\":true}}", Map.of("CORDBUS_OPS_PORT", "9200",
        "CORDBUS_METRICS", "off", "CORDBUS_CONSOLE", "true", "CORDBUS_MIN_NODES", "2"));
    assertEquals(9200, o.port());
    assertFalse(o.metrics());
    assertTrue(o.console());
    assertEquals(2, o.minNodes());
  }

  @Test
  void aConsoleOffLoopbackNeedsASecret() {
    OpsException e = assertThrows(OpsException.class, () -> parse(
        "{\"ops\":{\"port\":9100,\"console\":true,\"host\":\"0.0.0.0\"}}", Map.of()));
    assertTrue(e.getMessage().startsWith("invalid ops configuration: ops.secret:"), e.getMessage());
    OpsOptions o = parse("{\"ops\":{\"port\":9100,\"console\":true,\"host\":\"0.0.0.0\"}}",
        Map.of("CORDBUS_CONSOLE_SECRET", "0123456789abcdef0123"));
    assertEquals("0123456789abcdef0123", o.secret());
  }

  @Test
  void badValuesNameTheField() {
    assertField("ops.port:", "{\"ops\":{\"port\":70000}}");
    assertField("ops.port:", "{\"ops\":{\"port\":\"x\"}}");
    assertField("ops.metrics:", "{\"ops\":{\"metrics\":\"yes please\"}}");
    assertField("ops.minNodes:", "{\"ops\":{\"minNodes\":0}}");
    assertField("ops.console:", "{\"ops\":{\"console\":true}}");
    assertField("ops.prot:", "{\"ops\":{\"prot\":9100}}");
    assertField("ops.secret:", "{\"ops\":{\"secret\":\"short\"}}");
    assertField("ops:", "{\"ops\":9100}");
    // the shared rule for whole numbers (api OptionReader): 1.5 is rejected, not truncated to 1
    assertField("ops.minNodes: must be a whole number, was 1.5", "{\"ops\":{\"minNodes\":1.5}}");
    // every bad field in one message
    OpsException e = assertThrows(OpsException.class, () -> parse(
        "{\"ops\":{\"port\":-1,\"metrics\":1}}", Map.of()));
    assertTrue(e.getMessage().contains("ops.port: must be between 0 and 65535, was -1")
        && e.getMessage().contains("ops.metrics: must be true or false, was 1"), e.getMessage());
  }

  private static void assertField(String prefix, String json) {
    OpsException e = assertThrows(OpsException.class, () -> parse(json, Map.of()));
    assertTrue(e.getMessage().startsWith("invalid ops configuration: ")
        && e.getMessage().contains(prefix), e.getMessage());
  }
}
