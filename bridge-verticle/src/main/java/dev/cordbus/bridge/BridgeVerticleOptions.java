package dev.cordbus.bridge;

import dev.cordbus.api.bridge.BridgeAddresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Configuration of {@link BridgeVerticle}, parsed once. JSON keys:
 * <ul>
 *   <li>{@code tcp}: {@code {host, port}} of the TCP event-bus bridge (4-byte big-endian length + JSON frames), or
 *   {@code false}; default {@code 127.0.0.1:7000}.</li>
 *   <li>{@code sockjs}: {@code {host, port, path}} of the SockJS bridge, or {@code false}; default
 *   {@code 127.0.0.1:8080/eventbus}.</li>
 *   <li>{@code outbound}: rules of the addresses clients may register on (see {@link AddressRule}); default
 *   {@code ["discord\\..+"]}. Service addresses are never registrable ({@link BridgeAddresses#SERVICE_PREFIXES}).</li>
 *   <li>{@code inbound}: rules of the addresses clients may send or publish to; default none. Needs the secret.</li>
 *   <li>{@code secretHeader}: header carrying the secret; default {@code x-cordbus-secret}.</li>
 *   <li>{@code replyTimeoutMs}: how long a client's request waits for a reply; default 30000.</li>
 * </ul>
 * The shared secret comes only from the environment variable {@code CORDBUS_BRIDGE_SECRET} (at least
 * {@value #MIN_SECRET_LENGTH} characters); a {@code secret} key in the config is rejected. It is never printed.
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

  private final Listener tcp;
  private final Listener sockjs;
  private final List<AddressRule> outbound;
  private final List<AddressRule> inbound;
  private final String secret;
  private final String secretHeader;
  private final long replyTimeoutMs;

  /** Parses {@code json} with the process environment. */
  public BridgeVerticleOptions(JsonObject json) {
    this(json, System::getenv);
  }

  /** Parses {@code json}, reading the secret through {@code env}; throws a CONFIG error naming the bad field. */
  public BridgeVerticleOptions(JsonObject json, Function<String, String> env) {
    JsonObject j = json == null ? new JsonObject() : json;
    if (j.containsKey("secret")) {
      throw config("secret: must not be in the config file; set the " + BridgeAddresses.SECRET_ENV
          + " environment variable");
    }
    this.tcp = Listener.parse(j.getValue("tcp"), "tcp", DEFAULT_TCP_PORT, null);
    this.sockjs = Listener.parse(j.getValue("sockjs"), "sockjs", DEFAULT_SOCKJS_PORT, DEFAULT_SOCKJS_PATH);
    if (!tcp.enabled() && !sockjs.enabled()) {
      throw config("tcp, sockjs: both bridges are disabled");
    }
    this.outbound = rules(j, "outbound", List.of(BridgeAddresses.DEFAULT_OUTBOUND_REGEX));
    this.inbound = rules(j, "inbound", List.of());
    Object header = j.getValue("secretHeader", BridgeAddresses.DEFAULT_SECRET_HEADER);
    if (!(header instanceof String h) || h.isBlank()) {
      throw config("secretHeader: expected a header name, got " + header);
    }
    this.secretHeader = h;
    Object timeout = j.getValue("replyTimeoutMs", DEFAULT_REPLY_TIMEOUT_MS);
    if (!(timeout instanceof Number t) || t.longValue() < 1 || t.longValue() > 600_000) {
      throw config("replyTimeoutMs: expected 1..600000, got " + timeout);
    }
    this.replyTimeoutMs = t.longValue();
    String s = env.apply(BridgeAddresses.SECRET_ENV);
    this.secret = s == null || s.isEmpty() ? null : s;
    if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
      throw config(BridgeAddresses.SECRET_ENV + ": the secret must have at least " + MIN_SECRET_LENGTH
          + " characters");
    }
    if (!inbound.isEmpty() && secret == null) {
      throw config("inbound: inbound addresses are configured but " + BridgeAddresses.SECRET_ENV
          + " is not set; inbound messages must carry that secret");
    }
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

  @Override
  public String toString() {
    return "BridgeVerticleOptions{tcp=" + tcp + ", sockjs=" + sockjs + ", outbound=" + outbound + ", inbound="
        + inbound + ", secret=" + (secret == null ? "unset" : "***") + ", secretHeader=" + secretHeader + "}";
  }
}
