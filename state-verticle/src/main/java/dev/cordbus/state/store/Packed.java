package dev.cordbus.state.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Up to eight optional values of one cache entry in a single {@code byte[]}: one object header instead of one per
 * string, no {@code String} around the bytes, nothing at all for an entry whose optional values are all absent
 * (null). A hundred thousand members with a name, a display name and an avatar each hold one array here instead of
 * three arrays behind three references.
 *
 * <p>Layout: a presence mask (bit {@code i} = slot {@code i} present), then each present slot in order. A
 * {@link Kind#TEXT} slot is a varint length and the UTF-8 bytes; a {@link Kind#HASH} slot is {@code 0} and the 17
 * bytes of {@link Hashes#compact} or, for a value that is not such a hash, a varint {@code length + 1} and its UTF-8
 * bytes; a {@link Kind#NUMBER} slot is a zigzag varint; a {@link Kind#BYTES} slot is a varint length and the bytes.
 * Absent means null for text, hashes and bytes, and the entry's default for numbers (the caller stores only values
 * that differ from it). A packed array is never changed: an update builds a new one.
 */
public final class Packed {

  /** How a slot is encoded. */
  public enum Kind {
    /** A string, UTF-8. */
    TEXT,
    /** An image hash ({@link Hashes}), 17 bytes when it is one, else the string. */
    HASH,
    /** A {@code long}, zigzag varint. */
    NUMBER,
    /** Raw bytes (a JSON blob). */
    BYTES
  }

  private Packed() {
  }

  /** Whether slot {@code slot} is present. */
  public static boolean has(byte[] p, int slot) {
    return p != null && (p[0] & (1 << slot)) != 0;
  }

  /** The text (or hash) of a slot, or null when absent. */
  public static String text(byte[] p, Kind[] kinds, int slot) {
    int at = offset(p, kinds, slot);
    if (at < 0) {
      return null;
    }
    int[] pos = {at};
    if (kinds[slot] == Kind.HASH) {
      int n = (int) varint(p, pos);
      if (n == 0) {
        return Hashes.expand(Arrays.copyOfRange(p, pos[0], pos[0] + 17));
      }
      return new String(p, pos[0], n - 1, StandardCharsets.UTF_8);
    }
    int n = (int) varint(p, pos);
    return new String(p, pos[0], n, StandardCharsets.UTF_8);
  }

  /** The number of a slot, or {@code absent}. */
  public static long number(byte[] p, Kind[] kinds, int slot, long absent) {
    int at = offset(p, kinds, slot);
    if (at < 0) {
      return absent;
    }
    long z = varint(p, new int[] {at});
    return (z >>> 1) ^ -(z & 1);
  }

  /** The bytes of a slot (a copy), or null. */
  public static byte[] bytes(byte[] p, Kind[] kinds, int slot) {
    int at = offset(p, kinds, slot);
    if (at < 0) {
      return null;
    }
    int[] pos = {at};
    int n = (int) varint(p, pos);
    return Arrays.copyOfRange(p, pos[0], pos[0] + n);
  }

  /** Whether the text (or hash) slot holds {@code s} (both absent counts); allocates nothing for text. */
  public static boolean sameText(byte[] p, Kind[] kinds, int slot, String s) {
    int at = offset(p, kinds, slot);
    if (at < 0 || s == null) {
      return at < 0 && s == null;
    }
    int[] pos = {at};
    int n = (int) varint(p, pos);
    if (kinds[slot] == Kind.HASH) {
      if (n == 0) {
        Object c = Hashes.compact(s);
        return c instanceof byte[] b && Arrays.equals(b, 0, 17, p, pos[0], pos[0] + 17);
      }
      n--;
    }
    return Utf8.equals(p, pos[0], n, s);
  }

  /**
   * As {@link #sameText(byte[], Kind[], int, String)} for the text of {@code span} over {@code src} ({@link TextSpan};
   * {@link TextSpan#NONE} is null): a plain span is compared as bytes, nothing made.
   */
  public static boolean sameText(byte[] p, Kind[] kinds, int slot, byte[] src, long span) {
    if (span == TextSpan.NONE || !TextSpan.plain(span)) {
      return sameText(p, kinds, slot, TextSpan.text(src, span));
    }
    int at = offset(p, kinds, slot);
    if (at < 0) {
      return false;
    }
    int[] pos = {at};
    int n = (int) varint(p, pos);
    int s = TextSpan.start(span);
    int e = TextSpan.end(span);
    if (kinds[slot] == Kind.HASH) {
      if (n == 0) {
        return Hashes.sameCompact(src, s, e, p, pos[0]);
      }
      n--;
    }
    return Arrays.equals(p, pos[0], pos[0] + n, src, s, e);
  }

  /**
   * Whether two packed arrays render the same JSON: equal bytes, else equal values slot by slot, the {@link Kind#BYTES}
   * slots (objects of unmodelled keys) compared as decoded JSON objects, absent as empty (the same keys in another
   * order render alike). Decodes only when the bytes differ.
   */
  public static boolean sameJson(byte[] p, byte[] q, Kind[] kinds) {
    if (p == q || Arrays.equals(p, q)) {
      return true;
    }
    Object[] a = unpack(p, kinds);
    Object[] b = unpack(q, kinds);
    for (int i = 0; i < kinds.length; i++) {
      boolean same = kinds[i] != Kind.BYTES ? java.util.Objects.equals(a[i], b[i])
          : Arrays.equals((byte[]) a[i], (byte[]) b[i]) || object((byte[]) a[i]).equals(object((byte[]) b[i]));
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static io.vertx.core.json.JsonObject object(byte[] json) {
    return json == null ? new io.vertx.core.json.JsonObject() : Blob.object(json);
  }

  /** The values of every slot: String for text and hashes, Long for numbers, byte[] for bytes, null if absent. */
  public static Object[] unpack(byte[] p, Kind[] kinds) {
    Object[] out = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      if (has(p, i)) {
        out[i] = switch (kinds[i]) {
          case TEXT, HASH -> text(p, kinds, i);
          case NUMBER -> number(p, kinds, i, 0);
          case BYTES -> bytes(p, kinds, i);
        };
      }
    }
    return out;
  }

  /** Packs values (as {@link #unpack} returns them; null = absent); null when every value is absent. */
  public static byte[] pack(Object[] values, Kind[] kinds) {
    int mask = 0;
    Buf out = new Buf();
    out.put(0);
    for (int i = 0; i < kinds.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      mask |= 1 << i;
      switch (kinds[i]) {
        case TEXT -> out.bytes(((String) v).getBytes(StandardCharsets.UTF_8), 0);
        case HASH -> {
          Object c = Hashes.compact((String) v);
          if (c instanceof byte[] b) {
            out.varint(0);
            out.raw(b);
          } else {
            out.bytes(((String) v).getBytes(StandardCharsets.UTF_8), 1);
          }
        }
        case NUMBER -> {
          long n = (Long) v;
          out.varint((n << 1) ^ (n >> 63));
        }
        case BYTES -> out.bytes((byte[]) v, 0);
      }
    }
    if (mask == 0) {
      return null;
    }
    byte[] b = out.toArray();
    b[0] = (byte) mask;
    return b;
  }

  /** Where slot {@code slot}'s encoding starts, or -1 when absent. */
  private static int offset(byte[] p, Kind[] kinds, int slot) {
    if (!has(p, slot)) {
      return -1;
    }
    int[] pos = {1};
    for (int i = 0; i < slot; i++) {
      if (has(p, i)) {
        skip(p, kinds[i], pos);
      }
    }
    return pos[0];
  }

  private static void skip(byte[] p, Kind kind, int[] pos) {
    long n = varint(p, pos);
    if (kind == Kind.NUMBER) {
      return;
    }
    if (kind == Kind.HASH) {
      pos[0] += n == 0 ? 17 : (int) n - 1;
    } else {
      pos[0] += (int) n;
    }
  }

  private static long varint(byte[] p, int[] pos) {
    long v = 0;
    int shift = 0;
    while (true) {
      byte b = p[pos[0]++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
      shift += 7;
    }
  }

  /** A growable byte buffer for {@link #pack}. */
  private static final class Buf {
    private byte[] a = new byte[32];
    private int n;

    void put(int b) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = (byte) b;
    }

    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        put((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      put((int) v);
    }

    void raw(byte[] b) {
      for (byte x : b) {
        put(x);
      }
    }

    void bytes(byte[] b, int lengthBias) {
      varint(b.length + (long) lengthBias);
      raw(b);
    }

    byte[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
