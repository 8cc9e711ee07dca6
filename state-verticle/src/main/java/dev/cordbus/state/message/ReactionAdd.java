package dev.cordbus.state.message;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.JsonSkip;
import dev.cordbus.state.store.KeyNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * MESSAGE_REACTION_ADD applied to a cached message's bytes without a tree, while nobody consumes
 * {@code discord.state.MESSAGE_REACTION_ADD}: the dispatch is read key by key, the message's top level is passed over
 * unparsed to its {@code reactions}, and then, as {@link Reactions#add} would, either the entry of the same emoji gets
 * its {@code count} and {@code count_details} raised (and {@code me} or {@code me_burst} set when the bot reacted) in
 * place, or a new entry with the payload's emoji as received is written at the end of the array (or as the message's
 * first member when it had no reactions). The result decodes to exactly what the general path gives.
 *
 * <p>Anything else is left to the general path, which the caller then runs from the start: a state event someone
 * consumes, a body that is not bytes, ids that are not strings, an emoji of another shape than {@code id, name[,
 * animated]}, reactions that are not an array of objects, an entry whose count, count_details or me flag is missing or
 * not a plain number or the literal it should be. The general path decodes the reactions, changes the tree and encodes
 * it again: code that a bot receiving a reaction every twenty dispatches keeps compiling and running in its slower
 * tiers.
 */
final class ReactionAdd {

  private static final KeyNames KEYS = KeyNames.of("channel_id", "message_id", "user_id", "burst", "emoji");
  private static final KeyNames ENTRY = KeyNames.of("count", "count_details", "me", "me_burst", "emoji");
  private static final byte[] HEAD = bytes("\"reactions\":[");
  private static final byte[] TRUE = bytes("true");

