package dev.cordbus.state.store;

import java.io.IOException;
import java.util.Set;

/**
 * The current key of a {@link JsonCursor}: read with its colon by {@link #readKey}, then compared with the names a
 * reader knows as bytes (no string made for a plain key) or given as a string once asked for.
 */
abstract class JsonKeys extends JsonTokens {

  /** The current key: {@code a[ks, ke)} between its quotes; plain when it has no escape and no non-ASCII byte. */
  private int ks;
  private int ke;
  private boolean keyPlain;
  private String keyText;

  JsonKeys(byte[] array, int from, int to) {
    super(array, from, to);
  }

  /** Reads the key at the cursor (the current key from now on) and its colon. */
  final void readKey() throws IOException {
    byte c = peek();
    if (c != '"') {
      throw error("expected a key but found " + show(c));
    }
    ks = p + 1;
    p = scanString(p);
    ke = p - 1;
    keyPlain = !special;
    keyText = null;
    if (peek() != ':') {
      throw error("expected ':' after key but found " + show(a[p]));
    }
    p++;
  }

  /** Where the current key starts (its opening quote), as an index in {@code array()}. */
  public int keyStart() {
    return ks - 1;
  }

  /** Whether the current key is {@code name} (plain keys are compared as bytes, no string made). */
  public boolean key(String name) throws IOException {
    if (!keyPlain) {
      return key().equals(name);
    }
    int n = name.length();
    if (ke - ks != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a[ks + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The index in {@code names} of the current key (plain keys are compared as bytes, no string made), or -1. */
  public int key(KeyNames names) throws IOException {
    return keyPlain ? names.indexOf(a, ks, ke) : names.indexOf(key());
  }

  /**
   * The name in {@code names} that the current key is (that constant, so no string is made for a plain key of a small
   * set), or null.
   */
  public String keyIn(Set<String> names) throws IOException {
    if (!keyPlain || names.size() > 16) {
      String k = key();
      return names.contains(k) ? k : null;
    }
    for (String name : names) {
      if (key(name)) {
        return name;
      }
    }
    return null;
  }

  /** The current key as a string. */
  public String key() throws IOException {
    if (keyText == null) {
      keyText = keyPlain ? latin1(ks, ke) : decode(ks, ke);
    }
    return keyText;
  }
}
