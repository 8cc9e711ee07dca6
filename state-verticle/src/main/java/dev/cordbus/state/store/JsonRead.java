package dev.cordbus.state.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reading fields straight from JSON bytes with Jackson's streaming parser (no tree). A parser is created over a slice
 * {@code array[base .. base + length)}; its locations are relative to {@code base}. Values the cache does not model
 * (rare: unknown keys) are decoded from their own bytes into Vert.x's JSON types, exactly as a tree would hold them.
 */
public final class JsonRead {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonRead() {
  }

  /** A parser over {@code length} bytes of {@code array} from {@code base}, positioned before the first token. */
  public static JsonParser parser(byte[] array, int base, int length) {
    try {
      return FACTORY.createParser(array, base, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the current token starts in the array. */
  public static int start(JsonParser p, int base) {
    return base + (int) p.currentTokenLocation().getByteOffset();
  }

  /** Where the last token read ends in the array. */
  public static int end(JsonParser p, int base) {
    return base + (int) p.currentLocation().getByteOffset();
  }

  /** Skips the current value (the whole object or array when at its start) and returns where it ended. */
  public static int skip(JsonParser p, int base) throws IOException {
    p.skipChildren();
    return end(p, base);
  }

  /**
   * The current value as a {@code JsonObject} would hold it: string, boolean, null, or, for numbers, objects and
   * arrays, Vert.x's decoding of its bytes. The parser is left on the value's last token.
   */
  public static Object value(JsonParser p, byte[] array, int base) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    int from = start(p, base);
    int to = skip(p, base);
    try {
      return Json.decodeValue(Buffer.buffer(Arrays.copyOfRange(array, from, to)));
    } catch (DecodeException e) {
      throw new IOException(e);
    }
  }

  /** The current value when it is a string, else null (a container is skipped). */
  public static String string(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** The current value as a snowflake (a string or a number, as {@link Ids#parse}), else 0. */
  public static long id(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return Ids.parse(p.getText());
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getNumberValue().longValue();
    }
    p.skipChildren();
    return 0;
  }

  /** The current value as an id array (malformed ids skipped, as {@link Ids#array}), or null when not an array. */
  public static long[] ids(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    long[] out = new long[8];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long id = id(p);
      if (id != 0) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = id;
      }
    }
    return n == 0 ? Ids.EMPTY : Arrays.copyOf(out, n);
  }

  /** Whether the current token is a number. */
  public static boolean isNumber(JsonParser p) {
    return p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT;
  }
}
