package dev.cordbus.state.message;

import com.fasterxml.jackson.core.JsonParser;
import dev.cordbus.state.cache.JacksonPatches;
import dev.cordbus.state.cache.MemberPatch;
import dev.cordbus.state.cache.UserPatch;
import dev.cordbus.state.store.JsonRead;
import dev.cordbus.state.store.JsonSkip;
import dev.cordbus.state.store.JsonSlice;
import java.io.IOException;

/**
 * {@link MessageFields#read} for the figures of {@code ReadProbe} (test only), next to the reading it replaced: the
 * same {@link JsonSkip} walk of the top level with author and member read by a Jackson parser over their bytes
 * ({@link JacksonPatches}).
 */
public final class MessageReaders {

  private MessageReaders() {
  }

  /** Today's reader; returns a digest of what it read. */
  public static long cursor(JsonSlice body) {
    MessageFields f = MessageFields.read(body);
    return digest(f.id, f.author, f.member);
  }

  /** A readable line of what today's reader took from a body (ids, author, member). */
  public static String describe(JsonSlice body) {
    MessageFields f = MessageFields.read(body);
    return f.id + " " + f.channelId + " " + f.guildId + " " + JacksonPatches.describe(f.author) + " "
        + JacksonPatches.describe(f.member);
  }

  /** The reading before the cursor (the fast path; the bodies measured never needed the fallback). */
  public static long jackson(JsonSlice body) throws IOException {
    return jackson(body, true);
  }

  /** The top-level walk alone (author and member passed over): what both readers share. */
  public static long walk(JsonSlice body) throws IOException {
    return jackson(body, false);
  }

  private static long jackson(JsonSlice body, boolean parts) throws IOException {
    byte[] a = body.array();
    int end = body.offset() + body.length();
    int p = JsonSkip.ws(a, body.offset(), end);
    long id = 0;
    UserPatch author = null;
    MemberPatch member = null;
    p = JsonSkip.ws(a, p + 1, end);
    while (true) {
      int keyEnd = JsonSkip.string(a, p, end);
      int ks = p + 1;
      int ke = keyEnd - 1;
      p = JsonSkip.ws(a, keyEnd, end);
      int vs = JsonSkip.ws(a, p + 1, end);
      int ve = JsonSkip.value(a, vs, end);
      if (JsonSkip.is(a, ks, ke, "id") || JsonSkip.is(a, ks, ke, "channel_id")
          || JsonSkip.is(a, ks, ke, "guild_id")) {
        long v = JsonSkip.id(a, vs, ve);
        if (ke - ks == 2) {
          id = v;
        }
      } else if (!parts) {
        id += ve - vs;
      } else if (a[vs] == '{' && JsonSkip.is(a, ks, ke, "author")) {
        try (JsonParser sub = JsonRead.parser(a, vs, ve - vs)) {
          sub.nextToken();
          author = JacksonPatches.user(sub, a, vs);
        }
      } else if (a[vs] == '{' && JsonSkip.is(a, ks, ke, "member")) {
        try (JsonParser sub = JsonRead.parser(a, vs, ve - vs)) {
          sub.nextToken();
          member = JacksonPatches.member(sub, a, vs);
        }
      }
      p = JsonSkip.ws(a, ve, end);
      if (a[p] == '}') {
        return digest(id, author, member);
      }
      p = JsonSkip.ws(a, p + 1, end);
    }
  }

  private static long digest(long id, UserPatch author, MemberPatch member) {
    return id ^ (author == null ? 0 : author.id + author.size) ^ (member == null ? 0 : 31L * member.guildId + 1);
  }
}
