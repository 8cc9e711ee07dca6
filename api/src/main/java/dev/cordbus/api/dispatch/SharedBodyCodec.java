package dev.cordbus.api.dispatch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Hands one dispatch body to every local consumer by reference (Vert.x's JSON codec deep-copies it per consumer).
 * Used only for local-only deliveries by the {@link DispatchRelay}; the wire methods exist for completeness and
 * write the JSON bytes as received.
 */
public final class SharedBodyCodec implements MessageCodec<JsonObject, JsonObject> {

  /** The codec name. */
  public static final String NAME = "cordbus.shared-dispatch";

  @Override
  public void encodeToWire(Buffer buffer, JsonObject body) {
    Buffer encoded = DispatchBody.bytesOf(body);
    buffer.appendInt(encoded.length());
    buffer.appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return DispatchBody.json(buffer.getBytes(pos + 4, pos + 4 + length), 0, length);
  }

  @Override
  public JsonObject transform(JsonObject body) {
    return body;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
