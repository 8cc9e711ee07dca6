package dev.cordbus.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AsciiCacheTest {

  private static byte[] at(String s, int pad) {
    byte[] b = new byte[s.length() + 2 * pad];
    System.arraycopy(s.getBytes(StandardCharsets.ISO_8859_1), 0, b, pad, s.length());
    return b;
  }

  @Test
  void theSameBytesGiveTheSameStringWhereverTheyLie() {
    AsciiCache c = new AsciiCache(16);
    byte[] a = at("1534984653373571072", 3);
    byte[] b = at("1534984653373571072", 7);
    String first = c.get(a, 3, 3 + 19);
    assertEquals("1534984653373571072", first);
    assertSame(first, c.get(b, 7, 7 + 19), "seen before: no new string");
    assertSame(first, c.find(a, 3, 3 + 19));
  }

  @Test
  void aStringIsNeverTakenForOtherBytes() {
    // 4 slots and 2,000 random names and ids: many share a slot; every answer must still be the bytes' own string
    AsciiCache c = new AsciiCache(4);
    SplittableRandom r = new SplittableRandom(7);
    for (int n = 0; n < 2000; n++) {
      int len = r.nextInt(0, 6);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < len; i++) {
        s.append((char) r.nextInt(0x20, 0x100)); // ISO-8859-1, high half included
      }
      byte[] b = at(s.toString(), 1);
      assertEquals(s.toString(), c.get(b, 1, 1 + len));
      String found = c.find(b, 1, 1 + len);
      assertEquals(s.toString(), found, "just cached");
    }
    byte[] ab = at("ab", 0);
    byte[] ba = at("ba", 0);
    AsciiCache one = new AsciiCache(1); // one slot: "ab" is what it holds when "ba" is asked for
    assertNull(one.find(ab, 0, 2), "nothing cached yet");
    one.put("ab", ab, 0, 2);
    assertNull(one.find(ba, 0, 2), "the same bytes in another order are not the cached string");
    assertEquals("ab", one.find(ab, 0, 2));
  }

  @Test
  void aStringPutIsFoundAndANewOneReplacesIt() {
    AsciiCache c = new AsciiCache(1);
    byte[] x = at("MESSAGE_CREATE", 0);
    byte[] y = at("PRESENCE_UPDATE", 0);
    String mc = new String("MESSAGE_CREATE");
    c.put(mc, x, 0, x.length);
    assertSame(mc, c.find(x, 0, x.length));
    assertNull(c.find(y, 0, y.length), "one slot: the other name is not there");
    String pu = c.get(y, 0, y.length);
    assertEquals("PRESENCE_UPDATE", pu);
    assertNull(c.find(x, 0, x.length), "replaced");
    assertNotSame(mc, c.get(x, 0, x.length));
    assertThrows(IllegalArgumentException.class, () -> new AsciiCache(12));
  }
}
