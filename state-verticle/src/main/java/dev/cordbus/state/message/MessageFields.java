package dev.cordbus.state.message;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordbus.state.cache.MemberPatch;
import dev.cordbus.state.cache.UserPatch;
import dev.cordbus.state.store.JsonRead;
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
