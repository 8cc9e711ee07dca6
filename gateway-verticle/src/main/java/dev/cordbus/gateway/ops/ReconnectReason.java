package dev.cordbus.gateway.ops;

/**
 * The label value of a reconnect's reason: a short fixed word per cause, never the server's free-text close reason
 * (which could carry anything). Pure.
 */
public final class ReconnectReason {

  private ReconnectReason() {
  }

  /**
   * @param initiator {@code CLIENT}, {@code SERVER} or {@code CUT} (who ended the connection)
   * @param reason the shard's own description of a client-side close
   */
  public static String of(String initiator, String reason) {
    if ("SERVER".equals(initiator)) {
      return "server_close";
    }
    if ("CUT".equals(initiator)) {
      return "connection_lost";
    }
    String r = reason == null ? "" : reason;
    if (r.startsWith("server requested reconnect")) {
      return "op7_reconnect";
    }
    if (r.startsWith("zombied")) {
      return "zombie";
    }
    if (r.startsWith("invalid session")) {
      return "invalid_session";
    }
    if (r.startsWith("corrupt")) {
      return "corrupt_stream";
    }
    if (r.contains("HELLO")) {
      return "hello";
    }
    if (r.startsWith("re-identify")) {
      return "reidentify";
    }
    return "other";
  }
}
