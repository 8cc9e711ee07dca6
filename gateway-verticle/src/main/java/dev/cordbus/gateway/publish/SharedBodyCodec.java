package dev.cordbus.gateway.publish;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Passes a dispatch's {@code d} to local consumers by reference: the gateway parses a frame once and every consumer
 * on the node receives that same {@link JsonObject} (Vert.x's default JSON codec deep-copies it once per consumer).
 * Consumers must treat the body as read-only and {@code copy()} it before changing it. Used only on a non-clustered
 * event bus: a clustered bus would name this codec on the wire and a node without it could not decode the message,
 * so clustered gateways keep the default codec. The wire methods mirror the default JSON codec anyway.
 */
public final class SharedBodyCodec implements MessageCodec<JsonObject, JsonObject> {

  /** The codec name. */
  public static final String NAME = "cordbus.shared-dispatch";

  /** Registers the codec on {@code bus} unless already there (several gateway verticles may share a Vert.x). */
  public static void registerOn(EventBus bus) {
    try {
      bus.registerCodec(new SharedBodyCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // another gateway verticle of this Vert.x registered it first
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject body) {
    Buffer encoded = body.toBuffer();
    buffer.appendInt(encoded.length());
    buffer.appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    pos += 4;
    return new JsonObject(buffer.slice(pos, pos + length));
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
