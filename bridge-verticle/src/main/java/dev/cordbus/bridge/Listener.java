package dev.cordbus.bridge;

import io.vertx.core.json.JsonObject;

/**
 * Where one bridge listens: {@code {host, port, path}} ({@code path} only for SockJS). {@link State#DISABLED} when
 * the section is {@code false}.
 */
public record Listener(State state, String host, int port, String path) {

  /** Whether the bridge runs. */
  public enum State {
    ENABLED,
    DISABLED
  }

  /** The default host: loopback only, so nothing is exposed by accident. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  static Listener parse(Object section, String name, int defaultPort, String defaultPath) {
    if (Boolean.FALSE.equals(section)) {
      return new Listener(State.DISABLED, DEFAULT_HOST, defaultPort, defaultPath);
    }
    JsonObject j;
    if (section == null || Boolean.TRUE.equals(section)) {
      j = new JsonObject();
    } else if (section instanceof JsonObject o) {
      j = o;
    } else {
      throw config(name + ": expected an object {host, port" + (defaultPath != null ? ", path" : "")
          + "} or false, got " + section);
    }
    Object host = j.getValue("host", DEFAULT_HOST);
    if (!(host instanceof String h) || h.isBlank()) {
      throw config(name + ".host: expected a host name or address, got " + host);
    }
    Object port = j.getValue("port", defaultPort);
    if (!(port instanceof Number p) || p.doubleValue() != p.intValue() || p.intValue() < 0 || p.intValue() > 65535) {
      throw config(name + ".port: expected 0..65535 (0 = any free port), got " + port);
    }
    String path = null;
    if (defaultPath != null) {
      Object v = j.getValue("path", defaultPath);
      if (!(v instanceof String s) || !s.startsWith("/") || s.length() < 2) {
        throw config(name + ".path: expected a path such as /eventbus, got " + v);
      }
      path = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
    return new Listener(State.ENABLED, h, p.intValue(), path);
  }

  private static BridgeException config(String message) {
    return new BridgeException(BridgeException.Kind.CONFIG, message);
  }

  /** Whether the bridge runs. */
  public boolean enabled() {
    return state == State.ENABLED;
  }
}
