package dev.cordbus.state.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fixed list of key names that a reader matches the cursor's current key against in one call
 * ({@link JsonCursor#key(KeyNames)}), instead of one {@link JsonCursor#key(String)} per name. The readers of members,
 * users and presences run for every dispatch: one loop over the names keeps the code the JIT compiles for them small,
 * where a chain of a dozen inlined comparisons made each of them tens of kilobytes of machine code, compiled again
 * each time a new shape of payload arrived.
 */
public final class KeyNames {

  private final String[] names;
  private final byte[][] bytes;

  private KeyNames(String[] names) {
    this.names = names.clone();
    this.bytes = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      bytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The names, each matched at its index. */
  public static KeyNames of(String... names) {
    return new KeyNames(names);
  }

  /** The index of the name whose UTF-8 bytes are {@code a[from, to)}, or -1. */
  int indexOf(byte[] a, int from, int to) {
    int n = to - from;
    for (int i = 0; i < bytes.length; i++) {
      byte[] k = bytes[i];
      if (k.length == n && Arrays.equals(a, from, to, k, 0, n)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of {@code key}, or -1. */
  int indexOf(String key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
