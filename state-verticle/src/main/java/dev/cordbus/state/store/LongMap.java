package dev.cordbus.state.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An open-addressing hash map from non-zero {@code long} keys (snowflakes) to objects. Uses two flat arrays, no
 * boxing and no entry objects: about 12 bytes per slot instead of ~48 for a {@code HashMap<Long, V>} entry.
 * Not thread-safe: the cache is touched only from the state verticle's event loop.
 *
 * @param <V> value type
 */
public final class LongMap<V> {

  private static final float LOAD = 0.7f;

  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;

  /** An empty map. */
  public LongMap() {
    this(4);
  }

  /** An empty map sized for {@code expected} entries. */
  public LongMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, (int) (expected / LOAD) + 1) - 1) << 1;
    keys = new long[cap];
    values = new Object[cap];
    mask = cap - 1;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private int slot(long key) {
    int i = hash(key) & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    if (key == 0) {
      return null;
    }
    return (V) values[slot(key)];
  }

  /** Whether the key is present. */
  public boolean containsKey(long key) {
    return key != 0 && keys[slot(key)] == key;
  }

  /** Puts a value (non-null), returning the previous one or null. */
  @SuppressWarnings("unchecked")
  public V put(long key, V value) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    if (value == null) {
      return remove(key);
    }
    int i = slot(key);
    V old = (V) values[i];
    if (keys[i] == 0) {
      keys[i] = key;
      size++;
    }
    values[i] = value;
    if (size > (mask + 1) * LOAD) {
      resize((mask + 1) << 1);
    }
    return old;
  }

  /** Removes a key, returning its value or null. */
  @SuppressWarnings("unchecked")
  public V remove(long key) {
    if (key == 0) {
      return null;
    }
    int i = slot(key);
    if (keys[i] == 0) {
      return null;
    }
    V old = (V) values[i];
    keys[i] = 0;
    values[i] = null;
    size--;
    // backward-shift deletion keeps linear probing chains intact
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (keys[j] == 0) {
        break;
      }
      int home = hash(keys[j]) & mask;
      boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
      if (!between) {
        keys[i] = keys[j];
        values[i] = values[j];
        keys[j] = 0;
        values[j] = null;
        i = j;
      }
    }
    return old;
  }

  private void resize(int cap) {
    long[] ok = keys;
    Object[] ov = values;
    keys = new long[cap];
    values = new Object[cap];
    mask = cap - 1;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != 0) {
        int s = slot(ok[i]);
        keys[s] = ok[i];
        values[s] = ov[i];
      }
    }
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** Whether the map is empty. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Removes every entry and shrinks the arrays. */
  public void clear() {
    keys = new long[4];
    values = new Object[4];
    mask = 3;
    size = 0;
  }

  /** The keys, sorted ascending (signed order; snowflakes are positive). */
  public long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != 0) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** A snapshot list of the values. */
  @SuppressWarnings("unchecked")
  public List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        out.add((V) values[i]);
      }
    }
    return out;
  }

  /** Calls {@code action} for every value (do not modify the map meanwhile). */
  @SuppressWarnings("unchecked")
  public void forEachValue(Consumer<V> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept((V) values[i]);
      }
    }
  }

  /** Entry visitor. */
  public interface EntryVisitor<V> {
    /** Visits one entry. */
    void visit(long key, V value);
  }

  /** Calls {@code visitor} for every entry (do not modify the map meanwhile). */
  @SuppressWarnings("unchecked")
  public void forEach(EntryVisitor<V> visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visitor.visit(keys[i], (V) values[i]);
      }
    }
  }
}
