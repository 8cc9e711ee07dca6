package dev.cordbus.state.message;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordbus.state.cache.MemberPatch;
import dev.cordbus.state.cache.UserPatch;
import dev.cordbus.state.store.JsonRead;
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
    try {
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
   * member read by the parser on their own bytes; null when anything is unusual (escaped keys, odd ids), and {@link
   * #parse} reads it instead.
   */
  private static MessageFields fast(JsonSlice body) throws IOException {
    byte[] a = body.array();
    int end = body.offset() + body.length();
    int p = JsonSkip.ws(a, body.offset(), end);
    if (p >= end || a[p] != '{') {
      return null;
    }
    MessageFields f = new MessageFields();
    p = JsonSkip.ws(a, p + 1, end);
    if (p < end && a[p] == '}') {
      return f;
    }
    while (true) {
      int keyEnd = JsonSkip.string(a, p, end);
      if (keyEnd < 0) {
        return null;
      }
      int ks = p + 1;
      int ke = keyEnd - 1;
      for (int i = ks; i < ke; i++) {
        if (a[i] == '\\') {
          return null;
        }
      }
      p = JsonSkip.ws(a, keyEnd, end);
      if (p >= end || a[p] != ':') {
        return null;
      }
      int vs = JsonSkip.ws(a, p + 1, end);
      int ve = JsonSkip.value(a, vs, end);
      if (ve < 0) {
        return null;
      }
      if (JsonSkip.is(a, ks, ke, "id") || JsonSkip.is(a, ks, ke, "channel_id")
          || JsonSkip.is(a, ks, ke, "guild_id")) {
        long id = JsonSkip.id(a, vs, ve);
        if (id < 0) {
          return null;
        }
        if (ke - ks == 2) {
          f.id = id;
        } else if (a[ks] == 'c') {
          f.channelId = id;
        } else {
          f.guildId = id;
        }
      } else if (a[vs] == '{' && JsonSkip.is(a, ks, ke, "author")) {
        try (JsonParser sub = JsonRead.parser(a, vs, ve - vs)) {
          sub.nextToken();
          f.author = UserPatch.read(sub, a, vs);
        }
      } else if (a[vs] == '{' && JsonSkip.is(a, ks, ke, "member")) {
        try (JsonParser sub = JsonRead.parser(a, vs, ve - vs)) {
          sub.nextToken();
          f.member = MemberPatch.read(sub, a, vs);
        }
      }
      p = JsonSkip.ws(a, ve, end);
      if (p >= end) {
        return null;
      }
      if (a[p] == '}') {
        return f;
      }
      if (a[p] != ',') {
        return null;
      }
      p = JsonSkip.ws(a, p + 1, end);
    }
  }

  /** The whole body read with the parser. */
  static MessageFields parse(JsonSlice body) {
    MessageFields f = new MessageFields();
    try (JsonParser p = body.parser()) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return f;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        switch (key) {
          case "id" -> f.id = JsonRead.id(p);
          case "channel_id" -> f.channelId = JsonRead.id(p);
          case "guild_id" -> f.guildId = JsonRead.id(p);
          case "author" -> f.author = t == JsonToken.START_OBJECT ? UserPatch.read(p, body.array(), body.offset()) : skip(p);
          case "member" -> {
            if (t == JsonToken.START_OBJECT) {
              f.member = MemberPatch.read(p, body.array(), body.offset());
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new DecodeException("MESSAGE_CREATE body: " + e.getMessage(), e);
    }
    return f;
  }

  private static UserPatch skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
