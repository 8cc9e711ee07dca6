package dev.cordbus.gateway.command;

import dev.cordbus.gateway.error.GatewayException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Validation and encoding of gateway commands sent by bots ({@code {op, d}}) and redaction of outgoing payloads.
 * Protocol opcodes (heartbeat, identify, resume and every receive-only op) are the shard's business and refused.
 */
public final class GatewayCommands {

  /** Largest payload Discord accepts (GATEWAY.md §10); bigger ones close the connection with 4002. */
  public static final int MAX_PAYLOAD_BYTES = 4096;

  /** Opcodes only the shard itself may send, or that are receive-only. */
  private static final Set<Integer> RESERVED = Set.of(0, 1, 2, 5, 6, 7, 9, 10, 11);

  private GatewayCommands() {
  }

  /**
   * Checks a command body {@code {op, d}} and returns the payload text to send.
   *
   * @throws GatewayException kind INVALID_COMMAND naming what is wrong
   */
  public static String encode(JsonObject body) {
    if (body == null) {
      throw invalid("the command body must be a JSON object {op, d}");
    }
    Object op = body.getValue("op");
    if (!(op instanceof Integer || op instanceof Long) || ((Number) op).longValue() < 0
        || ((Number) op).longValue() > 255) {
      throw invalid("op must be an integer opcode, was " + op);
    }
    int opcode = ((Number) op).intValue();
    if (RESERVED.contains(opcode)) {
      throw invalid("op " + opcode + " is handled by the shard itself or cannot be sent by a client");
    }
    Object d = body.getValue("d");
    if (!(d instanceof JsonObject)) {
      throw invalid("d must be a JSON object for op " + opcode);
    }
    String text = new JsonObject().put("op", opcode).put("d", d).encode();
    int size = text.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_PAYLOAD_BYTES) {
      throw invalid("payload is " + size + " bytes; Discord accepts at most " + MAX_PAYLOAD_BYTES
          + " bytes per gateway payload");
    }
    return text;
  }

  /** A copy of an outgoing payload with {@code d.token} replaced by {@code ***}. */
  public static JsonObject redact(JsonObject payload) {
    JsonObject copy = payload.copy();
    Object d = copy.getValue("d");
    if (d instanceof JsonObject dj && dj.containsKey("token")) {
      dj.put("token", "***");
    }
    return copy;
  }

  private static GatewayException invalid(String message) {
    return new GatewayException(GatewayException.Kind.INVALID_COMMAND, "invalid gateway command: " + message);
  }
}
