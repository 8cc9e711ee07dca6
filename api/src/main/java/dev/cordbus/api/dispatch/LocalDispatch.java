package dev.cordbus.api.dispatch;

import dev.cordbus.api.Headers;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * One dispatch as a {@link DispatchListeners listener} receives it: what a consumer of {@code discord.<EVENT>} finds in
 * the message's headers, as fields, and the body.
 *
 * @param event the dispatch name {@code t}
 * @param shard the shard it arrived on (0 when a message published by hand did not say)
 * @param seq the sequence number {@code s} (-1 when not given)
 * @param session the gateway session id, or null
 * @param guild the guild id the payload names, or null
 * @param body {@code d}: a {@link DispatchBody} when it came from a gateway (shared with this node's other consumers:
 *     read-only), or null when a message published by hand had a body that is not a JSON object
 */
public record LocalDispatch(String event, int shard, long seq, String session, String guild, JsonObject body) {

  /** The dispatch of a gateway's frame, with its body. */
  static LocalDispatch of(DispatchFrame f, JsonObject body) {
    return new LocalDispatch(f.event(), f.shard(), f.seq(), f.session(), f.guild(), body);
  }

  /** A dispatch published on {@code discord.<event>} as a message (its headers as the gateway writes them). */
  static LocalDispatch of(String event, Message<?> msg) {
    return new LocalDispatch(event, (int) number(msg.headers().get(Headers.SHARD), 0),
        number(msg.headers().get(Headers.SEQ), -1), msg.headers().get(Headers.SESSION),
        msg.headers().get(Headers.GUILD), msg.body() instanceof JsonObject d ? d : null);
  }

  private static long number(String v, long otherwise) {
    try {
      return v == null ? otherwise : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
