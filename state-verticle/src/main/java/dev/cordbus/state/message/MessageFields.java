package dev.cordbus.state.message;

import dev.cordbus.state.cache.MemberPatch;
import dev.cordbus.state.cache.UserPatch;
import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.JsonSkip;
import dev.cordbus.state.store.JsonSlice;
import io.vertx.core.json.DecodeException;
import java.io.IOException;

/**
 * What the cache takes from a MESSAGE_CREATE, read from its bytes: the ids, the author and the member. Everything
 * else (content, embeds, attachments, ...) is skipped unparsed and kept only as the message's bytes.
 */
final class MessageFields {

  long id;
  long channelId;
  long guildId;
  /** The author, or null when absent or not an object. */
  UserPatch author;
  /** The member, or null when absent or not an object. */
  MemberPatch member;

  static MessageFields read(JsonSlice body) {
    return read(body, null);
  }

  /**
   * As {@link #read(JsonSlice)}; with {@code members}, where the body's top-level members lie ({@link
   * dev.cordbus.api.dispatch.DispatchBody#members()}: the gateway found them on this node), only the five fields it
   * wants are read and content, embeds and the rest are not even passed over.
   */
  static MessageFields read(JsonSlice body, int[] members) {
    try {
      MessageFields indexed = members == null ? null : indexed(body, members);
      if (indexed != null) {
        return indexed;
      }
      MessageFields fast = fast(body);
      if (fast != null) {
        return fast;
      }
    } catch (IOException e) {
      throw new DecodeException("MESSAGE_CREATE body: " + e.getMessage(), e);
    }
    return parse(body);
  }

  /**
   * The top level walked with {@link JsonSkip} (content, embeds and the rest passed over without tokens), author and
   * member read in the same pass by a {@link JsonCursor} that stops at their closing brace; null when anything is
   * unusual (escaped keys, odd ids), and {@link #parse} reads it instead.
   */
  private static MessageFields fast(JsonSlice body) throws IOException {
    byte[] a = body.array();
    int end = body.offset() + body.length();
    MessageFields f = new MessageFields();
    int p = JsonSkip.firstMember(a, body.offset(), end);
    while (p >= 0) {
      int keyEnd = JsonSkip.plainName(a, p, end);
      int vs = keyEnd < 0 ? -1 : JsonSkip.valueStart(a, keyEnd, end);
      if (vs < 0) {
        return null;
      }
      int ks = p + 1;
      int ke = keyEnd - 1;
      int ve;
      if (vs < end && a[vs] == '{' && JsonSkip.is(a, ks, ke, "author")) {
        JsonCursor c = new JsonCursor(a, vs, end);
        f.author = UserPatch.read(c);
        ve = c.position();
      } else if (vs < end && a[vs] == '{' && JsonSkip.is(a, ks, ke, "member")) {
        JsonCursor c = new JsonCursor(a, vs, end);
        f.member = MemberPatch.read(c);
        ve = c.position();
      } else {
        ve = JsonSkip.value(a, vs, end);
        if (ve < 0 || !f.id(a, ks, ke, vs, ve)) {
          return null;
        }
      }
      p = JsonSkip.nextMember(a, ve, end);
    }
    return p == JsonSkip.ABSENT ? f : null;
  }

  /** The fields read where {@code members} says they are; null when an offset lies outside the body or an id is odd. */
  static MessageFields indexed(JsonSlice body, int[] members) throws IOException {
    byte[] a = body.array();
    int from = body.offset();
    int end = from + body.length();
    MessageFields f = new MessageFields();
    for (int i = 0; i + 3 < members.length; i += 4) {
      int ks = from + members[i];
      int ke = from + members[i + 1];
      int vs = from + members[i + 2];
      int ve = from + members[i + 3];
      if (ks < from || ve > end || ks > ke || ke > vs || vs >= ve) {
        return null;
      }
      int n = ke - ks;
      if (n == 6 && a[vs] == '{' && JsonSkip.is(a, ks, ke, "author")) {
        JsonCursor c = new JsonCursor(a, vs, ve);
        f.author = UserPatch.read(c);
      } else if (n == 6 && a[vs] == '{' && JsonSkip.is(a, ks, ke, "member")) {
        JsonCursor c = new JsonCursor(a, vs, ve);
        f.member = MemberPatch.read(c);
      } else if (!f.id(a, ks, ke, vs, ve)) {
        return null;
      }
    }
    return f;
  }

  /**
   * Takes the value at {@code a[vs, ve)} when the name at {@code a[ks, ke)} is id, channel_id or guild_id; false when
   * that value is not an id the fast readers can parse (the caller reads the body the long way).
   */
  private boolean id(byte[] a, int ks, int ke, int vs, int ve) {
    boolean named = JsonSkip.is(a, ks, ke, "id") || JsonSkip.is(a, ks, ke, "channel_id")
        || JsonSkip.is(a, ks, ke, "guild_id");
    if (!named) {
      return true;
    }
    long id = JsonSkip.id(a, vs, ve);
    if (id < 0) {
      return false;
    }
    if (ke - ks == 2) {
      this.id = id;
    } else if (a[ks] == 'c') {
      channelId = id;
    } else {
      guildId = id;
    }
    return true;
  }

  /** The whole body read with a {@link JsonCursor} (every value checked, escaped keys decoded). */
  static MessageFields parse(JsonSlice body) {
    MessageFields f = new MessageFields();
    try {
      JsonCursor c = JsonCursor.of(body);
      if (c.kind() != JsonCursor.OBJECT) {
        return f;
      }
      c.enter();
      while (c.nextKey()) {
        if (c.key("id")) {
          f.id = c.id();
        } else if (c.key("channel_id")) {
          f.channelId = c.id();
        } else if (c.key("guild_id")) {
          f.guildId = c.id();
        } else if (c.key("author")) {
          f.author = c.kind() == JsonCursor.OBJECT ? UserPatch.read(c) : skip(c);
        } else if (c.key("member") && c.kind() == JsonCursor.OBJECT) {
          f.member = MemberPatch.read(c);
        } else {
          c.skip();
        }
      }
    } catch (IOException e) {
      throw new DecodeException("MESSAGE_CREATE body: " + e.getMessage(), e);
    }
    return f;
  }

  private static UserPatch skip(JsonCursor c) throws IOException {
    c.skip();
    return null;
  }
}
