package dev.cordbus.state.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fast id reader: today's 19-digit snowflakes take it; anything it cannot read exactly is left to the parser. */
class JsonSkipIdTest {

  private static long id(String json) {
    byte[] a = ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
    return JsonSkip.id(a, 1, a.length - 1);
  }

  @Test
  void readsQuotedAndBareSnowflakesOfEveryLength() {
    assertEquals(1_234_567_890_123_456_789L, id("\"1234567890123456789\""), "19 digits, as Discord sends now");
    assertEquals(175_928_847_299_117_063L, id("\"175928847299117063\""));
    assertEquals(41_771_983_423_143_937L, id("41771983423143937"));
    assertEquals(Long.MAX_VALUE, id("\"9223372036854775807\""));
    assertEquals(0, id("null"));
  }

  @Test
  void leavesWhatItCannotReadExactlyToTheParser() {
    assertEquals(-1, id("\"9223372036854775808\""), "one past Long.MAX_VALUE");
    assertEquals(-1, id("\"99999999999999999999\""), "20 digits");
    assertEquals(-1, id("\"12a4\""));
    assertEquals(-1, id("\"\""));
    assertEquals(-1, id("-5"));
  }
}
