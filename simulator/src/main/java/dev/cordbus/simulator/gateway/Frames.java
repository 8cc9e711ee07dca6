package dev.cordbus.simulator.gateway;

import io.vertx.core.json.JsonObject;

/** Server-to-client frames as text. Pure. */
public final class Frames {

  private Frames() {
  }

  /** op 10 HELLO. */
  public static String hello(int heartbeatIntervalMs) {
    return "{\"op\":10,\"d\":{\"heartbeat_interval\":" + heartbeatIntervalMs + "},\"s\":null,\"t\":null}";
  }

  /** op 11 HEARTBEAT_ACK, the docs' form. */
  public static String heartbeatAck() {
    return "{\"op\":11}";
  }

  /** op 1: the server asks for a heartbeat now. */
  public static String heartbeatRequest() {
    return "{\"op\":1,\"d\":null,\"s\":null,\"t\":null}";
  }

  /** op 7 RECONNECT. */
  public static String reconnect() {
    return "{\"op\":7,\"d\":null,\"s\":null,\"t\":null}";
  }

  /** op 9 INVALID_SESSION. */
  public static String invalidSession(boolean resumable) {
    return "{\"op\":9,\"d\":" + resumable + ",\"s\":null,\"t\":null}";
  }

  /** op 0 dispatch with an already serialised {@code d}. */
  public static String dispatch(long seq, String event, String d) {
    return "{\"op\":0,\"s\":" + seq + ",\"t\":\"" + event + "\",\"d\":" + d + "}";
  }

  /** A client frame with its token replaced by {@code "***"} (IDENTIFY, RESUME), for logs and records. */
  public static JsonObject redact(JsonObject frame) {
    Object d = frame.getValue("d");
    if (d instanceof JsonObject dj && dj.containsKey("token")) {
      JsonObject copy = frame.copy();
      copy.getJsonObject("d").put("token", "***");
      return copy;
    }
    return frame;
  }
}
