package dev.cordbus.api.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

  /** What plainRun must return: the first byte below 0x20 (non-ASCII included), quote or backslash, else e. */
  private static int firstSpecial(byte[] b, int p, int e) {
    for (int i = p; i < e; i++) {
      int c = b[i];
      if (c < 0x20 || c == '"' || c == '\\') {
        return i;
      }
    }
    return e;
  }

  @Test
  void stopsAtEveryByteThatNeedsALookAndAtNoOther() {
    for (int v = -128; v < 128; v++) {
      for (int at = 0; at < 20; at++) {
        byte[] b = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
        b[at] = (byte) v;
        assertEquals(firstSpecial(b, 0, b.length), JsonStrings.plainRun(b, 0, b.length), "byte " + v + " at " + at);
        assertEquals(firstSpecial(b, 3, 17), JsonStrings.plainRun(b, 3, 17), "byte " + v + " at " + at + " in 3..17");
      }
    }
  }

  @Test
  void theFirstOfTwoBytesInOneBlockIsTheOneFound() {
    // a byte below 0x20 borrows from the next one up: the later byte may look special too, the earlier never
    int[] values = {0x00, 0x01, 0x1F, 0x20, 0x21, '"', '\\', 0x7F, 0x80, 0xA0, 0xFF};
    for (int i = 0; i < 16; i++) {
      for (int j = i + 1; j < 17; j++) {
        for (int v : values) {
          for (int w : values) {
            byte[] b = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
            b[i] = (byte) v;
            b[j] = (byte) w;
            assertEquals(firstSpecial(b, 0, b.length), JsonStrings.plainRun(b, 0, b.length),
                v + " at " + i + ", " + w + " at " + j);
            assertEquals(firstSpecial(b, 1, 20), JsonStrings.plainRun(b, 1, 20), v + " at " + i + ", " + w + " at " + j);
          }
        }
      }
    }
  }

  @Test
  void agreesOnRandomText() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) (r.nextInt(8) == 0 ? r.nextInt(256) : 0x20 + r.nextInt(0x5f));
      }
      int p = b.length == 0 ? 0 : r.nextInt(b.length);
      assertEquals(firstSpecial(b, p, b.length), JsonStrings.plainRun(b, p, b.length));
    }
  }
}
