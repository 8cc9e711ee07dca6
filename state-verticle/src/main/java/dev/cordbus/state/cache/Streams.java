package dev.cordbus.state.cache;

import dev.cordbus.state.store.JsonCursor;
import dev.cordbus.state.store.JsonSlice;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads dispatch bodies into patches with a {@link JsonCursor}: a whole member or presence body, or a big body split
 * at its top level into the arrays read element by element (GUILD_CREATE's and GUILD_MEMBERS_CHUNK's members and
 * presences) and the other fields.
 */
public final class Streams {

  private Streams() {
  }

  /**
   * A body split at the top level.
   *
   * @param fields the picked top-level fields as a small tree
   * @param ranges key → {from, to} in the slice's array, for the arrays left as bytes
   */
  public record Split(JsonObject fields, Map<String, int[]> ranges) {

    /** The range of an array left as bytes, or null. */
    public int[] range(String key) {
      return ranges.get(key);
    }
  }

  /** A body that is a member object (GUILD_MEMBER_UPDATE). */
  public static MemberPatch member(JsonSlice body) {
    try {
      JsonCursor c = JsonCursor.of(body);
      return c.kind() == JsonCursor.OBJECT ? MemberPatch.read(c) : new MemberPatch();
    } catch (IOException e) {
      throw new DecodeException("member body: " + e.getMessage(), e);
    }
  }

  /** A body that is a presence object (PRESENCE_UPDATE). */
  public static PresencePatch presence(JsonSlice body) {
    try {
      JsonCursor c = JsonCursor.of(body);
      return c.kind() == JsonCursor.OBJECT ? PresencePatch.read(c) : new PresencePatch();
    } catch (IOException e) {
      throw new DecodeException("presence body: " + e.getMessage(), e);
    }
  }

  /**
   * Splits a body: the arrays under {@code arrays} are left as byte ranges, the fields in {@code picked} (every other
   * field when null) are read into a tree, the rest is skipped unparsed.
   */
  public static Split split(JsonSlice body, Set<String> arrays, Set<String> picked) {
    JsonObject fields = new JsonObject();
    Map<String, int[]> ranges = new HashMap<>(4);
    try {
      JsonCursor c = JsonCursor.of(body);
      if (c.kind() != JsonCursor.OBJECT) {
        return new Split(fields, ranges);
      }
      c.enter();
      while (c.nextKey()) {
        String array = c.keyIn(arrays);
        if (array != null) {
          if (c.kind() == JsonCursor.ARRAY) {
            int from = c.start();
            c.skip();
            ranges.put(array, new int[] {from, c.position()});
          } else {
            c.skip();
            ranges.remove(array);
          }
        } else if (picked == null) {
          fields.put(c.key(), c.value());
        } else {
          String key = c.keyIn(picked);
          if (key != null) {
            fields.put(key, c.value());
          } else {
            c.skip();
          }
        }
      }
    } catch (IOException e) {
      throw new DecodeException("dispatch body: " + e.getMessage(), e);
    }
    return new Split(fields, ranges);
  }

  /** Each object of the array at {@code range} (null: none) as a member. */
  public static void members(JsonSlice body, int[] range, Consumer<MemberPatch> action) {
    objects(body, range, c -> action.accept(MemberPatch.read(c)));
  }

  /** Each object of the array at {@code range} (null: none) as a presence. */
  public static void presences(JsonSlice body, int[] range, Consumer<PresencePatch> action) {
    objects(body, range, c -> action.accept(PresencePatch.read(c)));
  }

  private interface Reader {
    void read(JsonCursor c) throws IOException;
  }

  private static void objects(JsonSlice body, int[] range, Reader reader) {
    if (range == null) {
      return;
    }
    try {
      JsonCursor c = new JsonCursor(body.array(), range[0], range[1]);
      if (c.kind() != JsonCursor.ARRAY) {
        return;
      }
      c.enter();
      while (c.nextElement()) {
        if (c.kind() == JsonCursor.OBJECT) {
          reader.read(c);
        } else {
          c.skip();
        }
      }
    } catch (IOException e) {
      throw new DecodeException("dispatch array: " + e.getMessage(), e);
    }
  }
}
