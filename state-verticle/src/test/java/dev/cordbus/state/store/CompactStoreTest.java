package dev.cordbus.state.store;

import static org.junit.jupiter.api.Assertions.*;

import dev.cordbus.state.store.Packed.Kind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact containers under the member and user entries: {@link Packed}, {@link Utf8}, {@link IdMap}. */
class CompactStoreTest {

  private static final Kind[] KINDS = {Kind.TEXT, Kind.HASH, Kind.NUMBER, Kind.BYTES, Kind.HASH, Kind.TEXT,
      Kind.NUMBER, Kind.TEXT};

  @Test
  void packedGivesBackEveryValueItWasGiven() {
    Object[] v = {"vivid_tiger26", "a_0123456789abcdef0123456789abcdef", -5L, "{\"x\":1}".getBytes(
        StandardCharsets.UTF_8), "not-a-hash", "", Long.MIN_VALUE, "Zoë 🐯 日本"};
    byte[] p = Packed.pack(v, KINDS);
    Object[] back = Packed.unpack(p, KINDS);
    assertEquals(v[0], back[0]);
    assertEquals(v[1], back[1]);
    assertEquals(v[2], back[2]);
    assertArrayEquals((byte[]) v[3], (byte[]) back[3]);
    assertEquals(v[4], back[4]);
    assertEquals("", back[5], "an empty string stays empty, not null");
    assertEquals(Long.MIN_VALUE, Packed.number(p, KINDS, 6, 0));
    assertEquals(v[7], Packed.text(p, KINDS, 7));
    for (int i : new int[] {0, 1, 4, 5, 7}) {
      assertTrue(Packed.sameText(p, KINDS, i, (String) v[i]), "slot " + i);
      assertFalse(Packed.sameText(p, KINDS, i, v[i] + "x"), "slot " + i);
      assertFalse(Packed.sameText(p, KINDS, i, null), "slot " + i);
    }
    assertFalse(Packed.sameText(p, KINDS, 1, "a_0123456789abcdef0123456789abcdee"));
    assertFalse(Packed.sameText(p, KINDS, 1, "0123456789abcdef0123456789abcdef"), "animated flag counts");
  }

  /**
   * A value read as a {@link TextSpan} (no string made) compares with a packed slot exactly as its decoded string
   * does: plain, escaped and non-ASCII text, hashes (animated, upper case, too short, too long), empty, null and
   * values that are not strings, against slots that hold each of them and against absent slots.
   */
  @Test
  void aSpanComparesAsItsStringDoes() throws Exception {
    String[] json = {"\"vivid_tiger26\"", "\"vivid_tiger27\"", "\"vivid\\u005ftiger26\"", "\"Zo\u00eb \"",
        "\"Zo\\u00eb \"", "\"a_0123456789abcdef0123456789abcdef\"", "\"0123456789abcdef0123456789abcdef\"",
        "\"a_0123456789ABCDEF0123456789abcdef\"", "\"a_0123456789abcdef0123456789abcde\"",
        "\"a_0123456789abcdef0123456789abcdef0\"", "\"a_0123456789abcdef0123456789abcde\\u0066\"",
        "\"not-a-hash\"", "\"\"", "null", "12", "true", "\"a_012345678gabcdef0123456789abcdef\"",
        "\"b_0123456789abcdef0123456789abcdef\"", "\"a-0123456789abcdef0123456789abcdef\""};
    Kind[] kinds = {Kind.TEXT, Kind.HASH};
    int compared = 0;
    for (String stored : json) {
      for (String read : json) {
        byte[] src = ("[" + read + "]").getBytes(StandardCharsets.UTF_8);
        JsonCursor c = new JsonCursor(src, 0, src.length);
        c.enter();
        c.nextElement();
        long span = c.textSpan();
        String text = TextSpan.text(src, span);
        byte[] storedBytes = stored.getBytes(StandardCharsets.UTF_8);
        JsonCursor s = new JsonCursor(storedBytes, 0, storedBytes.length);
        String storedText = s.kind() == JsonCursor.STRING ? s.text() : null;
        for (int slot = 0; slot < 2; slot++) {
          Object[] v = new Object[2];
          v[slot] = storedText;
          byte[] p = Packed.pack(v, kinds);
          assertEquals(Packed.sameText(p, kinds, slot, text), Packed.sameText(p, kinds, slot, src, span),
              read + " against " + stored + " in a " + kinds[slot] + " slot");
          assertEquals(java.util.Objects.equals(storedText, text), Packed.sameText(p, kinds, slot, src, span),
              read + " against " + stored + " in a " + kinds[slot] + " slot");
          compared++;
        }
      }
    }
    assertEquals(json.length * json.length * 2, compared);
  }

  @Test
  void absentSlotsCostNothingAndReadAsNullOrTheDefault() {
    assertNull(Packed.pack(new Object[KINDS.length], KINDS), "nothing present: no array at all");
    Object[] v = new Object[KINDS.length];
    v[5] = "nick";
    byte[] p = Packed.pack(v, KINDS);
    assertEquals(1 + 1 + 4, p.length, "mask, length, 4 bytes");
    assertNull(Packed.text(p, KINDS, 0));
    assertEquals(42, Packed.number(p, KINDS, 2, 42));
    assertNull(Packed.bytes(p, KINDS, 3));
    assertTrue(Packed.sameText(p, KINDS, 0, null));
    assertTrue(Packed.sameText(null, KINDS, 0, null));
    assertFalse(Packed.sameText(null, KINDS, 0, "x"));
    assertEquals("nick", Packed.text(p, KINDS, 5));
  }

  @Test
  void utf8ComparisonMatchesTheJdkEncoderOnRandomStrings() {
    Random r = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(8);
      for (int k = 0; k < n; k++) {
        int kind = r.nextInt(5);
        sb.append(switch (kind) {
          case 0 -> (char) ('a' + r.nextInt(26));
          case 1 -> (char) (0x80 + r.nextInt(0x780));
          case 2 -> (char) (0x800 + r.nextInt(0xD000));
          case 3 -> new String(Character.toChars(0x10000 + r.nextInt(0xFFFF)));
          default -> (char) (0xD800 + r.nextInt(0x800)); // lone surrogates
        });
      }
      String s = sb.toString();
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertTrue(Utf8.equals(b, 0, b.length, s), s);
      if (b.length > 0) {
        assertFalse(Utf8.equals(b, 0, b.length - 1, s), s);
      }
      assertFalse(Utf8.equals(b, 0, b.length, s + "a"), s);
    }
  }

  /** An entry carrying its own id, as members and users do. */
  private record Entry(long id, int value) {
  }

  @Test
  void idMapBehavesLikeAHashMapKeyedByTheEntriesIds() {
    IdMap<Entry> m = new IdMap<>(Entry::id);
    Map<Long, Entry> ref = new HashMap<>();
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long k = 1 + r.nextInt(5000);
      if (r.nextInt(3) == 0) {
        assertEquals(ref.remove(k), m.remove(k));
      } else {
        Entry e = new Entry(k, i);
        assertEquals(ref.put(k, e), m.put(e));
      }
    }
    assertEquals(ref.size(), m.size());
    ref.forEach((k, v) -> assertSame(v, m.get(k)));
    assertEquals(ref.size(), m.sortedKeys().length);
    assertEquals(ref.size(), m.values().size());
    assertFalse(m.containsKey(5001));
    assertNull(m.get(0));
    assertThrows(IllegalArgumentException.class, () -> m.put(new Entry(0, 1)));
  }
}
