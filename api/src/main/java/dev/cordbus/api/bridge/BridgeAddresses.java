package dev.cordbus.api.bridge;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.state.StateAddresses;
import java.util.List;

/**
 * Address rules of the event-bus bridges (TCP and SockJS) that let non-JVM bots use cordbus.
 *
 * <p>By default a bridge client may only listen: it can register on every published {@code discord.*} address
 * (dispatches, {@code discord.state.<EVENT>}, shard lifecycle) and send nothing. Request-reply service addresses
 * ({@link #SERVICE_PREFIXES}) can never be registered on through a bridge, whatever the configuration, because a
 * bridge consumer there would receive other bots' REST calls and gateway commands.
 */
public final class BridgeAddresses {

  /** Default outbound rule (a full-match regex): every {@code discord.*} address, shard lifecycle included. */
  public static final String DEFAULT_OUTBOUND_REGEX = "discord\\..+";

  /**
   * Prefixes of request-reply service addresses no bridge client may register on: REST calls, gateway commands and
   * state queries. They may still be called (SEND) when listed in the bridge's inbound rules.
   */
  public static final List<String> SERVICE_PREFIXES =
      List.of(Addresses.REST_PREFIX, Addresses.GATEWAY_PREFIX, StateAddresses.QUERY_PREFIX);

  /** Environment variable holding the shared secret inbound bridge messages must carry. */
  public static final String SECRET_ENV = "CORDBUS_BRIDGE_SECRET";

  /** Default name of the message header carrying the shared secret. */
  public static final String DEFAULT_SECRET_HEADER = "x-cordbus-secret";

  private BridgeAddresses() {
  }

  /** Whether {@code address} is a request-reply service address (see {@link #SERVICE_PREFIXES}). */
  public static boolean isService(String address) {
    for (String prefix : SERVICE_PREFIXES) {
      if (address.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
