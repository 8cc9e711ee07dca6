package dev.cordbus.state.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
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

  /** What id must give for {@code digits} (quoted or not): its value when all are digits and it fits, else -1. */
  private static long expected(String digits) {
    if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    BigInteger v = new BigInteger(digits);
    return v.bitLength() > 63 ? -1 : v.longValue();
  }

  @Test
  void agreesWithTheArithmeticOnRandomDigitsAndOneBadByteAnywhere() {
    Random r = new Random(11);
    byte[] bad = {'/', ':', 'a', ' ', '.', '-', (byte) 0xFF, (byte) 0x80, 0x00, 0x3A, 0x2F, (byte) 0xFA};
    for (int i = 0; i < 200_000; i++) {
      int n = r.nextInt(22);
      byte[] d = new byte[n];
      for (int k = 0; k < n; k++) {
        d[k] = (byte) ('0' + r.nextInt(10));
      }
      if (n > 0 && r.nextInt(3) == 0) {
        d[r.nextInt(n)] = bad[r.nextInt(bad.length)];
      }
      String digits = new String(d, StandardCharsets.ISO_8859_1);
      boolean quoted = r.nextBoolean();
      byte[] a = new byte[n + 6];
      a[0] = '[';
      int from = 1;
      int at = from;
      if (quoted) {
        a[at++] = '"';
      }
      System.arraycopy(d, 0, a, at, n);
      at += n;
      if (quoted) {
        a[at++] = '"';
      }
      a[at] = ']';
      long want = n == 4 && !quoted && d[0] == 'n' ? 0 : expected(digits);
      assertEquals(want, JsonSkip.id(a, from, at), (quoted ? "quoted " : "bare ") + digits);
    }
  }
}
