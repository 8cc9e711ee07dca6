package dev.cordbus.bridge;

import dev.cordbus.api.bridge.BridgeAddresses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import java.util.List;
import java.util.Map;

/**
 * The bridge's access rules as a pure function of a frame: REGISTER needs an outbound rule, never reaches a
 * request-reply service address ({@link BridgeAddresses#isService}) and, unless anonymous listeners are allowed,
 * carries the shared secret or a client token; SEND and PUBLISH need an inbound rule and the secret or a token.
 * Secrets are compared in constant time ({@link Credentials}). Everything else (socket lifecycle, pings, UNREGISTER,
 * deliveries to the client) is allowed here; Vert.x's own permitted-address check still runs after this one.
 */
public final class BridgePolicy {

  private final List<AddressRule> outbound;
  private final List<AddressRule> inbound;
  private final Credentials credentials;
  private final String secretHeader;
  private final boolean anonymousListeners;

  /**
   * A policy over the given rules; {@code secret} may be null. With neither a secret nor client tokens nothing is
   * inbound, and REGISTER goes through only when {@code anonymousListeners}.
   */
  public BridgePolicy(List<AddressRule> outbound, List<AddressRule> inbound, String secret,
      Map<String, String> clientTokens, String secretHeader, boolean anonymousListeners) {
    this.outbound = List.copyOf(outbound);
    this.inbound = List.copyOf(inbound);
    this.credentials = new Credentials(secret, clientTokens);
    this.secretHeader = secretHeader;
    this.anonymousListeners = anonymousListeners;
  }

  /** The policy of parsed verticle options. */
  public static BridgePolicy of(BridgeVerticleOptions options) {
    return new BridgePolicy(options.outbound(), options.inbound(), options.secret(), options.clientTokens(),
        options.secretHeader(), options.anonymousListeners());
  }

  /** The name of the header that carries the secret. */
  public String secretHeader() {
    return secretHeader;
  }

  /** Decides a frame of {@code type} for {@code address} with the client's {@code headers} (may be null). */
  public Decision decide(BridgeEventType type, String address, JsonObject headers) {
    return switch (type) {
      case REGISTER -> register(address, headers);
      case SEND, PUBLISH -> inbound(address, headers);
      default -> Decision.ALLOWED;
    };
  }

  private Decision register(String address, JsonObject headers) {
    if (address == null) {
      return Decision.deny(Decision.Reason.NO_ADDRESS);
    }
    if (BridgeAddresses.isService(address)) {
      return Decision.deny(Decision.Reason.SERVICE_ADDRESS);
    }
    if (!matchesAny(outbound, address)) {
      return Decision.deny(Decision.Reason.NOT_OUTBOUND);
    }
    return anonymousListeners ? Decision.ALLOWED : authenticate(headers);
  }

  private Decision inbound(String address, JsonObject headers) {
    if (address == null) {
      return Decision.deny(Decision.Reason.NO_ADDRESS);
    }
    if (!credentials.any() || !matchesAny(inbound, address)) {
      return Decision.deny(Decision.Reason.NOT_INBOUND);
    }
    return authenticate(headers);
  }

  private Decision authenticate(JsonObject headers) {
    if (!credentials.any()) {
      return Decision.deny(Decision.Reason.SECRET_MISSING);
    }
    return switch (credentials.check(headers == null ? null : headers.getValue(secretHeader))) {
      case MATCH -> Decision.ALLOWED;
      case MISSING -> Decision.deny(Decision.Reason.SECRET_MISSING);
      case MISMATCH -> Decision.deny(Decision.Reason.SECRET_MISMATCH);
    };
  }

  private static boolean matchesAny(List<AddressRule> rules, String address) {
    for (AddressRule rule : rules) {
      if (rule.matches(address)) {
        return true;
      }
    }
    return false;
  }
}
