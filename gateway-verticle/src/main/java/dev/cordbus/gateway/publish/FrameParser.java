package dev.cordbus.gateway.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cordbus.gateway.GatewayException;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses a gateway frame once with Jackson and checks the envelope (GATEWAY.md §2). Limits: nesting depth
 * {@value #MAX_DEPTH} (a 10,000-deep frame fails cleanly, no StackOverflowError), duplicate keys rejected
 * (deterministic), trailing tokens rejected. Thread-safe.
 */
public final class FrameParser {

  /** Maximum JSON nesting depth. */
  public static final int MAX_DEPTH = 1000;

  private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
              .maxStringLength(64 * 1024 * 1024).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /**
   * Parses {@code text}.
   *
   * @throws GatewayException kind {@code BAD_FRAME} with a reason; when the frame is a dispatch whose {@code s} is
   *     valid but whose {@code d} is not an object, the returned frame is still produced (the caller records s)
   */
  public Frame parse(String text) {
    Object root;
    try {
      root = mapper.readValue(text, Object.class);
    } catch (StackOverflowError e) {
      throw bad("nesting too deep", text);
    } catch (Exception e) {
      throw bad("not valid JSON (" + firstLine(e.getMessage()) + ")", text);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw bad("top-level value is not a JSON object", text);
    }
    Object op = map.get("op");
    if (!(op instanceof Long || op instanceof Integer)) {
      throw bad(op == null ? "op missing or null" : "op is not an integer: " + abbreviate(op), text);
    }
    long opValue = ((Number) op).longValue();
    if (opValue < 0 || opValue > Integer.MAX_VALUE) {
      throw bad("op out of range: " + opValue, text);
    }
    int opcode = (int) opValue;
    Object d = map.get("d");
    if (opcode != Frame.DISPATCH) {
      return new Frame(opcode, -1, null, d, text);
    }
    Object s = map.get("s");
    if (!(s instanceof Long || s instanceof Integer) || ((Number) s).longValue() < 0) {
      throw bad(s == null ? "dispatch without s" : "invalid s: " + abbreviate(s), text);
    }
    Object t = map.get("t");
    if (!(t instanceof String name) || !EVENT_NAME.matcher(name).matches()) {
      throw bad(t == null ? "dispatch without t" : "invalid event name t: " + abbreviate(t), text);
    }
    return new Frame(opcode, ((Number) s).longValue(), name, d, text);
  }

  private static GatewayException bad(String reason, String text) {
    return new GatewayException(GatewayException.Kind.BAD_FRAME, reason, null, abbreviate(text));
  }

  private static String abbreviate(Object value) {
    String s = value instanceof BigInteger ? value.toString() : String.valueOf(value);
    return s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unparsable";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 160) : line;
  }

  /** The underlying mapper (configured as above), for encoding outgoing payloads. */
  public ObjectMapper mapper() {
    return mapper;
  }
}