  private ReactionAdd() {
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** What the dispatch says. */
  private static final class Reaction {
    long channelId;
    long messageId;
    long userId;
    boolean burst;
    int emojiFrom = -1;
    int emojiTo;
    String emojiId;
    String emojiName;
  }

  /** Where one entry of the reactions array keeps what an addition changes (-1: absent). */
  private static final class Entry {
    int countFrom = -1;
    int countTo;
    int burstFrom = -1;
    int burstTo;
    int normalFrom = -1;
    int normalTo;
    int meFrom = -1;
    int meTo;
    int meBurstFrom = -1;
    int meBurstTo;
    boolean hasEmoji;
    String emojiId;
    String emojiName;
  }

  /** Applies the reaction and returns true, or returns false having changed nothing (the general path's case). */
  static boolean apply(Cache cache, Dispatch dispatch, Emitter out) {
    if (out.wanted(dispatch.event())) {
      return false;
    }
    DispatchBody b = DispatchBody.of(dispatch.d());
    if (b == null) {
      return false;
    }
    byte[] a = b.array();
    Reaction r;
    try {
      r = read(a, b.offset(), b.offset() + b.length());
    } catch (IOException e) {
      return false; // the general path refuses it with its own message
    }
    if (r == null) {
      return false;
    }
    byte[] before = cache.messages().bytes(r.channelId, r.messageId);
    if (before == null) {
      cache.missed();
      return true;
    }
    boolean self = cache.users().isSelf(r.userId);
    byte[] after;
    try {
      after = add(before, a, r, self);
    } catch (IOException e) {
      return false;
    }
    if (after == null) {
      return false;
    }
    cache.messages().put(r.channelId, r.messageId, after);
    return true;
  }

  /** The dispatch's fields, or null when it is not a shape this path takes. */
  private static Reaction read(byte[] a, int from, int to) throws IOException {
    Reaction r = new Reaction();
    JsonCursor c = new JsonCursor(a, from, to);
    if (c.kind() != JsonCursor.OBJECT) {
      return null;
    }
    c.enter();
    while (c.nextKey()) {
      int k = c.key(KEYS);
      if (k >= 0 && k <= 2 && c.kind() != JsonCursor.STRING) {
        return null; // the general path reads ids of other kinds its own way
      }
      switch (k) {
        case 0 -> r.channelId = c.id();
        case 1 -> r.messageId = c.id();
        case 2 -> r.userId = c.id();
        case 3 -> r.burst = c.bool();
        case 4 -> {
          if (c.kind() != JsonCursor.OBJECT) {
            return null;
          }
          r.emojiFrom = c.start();
          if (!idNameAnimated(c, r)) {
            return null;
          }
          r.emojiTo = c.position();
        }
        default -> c.skip();
      }
    }
    return r.emojiFrom < 0 ? null : r;
  }

  /**
   * Whether the emoji object at the cursor has exactly {@code id}, {@code name} and maybe {@code animated}, in that
   * order (as {@link Reactions#add} copies it), with a string or null id and name (read into {@code r}).
   */
  private static boolean idNameAnimated(JsonCursor c, Reaction r) throws IOException {
    c.enter();
    if (!c.nextKey() || !c.key("id") || !stringOrNull(c)) {
      return false;
    }
    r.emojiId = c.text();
    if (!c.nextKey() || !c.key("name") || !stringOrNull(c)) {
      return false;
    }
    r.emojiName = c.text();
    if (c.nextKey()) {
      if (!c.key("animated")) {
        return false;
      }
      c.skip();
      return !c.nextKey();
    }
    return true;
  }

  private static boolean stringOrNull(JsonCursor c) throws IOException {
    int k = c.kind();
    return k == JsonCursor.STRING || k == JsonCursor.NULL;
  }

  /** The message with the reaction added, or null when it is not a shape this path takes. */
  private static byte[] add(byte[] m, byte[] a, Reaction r, boolean self) throws IOException {
    int key = JsonSkip.member(m, 0, m.length, "reactions");
    if (key == -1) {
      return null;
    }
    ByteArrayOutputStream o = new ByteArrayOutputStream(m.length + 160 + r.emojiTo - r.emojiFrom);
    if (key == JsonSkip.ABSENT) {
      int open = JsonSkip.ws(m, 0, m.length);
      boolean empty = m[JsonSkip.ws(m, open + 1, m.length)] == '}';
      o.write(m, 0, open + 1);
      o.writeBytes(HEAD);
      entry(o, a, r, self);
      o.write(']');
      if (!empty) {
        o.write(',');
      }
      o.write(m, open + 1, m.length - open - 1);
      return o.toByteArray();
    }
    int vs = JsonSkip.valueStart(m, JsonSkip.string(m, key, m.length), m.length);
    if (vs < 0) {
      return null;
    }
    JsonCursor c = new JsonCursor(m, vs, m.length);
    if (c.kind() != JsonCursor.ARRAY) {
      return null;
    }
    c.enter();
    Entry match = null;
    boolean any = false;
    while (c.nextElement()) {
      any = true;
      if (c.kind() != JsonCursor.OBJECT) {
        return null;
      }
      Entry e = entry(c);
      if (e == null) {
        return null;
      }
      if (match == null && e.hasEmoji && sameEmoji(e, r)) {
        match = e;
      }
    }
    if (match == null) {
      int close = c.position() - 1; // the array's closing bracket: the new entry goes last
      o.write(m, 0, close);
      if (any) {
        o.write(',');
      }
      entry(o, a, r, self);
      o.write(m, close, m.length - close);
      return o.toByteArray();
    }
    int count = number(m, match.countFrom, match.countTo);
    int kindFrom = r.burst ? match.burstFrom : match.normalFrom;
    int kindTo = r.burst ? match.burstTo : match.normalTo;
    int kind = number(m, kindFrom, kindTo);
    int flagFrom = r.burst ? match.meBurstFrom : match.meFrom;
    int flagTo = r.burst ? match.meBurstTo : match.meTo;
    if (count < 0 || kind < 0 || self && flagFrom < 0) {
      return null; // absent (the tree would add the key at the end) or not a plain count
    }
    int[][] edits = self ? new int[][] {{match.countFrom, match.countTo, 0}, {kindFrom, kindTo, 1}, {flagFrom, flagTo, 2}}
        : new int[][] {{match.countFrom, match.countTo, 0}, {kindFrom, kindTo, 1}};
    Arrays.sort(edits, (x, y) -> Integer.compare(x[0], y[0]));
    int at = 0;
    for (int[] edit : edits) {
      o.write(m, at, edit[0] - at);
      o.writeBytes(edit[2] == 0 ? bytes(Integer.toString(count + 1)) : edit[2] == 1 ? bytes(Integer.toString(kind + 1))
          : TRUE);
      at = edit[1];
    }
    o.write(m, at, m.length - at);
    return o.toByteArray();
  }

  /** One entry of the reactions array, read (null when an emoji is not an object of string or null id and name). */
  private static Entry entry(JsonCursor c) throws IOException {
    Entry e = new Entry();
    c.enter();
    while (c.nextKey()) {
      switch (c.key(ENTRY)) {
        case 0 -> {
          e.countFrom = c.start();
          c.skip();
          e.countTo = c.position();
        }
        case 1 -> {
          if (c.kind() != JsonCursor.OBJECT) {
            return null;
          }
          c.enter();
          while (c.nextKey()) {
            boolean burst = c.key("burst");
            boolean normal = !burst && c.key("normal");
            int from = c.start();
            c.skip();
            if (burst) {
              e.burstFrom = from;
              e.burstTo = c.position();
            } else if (normal) {
              e.normalFrom = from;
              e.normalTo = c.position();
            }
          }
        }
        case 2 -> {
          e.meFrom = c.start();
          c.skip();
          e.meTo = c.position();
        }
        case 3 -> {
          e.meBurstFrom = c.start();
          c.skip();
          e.meBurstTo = c.position();
        }
        case 4 -> {
          int k = c.kind();
          if (k == JsonCursor.NULL) {
            c.skip();
            e.hasEmoji = false;
          } else if (k != JsonCursor.OBJECT || !emoji(c, e)) {
            return null;
          }
        }
        default -> c.skip();
      }
    }
    return e;
  }

  /** Reads an entry's emoji object: its id and name, strings or null. */
  private static boolean emoji(JsonCursor c, Entry e) throws IOException {
    e.hasEmoji = true;
    e.emojiId = null;
    e.emojiName = null;
    c.enter();
    while (c.nextKey()) {
      boolean id = c.key("id");
      boolean name = !id && c.key("name");
      if (id || name) {
        if (!stringOrNull(c)) {
          return false;
        }
        String v = c.text();
        if (id) {
          e.emojiId = v;
        } else {
          e.emojiName = v;
        }
      } else {
        c.skip();
      }
    }
    return true;
  }

  private static boolean sameEmoji(Entry e, Reaction r) {
    return Reactions.sameEmoji(e.emojiId, e.emojiName, r.emojiId, r.emojiName);
  }

  /** The plain non-negative int at {@code m[from, to)} (at most 9 digits), else -1. */
  private static int number(byte[] m, int from, int to) {
    if (from < 0 || to - from < 1 || to - from > 9) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = m[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** A new entry, as {@link Reactions#add} builds it, with the payload's emoji bytes. */
  private static void entry(ByteArrayOutputStream o, byte[] a, Reaction r, boolean self) {
    o.writeBytes(bytes("{\"count\":1,\"count_details\":{\"burst\":" + (r.burst ? 1 : 0) + ",\"normal\":"
        + (r.burst ? 0 : 1) + "},\"me\":" + (self && !r.burst) + ",\"me_burst\":" + (self && r.burst) + ",\"emoji\":"));
    o.write(a, r.emojiFrom, r.emojiTo - r.emojiFrom);
    o.writeBytes(bytes(",\"burst_colors\":[]}"));
  }
}
