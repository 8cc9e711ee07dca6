package dev.cordbus.state.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Encodes JSON trees (JsonObject/JsonArray and the Map/List/String/Number/Boolean/null values the gateway's parser
 * produces) to UTF-8 bytes with Jackson's streaming generator, walking the tree directly. Vert.x's default encoding
 * goes through databind's {@code MapSerializer}, which looks up a serializer per value; this is the hottest path of
 * the state verticle (every MESSAGE_CREATE is stored as bytes). Values of any other type are written as Vert.x
 * encodes them, so the bytes are what {@code Json.encodeToBuffer} gave.
 */
public final class JsonBytes {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonBytes() {
  }

  /** The UTF-8 JSON bytes of {@code value}. */
  public static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Map<?, ?> m) {
      writeMap(g, m);
    } else if (v instanceof JsonObject o) {
      writeMap(g, o.getMap());
    } else if (v instanceof List<?> l) {
      writeList(g, l);
    } else if (v instanceof JsonArray a) {
      writeList(g, a.getList());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (v instanceof Number n) {
      g.writeNumber(n.toString());
    } else {
      g.writeRawValue(Json.encode(v)); // anything else (Instant, byte[], Buffer, enums): Vert.x's own encoding
    }
  }

  private static void writeMap(JsonGenerator g, Map<?, ?> m) throws IOException {
    g.writeStartObject();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      g.writeFieldName(String.valueOf(e.getKey()));
      write(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void writeList(JsonGenerator g, List<?> l) throws IOException {
    g.writeStartArray();
    for (Object o : l) {
      write(g, o);
    }
    g.writeEndArray();
  }
}
