package dev.cordbus.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How messages travel on the event-bus address a constant names. Every {@code discord.*} constant in {@code api}
 * carries it (a test walks the module and fails on one without), and the bridges derive the addresses no client
 * may ever register on from the {@link Mode#REQUEST_REPLY} ones ({@link dev.cordbus.api.bridge.BridgeAddresses}),
 * so a new service address cannot be forgotten there.
 *
 * <p>A constant whose value ends with {@code .} names every address under that prefix; any other value names itself
 * and the addresses {@code <value>.<anything>} below it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Address {

  /** How messages travel on the address. */
  Mode value();

  /** Delivery modes. */
  enum Mode {
    /** Published to every consumer (events): bridge clients may listen when the outbound rules allow. */
    PUBLISHED,
    /**
     * Sent or requested to one consumer that answers (REST calls, gateway commands, state queries, relays): a
     * bridge consumer there would receive other bots' requests, so no bridge client may ever register on it.
     */
    REQUEST_REPLY,
    /** A prefix holding both kinds (e.g. {@code discord.state.}); the constants below it say which is which. */
    NAMESPACE
  }
}
