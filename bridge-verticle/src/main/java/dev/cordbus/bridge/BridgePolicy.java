package dev.cordbus.bridge;

import dev.cordbus.api.bridge.BridgeAddresses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The bridge's access rules as a pure function of a frame: REGISTER needs an outbound rule and never reaches a
 * service address; SEND and PUBLISH need an inbound rule and the shared secret in the secret header, compared in
 * constant time. Everything else (socket lifecycle, pings, deliveries to the client) is allowed here; Vert.x's own
 * permitted-address check still runs after this one.
 */
public final class BridgePolicy {

  private final List<AddressRule> outbound;
  private final List<AddressRule> inbound;
  /** The secret's UTF-8 bytes, or null when none is configured (then nothing is inbound). */
  private final byte[] secret;
  private final String secretHeader;

  /** A policy over the given rules; {@code secret} may be null only when {@code inbound} is empty. */
  public BridgePolicy(List<AddressRule> outbound, List<AddressRule> inbound, String secret, String secretHeader) {
    this.outbound = List.copyOf(outbound);
    this.inbound = List.copyOf(inbound);
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.secretHeader = secretHeader;
  }

  /** The policy of parsed verticle options. */
  public static BridgePolicy of(BridgeVerticleOptions options) {
    return new BridgePolicy(options.outbound(), options.inbound(), options.secret(), options.secretHeader());
  }

  /** The name of the header that carries the secret. */
  public String secretHeader() {
    return secretHeader;
  }

  /** Decides a frame of {@code type} for {@code address} with the client's {@code headers} (may be null). */
  public Decision decide(BridgeEventType type, String address, JsonObject headers) {
    return switch (type) {
      case REGISTER -> register(address);
      case SEND, PUBLISH -> inbound(address, headers);
      default -> Decision.ALLOWED;
    };
  }

  private Decision register(String address) {
    if (address == null) {
      return Decision.deny(Decision.Reason.NO_ADDRESS);
    }
    if (BridgeAddresses.isService(address)) {
      return Decision.deny(Decision.Reason.SERVICE_ADDRESS);
    }
    return matchesAny(outbound, address) ? Decision.ALLOWED : Decision.deny(Decision.Reason.NOT_OUTBOUND);
  }

  private Decision inbound(String address, JsonObject headers) {
    if (address == null) {
      return Decision.deny(Decision.Reason.NO_ADDRESS);
    }
    if (secret == null || !matchesAny(inbound, address)) {
      return Decision.deny(Decision.Reason.NOT_INBOUND);
    }
    Object given = headers == null ? null : headers.getValue(secretHeader);
    if (!(given instanceof String s) || s.isEmpty()) {
      return Decision.deny(Decision.Reason.SECRET_MISSING);
    }
    return MessageDigest.isEqual(secret, s.getBytes(StandardCharsets.UTF_8)) ? Decision.ALLOWED
        : Decision.deny(Decision.Reason.SECRET_MISMATCH);
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
