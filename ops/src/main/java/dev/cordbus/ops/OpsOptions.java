package dev.cordbus.ops;

import dev.cordbus.api.config.OptionReader;
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

  /**
   * Reads {@code config.ops} (absent = defaults) with {@code env} for the overrides; one {@link OpsException} names
   * every bad field ({@code ops.port: ...; ops.minNodes: ...}).
   */
  public static OpsOptions of(JsonObject config, Function<String, String> env) {
    OptionReader r = new OptionReader(config, env).section("ops");
    r.onlyKeys(KEYS);
    boolean metrics = r.bool("metrics", "CORDBUS_METRICS", true);
    Integer port = r.optionalInt("port", "CORDBUS_OPS_PORT", 0, 65535);
    String host = r.string("host", "CORDBUS_OPS_HOST", DEFAULT_HOST);
    boolean console = r.bool("console", "CORDBUS_CONSOLE", false);
    String secret = r.string("secret", "CORDBUS_CONSOLE_SECRET", null);
    int minNodes = r.intValue("minNodes", "CORDBUS_MIN_NODES", 1, 1, 10_000);
    if (console && port == null && !r.has("port")) {
      r.fail("console", "the console needs ops.port (or CORDBUS_OPS_PORT) to be served");
    }
    if (console && secret == null && !LOOPBACK.contains(host)) {
      r.fail("secret", "the console binds " + host + " (not loopback): set CORDBUS_CONSOLE_SECRET"
          + " (or ops.secret), or bind 127.0.0.1");
    }
    if (secret != null && secret.length() < 16) {
      r.fail("secret", "use at least 16 characters (for example `openssl rand -hex 24`)");
    }
    r.throwIfInvalid("ops", OpsException::new);
    return new OpsOptions(metrics, port, host, console, secret, minNodes);
  }

  /** Whether this node should run the operations HTTP server. */
  public boolean serves() {
    return port != null;
  }
}
