package dev.cordbus.state.event;

import io.vertx.core.json.JsonObject;

/**
 * One gateway dispatch as the state verticle receives it.
 *
 * @param event   the dispatch name {@code t}
 * @param shard   the shard it arrived on
 * @param session the gateway session id (may be null)
 * @param seq     the sequence number {@code s} (-1 when unknown)
 * @param d       the payload
 */
public record Dispatch(String event, int shard, String session, long seq, JsonObject d) {
}
