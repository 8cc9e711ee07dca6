package dev.cordbus.bridge;

import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.api.config.OptionReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Configuration of {@link BridgeVerticle}, parsed once. JSON keys:
 * <ul>
 *   <li>{@code tcp}: {@code {host, port}} of the TCP event-bus bridge (4-byte big-endian length + JSON frames), or
 *   {@code false}; default {@code 127.0.0.1:7000}.</li>
 *   <li>{@code sockjs}: {@code {host, port, path}} of the SockJS bridge, or {@code false}; default
 *   {@code 127.0.0.1:8080/eventbus}.</li>
 *   <li>{@code outbound}: rules of the addresses clients may register on (see {@link AddressRule}); default
 *   {@code ["discord\\..+"]}. Service addresses are never registrable ({@link BridgeAddresses#SERVICE_ADDRESSES}).</li>
 *   <li>{@code inbound}: rules of the addresses clients may send or publish to; default none. Needs the secret.</li>
 *   <li>{@code secretHeader}: header carrying the secret or a client token, on REGISTER, SEND and PUBLISH; default
 *   {@code x-cordbus-secret}.</li>
 *   <li>{@code clients}: {@code [{"name": "pybot", "tokenEnv": "PYBOT_TOKEN"}]}, per-client tokens read from the
 *   named environment variables; each works like the shared secret and can be revoked alone.</li>
 *   <li>{@code anonymousListeners}: {@code true} lets REGISTER through without a secret; only accepted when every
 *   bridge listens on a loopback address; default false.</li>
 *   <li>{@code maxDenials}: denied frames after which a connection is closed; default {@value #DEFAULT_MAX_DENIALS}.</li>
 *   <li>{@code tls}: {@code {keyPath, certPath}} (PEM) to serve both bridges over TLS; default none.</li>
 *   <li>{@code replyTimeoutMs}: how long a client's request waits for a reply; default 30000.</li>
 *   <li>{@code services}: whether this node splits interactions by kind for its clients and answers
 *   {@code discord.state.routed}; default true.</li>
 * </ul>
 * The shared secret comes only from the environment variable {@code CORDBUS_BRIDGE_SECRET} (at least
 * {@value #MIN_SECRET_LENGTH} characters), tokens only from their own variables; a {@code secret} or {@code token}
 * key in the config is rejected. Without any secret the bridge does not start unless {@code anonymousListeners} is
 * set (loopback only). Secrets are never printed.
 */
public final class BridgeVerticleOptions {

  /** Default TCP bridge port. */
  public static final int DEFAULT_TCP_PORT = 7000;
  /** Default SockJS bridge port. */
  public static final int DEFAULT_SOCKJS_PORT = 8080;
  /** Default SockJS path. */
  public static final String DEFAULT_SOCKJS_PATH = "/eventbus";
  /** Default reply timeout of a client's request. */
  public static final long DEFAULT_REPLY_TIMEOUT_MS = 30_000;
  /** Shortest accepted secret. */
  public static final int MIN_SECRET_LENGTH = 16;
  /** Default number of denied frames after which a connection is closed. */
  public static final int DEFAULT_MAX_DENIALS = 5;

  private final Listener tcp;
  private final Listener sockjs;
  private final List<AddressRule> outbound;
  private final List<AddressRule> inbound;
  private final String secret;
  private final String secretHeader;
  private final long replyTimeoutMs;
  private final Map<String, String> clientTokens;
  private final boolean anonymousListeners;
  private final int maxDenials;
  private final TlsOptions tls;
  private final boolean services;

  /** Parses {@code json} with the process environment. */
  public BridgeVerticleOptions(JsonObject json) {
    this(json, System::getenv);
  }

  /**
   * Parses {@code json}, reading the secret through {@code env}; throws one CONFIG error naming every bad field
   * (the shared {@link OptionReader} rules: whole numbers only, every problem in one message).
   */
  public BridgeVerticleOptions(JsonObject json, Function<String, String> env) {
    JsonObject j = json == null ? new JsonObject() : json;
    List<String> errors = new ArrayList<>();
    OptionReader r = new OptionReader(j, env, errors);
    if (j.containsKey("secret")) {
      r.fail("secret", "must not be in the config file; set the " + BridgeAddresses.SECRET_ENV
          + " environment variable");
    }
    this.tcp = Listener.parse(r, "tcp", DEFAULT_TCP_PORT, null);
    this.sockjs = Listener.parse(r, "sockjs", DEFAULT_SOCKJS_PORT, DEFAULT_SOCKJS_PATH);
    if (!tcp.enabled() && !sockjs.enabled() && errors.isEmpty()) {
      errors.add("tcp, sockjs: both bridges are disabled; enable one");
    }
    this.outbound = attempt(errors, () -> rules(j, "outbound", List.of(BridgeAddresses.DEFAULT_OUTBOUND_REGEX)),
        List.of());
    this.inbound = attempt(errors, () -> rules(j, "inbound", List.of()), List.of());
    this.secretHeader = r.string("secretHeader", BridgeAddresses.DEFAULT_SECRET_HEADER);
    this.replyTimeoutMs = r.longValue("replyTimeoutMs", DEFAULT_REPLY_TIMEOUT_MS, 1, 600_000);
    String s = env.apply(BridgeAddresses.SECRET_ENV);
    this.secret = s == null || s.isEmpty() ? null : s;
    if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
      errors.add(BridgeAddresses.SECRET_ENV + ": the secret must have at least " + MIN_SECRET_LENGTH
          + " characters");
    }
    int before = errors.size();
    this.clientTokens = attempt(errors, () -> clients(j.getValue("clients"), env), Map.of());
    boolean clientsBad = errors.size() > before;
    if (!inbound.isEmpty() && secret == null && clientTokens.isEmpty()) {
      r.fail("inbound", "inbound addresses are configured but " + BridgeAddresses.SECRET_ENV
          + " is not set (nor any clients[].tokenEnv); inbound messages must carry that secret");
    }
    this.anonymousListeners = r.bool("anonymousListeners", false);
    if (!anonymousListeners && secret == null && clientTokens.isEmpty() && !clientsBad) {
      errors.add(BridgeAddresses.SECRET_ENV + ": not set and no clients configured, so anyone reaching the port"
          + " would read every event; set the secret, list clients with tokenEnv, or set anonymousListeners: true"
          + " (loopback only)");
    }
    if (anonymousListeners) {
      for (Listener l : List.of(tcp, sockjs)) {
        if (l.enabled() && !loopback(l.host())) {
          r.fail("anonymousListeners", "only allowed when the bridges listen on loopback, but a bridge listens"
              + " on " + l.host() + "; set " + BridgeAddresses.SECRET_ENV + " instead");
        }
      }
    }
    this.maxDenials = r.intValue("maxDenials", DEFAULT_MAX_DENIALS, 1, 10_000);
    this.tls = attempt(errors, () -> TlsOptions.parse(j.getValue("tls")), null);
    this.services = r.bool("services", true);
    r.throwIfInvalid("bridge", BridgeVerticleOptions::config);
  }

  /** Runs a parse that throws a CONFIG error naming its field, recording the message instead. */
  private static <T> T attempt(List<String> errors, Supplier<T> parse, T fallback) {
    try {
      return parse.get();
    } catch (BridgeException e) {
      errors.add(e.getMessage());
      return fallback;
    }
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static Map<String, String> clients(Object v, Function<String, String> env) {
    Map<String, String> tokens = new LinkedHashMap<>();
    if (v == null) {
      return tokens;
    }
    if (!(v instanceof JsonArray a)) {
      throw config("clients: expected an array of {\"name\": ..., \"tokenEnv\": ...}, got " + v);
    }
    for (int i = 0; i < a.size(); i++) {
      String field = "clients[" + i + "]";
      if (!(a.getValue(i) instanceof JsonObject c)) {
        throw config(field + ": expected {\"name\": ..., \"tokenEnv\": ...}, got " + a.getValue(i));
      }
      if (c.containsKey("token")) {
        throw config(field + ".token: tokens must not be in the config file; name an environment variable in"
            + " tokenEnv");
      }
      if (!(c.getValue("name") instanceof String name) || name.isBlank() || tokens.containsKey(name)) {
        throw config(field + ".name: expected a unique client name, got " + c.getValue("name"));
      }
      if (!(c.getValue("tokenEnv") instanceof String var) || var.isBlank()) {
        throw config(field + ".tokenEnv: expected the name of an environment variable, got "
            + c.getValue("tokenEnv"));
      }
      String token = env.apply(var);
      if (token == null || token.length() < MIN_SECRET_LENGTH) {
        throw config(field + ".tokenEnv: environment variable " + var + " must hold a token of at least "
            + MIN_SECRET_LENGTH + " characters");
      }
      tokens.put(name, token);
    }
    return tokens;
  }

  private static List<AddressRule> rules(JsonObject j, String field, List<String> defaults) {
    Object v = j.getValue(field);
    if (v == null) {
      List<AddressRule> rules = new ArrayList<>();
      for (String d : defaults) {
        rules.add(AddressRule.regex(d, field));
      }
      return rules;
    }
    if (!(v instanceof JsonArray a)) {
      throw config(field + ": expected an array of regex strings or {\"address\": ...} objects, got " + v);
    }
    List<AddressRule> rules = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      rules.add(AddressRule.parse(a.getValue(i), field + "[" + i + "]"));
    }
    return rules;
  }

  private static BridgeException config(String message) {
    return new BridgeException(BridgeException.Kind.CONFIG, message);
  }

  public Listener tcp() {
    return tcp;
  }

  public Listener sockjs() {
    return sockjs;
  }

  /** Rules of the addresses clients may register on. */
  public List<AddressRule> outbound() {
    return outbound;
  }

  /** Rules of the addresses clients may send or publish to. */
  public List<AddressRule> inbound() {
    return inbound;
  }

  /** The shared secret, or null (never log it). */
  String secret() {
    return secret;
  }

  public String secretHeader() {
    return secretHeader;
  }

  public long replyTimeoutMs() {
    return replyTimeoutMs;
  }

  /** Client tokens by client name (never log them). */
  Map<String, String> clientTokens() {
    return clientTokens;
  }

  /** Whether REGISTER goes through without a secret (loopback only). */
  public boolean anonymousListeners() {
    return anonymousListeners;
  }

  /** Denied frames after which a connection is closed. */
  public int maxDenials() {
    return maxDenials;
  }

  /** Whether the node splits interactions and answers routed state queries for its clients. */
  public boolean services() {
    return services;
  }

  /** TLS of both bridges, or null for plain connections. */
  public TlsOptions tls() {
    return tls;
  }

  @Override
  public String toString() {
    return "BridgeVerticleOptions{tcp=" + tcp + ", sockjs=" + sockjs + ", outbound=" + outbound + ", inbound="
        + inbound + ", secret=" + (secret == null ? "unset" : "***") + ", clients=" + clientTokens.keySet()
        + ", anonymousListeners=" + anonymousListeners + ", maxDenials=" + maxDenials + ", tls=" + (tls != null)
        + ", secretHeader=" + secretHeader + "}";
  }
}
