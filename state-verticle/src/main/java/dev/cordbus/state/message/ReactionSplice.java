package dev.cordbus.state.message;

import dev.cordbus.state.store.JsonBytes;
import dev.cordbus.state.store.JsonCursor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Changes the {@code reactions} of a cached message without decoding the message: the top-level fields are skipped
 * unparsed to find {@code reactions}, only that array is decoded, changed (by the {@link Reactions} functions, on a
 * holder object {@code {reactions}}) and spliced back in place of the old one (added after the opening brace, or
 * removed with its comma). The result decodes to exactly what changing the whole message tree gave.
 */
final class ReactionSplice {

  private ReactionSplice() {
  }

  /** The message bytes with {@code change} applied to its reactions. */
  static byte[] apply(byte[] message, Consumer<JsonObject> change) {
    int keyStart = -1;
    int valueStart = -1;
    int valueEnd = -1;
    int open = -1;
    JsonObject holder = new JsonObject();
    try {
      JsonCursor c = new JsonCursor(message, 0, message.length);
      if (c.kind() != JsonCursor.OBJECT) {
        throw new DecodeException("cached message is not an object");
      }
      open = c.start();
      c.enter();
      while (c.nextKey()) {
        if (c.key("reactions")) {
          keyStart = c.keyStart();
          valueStart = c.start();
          holder.put("reactions", c.value());
          valueEnd = c.position();
        } else {
          c.skip();
        }
      }
    } catch (IOException e) {
      throw new DecodeException("cached message: " + e.getMessage(), e);
    }
    boolean had = keyStart >= 0;
    change.accept(holder);
    boolean has = holder.containsKey("reactions");
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 128);
    if (had && has) {
      out.write(message, 0, valueStart);
      write(out, JsonBytes.encode(holder.getValue("reactions")));
      out.write(message, valueEnd, message.length - valueEnd);
    } else if (had) {
      int from = keyStart;
      int to = valueEnd;
      int next = skipSpace(message, to);
      if (message[next] == ',') {
        to = next + 1;
      } else {
        int prev = keyStart - 1;
        while (prev > open && Character.isWhitespace(message[prev])) {
          prev--;
        }
        if (message[prev] == ',') {
          from = prev;
        }
      }
      out.write(message, 0, from);
      out.write(message, to, message.length - to);
    } else if (has) {
      out.write(message, 0, open + 1);
      write(out, "\"reactions\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      write(out, JsonBytes.encode(holder.getValue("reactions")));
      if (message[skipSpace(message, open + 1)] != '}') {
        out.write(',');
      }
      out.write(message, open + 1, message.length - open - 1);
    } else {
      return message;
    }
    return out.toByteArray();
  }

  private static int skipSpace(byte[] b, int i) {
    while (i < b.length && Character.isWhitespace(b[i])) {
      i++;
    }
    return i;
  }

  private static void write(ByteArrayOutputStream out, byte[] b) {
    out.write(b, 0, b.length);
  }
}
