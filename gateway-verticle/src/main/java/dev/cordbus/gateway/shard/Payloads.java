package dev.cordbus.gateway.shard;

import dev.cordbus.gateway.config.GatewayOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The protocol payloads a shard sends (GATEWAY.md §4, §6). Pure. */
public final class Payloads {

  /** {@code properties.browser} and {@code properties.device}. */
  public static final String LIBRARY = "cordbus";

  private Payloads() {
  }

  /** op 1 with the last sequence, or null before any dispatch. */
  public static JsonObject heartbeat(long seq) {
    return new JsonObject().put("op", 1).put("d", seq < 0 ? null : seq);
  }

  /** op 2 IDENTIFY for shard {@code [id, count]}. */
  public static JsonObject identify(GatewayOptions options, int id, int count) {
    JsonObject d = new JsonObject()
        .put("token", options.token())
        .put("properties", new JsonObject().put("os", System.getProperty("os.name", "unknown").toLowerCase())
            .put("browser", LIBRARY).put("device", LIBRARY))
        .put("compress", false)
        .put("large_threshold", options.largeThreshold())
        .put("shard", new JsonArray().add(id).add(count))
        .put("intents", options.intents());
    JsonObject presence = options.presence();
    if (presence != null) {
      d.put("presence", presence);
    }
    return new JsonObject().put("op", 2).put("d", d);
  }

  /** op 6 RESUME. */
  public static JsonObject resume(String token, String sessionId, long seq) {
    return new JsonObject().put("op", 6).put("d", new JsonObject().put("token", token)
        .put("session_id", sessionId).put("seq", seq < 0 ? null : seq));
  }
}
