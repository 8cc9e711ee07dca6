package dev.cordbus.state.store;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares repeated values so a million members do not hold a million copies of the same thing: the members' role id
 * sets ({@link #ids}: the members of a guild mostly share a few) and strings ({@link #intern}; since members and
 * users keep their strings in one {@link Packed} array each, no cache entry interns strings, so the counts query's
 * {@code interned_strings} is 0). Bounded: past {@code maxEntries} distinct values it stops adding and returns
 * values as they are. Not thread-safe (one event loop).
 */
public final class Interner {

  /** Strings longer than this are never interned (they are rarely repeated). */
  public static final int MAX_LENGTH = 64;

  private final Map<String, String> pool = new HashMap<>();
  private final Map<IdSet, IdSet> idSets = new HashMap<>();
  private final int maxEntries;

  /** An interner holding at most {@code maxEntries} strings. */
  public Interner(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The shared copy of {@code s} (or {@code s} itself); null stays null. */
  public String intern(String s) {
    if (s == null || s.length() > MAX_LENGTH) {
      return s;
    }
    String shared = pool.get(s);
    if (shared != null) {
      return shared;
    }
    if (pool.size() < maxEntries) {
      pool.put(s, s);
    }
    return s;
  }

  /**
   * The shared copy of an id array (members of a guild mostly share a few role sets), bounded like the strings.
   * Callers never change a returned array.
   */
  public long[] ids(long[] ids) {
    if (ids.length == 0) {
      return Ids.EMPTY;
    }
    IdSet key = new IdSet(ids);
    IdSet shared = idSets.get(key);
    if (shared != null) {
      return shared.ids;
    }
    if (idSets.size() < maxEntries) {
      idSets.put(key, key);
    }
    return ids;
  }

  /** An id array with content equality. */
  private static final class IdSet {
    final long[] ids;
    final int hash;

    IdSet(long[] ids) {
      this.ids = ids;
      this.hash = java.util.Arrays.hashCode(ids);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IdSet s && s.hash == hash && java.util.Arrays.equals(s.ids, ids);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Number of pooled strings. */
  public int size() {
    return pool.size();
  }
}
