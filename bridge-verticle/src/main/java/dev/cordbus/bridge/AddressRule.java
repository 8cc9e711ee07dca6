package dev.cordbus.bridge;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One permitted-address rule: an exact address or a regex that must match the whole address. In JSON a plain string
 * is a regex ({@code "discord\\..+"}); an object is {@code {"address": "discord.rest.request"}} or
 * {@code {"addressRegex": "discord\\.gateway\\..+"}}.
 */
public record AddressRule(String address, Pattern regex) {

  /** An exact-address rule. */
  public static AddressRule exact(String address) {
    return new AddressRule(address, null);
  }

  /** A full-match regex rule; fails naming {@code field} when the regex does not compile. */
  public static AddressRule regex(String regex, String field) {
    try {
      return new AddressRule(null, Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new BridgeException(BridgeException.Kind.CONFIG, field + ": invalid regex '" + regex + "': "
          + e.getDescription());
    }
  }

  /** Parses one JSON entry (string or object); {@code field} names it in errors, e.g. {@code outbound[2]}. */
  public static AddressRule parse(Object entry, String field) {
    if (entry instanceof String s && !s.isBlank()) {
      return regex(s, field);
    }
    if (entry instanceof JsonObject o) {
      if (o.getValue("address") instanceof String a && !a.isBlank()) {
        return exact(a);
      }
      if (o.getValue("addressRegex") instanceof String r && !r.isBlank()) {
        return regex(r, field + ".addressRegex");
      }
    }
    throw new BridgeException(BridgeException.Kind.CONFIG, field
        + ": expected a regex string or {\"address\": ...} / {\"addressRegex\": ...}, got " + entry);
  }

  /** Whether this rule permits {@code candidate}. */
  public boolean matches(String candidate) {
    return address != null ? address.equals(candidate) : regex.matcher(candidate).matches();
  }

  /** The same rule for Vert.x's own bridge check. */
  public PermittedOptions toPermitted() {
    return address != null ? new PermittedOptions().setAddress(address)
        : new PermittedOptions().setAddressRegex(regex.pattern());
  }

  @Override
  public String toString() {
    return address != null ? address : "/" + regex.pattern() + "/";
  }
}
