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
 * Reading fields from JSON bytes with Jackson's streaming parser (test only): what the state verticle used before
 * {@link JsonCursor}, kept for the reference readers ({@code JacksonPatches}, {@code MessageReaders}) that the cursor is
 * compared with and measured against. A parser is created over a slice {@code array[base .. base + length)}; its
 * locations are relative to {@code base}. Unknown values are decoded from their own bytes into Vert.x's JSON types.
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
}
