package dev.cordbus.api.bridge;

import dev.cordbus.api.Address;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.interaction.InteractionKind;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.state.StateAddresses;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Address rules of the event-bus bridges (TCP and SockJS) that let non-JVM bots use cordbus.
 *
 * <p>By default a bridge client may only listen: it can register on every published {@code discord.*} address
 * (dispatches, {@code discord.state.<EVENT>}, shard lifecycle, split interactions) and send nothing. Request-reply
 * service addresses ({@link #SERVICE_ADDRESSES}) can never be registered on through a bridge, whatever the
 * configuration, because a bridge consumer there would receive other bots' REST calls, gateway commands and state
 * queries. That set is not written by hand: it is every constant marked {@link Address.Mode#REQUEST_REPLY} in the
 * {@link #ADDRESS_CLASSES}, and a test fails when a {@code discord.*} constant of {@code api} is unmarked or lives in
 * a class missing from that list.
 */
public final class BridgeAddresses {

  /** Default outbound rule (a full-match regex): every {@code discord.*} address, shard lifecycle included. */
  public static final String DEFAULT_OUTBOUND_REGEX = "discord\\..+";

  /** The classes of {@code api} that hold address constants (each marked with {@link Address}). */
  public static final List<Class<?>> ADDRESS_CLASSES =
      List.of(Addresses.class, StateAddresses.class, RestAddresses.class, InteractionKind.class);

  /**
   * Every request-reply address and prefix (see {@link Address}): no bridge client may register on these or on any
   * address below them. They may still be called (SEND) when listed in the bridge's inbound rules.
   */
  public static final List<String> SERVICE_ADDRESSES = requestReply();

  /** Environment variable holding the shared secret bridge clients must carry. */
  public static final String SECRET_ENV = "CORDBUS_BRIDGE_SECRET";

  /** Default name of the message header carrying the shared secret (or a client's token). */
  public static final String DEFAULT_SECRET_HEADER = "x-cordbus-secret";

  private BridgeAddresses() {
  }

  /** Whether {@code address} is, or lies below, a request-reply service address (see {@link #SERVICE_ADDRESSES}). */
  public static boolean isService(String address) {
    for (String s : SERVICE_ADDRESSES) {
      if (covers(s, address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the constant {@code constant} names {@code address}: equal, or (for a prefix ending with {@code .}) a
   * start of it, or {@code constant + "."} a start of it.
   */
  public static boolean covers(String constant, String address) {
    if (constant.endsWith(".")) {
      return address.startsWith(constant);
    }
    return address.equals(constant) || address.startsWith(constant + ".");
  }

  /** The {@code public static final String} constants of {@code type} marked {@code mode}. */
  public static List<String> constants(Class<?> type, Address.Mode mode) {
    List<String> out = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      Address a = f.getAnnotation(Address.class);
      int m = f.getModifiers();
      if (a != null && a.value() == mode && f.getType() == String.class && Modifier.isStatic(m)
          && Modifier.isPublic(m) && Modifier.isFinal(m)) {
        try {
          out.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("address constant " + type.getName() + "." + f.getName(), e);
        }
      }
    }
    return out;
  }

  private static List<String> requestReply() {
    List<String> all = new ArrayList<>();
    for (Class<?> c : ADDRESS_CLASSES) {
      all.addAll(constants(c, Address.Mode.REQUEST_REPLY));
    }
    return List.copyOf(all);
  }
}
