package dev.cordbus.gateway.identify;

import dev.cordbus.gateway.config.GatewayOptions;
import io.vertx.core.Vertx;

/** Makes the {@link IdentifyQueue} of a gateway verticle once {@code session_start_limit} is known. */
@FunctionalInterface
public interface IdentifyQueueFactory {

  /** The queue for a verticle with {@code options}, given Discord's {@code limit}. */
  IdentifyQueue create(Vertx vertx, GatewayOptions options, SessionStartLimit limit);
}
