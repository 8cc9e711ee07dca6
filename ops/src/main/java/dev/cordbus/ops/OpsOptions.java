package dev.cordbus.ops;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code ops} section of a cordbus verticle's config (every verticle reads the same keys), with environment
 * overrides. Parsed once; a bad value throws {@link OpsException} naming the field.
 *
 * @param metrics whether this verticle records its {@code cordbus_*} meters ({@code ops.metrics}, env {@code
 *     CORDBUS_METRICS}; default true); false binds them to a no-op registry
 * @param port the node's operations HTTP port ({@code ops.port}, env {@code CORDBUS_OPS_PORT}); null = no server,
 *     0 = any free port (tests)
 * @param host the address the server binds ({@code ops.host}, env {@code CORDBUS_OPS_HOST}; default 127.0.0.1)
 * @param console whether the server also serves the live console at {@code /console/} ({@code ops.console}, env
 *     {@code CORDBUS_CONSOLE}; default false)
 * @param secret the console's secret ({@code ops.secret}, env {@code CORDBUS_CONSOLE_SECRET}); required when the
 *     console binds anything but loopback; the page is then opened as {@code /console/?key=<secret>}
 * @param minNodes cluster members needed for {@code /health/ready} ({@code ops.minNodes}, env {@code
 *     CORDBUS_MIN_NODES}; default 1)
 */
public record OpsOptions(boolean metrics, Integer port, String host, boolean console, String secret, int minNodes) {

  /** Default bind address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
  private static final Set<String> KEYS = Set.of("metrics", "port", "host", "console", "secret", "minNodes");

  /** Metrics on, no server. */
  public static final OpsOptions DEFAULT = new OpsOptions(true, null, DEFAULT_HOST, false, null, 1);

  /** Reads {@code config.ops} with the process environment. */
  public static OpsOptions of(JsonObject config) {
    return of(config, System::getenv);
  }

  /** Reads {@code config.ops} (absent = defaults) with {@code env} for the overrides. */
  public static OpsOptions of(JsonObject config, Function<String, String> env) {
    Object raw = config == null ? null : config.getValue("ops");
    if (raw != null && !(raw instanceof JsonObject)) {
      throw new OpsException("ops: expected an object such as {\"port\": 9100, \"console\": true}, got " + raw);
    }
    JsonObject o = raw == null ? new JsonObject() : (JsonObject) raw;
    for (String key : o.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new OpsException("ops." + key + ": unknown key; known keys are " + KEYS);
      }
    }
    boolean metrics = bool(o, "metrics", env.apply("CORDBUS_METRICS"), true);
    Integer port = port(o, env.apply("CORDBUS_OPS_PORT"));
    String host = string(o, "host", env.apply("CORDBUS_OPS_HOST"), DEFAULT_HOST);
    boolean console = bool(o, "console", env.apply("CORDBUS_CONSOLE"), false);
    String secret = string(o, "secret", env.apply("CORDBUS_CONSOLE_SECRET"), null);
    int minNodes = integer(o, "minNodes", env.apply("CORDBUS_MIN_NODES"), 1);
    if (minNodes < 1) {
      throw new OpsException("ops.minNodes: must be at least 1, got " + minNodes);
    }
    if (console && port == null) {
      throw new OpsException("ops.console: the console needs ops.port (or CORDBUS_OPS_PORT) to be served");
    }
    if (console && secret == null && !LOOPBACK.contains(host)) {
      throw new OpsException("ops.secret: the console binds " + host + " (not loopback): set CORDBUS_CONSOLE_SECRET"
          + " (or ops.secret), or bind 127.0.0.1");
    }
    if (secret != null && secret.length() < 16) {
      throw new OpsException("ops.secret: use at least 16 characters (for example `openssl rand -hex 24`)");
    }
    return new OpsOptions(metrics, port, host, console, secret, minNodes);
  }

  /** Whether this node should run the operations HTTP server. */
  public boolean serves() {
    return port != null;
  }

  private static boolean bool(JsonObject o, String key, String envValue, boolean def) {
    if (envValue != null && !envValue.isBlank()) {
      return switch (envValue.trim().toLowerCase()) {
        case "true", "on", "1", "yes" -> true;
        case "false", "off", "0", "no" -> false;
        default -> throw new OpsException("ops." + key + ": environment override must be true or false, got '"
            + envValue + "'");
      };
    }
    Object v = o.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Boolean b)) {
      throw new OpsException("ops." + key + ": expected true or false, got " + v);
    }
    return b;
  }

  private static Integer port(JsonObject o, String envValue) {
    Object v = envValue != null && !envValue.isBlank() ? envValue.trim() : o.getValue("port");
    if (v == null) {
      return null;
    }
    int p;
    try {
      p = v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
    } catch (NumberFormatException e) {
      throw new OpsException("ops.port: expected a port number 0..65535, got '" + v + "'");
    }
    if (p < 0 || p > 65535) {
      throw new OpsException("ops.port: expected a port number 0..65535, got " + p);
    }
    return p;
  }

  private static int integer(JsonObject o, String key, String envValue, int def) {
    Object v = envValue != null && !envValue.isBlank() ? envValue.trim() : o.getValue(key);
    if (v == null) {
      return def;
    }
    try {
      return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
    } catch (NumberFormatException e) {
      throw new OpsException("ops." + key + ": expected an integer, got '" + v + "'");
    }
  }

  private static String string(JsonObject o, String key, String envValue, String def) {
    if (envValue != null && !envValue.isBlank()) {
      return envValue.trim();
    }
    Object v = o.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new OpsException("ops." + key + ": expected a non-empty string, got " + v);
    }
    return s;
  }
}
