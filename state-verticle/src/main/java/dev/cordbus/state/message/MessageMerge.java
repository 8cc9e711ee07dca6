package dev.cordbus.state.message;

import dev.cordbus.state.store.JsonSkip;
import dev.cordbus.state.store.JsonSlice;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * A MESSAGE_UPDATE applied to a cached message's bytes, neither of them decoded. Discord's update is partial: a
 * top-level member present replaces the cached one whole (a nested object, an array or a null included), one absent
 * keeps it. The new bytes are the cached message's members in their order, each whose name the update has taking the
 * update's value in its place, then the update's members of names the message did not have, in the update's order.
 * That decodes to the object {@link #tree} gives (the cached object, copied, with every member of the update put in
 * it), key order included: a name keeps its first place and takes its last value, in these bytes as in Vert.x's map,
 * so duplicate names come out alike too. Values are copied as they arrived, never re-encoded. The one difference
 * from what the tree merge stored: a number beyond a double's range ({@code 1e400}), read as infinity, was written
 * back by the tree merge as the string {@code "Infinity"}; here it stays the number it arrived as (as a
 * MESSAGE_CREATE caches it).
 *
 * <p>Both top levels are walked with {@link JsonSkip}, the update's read from the gateway's index of its members
 * when it has one. A name with an escape (it might spell any name), an id that is not a plain snowflake or bytes that
 * are not an object as expected make {@link #read} or {@link #apply} answer null, and the caller merges trees.
 */
final class MessageMerge {

  /** {@link #apply}'s plan for a cached member whose name the update does not have. */
  private static final int KEEP = -1;
  /** {@link #apply}'s plan for a later cached member of a name the update replaces (the first takes the value). */
  private static final int DROP = -2;

  private MessageMerge() {
  }

  /**
   * Where the members of an object's top level lie in {@code array}: member {@code i}'s name, between its quotes and
   * never escaped, at {@code [base + at[4i], base + at[4i+1])}, its value at {@code [base + at[4i+2], base +
   * at[4i+3])}.
   *
   * @param array the bytes (read only)
   * @param base  what the offsets are counted from
   * @param at    four offsets per member
   * @param count how many members
   */
  record Members(byte[] array, int base, int[] at, int count) {

    private int nameStart(int i) {
      return base + at[4 * i];
    }

    private int nameEnd(int i) {
      return base + at[4 * i + 1];
    }

    private int valueStart(int i) {
      return base + at[4 * i + 2];
    }

    private int valueEnd(int i) {
      return base + at[4 * i + 3];
    }

    /** Whether member {@code i} is named {@code key}. */
    boolean named(int i, String key) {
      return JsonSkip.is(array, nameStart(i), nameEnd(i), key);
    }

    /** The id member {@code i} holds, as {@link JsonSkip#id} reads it (-1: not a plain snowflake). */
    long id(int i) {
      return JsonSkip.id(array, valueStart(i), valueEnd(i));
    }

    /** Whether member {@code i}'s name is the same bytes as member {@code j}'s of {@code other}. */
    boolean sameName(int i, Members other, int j) {
      return Arrays.equals(array, nameStart(i), nameEnd(i), other.array, other.nameStart(j), other.nameEnd(j));
    }

    /** Whether member {@code i}'s value is the same bytes as member {@code j}'s of {@code other}. */
    boolean sameValue(int i, Members other, int j) {
      return Arrays.equals(array, valueStart(i), valueEnd(i), other.array, other.valueStart(j), other.valueEnd(j));
    }

    /** How many bytes {@link #write} writes for member {@code i}. */
    int length(int i) {
      return nameEnd(i) - nameStart(i) + valueEnd(i) - valueStart(i) + 3;
    }

    /** Writes member {@code i} at {@code out[p]} (its name in quotes, a colon, its value); returns where it ends. */
    int write(int i, byte[] out, int p) {
      out[p++] = '"';
      int n = nameEnd(i) - nameStart(i);
      System.arraycopy(array, nameStart(i), out, p, n);
      p += n;
      out[p++] = '"';
      out[p++] = ':';
      n = valueEnd(i) - valueStart(i);
      System.arraycopy(array, valueStart(i), out, p, n);
      return p + n;
    }
  }

  /**
   * A MESSAGE_UPDATE body's top level: where its members lie and the ids the message is cached under.
   *
   * @param body      the body's bytes
   * @param members   where its members lie
   * @param id        the message id (0: absent or null)
   * @param channelId the channel id (0: absent or null)
   * @param guildId   the guild id (0: absent or null)
   * @param author    whether the body has an {@code author} (a message not cached is cached from a body that has one)
   */
  record Update(JsonSlice body, Members members, long id, long channelId, long guildId, boolean author) {
  }

  /**
   * The top level of a MESSAGE_UPDATE body, from {@code index} (the gateway's {@link
   * dev.cordbus.api.dispatch.DispatchBody#members()}, null: unknown) when it fits the body, else walked; null when the
   * body cannot be read this way (an escaped name, an id that is not a plain snowflake, not an object as expected)
   * and the caller reads its tree.
   */
  static Update read(JsonSlice body, int[] index) {
    Members m = index == null ? null : indexed(body, index);
    if (m == null) {
      m = walk(body.array(), body.offset(), body.offset() + body.length());
    }
    if (m == null) {
      return null;
    }
    long[] ids = new long[3]; // id, channel_id, guild_id
    boolean author = false;
    for (int i = 0; i < m.count(); i++) {
      int which = m.named(i, "id") ? 0 : m.named(i, "channel_id") ? 1 : m.named(i, "guild_id") ? 2 : -1;
      if (which >= 0) {
        ids[which] = m.id(i);
        if (ids[which] < 0) {
          return null;
        }
      }
      author |= m.named(i, "author");
    }
    return new Update(body, m, ids[0], ids[1], ids[2], author);
  }

  /** The gateway's index of the members of {@code body}, or null when an offset lies outside it or out of order. */
  static Members indexed(JsonSlice body, int[] index) {
    if (index.length % 4 != 0) {
      return null;
    }
    for (int i = 0; i < index.length; i += 4) {
      if (index[i] < 1 || index[i] > index[i + 1] || index[i + 1] >= index[i + 2] || index[i + 2] >= index[i + 3]
          || index[i + 3] > body.length()) {
        return null;
      }
    }
    return new Members(body.array(), body.offset(), index, index.length / 4);
  }

  /**
   * The top level of the object at {@code a[from, end)} walked with {@link JsonSkip} (values passed over unparsed);
   * null when a name has an escape or the bytes are not an object as expected.
   */
  static Members walk(byte[] a, int from, int end) {
    int[] at = new int[128];
    int n = 0;
    int p = JsonSkip.firstMember(a, from, end);
    while (p >= 0) {
      int nameEnd = JsonSkip.plainName(a, p, end);
      int vs = JsonSkip.valueStart(a, nameEnd, end);
      int ve = vs < 0 ? -1 : JsonSkip.value(a, vs, end);
      if (ve < 0) {
        return null;
      }
      if (n + 4 > at.length) {
        at = Arrays.copyOf(at, at.length * 2);
      }
      at[n++] = p + 1;
      at[n++] = nameEnd - 1;
      at[n++] = vs;
      at[n++] = ve;
      p = JsonSkip.nextMember(a, ve, end);
    }
    return p == JsonSkip.ABSENT ? new Members(a, 0, at, n / 4) : null;
  }

  /**
   * The bytes of {@code message} with {@code update} merged in: {@code message} itself when that changes no byte of a
   * value (nothing changed), null when the message cannot be walked (see {@link #walk}).
   */
  static byte[] apply(byte[] message, Members update) {
    Members old = walk(message, 0, message.length);
    if (old == null) {
      return null;
    }
    int n = old.count();
    int k = update.count();
    int[] plan = new int[n]; // per cached member: KEEP, DROP or the update's member whose value takes its place
    Arrays.fill(plan, KEEP);
    boolean[] added = new boolean[k];
    boolean changed = false;
    for (int j = 0; j < k; j++) {
      boolean found = false;
      for (int i = 0; i < n; i++) {
        if (old.sameName(i, update, j)) {
          plan[i] = found ? DROP : j; // a later update member of the name overwrites: the last value wins
          found = true;
        }
      }
      added[j] = !found;
      changed |= !found;
    }
    int length = 1; // the braces, less the comma the first member does not have
    for (int i = 0; i < n; i++) {
      int j = plan[i];
      if (j == DROP) {
        changed = true;
      } else {
        changed |= j >= 0 && !old.sameValue(i, update, j);
        length += (j >= 0 ? update.length(j) : old.length(i)) + 1;
      }
    }
    for (int j = 0; j < k; j++) {
      length += added[j] ? update.length(j) + 1 : 0;
    }
    if (!changed) {
      return message;
    }
    byte[] out = new byte[Math.max(length, 2)];
    int p = 0;
    out[p++] = '{';
    for (int i = 0; i < n; i++) {
      int j = plan[i];
      if (j != DROP) {
        p = p > 1 ? comma(out, p) : p;
        p = j >= 0 ? update.write(j, out, p) : old.write(i, out, p);
      }
    }
    for (int j = 0; j < k; j++) {
      if (added[j]) {
        p = p > 1 ? comma(out, p) : p;
        p = update.write(j, out, p);
      }
    }
    out[p] = '}';
    return out;
  }

  private static int comma(byte[] out, int p) {
    out[p] = ',';
    return p + 1;
  }

  /**
   * The merge on trees, as MESSAGE_UPDATE always did it and still does for what {@link #read} and {@link #apply}
   * refuse: a copy of {@code before} with every member of {@code d} put in it.
   */
  static JsonObject tree(JsonObject before, JsonObject d) {
    JsonObject after = before.copy();
    d.forEach(e -> after.put(e.getKey(), e.getValue()));
    return after;
  }
}
