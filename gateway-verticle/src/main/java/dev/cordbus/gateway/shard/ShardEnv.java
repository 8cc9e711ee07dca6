package dev.cordbus.gateway.shard;

import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.gateway.identify.IdentifyQueue;
import dev.cordbus.gateway.ops.GroupMonitor;
import dev.cordbus.gateway.publish.EventPublisher;
import dev.cordbus.gateway.publish.FrameParser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the shards of one gateway verticle share.
 *
 * @param vertx the Vert.x instance
 * @param context the verticle's context: every shard callback runs on it
 * @param client the WebSocket client (kept referenced by the verticle)
 * @param options the verticle's options
 * @param identifyQueue identify coordination
 * @param publisher event-bus publishing
 * @param parser the frame parser
 * @param gatewayUrl the cached {@code /gateway} URL (without query)
 * @param random jitter source
 * @param mayRun whether the shards may connect and send right now (false once the group's cluster lease is no longer
 *     provably held: a shard then neither connects nor writes until the verticle stops it); always true without leases
 * @param monitor the group's meters and startup progress
 */
public record ShardEnv(Vertx vertx, Context context, WebSocketClient client, GatewayOptions options,
    IdentifyQueue identifyQueue, EventPublisher publisher, FrameParser parser, Supplier<String> gatewayUrl,
    RandomGenerator random,
    BooleanSupplier mayRun, GroupMonitor monitor) {
}
