package dev.cordbus.api.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordbus.api.dispatch.DispatchBody;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;

/**
 * Decodes event bodies into the typed records and encodes records back to JSON. A dispatch body whose tree nobody
 * built yet ({@link DispatchBody}) is read straight from the received bytes (no {@code JsonObject} tree is built);
 * a body whose tree exists (another consumer on the node read it, or a plain {@code JsonObject}) is converted from
 * the tree, which costs less than parsing again. Unknown keys never fail a decode: every record keeps them in
 * its {@code extra} map.
 */
public final class TypedJson {

  /** Vert.x's mapper (it knows {@code JsonObject}/{@code JsonArray}), lenient on unknown keys. */
  private static final ObjectMapper MAPPER = DatabindCodec.mapper().copy()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private TypedJson() {
  }

  /** The mapper used for every typed decode (shared, thread-safe; do not reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The Jackson type of {@code raw} parameterised with {@code params} (e.g. {@code Change<Message>}). */
  public static JavaType type(Class<?> raw, Class<?>... params) {
    return params.length == 0 ? MAPPER.constructType(raw)
        : MAPPER.getTypeFactory().constructParametricType(raw, params);
  }

  /**
   * Decodes {@code body} into {@code type}.
   *
   * @throws DecodeFailure naming the event and what was wrong when the body does not fit the record
   */
  public static <T> T decode(String event, JsonObject body, JavaType type) {
    if (body == null) {
      return null;
    }
    try {
      DispatchBody bytes = DispatchBody.of(body);
      if (bytes != null && !bytes.isParsed()) { // nobody on this node built the tree: read the bytes once
        return MAPPER.readValue(bytes.array(), bytes.offset(), bytes.length(), type);
      }
      return MAPPER.convertValue(body, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new DecodeFailure(event, type, e);
    }
  }

  /** A record (or any value) as a {@code JsonObject}: every named field plus everything kept in {@code extra}. */
  public static JsonObject encode(Object value) {
    try {
      return new JsonObject(io.vertx.core.buffer.Buffer.buffer(MAPPER.writeValueAsBytes(value)));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  /** A body that does not fit its record (a wrong type for a named field, not JSON...). */
  public static final class DecodeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DecodeFailure(String event, JavaType type, Exception cause) {
      super("could not decode " + event + " into " + type.toCanonical().replace("dev.cordbus.api.", "")
          + ": " + firstLine(cause.getMessage())
          + ". The JSON body is still available through event.json(); report the payload if it came from Discord",
          cause);
    }

    private static String firstLine(String s) {
      if (s == null) {
        return "no detail";
      }
      int nl = s.indexOf('\n');
      return nl < 0 ? s : s.substring(0, nl);
    }
  }
}
