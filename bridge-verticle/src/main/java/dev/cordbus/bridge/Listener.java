package dev.cordbus.bridge;

import dev.cordbus.api.config.OptionReader;
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

  /**
   * Parses the section {@code name} of {@code config}: {@code false} = disabled, absent or {@code true} = the
   * defaults, else {@code {host, port, path}}; problems are recorded in {@code config} (named {@code tcp.port}...).
   */
  static Listener parse(OptionReader config, String name, int defaultPort, String defaultPath) {
    Object section = config.raw(name);
    if (Boolean.FALSE.equals(section)) {
      return new Listener(State.DISABLED, DEFAULT_HOST, defaultPort, defaultPath);
    }
    if (section != null && !Boolean.TRUE.equals(section) && !(section instanceof JsonObject)) {
      config.fail(name, "expected an object {host, port" + (defaultPath != null ? ", path" : "")
          + "} or false, got " + section);
      return new Listener(State.DISABLED, DEFAULT_HOST, defaultPort, defaultPath);
    }
    OptionReader r = section instanceof JsonObject ? config.section(name) : new OptionReader(new JsonObject());
    String host = r.string("host", DEFAULT_HOST);
    int port = r.intValue("port", defaultPort, 0, 65535);
    String path = null;
    if (defaultPath != null) {
      String s = r.string("path", defaultPath);
      if (!s.startsWith("/") || s.length() < 2) {
        r.fail("path", "expected a path such as /eventbus, got " + s);
        s = defaultPath;
      }
      path = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
    return new Listener(State.ENABLED, host, port, path);
  }

  /** Whether the bridge runs. */
  public boolean enabled() {
    return state == State.ENABLED;
  }
}
