package dev.cordbus.rest;

import dev.cordbus.rest.http.RequestSpec;
import dev.cordbus.rest.ratelimit.Ticket;
import dev.cordbus.rest.route.RouteKey;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** One event-bus request in flight through the limiter: the message to answer and timings. */
final class PendingCall {

  final Message<Object> message;
  final RequestSpec spec;
  final RouteKey route;
  final Ticket ticket;
  /** When the request arrived on the bus (nanos). */
  final long receivedNanos = System.nanoTime();
  /** When the current attempt was sent (nanos). */
  long sentNanos;
  /** Key of the cluster-wide bucket the current attempt reserved, or null (not shared / not yet reserved). */
  String sharedKey;
  /** Consecutive failures to reach the shared bucket state. */
  int sharedErrors;
  /** Id of the current attempt in the cluster-wide global window, or null when it holds no slot there. */
  String globalId;

  PendingCall(Message<Object> message, RequestSpec spec, RouteKey route) {
    this.message = message;
    this.spec = spec;
    this.route = route;
    this.ticket = new Ticket(route, this);
  }

  void reply(JsonObject envelope) {
    message.reply(envelope);
  }
}
